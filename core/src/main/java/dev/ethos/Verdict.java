package dev.ethos;

/** What a filter decided, ordered by severity: a report's verdict is its most severe outcome. */
public enum Verdict {
    /** Nothing to do. */
    PASS,
    /** The text was changed (placeholders, neutral wording, a label); nothing needs a human. */
    REWRITE,
    /** Delivered, but marked for the reader or a reviewer. */
    FLAG,
    /** Not delivered. */
    BLOCK;

    public Verdict max(Verdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
