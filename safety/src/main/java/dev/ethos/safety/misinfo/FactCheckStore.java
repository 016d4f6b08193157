package dev.ethos.safety.misinfo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Fact-checked claims that sentences are matched against. {@link #find} returns the claims a
 * sentence paraphrases (not only copies), best first, each with whether the sentence asserts or
 * negates it; the filter flags only asserted matches of False or Misleading claims.
 *
 * <p>{@link #of} builds the standard implementation: normalised term shingles (character
 * unigrams and bigrams for Chinese) indexed with MinHash-LSH (32 bands of 2 rows), so a lookup
 * touches only the claims that share a band with the sentence or one of its clauses, then a
 * verifier that scores the weighted share of the claim's content terms the sentence carries and
 * compares the negation of the clauses that carry them with the claim's own. Implementations are
 * immutable and thread-safe.
 */
public interface FactCheckStore {
    /**
     * The claims {@code sentence} matches, best first.
     *
     * @param sentence one sentence
     * @param lang "en" or "zh": only claims in this language are considered
     */
    List<ClaimMatch> find(String sentence, String lang);

    /** How many claims the store holds. */
    int size();

    /** An estimate of the index's heap size in bytes (claims, terms and LSH buckets), or -1 if unknown. */
    default long estimatedBytes() {
        return -1;
    }

    /** A store with no claims. */
    static FactCheckStore empty() {
        return of(List.of());
    }

    /** The MinHash-LSH store over {@code checks} (at most 16,777,215 claims). */
    static FactCheckStore of(Collection<FactCheck> checks) {
        return new LshFactCheckStore(new ArrayList<>(checks));
    }

    /** Loads ClaimReview-style JSON or JSON Lines files (see {@link FactCheckLoader}) into one store. */
    static FactCheckStore load(Path... files) throws IOException {
        List<FactCheck> all = new ArrayList<>();
        for (Path f : files) {
            all.addAll(FactCheckLoader.read(f));
        }
        return of(all);
    }
}
