package dev.ethos.safety.misinfo;

import java.util.Objects;

/**
 * A fact-checked claim that a sentence matches: the fact-check, the verifier's score in [0, 1]
 * (weighted share of the claim's content terms the sentence carries), and whether the sentence
 * asserts the claim (same polarity) rather than negating it.
 */
public record ClaimMatch(FactCheck factCheck, double score, boolean asserted) {
    public ClaimMatch {
        Objects.requireNonNull(factCheck, "factCheck");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0, 1], got " + score);
        }
    }
}
