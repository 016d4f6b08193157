package dev.ethos.safety.pii;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The map between placeholders ({@code <EMAIL_ADDRESS_1>}) and the values they stand for. The same
 * (type, value) always gets the same placeholder; numbers count per type from 1. Thread-safe.
 *
 * <p>A {@link PiiPseudonymizer} makes a new vault for every request unless the caller supplies one;
 * {@link #withTtl} makes a vault whose entries expire, for callers that restore across requests.
 */
public interface PiiVault {
    /** The placeholder for {@code value} of {@code type}, created on first use. */
    String placeholderFor(String type, String value);

    /** The value behind {@code placeholder} (exact form {@code <TYPE_N>}), if known and not expired. */
    Optional<String> original(String placeholder);

    /**
     * Marks {@code placeholder} as taken by the caller's own text, so no value is ever given it and
     * restoring leaves it alone.
     */
    void reserve(String placeholder);

    /** How many live entries the vault holds. */
    int size();

    /** Forgets everything. */
    void clear();

    /** A vault without expiry, for one request. */
    static PiiVault inMemory() {
        return new InMemoryVault(null, Clock.systemUTC());
    }

    /** A vault whose entries expire {@code ttl} after they were created. */
    static PiiVault withTtl(Duration ttl) {
        return withTtl(ttl, Clock.systemUTC());
    }

    static PiiVault withTtl(Duration ttl, Clock clock) {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("vault time-to-live must be positive, got " + ttl);
        }
        return new InMemoryVault(ttl, clock);
    }

    /** Placeholder form: {@code <TYPE_N>}. */
    static String placeholder(String type, int n) {
        return "<" + type + "_" + n + ">";
    }

    /** A snapshot of placeholder → value (for tests and audits the caller controls; never log it). */
    Map<String, String> snapshot();
}
