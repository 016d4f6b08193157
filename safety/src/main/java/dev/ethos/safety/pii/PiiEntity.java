package dev.ethos.safety.pii;

import java.util.Objects;

/**
 * One piece of personal data the analyzer reports: type, span {@code [start, end)} in UTF-16 indices
 * of the <em>original</em> text, score and the recognizer that found it. Carries no raw value, so it is
 * safe to log.
 */
public record PiiEntity(String type, int start, int end, double score, String recognizer) {
    public PiiEntity {
        Objects.requireNonNull(type, "type");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad entity span [" + start + ", " + end + ")");
        }
    }

    public int length() {
        return end - start;
    }

    /** The value in {@code text} (the text this entity was found in). */
    public String valueIn(String text) {
        return text.substring(start, end);
    }
}
