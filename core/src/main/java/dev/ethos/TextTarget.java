package dev.ethos;

/** Which text a {@link Span} points into. */
public enum TextTarget {
    /** One message of the request as the caller sent it ({@link Span#messageIndex()} says which). */
    PROMPT,
    /** The text the model actually produced, before any output filter changed it. */
    MODEL_OUTPUT,
    /** The text delivered to the caller (used for text a filter added, such as a label). */
    FINAL_OUTPUT
}
