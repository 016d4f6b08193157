package dev.ethos.safety.pii;

import java.util.Objects;

/**
 * What a {@link Recognizer} proposes: a type, a span {@code [start, end)} of the normalised text, a
 * score in [0, 1] and the recognizer's name. Carries no raw value.
 */
public record PiiCandidate(String type, int start, int end, double score, String recognizer) {
    public PiiCandidate {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(recognizer, "recognizer");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad candidate span [" + start + ", " + end + ") from " + recognizer);
        }
        score = Math.max(0, Math.min(1, score));
    }

    public int length() {
        return end - start;
    }
}
