package dev.ethos.safety.pii;

/**
 * What to put in place of one piece of personal data. Implementations are immutable and thread-safe;
 * per-request state (placeholder numbers, consistent surrogates) lives in the {@link PiiVault} passed in.
 * The built-ins come from {@link Operators}.
 */
public interface Operator {
    /** A short name reported with every finding ({@code replace}, {@code mask} …). */
    String name();

    /** The replacement for {@code value} of {@code type}. */
    String apply(String type, String value, PiiVault vault);
}
