package dev.ethos.safety.bias;

import java.util.Objects;

/**
 * One rewrite the bias filter made: {@code [start, end)} of the input (UTF-16 indices) became
 * {@code replacement}, by {@code rule} (for example {@code en.pronoun.possessive},
 * {@code en.verb.agreement}, {@code en.role-noun}, {@code zh.pronoun}, {@code zh.role-term}).
 */
public record BiasEdit(int start, int end, String replacement, String rule) {
    public BiasEdit {
        Objects.requireNonNull(replacement, "replacement");
        Objects.requireNonNull(rule, "rule");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad edit range [" + start + ", " + end + ")");
        }
    }
}
