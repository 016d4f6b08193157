package dev.ethos;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing a filter found: its type ({@code EMAIL_ADDRESS}, {@code GENERIC_PRONOUN},
 * {@code health_cure}, …), where it is, a score in [0, 1], a reason for humans, the replacement
 * the filter made (if it made one) and free details (the rule, a fact-check URL, …).
 * Never carries the raw value it found.
 */
public record Finding(String type, Span span, double score, String reason, String replacement,
                      Map<String, String> details) {
    public Finding {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(reason, "reason");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0, 1], got " + score);
        }
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static Finding of(String type, Span span, double score, String reason) {
        return new Finding(type, span, score, reason, null, Map.of());
    }

    public Optional<String> replacementText() {
        return Optional.ofNullable(replacement);
    }

    public Finding withSpan(Span newSpan) {
        return new Finding(type, newSpan, score, reason, replacement, details);
    }

    public Finding withReplacement(String newReplacement) {
        return new Finding(type, span, score, reason, newReplacement, details);
    }
}
