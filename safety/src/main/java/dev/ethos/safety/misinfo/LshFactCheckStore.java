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
    /** The vocabulary: each term by id, found through an open-addressing table on {@link #termHash}. */
    private final String[] vocabTerms;
    /** Table slot to term hash, valid where {@link #vocabSlot} is not -1. */
    private final long[] vocabHash;
    /** Table slot to term id, -1 for an empty slot. */
    private final int[] vocabSlot;
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
        Map<String, Integer> vocab = new HashMap<>();
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
        // A claim of several clauses has the polarity a sentence would have: that of the clauses that
        // carry its predicate ("孕妇不穿防辐射服，电脑辐射会导致胎儿畸形" asserts its harm; the 不 is in
        // the condition), weighted like a sentence's in find().
        for (int i = 0; i < n; i++) {
            FactCheck fc = checks[i];
            List<Sentences.Range> cr = Sentences.clauses(fc.claim());
            if (cr.size() < 2) {
                continue;
            }
            List<int[]> clauseIds = new ArrayList<>(cr.size());
            boolean[] clauseNeg = new boolean[cr.size()];
            for (int c = 0; c < cr.size(); c++) {
                String clause = cr.get(c).of(fc.claim());
                List<String> ct = Terms.of(clause, fc.lang());
                int[] ci = new int[ct.size()];
                int m = 0;
                for (String t : ct) {
                    Integer id = vocab.get(t);
                    if (id != null) {
                        ci[m++] = id;
                    }
                }
                ci = Arrays.copyOf(ci, m);
                Arrays.sort(ci);
                clauseIds.add(ci);
                clauseNeg[c] = Polarity.negated(clause, fc.lang());
            }
            float[] w = polarityWeights(tails[i], clauseIds, clauseNeg);
            if (w[0] == w[1]) {
                w = polarityWeights(terms[i], clauseIds, clauseNeg);
            }
            negated[i] = w[0] > 0 && w[0] >= w[1];
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
            signature(rare(termStrings[i], vocab), sig);
            for (int b = 0; b < BANDS; b++) {
                buckets[i * BANDS + b] = (bandKey(sig, b) << ID_BITS) | i;
            }
        }
        int vocabSize = vocab.size();
        vocabTerms = new String[vocabSize];
        vocab.forEach((t, id) -> vocabTerms[id] = t);
        int cap = Integer.highestOneBit(Math.max(2, vocabSize) * 2 - 1) * 2;
        vocabHash = new long[cap];
        vocabSlot = new int[cap];
        Arrays.fill(vocabSlot, -1);
        for (int id = 0; id < vocabSize; id++) {
            long h = termHash(vocabTerms[id]);
            int i = (int) h & (cap - 1);
            while (vocabSlot[i] >= 0) {
                i = (i + 1) & (cap - 1);
            }
            vocabSlot[i] = id;
            vocabHash[i] = h;
        }
        scratch = ThreadLocal.withInitial(() -> new Scratch(vocabSize, n));
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
        for (String t : vocabTerms) {
            bytes += str(t) + 4 + 4 + 1; // term, its array slot, idf, frequent
        }
        bytes += 12L * vocabSlot.length; // the lookup table: hash and id per slot
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
        int nClauses = clauseRanges.size();
        Scratch sc = scratch.get();
        // The sentence's distinct terms (sc.terms[0..nt)) and each clause's terms as indices into them.
        int nt;
        int sentCount; // the sentence's own terms come first; a clause may add more after them
        int[][] clauseIdx = new int[nClauses][];
        if (!zh && Terms.plainLatin(sentence)) {
            // One pass with offsets; clause terms are the terms whose word lies in the clause.
            List<String> all = new ArrayList<>();
            List<Integer> at = new ArrayList<>();
            Terms.scanLatin(sentence, all, at);
            int[] occ = new int[all.size()]; // occurrence -> distinct term index
            nt = 0;
            Map<String, Integer> index = all.size() > 32 ? new HashMap<>() : null;
            for (int k = 0; k < all.size(); k++) {
                String t = all.get(k);
                int found = -1;
                if (index != null) {
                    Integer f = index.get(t);
                    found = f == null ? -1 : f;
                } else {
                    for (int j = 0; j < nt; j++) {
                        if (sc.terms[j].equals(t)) {
                            found = j;
                            break;
                        }
                    }
                }
                if (found < 0) {
                    found = nt;
                    sc.addTerm(nt++, t);
                    if (index != null) {
                        index.put(t, found);
                    }
                }
                occ[k] = found;
            }
            sentCount = nt;
            if (nClauses > 1) {
                int stamp = sc.nextStamp();
                for (int c = 0; c < nClauses; c++) {
                    Sentences.Range r = clauseRanges.get(c);
                    int[] ci = new int[all.size()];
                    int n = 0;
                    for (int k = 0; k < all.size(); k++) {
                        int a = at.get(k);
                        if (a >= r.start() && a < r.end() && sc.seen[occ[k]] != stamp) {
                            sc.seen[occ[k]] = stamp;
                            ci[n++] = occ[k];
                        }
                    }
                    clauseIdx[c] = Arrays.copyOf(ci, n);
                    stamp = sc.nextStamp();
                }
            }
        } else {
            List<String> sentTerms = Terms.of(sentence, lang);
            nt = 0;
            Map<String, Integer> index = new HashMap<>();
            for (String t : sentTerms) {
                index.put(t, nt);
                sc.addTerm(nt++, t);
            }
            sentCount = nt;
            for (int c = 0; c < nClauses; c++) {
                if (nClauses == 1) {
                    break;
                }
                List<String> ct = Terms.of(clauseRanges.get(c).of(sentence), lang);
                int[] ci = new int[ct.size()];
                for (int k = 0; k < ci.length; k++) {
                    String t = ct.get(k);
                    Integer f = index.get(t);
                    if (f == null) { // a clause can yield a term the whole sentence does not
                        f = nt;
                        index.put(t, f);
                        sc.addTerm(nt++, t);
                    }
                    ci[k] = f;
                }
                clauseIdx[c] = ci;
            }
        }
        if (nClauses == 1) {
            int[] ci = new int[nt];
            for (int k = 0; k < nt; k++) {
                ci[k] = k;
            }
            clauseIdx[0] = ci;
        }
        if (sentCount == 0) {
            return List.of();
        }
        // Hash every term, then find the table slots, then compare the strings: three tight loops,
        // so the cache misses of different terms overlap.
        int tableMask = vocabSlot.length - 1;
        for (int k = 0; k < nt; k++) {
            long h = termHash(sc.terms[k]);
            sc.hash[k] = h;
            sc.rowsAt[k] = -1;
        }
        for (int k = 0; k < nt; k++) {
            sc.tid[k] = vocabSlot[(int) sc.hash[k] & tableMask];
        }
        for (int k = 0; k < nt; k++) {
            sc.tid[k] = idOf(sc.terms[k], sc.hash[k]);
        }
        sc.startCounting();
        int[] all = new int[sentCount];
        for (int k = 0; k < sentCount; k++) {
            all[k] = k;
        }
        probe(sc, all, nClauses > 1);
        if (nClauses > 1) {
            for (int[] ci : clauseIdx) {
                if (ci.length > 0) {
                    probe(sc, ci, true);
                }
            }
        }
        int distinct = sc.distinct;
        if (distinct == 0) {
            return List.of();
        }
        // A big store: chance collisions in one band are common; keep claims found in two or more.
        int nc = distinct <= CROWDED ? distinct : sc.multiple;
        int[] candidates = Arrays.copyOf(distinct <= CROWDED ? sc.order : sc.multi, nc);
        Arrays.sort(candidates);
        int[] sent = sortedIds(sc, all, sentCount);
        // The sentence's terms marked in a per-thread table: a claim term is shared when its mark
        // carries this lookup's stamp.
        int stamp = sc.nextMark();
        int[] mark = sc.mark;
        for (int t : sent) {
            mark[t] = stamp;
        }
        // Fetch the candidates' term arrays (their lengths, on the arrays' first cache line) first:
        // independent loads whose cache misses overlap instead of coming one per candidate.
        int[][] claims = new int[nc][];
        int[] lengths = new int[nc];
        for (int k = 0; k < nc; k++) {
            claims[k] = terms[candidates[k]];
        }
        for (int k = 0; k < nc; k++) {
            lengths[k] = claims[k].length;
        }
        List<int[]> clauseIds = null;
        boolean[] clauseNeg = null;
        List<ClaimMatch> out = null;
        for (int k = 0; k < nc; k++) {
            int id = candidates[k];
            if (chinese[id] != zh) {
                continue;
            }
            int[] claim = claims[k];
            float shared = 0;
            int sharedCount = 0;
            for (int t : claim) { // ascending, as the merge with the sentence's sorted ids would add them
                if (mark[t] == stamp) {
                    shared += idf[t];
                    sharedCount++;
                }
            }
            double score = weight[id] > 0 ? shared / weight[id] : 0;
            int length = lengths[k];
            boolean strict = accept(length, sharedCount, score, zh);
            if (!strict && !(zh ? score >= 0.4 && sharedCount >= 6
                    : length >= 6 && score >= 0.45 && sharedCount >= 3)) {
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
            if (length >= 4 && tailShared < 0.4f * tailW) {
                continue;
            }
            if (!strict && (tailShared < 0.65f * tailW || zh && shared - tailShared < 0.3f * (weight[id] - tailW))) {
                continue; // a long claim matched on less of its weight needs most of its predicate and some subject
            }
            if (clauseIds == null) {
                clauseIds = new ArrayList<>(nClauses);
                clauseNeg = new boolean[nClauses];
                for (int c = 0; c < nClauses; c++) {
                    clauseIds.add(sortedIds(sc, clauseIdx[c], clauseIdx[c].length));
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
            if (out == null) {
                out = new ArrayList<>(2);
            }
            out.add(new ClaimMatch(checks[id], Math.min(1.0, score), sentenceNegated == negated[id]));
        }
        if (out == null) {
            return List.of();
        }
        if (out.size() > 1) {
            out.sort(Comparator.comparingDouble(ClaimMatch::score).reversed());
        }
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

    /** Sorted vocabulary ids of the terms {@code idx[0..n)} (unknown terms cannot be shared with any claim). */
    private static int[] sortedIds(Scratch sc, int[] idx, int n) {
        int[] out = new int[n];
        int m = 0;
        for (int k = 0; k < n; k++) {
            int id = sc.tid[idx[k]];
            if (id >= 0) {
                out[m++] = id;
            }
        }
        out = Arrays.copyOf(out, m);
        Arrays.sort(out);
        return out;
    }

    /** Per-thread scratch space for {@link #find}: 4 bytes per vocabulary term, 2 bits per claim, small buffers. */
    private final ThreadLocal<Scratch> scratch;

    /**
     * One thread's lookup state: marks over the vocabulary ({@code mark[t] == stamp} for the terms of
     * the current lookup), the sentence's distinct terms with their ids, hashes and cached MinHash
     * rows, and two bits per claim counting whether each candidate came up once or twice.
     */
    private static final class Scratch {
        final int[] mark;
        int markStamp;
        String[] terms = new String[32];
        int[] tid = new int[32];
        long[] hash = new long[32];
        int[] rowsAt = new int[32];
        int[] seen = new int[32];
        int seenStamp;
        long[] rows = new long[32 * HASHES];
        int rowsUsed;
        final long[] sig = new long[HASHES];
        final long[] keys = new long[BANDS];
        final int[] from = new int[BANDS];
        final int[] to = new int[BANDS];
        final long[] head = new long[BANDS];
        /**
         * Claims seen once and seen twice in this lookup, one bit per claim; the bits a lookup set are
         * cleared when the next one starts ({@link #startCounting}).
         */
        final long[] once;
        final long[] twice;
        /** The candidates in the order first seen, and those seen at least twice. */
        int[] order = new int[128];
        int distinct;
        int[] multi = new int[64];
        int multiple;

        Scratch(int vocabSize, int claims) {
            mark = new int[vocabSize];
            once = new long[(claims + 63) >>> 6];
            twice = new long[(claims + 63) >>> 6];
        }

        void addTerm(int k, String t) {
            if (k == terms.length) {
                int n = k * 2;
                terms = Arrays.copyOf(terms, n);
                tid = Arrays.copyOf(tid, n);
                hash = Arrays.copyOf(hash, n);
                rowsAt = Arrays.copyOf(rowsAt, n);
                seen = Arrays.copyOf(seen, n);
            }
            terms[k] = t;
        }

        int nextStamp() {
            if (++seenStamp == 0) {
                Arrays.fill(seen, 0);
                seenStamp = 1;
            }
            return seenStamp;
        }

        int nextMark() {
            if (++markStamp == 0) { // wrapped around: old marks could collide with new stamps
                Arrays.fill(mark, 0);
                markStamp = 1;
            }
            return markStamp;
        }

        /** Starts a new candidate count: clears the bits the last one set. */
        void startCounting() {
            for (int k = 0; k < distinct; k++) {
                int w = order[k] >>> 6;
                once[w] = 0;
                twice[w] = 0;
            }
            distinct = 0;
            multiple = 0;
            rowsUsed = 0;
        }

        /** Counts one more sighting of claim {@code id} (up to two: all the filter needs). */
        void add(int id) {
            int w = id >>> 6;
            long bit = 1L << id;
            long o = once[w];
            // Grow before setting a bit: startCounting clears only the words listed in order, so a
            // bit set for an id that never reached order (a failed copy) would stay set for good.
            if ((o & bit) == 0) {
                if (distinct == order.length) {
                    order = Arrays.copyOf(order, distinct * 2);
                }
                once[w] = o | bit;
                order[distinct++] = id;
            } else if ((twice[w] & bit) == 0) {
                if (multiple == multi.length) {
                    multi = Arrays.copyOf(multi, multiple * 2);
                }
                twice[w] |= bit;
                multi[multiple++] = id;
            }
        }

        /** The cached MinHash row (64 values from {@link #rows}) of term {@code k}. */
        int rowsOf(int k) {
            if (rowsAt[k] < 0) {
                if ((rowsUsed + 1) * HASHES > rows.length) {
                    rows = Arrays.copyOf(rows, rows.length * 2);
                }
                int at = rowsUsed++ * HASHES;
                long h = hash[k];
                for (int i = 0; i < HASHES; i++) {
                    rows[at + i] = minHash(h, i);
                }
                rowsAt[k] = at;
            }
            return rowsAt[k];
        }
    }

    /** Whether term {@code k} is left out of signatures (see {@link #frequent}). */
    private boolean frequent(Scratch sc, int k) {
        int id = sc.tid[k];
        return id >= 0 && frequent[id];
    }

    /** The vocabulary id of term {@code t} whose {@link #termHash} is {@code h}, or -1. */
    private int idOf(String t, long h) {
        int mask = vocabSlot.length - 1;
        for (int i = (int) h & mask; ; i = (i + 1) & mask) {
            int id = vocabSlot[i];
            if (id < 0) {
                return -1;
            }
            if (vocabHash[i] == h && vocabTerms[id].equals(t)) {
                return id;
            }
        }
    }

    /** The terms that are not {@link #frequent}, or all of them when every one is (index construction). */
    private List<String> rare(List<String> ts, Map<String, Integer> vocab) {
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
     * Counts the claims sharing a band with the terms {@code idx} (indices into the scratch terms);
     * {@code cache} keeps each term's MinHash row for the clauses that follow.
     */
    private void probe(Scratch sc, int[] idx, boolean cache) {
        long[] sig = sc.sig;
        Arrays.fill(sig, Long.MAX_VALUE);
        boolean anyRare = false;
        for (int k : idx) {
            if (!frequent(sc, k)) {
                anyRare = true;
                break;
            }
        }
        for (int k : idx) {
            if (anyRare && frequent(sc, k)) {
                continue; // as stop words; only when some rarer term is left to hash
            }
            if (!cache) {
                long h = sc.hash[k];
                for (int i = 0; i < HASHES; i++) {
                    sig[i] = Math.min(sig[i], minHash(h, i));
                }
                continue;
            }
            int at = sc.rowsOf(k);
            long[] rows = sc.rows;
            for (int i = 0; i < HASHES; i++) {
                sig[i] = Math.min(sig[i], rows[at + i]);
            }
        }
        // Read the 32 directory slots first, then the first entry of each of the 32 slots, then scan
        // them: independent loads in tight loops, so their cache misses overlap instead of queuing
        // behind each band's scan (a scan that adds many candidates is too long for the processor to
        // look past to the next band's load).
        long[] keys = sc.keys;
        int[] from = sc.from;
        int[] to = sc.to;
        long[] head = sc.head;
        for (int b = 0; b < BANDS; b++) {
            keys[b] = bandKey(sig, b);
        }
        for (int b = 0; b < BANDS; b++) {
            int slot = slot(keys[b]);
            from[b] = dir[slot];
            to[b] = dir[slot + 1];
        }
        for (int b = 0; b < BANDS; b++) {
            head[b] = from[b] < to[b] ? buckets[from[b]] : 0;
        }
        for (int b = 0; b < BANDS; b++) {
            long lo = keys[b] << ID_BITS;
            for (int idx2 = from[b], end = to[b]; idx2 < end; idx2++) {
                long v = buckets[idx2];
                if ((v & ~ID_MASK) == lo) {
                    sc.add((int) (v & ID_MASK));
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
