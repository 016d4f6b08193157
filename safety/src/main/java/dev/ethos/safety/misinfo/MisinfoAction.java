package dev.ethos.safety.misinfo;

/** What the filter does with a category's findings. */
public enum MisinfoAction {
    /** Report the finding; the text is delivered unchanged (verdict FLAG). */
    FLAG,
    /** Report it and append a short warning in the text's language, with the fact-check link. */
    ANNOTATE,
    /** Block the generation when the finding's score reaches the category's block threshold. */
    BLOCK
}
