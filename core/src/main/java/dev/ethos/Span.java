package dev.ethos;

import java.util.Objects;

/**
 * A half-open range {@code [start, end)} of UTF-16 indices into one text, named by {@link #target()}.
 * For {@link TextTarget#PROMPT} spans, {@link #messageIndex()} says which message; otherwise it is -1.
 */
public record Span(TextTarget target, int messageIndex, int start, int end) {
    public Span {
        Objects.requireNonNull(target, "target");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
        if ((target == TextTarget.PROMPT) != (messageIndex >= 0)) {
            throw new IllegalArgumentException("a PROMPT span needs a message index, other spans none (got "
                    + target + ", " + messageIndex + ")");
        }
    }

    public static Span output(int start, int end) {
        return new Span(TextTarget.MODEL_OUTPUT, -1, start, end);
    }

    public static Span prompt(int messageIndex, int start, int end) {
        return new Span(TextTarget.PROMPT, messageIndex, start, end);
    }

    public static Span finalOutput(int start, int end) {
        return new Span(TextTarget.FINAL_OUTPUT, -1, start, end);
    }

    public int length() {
        return end - start;
    }

    public Span withRange(int newStart, int newEnd) {
        return new Span(target, messageIndex, newStart, newEnd);
    }

    public Span shift(int delta) {
        return withRange(start + delta, end + delta);
    }
}
