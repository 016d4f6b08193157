package dev.ethos.safety.pii;

import java.util.List;
import java.util.Set;

/**
 * Finds one or a few kinds of personal data. Implementations are small, stateless and thread-safe;
 * users add their own with {@link PiiAnalyzer.Builder#recognizer(Recognizer)}.
 *
 * <p>A recognizer scans {@link PiiText#normalized()} and adds {@link PiiCandidate}s with offsets into
 * it and a score in [0, 1] that already includes its own validation and context words. It must run in
 * time linear in the text (no unbounded backtracking) and must not rely on {@code \b} next to Han
 * characters.
 */
public interface Recognizer {
    /** A short stable name, reported with every candidate. */
    String name();

    /** The types this recognizer can produce ({@code "EMAIL_ADDRESS"}, …). */
    Set<String> types();

    /** Adds what it finds in {@code text} to {@code out}. */
    void analyze(PiiText text, List<PiiCandidate> out);
}
