package dev.ethos.safety.misinfo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The MinHash-LSH fact-check store.
 *
 * <h2>Index</h2>
 * Each claim's content terms ({@link Terms}) get a 64-value MinHash signature, cut into 32 bands of
 * 2 values. A band's 39-bit hash and the claim's 24-bit number are packed into one {@code long};
 * all of them sit in one sorted {@code long[]}. A lookup hashes the sentence and each of its clauses
 * the same way and reads each band's bucket: O(bands) plus the candidates, never a scan. Two sets with Jaccard similarity J share at least one band with
 * probability 1 − (1 − J²)^32: 0.72 at J = 0.2, 0.99 at J = 0.4. Querying clauses separately keeps J
 * high when a long sentence carries a short claim.
 *
 * When a sentence draws more than 32 distinct candidates (a big store, common words), only those
 * that share two or more bands with the sentence and its clauses are verified: chance collisions
 * rarely repeat, real paraphrases usually do. Buckets are found through a directory on the top bits
 * of the key (about two entries per slot), so a band costs one or two cache misses, not a binary
 * search.
 *
 * Terms found in more than 1% of the claims (and more than 50 of them) are left out of the signatures,
 * as stop words are: they would put most claims in a band with most sentences. The verifier still
 * counts them.
 *
 * <h2>Verifier</h2>
 * A candidate matches by {@link #accept}: the IDF-weighted share of its terms found in the sentence
 * (0.6 in English, 0.5 in Chinese over character unigrams and bigrams) and how many terms it may
 * miss (none for a claim of up to 3 English terms); a claim of 4 or more terms must also have 0.4 of
 * the weight of its second half (mostly the predicate) in the sentence. The sentence asserts the
 * claim when the clauses that carry the shared predicate terms (weighted; ties count as negated)
 * have the claim's own negation polarity.
 *
 * <h2>Memory</h2>
 * Per claim: 32 × 8 bytes of band keys, its term ids (4 bytes each, ~6–20 terms), the
 * {@link FactCheck} record and its strings, plus the shared vocabulary; {@link #estimatedBytes()}
 * adds these up.
 */
final class LshFactCheckStore implements FactCheckStore {
    static final int BANDS = 32;
    static final int ROWS = 2;
    private static final int HASHES = BANDS * ROWS;
    private static final int ID_BITS = 24;
    private static final long ID_MASK = (1L << ID_BITS) - 1;
    private static final int KEY_BITS = 63 - ID_BITS; // packed values stay non-negative, so sort order is key order
    private static final long KEY_MASK = (1L << KEY_BITS) - 1;
    /** Above this many distinct candidates, only claims sharing at least two bands are verified. */
    private static final int CROWDED = 32;
    private static final long[] SEEDS = new long[HASHES];

    static {
        long s = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < HASHES; i++) {
            s = mix(s + 0x632BE59BD9B4E019L * (i + 1));
            SEEDS[i] = s;
        }
    }

    private final FactCheck[] checks;
    private final int[][] terms;
    /** The terms of the claim's second half (its predicate, mostly), sorted. */
    private final int[][] tails;
    private final boolean[] negated;
    private final boolean[] chinese;
    private final float[] weight;
    private final float[] idf;
    private final Map<String, Integer> vocab;
    /** Terms in more than 1% of the claims (and more than 50): left out of signatures, kept by the verifier. */
    private final boolean[] frequent;
    private final long[] buckets;
    /** {@code dir[k]} is the first index in {@link #buckets} whose key's top {@link #dirBits} bits are >= k. */
    private final int[] dir;
    private final int dirBits;

    LshFactCheckStore(List<FactCheck> list) {
        if (list.size() > ID_MASK) {
            throw new IllegalArgumentException("a fact-check store holds at most " + ID_MASK + " claims, got "
                    + list.size());
        }
        int n = list.size();
        checks = list.toArray(new FactCheck[0]);
        terms = new int[n][];
        tails = new int[n][];
        negated = new boolean[n];
        chinese = new boolean[n];
        weight = new float[n];
        vocab = new HashMap<>();
        List<String>[] termStrings = new List[n];
        int[] df = new int[16];
        for (int i = 0; i < n; i++) {
            FactCheck fc = checks[i];
            List<String> ts = Terms.of(fc.claim(), fc.lang());
            termStrings[i] = ts;
            int[] ids = new int[ts.size()];
            for (int k = 0; k < ids.length; k++) {
                Integer id = vocab.get(ts.get(k));
                if (id == null) {
                    id = vocab.size();
                    vocab.put(ts.get(k), id);
                }
                ids[k] = id;
                if (id >= df.length) {
                    df = Arrays.copyOf(df, df.length * 2);
                }
                df[id]++;
            }
            int[] tail = Arrays.copyOfRange(ids, ids.length / 2, ids.length);
            Arrays.sort(tail);
            tails[i] = tail;
            Arrays.sort(ids);
            terms[i] = ids;
            negated[i] = Polarity.negated(fc.claim(), fc.lang());
            chinese[i] = fc.lang().equals("zh");
        }
        idf = new float[vocab.size()];
        for (int t = 0; t < idf.length; t++) {
            idf[t] = (float) (1 + Math.log((n + 1.0) / (df[t] + 1.0)));
        }
        frequent = new boolean[vocab.size()];
        int limit = Math.max(50, n / 100);
        for (int t = 0; t < frequent.length; t++) {
            frequent[t] = df[t] > limit;
        }
        buckets = new long[n * BANDS];
        long[] sig = new long[HASHES];
        for (int i = 0; i < n; i++) {
            float w = 0;
            for (int t : terms[i]) {
                w += idf[t];
            }
            weight[i] = w;
            signature(rare(termStrings[i]), sig);
            for (int b = 0; b < BANDS; b++) {
                buckets[i * BANDS + b] = (bandKey(sig, b) << ID_BITS) | i;
            }
        }
        int vocabSize = vocab.size();
        marks = ThreadLocal.withInitial(() -> new Marks(vocabSize));
        Arrays.sort(buckets);
        dirBits = Math.max(1, 31 - Integer.numberOfLeadingZeros(Math.max(1, buckets.length)) - 1);
        dir = new int[(1 << dirBits) + 1];
        int k = 0;
        for (int slot = 0; slot <= (1 << dirBits); slot++) {
            while (k < buckets.length && slot(buckets[k] >>> ID_BITS) < slot) {
                k++;
            }
            dir[slot] = k;
        }
    }

    private int slot(long key) {
        return (int) (key >>> (KEY_BITS - dirBits));
    }

    @Override
    public int size() {
        return checks.length;
    }

    @Override
    public long estimatedBytes() {
        long bytes = 16 + 8L * buckets.length + 4L * dir.length;
        for (int i = 0; i < checks.length; i++) {
            FactCheck fc = checks[i];
            bytes += 32 + 4L * terms[i].length + 4L * tails[i].length // term ids
                    + 4 + 1 + 1 + 8 // weight, negated, chinese, array slot
                    + 32 + str(fc.claim()) + str(fc.url()) + str(fc.datePublished()); // record and strings
        }
        for (String t : vocab.keySet()) {
            bytes += 48 + str(t) + 4 + 1; // map entry, key, idf, frequent
        }
        return bytes;
    }

    private static long str(String s) {
        boolean latin1 = s.chars().allMatch(c -> c < 256);
        return 24 + 16 + (long) s.length() * (latin1 ? 1 : 2);
    }

    @Override
    public List<ClaimMatch> find(String sentence, String lang) {
        if (checks.length == 0 || sentence.isBlank()) {
            return List.of();
        }
        boolean zh = "zh".equals(lang);
        List<Sentences.Range> clauseRanges = Sentences.clauses(sentence);
        List<String> sentTerms;
        List<List<String>> clauseTerms = new ArrayList<>(clauseRanges.size());
        if (!zh && Terms.plainLatin(sentence)) {
            // One pass with offsets; clause terms are the terms whose word lies in the clause.
            List<String> all = new ArrayList<>();
            List<Integer> at = new ArrayList<>();
            Terms.scanLatin(sentence, all, at);
            sentTerms = new ArrayList<>(new java.util.LinkedHashSet<>(all));
            for (Sentences.Range r : clauseRanges) {
                List<String> ct = new ArrayList<>();
                for (int k = 0; k < all.size(); k++) {
                    if (at.get(k) >= r.start() && at.get(k) < r.end() && !ct.contains(all.get(k))) {
                        ct.add(all.get(k));
                    }
                }
                clauseTerms.add(ct);
            }
        } else {
            sentTerms = Terms.of(sentence, lang);
            for (Sentences.Range r : clauseRanges) {
                clauseTerms.add(clauseRanges.size() == 1 ? sentTerms : Terms.of(r.of(sentence), lang));
            }
        }
        if (sentTerms.isEmpty()) {
            return List.of();
        }
        IntBuf cand = new IntBuf();
        long[] sig = new long[HASHES];
        // Clauses share the sentence's terms: cache each term's hashes only when clauses are probed too.
        Map<String, long[]> rows = clauseRanges.size() > 1 ? new HashMap<>() : null;
        probe(sentTerms, sig, cand, rows);
        if (clauseRanges.size() > 1) {
            for (List<String> ct : clauseTerms) {
                if (!ct.isEmpty()) {
                    probe(ct, sig, cand, rows);
                }
            }
        }
        int nc = cand.size;
        if (nc == 0) {
            return List.of();
        }
        int[] candidates = cand.a;
        Arrays.sort(candidates, 0, nc);
        int distinct = 0;
        for (int k = 0; k < nc; k++) {
            if (k == 0 || candidates[k] != candidates[k - 1]) {
                distinct++;
            }
        }
        if (distinct > CROWDED) {
            // A big store: chance collisions in one band are common; keep claims found in two or more.
            int w = 0;
            for (int k = 0; k < nc; k++) {
                if (k + 1 < nc && candidates[k + 1] == candidates[k] && (w == 0 || candidates[w - 1] != candidates[k])) {
                    candidates[w++] = candidates[k];
                }
            }
            nc = w;
        }
        int[] sent = ids(sentTerms);
        // The sentence's terms marked in a per-thread table: a claim term is shared when its mark
        // carries this lookup's stamp.
        Marks marks = this.marks.get();
        int stamp = marks.next();
        for (int t : sent) {
            marks.mark[t] = stamp;
        }
        // Fetch the candidates' term arrays first: independent loads whose cache misses overlap.
        int[][] claims = new int[nc][];
        for (int k = 0; k < nc; k++) {
            claims[k] = terms[candidates[k]];
        }
        List<int[]> clauseIds = null;
        boolean[] clauseNeg = null;
        List<ClaimMatch> out = new ArrayList<>(2);
        int prev = -1;
        for (int k = 0; k < nc; k++) {
            int id = candidates[k];
            if (id == prev) {
                continue;
            }
            prev = id;
            if (chinese[id] != zh) {
                continue;
            }
            int[] claim = claims[k];
            float shared = 0;
            int sharedCount = 0;
            for (int t : claim) { // ascending, as the merge with the sentence's sorted ids would add them
                if (marks.mark[t] == stamp) {
                    shared += idf[t];
                    sharedCount++;
                }
            }
            double score = weight[id] > 0 ? shared / weight[id] : 0;
            boolean strict = accept(claim.length, sharedCount, score, zh);
            if (!strict && !(zh ? score >= 0.4 && sharedCount >= 6
                    : claim.length >= 6 && score >= 0.45 && sharedCount >= 3)) {
                continue;
            }
            // The predicate must be there: "the Apollo 11 astronauts landed on the Moon" is not
            // "the Apollo 11 Moon landing was faked".
            int[] tail = tails[id];
            float tailW = 0;
            for (int t : tail) {
                tailW += idf[t];
            }
            float tailShared = sharedWeight(tail, sent);
            if (claim.length >= 4 && tailShared < 0.4f * tailW) {
                continue;
            }
            if (!strict && (tailShared < 0.65f * tailW || zh && shared - tailShared < 0.3f * (weight[id] - tailW))) {
                continue; // a long claim matched on less of its weight needs most of its predicate and some subject
            }
            if (clauseIds == null) {
                clauseIds = new ArrayList<>(clauseRanges.size());
                clauseNeg = new boolean[clauseRanges.size()];
                for (int c = 0; c < clauseRanges.size(); c++) {
                    clauseIds.add(ids(clauseTerms.get(c)));
                    clauseNeg[c] = Polarity.negated(clauseRanges.get(c).of(sentence), lang);
                }
            }
            float[] w = polarityWeights(tailShared > 0 ? tail : claim, clauseIds, clauseNeg);
            if (w[0] == w[1] && tailShared > 0) {
                w = polarityWeights(claim, clauseIds, clauseNeg); // a tie on the predicate: use the whole claim
            }
            float negW = w[0];
            float posW = w[1];
            boolean sentenceNegated = negW > 0 && negW >= posW;
            out.add(new ClaimMatch(checks[id], Math.min(1.0, score), sentenceNegated == negated[id]));
        }
        out.sort(Comparator.comparingDouble(ClaimMatch::score).reversed());
        return out;
    }

    /**
     * The verifier's acceptance rule. English: a claim of up to 3 terms must be covered entirely, one
     * of 4–5 terms may miss one, a longer one needs half of its terms and 0.6 of its weight. Chinese
     * (characters and bigrams, so many more terms): 0.5 of the weight and at least 4 shared terms.
     */
    static boolean accept(int claimTerms, int shared, double score, boolean zh) {
        if (zh) {
            return score >= 0.5 && shared >= Math.min(claimTerms, 4);
        }
        if (claimTerms <= 3) {
            return shared == claimTerms;
        }
        if (claimTerms <= 5) {
            return shared >= claimTerms - 1 && score >= 0.6;
        }
        return score >= 0.6 && shared * 2 >= claimTerms;
    }

    /** {negated, asserted} weight of {@code focus} terms over the clauses. */
    private float[] polarityWeights(int[] focus, List<int[]> clauseIds, boolean[] clauseNeg) {
        float negW = 0;
        float posW = 0;
        for (int c = 0; c < clauseIds.size(); c++) {
            float w = sharedWeight(focus, clauseIds.get(c));
            if (clauseNeg[c]) {
                negW += w;
            } else {
                posW += w;
            }
        }
        return new float[] {negW, posW};
    }

    private float sharedWeight(int[] claim, int[] clause) {
        float w = 0;
        int i = 0;
        int j = 0;
        while (i < claim.length && j < clause.length) {
            if (claim[i] == clause[j]) {
                w += idf[claim[i]];
                i++;
                j++;
            } else if (claim[i] < clause[j]) {
                i++;
            } else {
                j++;
            }
        }
        return w;
    }

    /** Sorted ids of the terms the vocabulary knows (unknown terms cannot be shared with any claim). */
    private int[] ids(List<String> ts) {
        int[] out = new int[ts.size()];
        int n = 0;
        for (String t : ts) {
            Integer id = vocab.get(t);
            if (id != null) {
                out[n++] = id;
            }
        }
        out = Arrays.copyOf(out, n);
        Arrays.sort(out);
        return out;
    }

    /** Per-thread marks over the vocabulary (see {@link #find}); 4 bytes per vocabulary term per thread. */
    private final ThreadLocal<Marks> marks;

    /** One thread's term marks: {@code mark[t] == stamp} for the terms of the current lookup. */
    private static final class Marks {
        final int[] mark;
        int stamp;

        Marks(int vocabSize) {
            mark = new int[vocabSize];
        }

        int next() {
            if (++stamp == 0) { // wrapped around: old marks could collide with new stamps
                java.util.Arrays.fill(mark, 0);
                stamp = 1;
            }
            return stamp;
        }
    }

    /** A growable int list. */
    private static final class IntBuf {
        int[] a = new int[64];
        int size;

        void add(int v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }
    }

    /** The terms that are not {@link #frequent}, or all of them when every one is. */
    private List<String> rare(List<String> ts) {
        List<String> out = null;
        for (int k = 0; k < ts.size(); k++) {
            Integer id = vocab.get(ts.get(k));
            if (id != null && frequent[id]) {
                if (out == null) {
                    out = new ArrayList<>(ts.subList(0, k));
                }
            } else if (out != null) {
                out.add(ts.get(k));
            }
        }
        return out == null ? ts : out.isEmpty() ? ts : out;
    }

    /**
     * Adds the claims sharing a band with {@code ts} to {@code out}; {@code rows}, if not null, caches
     * each term's hashes.
     */
    private void probe(List<String> ts, long[] sig, IntBuf out, Map<String, long[]> rows) {
        Arrays.fill(sig, Long.MAX_VALUE);
        for (String t : rare(ts)) {
            if (rows == null) {
                long h = termHash(t);
                for (int i = 0; i < HASHES; i++) {
                    long v = minHash(h, i);
                    if (v < sig[i]) {
                        sig[i] = v;
                    }
                }
                continue;
            }
            long[] row = rows.get(t);
            if (row == null) {
                row = new long[HASHES];
                long h = termHash(t);
                for (int i = 0; i < HASHES; i++) {
                    row[i] = minHash(h, i);
                }
                rows.put(t, row);
            }
            for (int i = 0; i < HASHES; i++) {
                if (row[i] < sig[i]) {
                    sig[i] = row[i];
                }
            }
        }
        // Read the 32 directory slots first, then the 32 buckets: independent loads, so their cache
        // misses overlap instead of queuing behind each band's scan.
        long[] keys = new long[BANDS];
        int[] from = new int[BANDS];
        int[] to = new int[BANDS];
        for (int b = 0; b < BANDS; b++) {
            keys[b] = bandKey(sig, b);
        }
        for (int b = 0; b < BANDS; b++) {
            int slot = slot(keys[b]);
            from[b] = dir[slot];
            to[b] = dir[slot + 1];
        }
        for (int b = 0; b < BANDS; b++) {
            long lo = keys[b] << ID_BITS;
            for (int idx = from[b], end = to[b]; idx < end; idx++) {
                long v = buckets[idx];
                if ((v & ~ID_MASK) == lo) {
                    out.add((int) (v & ID_MASK));
                } else if (v > lo) {
                    break;
                }
            }
        }
    }

    private static void signature(List<String> ts, long[] sig) {
        Arrays.fill(sig, Long.MAX_VALUE);
        for (String t : ts) {
            long h = termHash(t);
            for (int i = 0; i < HASHES; i++) {
                long v = minHash(h, i);
                if (v < sig[i]) {
                    sig[i] = v;
                }
            }
        }
    }

    private static long termHash(String t) {
        return mix(t.hashCode() * 0xC2B2AE3D27D4EB4FL + t.length());
    }

    /** One multiply-xorshift per hash function: a cheap universal family, enough for MinHash. */
    private static long minHash(long termHash, int i) {
        long v = (termHash ^ SEEDS[i]) * 0x9E3779B97F4A7C15L;
        return v ^ (v >>> 31);
    }

    private static long bandKey(long[] sig, int band) {
        long h = mix(sig[band * ROWS] * 0x9E3779B97F4A7C15L + band);
        for (int r = 1; r < ROWS; r++) {
            h = mix(h ^ sig[band * ROWS + r]);
        }
        return h & KEY_MASK;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
