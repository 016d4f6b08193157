package dev.ethos.safety.misinfo;

import java.util.regex.Pattern;

/**
 * A lower-case English lexicon pattern with a cheap pre-check. Java runs an alternation of many
 * words by trying every alternative at every position, which costs microseconds per pattern per
 * sentence; most sentences contain none of a lexicon's words. So each gated pattern is parsed into
 * two sets of keys such that every match contains a key of each set: a key is a letter 4-gram, a
 * letter trigram, a trigram at the start of a word (a run of letters preceded by anything but a-z),
 * or "a digit". A sequence in the regex needs all its mandatory parts, so its two most selective
 * parts give the two sets ("makes you immune" needs "make" and "immu"); an alternation needs one of
 * its branches, so its sets are the unions of its branches' first and second sets. A sentence's
 * {@link #mask} (one scan, a few table lookups per letter) has a gate's bit when the sentence has a
 * key of each of the gate's sets; a pattern whose bit is clear is not run. This is exact, not a
 * heuristic: patterns with a match that contains no key (two-letter words only, "!!") are built
 * with {@link #always} or found so by the parser.
 *
 * <p>Chinese lexicons are gated the same way in a separate 64-bit space ({@link #zh}, read from
 * {@link #maskZh}): keys are single non-ASCII characters that lower-casing leaves alone, adjacent
 * pairs of them (hashed), and "a digit". A Chinese gate must be tested against a {@code maskZh}
 * mask and an English one against a {@link #mask} mask; mixing them gives false negatives.
 *
 * <p>Thread-safe. Gates register as the classes that declare them initialise; the key tables are
 * replaced whole when one registers (copy on write), and a cached mask records how many gates
 * existed when it was computed.
 */
final class Gate {
    /** The key table, replaced whole (copy on write) when a gate registers, so readers never see it half built. */
    private static volatile Keys keys = new Keys(new int[1024], new long[1024], new long[1024]);
    /** Gates registered so far; a cached mask is only good for the gates that existed when it was computed. */
    private static volatile int next;
    /** The Chinese gates' own key table and count: their bits are a separate space, read from {@link #maskZh}. */
    private static volatile Keys zhKeys = new Keys(new int[1024], new long[1024], new long[1024]);
    private static volatile int nextZh;
    /** For tests: {@code -Dethos.misinfo.gate=off} runs every pattern (results must be the same). */
    private static final boolean DISABLED = "off".equals(System.getProperty("ethos.misinfo.gate"));

    private final Pattern pattern;
    private final long bit;

    private Gate(Pattern pattern, long bit) {
        this.pattern = pattern;
        this.bit = bit;
    }

    /** A gated pattern (at most 64 per JVM; later ones, and patterns with no required key, run ungated). */
    static synchronized Gate of(String regex) {
        Pattern p = Pattern.compile(regex);
        Req req = new Parser(regex).required();
        if (next >= 64 || req == null) {
            return new Gate(p, -1L);
        }
        long bit = 1L << next;
        Keys k = keys.copy(req.first.size() + req.second.size());
        for (int key : req.first) {
            k.add(key, bit, 0);
        }
        for (int key : req.second) {
            k.add(key, 0, bit);
        }
        keys = k;
        next++; // after the table: a mask cached for the old count is recomputed
        return new Gate(p, bit);
    }

    /**
     * A gated Chinese pattern: keys are single non-ASCII characters (Han, 《, ！ …), pairs of adjacent
     * ones (hashed to 24 bits: a collision can only open a gate, never close one) and "a digit"; its bit
     * must only be tested against {@link #maskZh}. At most 64 per JVM; later ones run ungated.
     */
    static synchronized Gate zh(String regex) {
        Pattern p = Pattern.compile(regex);
        Req req = new Parser(regex, true).required();
        if (nextZh >= 64 || req == null) {
            return new Gate(p, -1L);
        }
        long bit = 1L << nextZh;
        Keys k = zhKeys.copy(req.first.size() + req.second.size());
        for (int key : req.first) {
            k.add(key, bit, 0);
        }
        for (int key : req.second) {
            k.add(key, 0, bit);
        }
        zhKeys = k;
        nextZh++;
        return new Gate(p, bit);
    }

    /** Key kinds (the top bits of a key; the low bits are the letters' code). */
    private static final int TRI = 1 << 24;
    private static final int FOUR = 2 << 24;
    private static final int INITIAL = 3 << 24;
    private static final int DIGIT = 4 << 24;
    private static final int HAN1 = 5 << 24;
    private static final int HAN2 = 6 << 24;

    /** The key of two adjacent characters (non-ASCII, in a Chinese pattern): 24 bits of a hash. */
    private static int pair(char a, char b) {
        return HAN2 + ((((a << 16) | b) * 0x9E3779B1) >>> 8);
    }

    /**
     * Keys to gate bits: an open-addressing table from key to the gates having it in their first
     * set ({@code a}) and in their second ({@code b}). Small enough to stay in the first-level cache
     * (unlike a dense table of all 4-grams).
     */
    private static final class Keys {
        final int[] key;
        final long[] a;
        final long[] b;
        int size;
        /** One bit per possible trigram, word-initial trigram and 4-gram code: is it a key at all? */
        final long[] tri = new long[(26 * 26 * 26 + 63) / 64];
        final long[] initial = new long[(26 * 26 * 26 + 63) / 64];
        final long[] four = new long[(26 * 26 * 26 * 26 + 63) / 64];

        Keys(int[] key, long[] a, long[] b) {
            this.key = key;
            this.a = a;
            this.b = b;
        }

        Keys copy(int more) {
            int n = key.length;
            while ((size + more) * 4 > n) {
                n *= 2; // room for the new gate's keys at under a quarter load
            }
            Keys k = new Keys(new int[n], new long[n], new long[n]);
            for (int i = 0; i < key.length; i++) {
                if (key[i] != 0) {
                    k.add(key[i], a[i], b[i]);
                }
            }
            return k;
        }

        void add(int k, long bitA, long bitB) {
            int mask = key.length - 1;
            int i = slot(k, mask);
            while (key[i] != 0 && key[i] != k) {
                i = (i + 1) & mask;
            }
            if (key[i] == 0) {
                key[i] = k;
                size++;
                long[] bits = (k & ~0xFFFFFF) == TRI ? tri : (k & ~0xFFFFFF) == INITIAL ? initial
                        : (k & ~0xFFFFFF) == FOUR ? four : null;
                if (bits != null) {
                    int code = k & 0xFFFFFF;
                    bits[code >>> 6] |= 1L << code;
                }
            }
            a[i] |= bitA;
            b[i] |= bitB;
        }

        static int slot(int k, int mask) {
            int h = k * 0x9E3779B9;
            return (h ^ (h >>> 15)) & mask;
        }
    }

    /** Very common English four-letter pieces: poor gates. */
    private static final java.util.Set<String> COMMON4 = java.util.Set.of("that", "with", "have", "this", "tion", "ther",
            "here", "ment", "ould", "ight", "hing", "ever", "ince", "ally", "ions", "ting", "were", "they", "thei",
            "your", "from", "ness", "ents", "able", "ated", "ence");

    /** Very common English trigrams: poor gates, avoided when a rarer one is required too. */
    private static final java.util.Set<String> COMMON = java.util.Set.of("the", "and", "ing", "ion", "ent", "for",
            "tha", "hat", "his", "are", "you", "wit", "ith", "ver", "all", "thi", "ter", "ere", "her", "was", "tio",
            "ate", "con", "res", "ers", "ted", "one", "rea", "our", "not", "sta", "pro", "com", "int", "men", "ati",
            "ear", "est", "ave", "hav", "ome", "oul", "out", "eve", "thr", "ect", "igh", "ght", "ore", "ive");

    /** Very common starts of English words: poor gates. */
    private static final java.util.Set<String> COMMON_INITIAL = java.util.Set.of("the", "and", "for", "you", "are",
            "was", "not", "all", "his", "her", "tha", "thi", "wit", "hav", "fro", "can", "but", "one", "whe", "whi",
            "wha", "thr", "con", "pro", "com", "res", "int");

    /** Two sets of keys, each of which every match contains one of. */
    private record Req(java.util.Set<Integer> first, java.util.Set<Integer> second) {
    }

    /** One set of keys every match contains one of. */
    private static Req one(java.util.Set<Integer> s) {
        return new Req(s, s);
    }

    /**
     * Reads the subset of regex syntax the lexicons use and finds, for the whole pattern, two sets of
     * keys such that every match contains a key of each (see the class comment). A run of letters
     * gives its rarest 4-gram, or its trigram (a word-initial one when the regex puts a non-letter,
     * {@code \b} or {@code ^} right before it); {@code \d} gives "a digit"; an optional part gives
     * nothing. {@code null} means no such sets exist.
     */
    private static final class Parser {
        private final String re;
        private int pos;
        /** Whether the text right before the current position is sure not to be a letter a-z (or the start). */
        private boolean boundary;

        /** Chinese mode: runs are of non-ASCII characters (keys: the character, or its first pair), not of a-z. */
        private final boolean han;

        Parser(String re) {
            this(re, false);
        }

        Parser(String re, boolean han) {
            this.re = re;
            this.han = han;
        }

        Req required() {
            boundary = false; // a match may start after any character
            Req r = alternation();
            return pos == re.length() ? r : null;
        }

        /** Parses branches up to ')' or the end; on return {@link #boundary} holds after every branch. */
        private Req alternation() {
            boolean start = boundary;
            boolean end = true;
            java.util.Set<Integer> first = new java.util.HashSet<>();
            java.util.Set<Integer> second = new java.util.HashSet<>();
            boolean none = false;
            while (true) {
                boundary = start;
                Req branch = sequence();
                end &= boundary;
                if (branch == null) {
                    none = true;
                } else if (overlap(branch.first, first) + overlap(branch.second, second)
                        < overlap(branch.first, second) + overlap(branch.second, first)) {
                    // Either order is sound; this one shares fewer keys across the two sets, so that a
                    // key one branch needs with a partner does not alone open both sets.
                    first.addAll(branch.second);
                    second.addAll(branch.first);
                } else {
                    first.addAll(branch.first);
                    second.addAll(branch.second);
                }
                if (pos < re.length() && re.charAt(pos) == '|') {
                    pos++;
                    continue;
                }
                boundary = end;
                return none ? null : new Req(first, second);
            }
        }

        /** How many keys of {@code a} are in {@code b}. */
        private static int overlap(java.util.Set<Integer> a, java.util.Set<Integer> b) {
            int n = 0;
            for (int k : a) {
                n += b.contains(k) ? 1 : 0;
            }
            return n;
        }

        private Req sequence() {
            java.util.List<java.util.Set<Integer>> parts = new java.util.ArrayList<>();
            StringBuilder run = new StringBuilder();
            boolean runInitial = false;
            while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
                char c = re.charAt(pos);
                boolean before = boundary;
                Req sub = null;
                boolean letter = false;
                boolean zeroWidth = false;
                boolean nonLetter = false; // consumes one character that is surely not a-z
                if (c == '(') {
                    pos++;
                    if (re.startsWith("?:", pos)) {
                        pos += 2;
                    } else if (re.startsWith("?=", pos) || re.startsWith("?!", pos)) {
                        pos += 2;
                        zeroWidth = true;
                    } else if (re.startsWith("?<=", pos) || re.startsWith("?<!", pos)) {
                        pos += 3;
                        zeroWidth = true;
                    } else if (re.startsWith("?<", pos)) {
                        pos = re.indexOf('>', pos) + 1; // a named group
                    } else if (re.startsWith("?", pos)) {
                        throw new IllegalStateException("unsupported group in " + re);
                    }
                    sub = alternation();
                    if (pos >= re.length() || re.charAt(pos) != ')') {
                        throw new IllegalStateException("unbalanced group in " + re);
                    }
                    pos++;
                } else if (c == '[') {
                    int open = ++pos;
                    while (pos < re.length() && re.charAt(pos) != ']') {
                        pos += re.charAt(pos) == '\\' ? 2 : 1;
                    }
                    nonLetter = classWithoutLetters(re.substring(open, pos));
                    pos++;
                } else if (c == '\\') {
                    pos++;
                    char e = re.charAt(pos++);
                    if ((e == 'p' || e == 'P') && pos < re.length() && re.charAt(pos) == '{') {
                        pos = re.indexOf('}', pos) + 1;
                    }
                    zeroWidth = e == 'b' || e == 'B';
                    nonLetter = e == 's' || e == 'd' || e == 'W' || !Character.isLetterOrDigit(e);
                    if (e == 'd') {
                        sub = one(java.util.Set.of(DIGIT));
                    }
                } else {
                    // Chinese mode: any non-ASCII character lower-casing leaves alone (Han, 《, ！…): the mask
                    // looks up every character from U+0080 and every pair of them, in the text as lower-cased
                    // or not (some patterns run on the original), which then agree on these characters.
                    letter = han ? c >= 0x80 && Character.toLowerCase(c) == c : c >= 'a' && c <= 'z';
                    zeroWidth = c == '^' || c == '$';
                    nonLetter = !letter && c != '.' && !zeroWidth;
                    if (han && c >= '0' && c <= '9') {
                        sub = one(java.util.Set.of(DIGIT)); // a literal digit: the text has a digit
                    }
                    pos++;
                }
                boolean optional = quantifier();
                if (zeroWidth && !letter) {
                    if (c == '\\' && re.charAt(pos - 1) == 'b' || c == '^') {
                        boundary = true; // \b before a letter, or the start: no letter a-z right before
                    } else if (c == '\\') {
                        boundary = false; // \B
                    } else if (c == '(') {
                        boundary = before; // lookarounds take no text
                    }
                    continue; // \b, ^, lookarounds: take no text, do not break a run
                }
                if (letter && !optional) {
                    if (run.length() == 0) {
                        runInitial = before;
                    }
                    run.append(c);
                    boundary = false;
                    if (lastQuantifierRepeats) {
                        add(parts, runSet(run, runInitial));
                        run.setLength(0);
                    }
                    continue;
                }
                add(parts, runSet(run, runInitial));
                run.setLength(0);
                if (!optional && sub != null) {
                    add(parts, sub.first);
                    add(parts, sub.second);
                }
                // What is right before the next element: after a group, what its branches end with.
                boolean after = c == '(' ? boundary : nonLetter;
                boundary = optional ? before && after : after;
            }
            add(parts, runSet(run, runInitial));
            if (parts.isEmpty()) {
                return null;
            }
            parts.sort(java.util.Comparator.comparingInt(Gate::cost));
            return new Req(parts.get(0), parts.get(parts.size() > 1 ? 1 : 0));
        }

        private static void add(java.util.List<java.util.Set<Integer>> parts, java.util.Set<Integer> s) {
            if (s != null && !parts.contains(s)) {
                parts.add(s);
            }
        }

        /** Whether a character class (its body) can only match characters other than a-z. */
        private static boolean classWithoutLetters(String body) {
            if (body.startsWith("^")) {
                return false;
            }
            for (int i = 0; i < body.length(); i++) {
                char c = body.charAt(i);
                if (c == '\\') {
                    char e = i + 1 < body.length() ? body.charAt(++i) : 'w';
                    if (!(e == 's' || e == 'd' || !Character.isLetterOrDigit(e))) {
                        return false;
                    }
                } else if (c >= 'a' && c <= 'z' || c == '-' && i > 0 && i + 1 < body.length()) {
                    return false; // a letter, or a range that may span letters
                }
            }
            return true;
        }

        private boolean lastQuantifierRepeats;

        /** Consumes a quantifier; true when it allows zero repetitions. */
        private boolean quantifier() {
            lastQuantifierRepeats = false;
            if (pos >= re.length()) {
                return false;
            }
            char q = re.charAt(pos);
            boolean optional;
            if (q == '?' || q == '*') {
                pos++;
                optional = true;
            } else if (q == '+') {
                pos++;
                optional = false;
                lastQuantifierRepeats = true;
            } else if (q == '{') {
                int end = re.indexOf('}', pos);
                String body = re.substring(pos + 1, end);
                pos = end + 1;
                optional = body.startsWith("0");
                lastQuantifierRepeats = true;
            } else {
                return false;
            }
            if (pos < re.length() && (re.charAt(pos) == '?' || re.charAt(pos) == '+')) {
                pos++; // lazy or possessive
            }
            return optional;
        }

        private java.util.Set<Integer> runSet(CharSequence run, boolean initial) {
            if (han) {
                return run.length() == 0 ? null : run.length() == 1 ? java.util.Set.of(HAN1 + run.charAt(0))
                        : java.util.Set.of(pair(run.charAt(0), run.charAt(1)));
            }
            if (run.length() < 3) {
                return null;
            }
            String r = run.toString();
            if (r.length() >= 4) {
                String pick4 = r.substring(0, 4);
                for (int i = 0; i + 4 <= r.length(); i++) {
                    String t = r.substring(i, i + 4);
                    if (!COMMON4.contains(t)) {
                        pick4 = t;
                        break;
                    }
                }
                return java.util.Set.of(FOUR + code4(pick4));
            }
            if (initial) {
                return java.util.Set.of(INITIAL + code(r.charAt(0), r.charAt(1), r.charAt(2)));
            }
            return java.util.Set.of(TRI + code(r.charAt(0), r.charAt(1), r.charAt(2)));
        }
    }

    /** How poor a set of keys is as a gate: one per key, much more for very common trigrams. */
    private static int cost(java.util.Set<Integer> s) {
        int c = s.size();
        for (int t : s) {
            int kind = t & ~0xFFFFFF;
            if (kind == FOUR) {
                continue; // four-letter keys are selective
            }
            if (kind == DIGIT) {
                c += 2;
                continue;
            }
            if (kind == HAN2) {
                continue; // a pair of characters is selective
            }
            if (kind == HAN1) {
                c += 2; // a single character less so
                continue;
            }
            int k = t & 0xFFFFFF;
            String tri = "" + (char) ('a' + k / 676) + (char) ('a' + k / 26 % 26) + (char) ('a' + k % 26);
            if (kind == TRI && COMMON.contains(tri) || kind == INITIAL && COMMON_INITIAL.contains(tri)) {
                c += 20;
            } else if (kind == TRI) {
                c += 2; // a trigram anywhere is less selective than one that starts a word
            }
        }
        return c;
    }

    /** A pattern that always runs (it can match without a three-letter literal). */
    static Gate always(String regex) {
        return new Gate(Pattern.compile(regex), -1L);
    }

    private static int code4(String s) {
        return code(s.charAt(0), s.charAt(1), s.charAt(2)) * 26 + (s.charAt(3) - 'a');
    }

    private static int code(char a, char b, char c) {
        return ((a - 'a') * 26 + (b - 'a')) * 26 + (c - 'a');
    }

    /** Which gated patterns could match {@code lower} (lower-cased text). */
    static long mask(CharSequence lower) {
        if (DISABLED) {
            return -1L;
        }
        return lower instanceof String ? LAST.get().of((String) lower, next, Gate::computeMask) : computeMask(lower);
    }

    /** Which Chinese gates ({@link #zh}) could match {@code text}. */
    static long maskZh(CharSequence text) {
        if (DISABLED) {
            return -1L;
        }
        return text instanceof String ? LAST_ZH.get().of((String) text, nextZh, Gate::computeMaskZh) : computeMaskZh(text);
    }

    private static final ThreadLocal<LastMask> LAST_ZH = ThreadLocal.withInitial(LastMask::new);

    /**
     * Every character at or above U+0080 is looked up alone and paired with the one before it when
     * that one is too: a superset of the Han characters and pairs a pattern can need.
     */
    private static long computeMaskZh(CharSequence text) {
        Keys k = zhKeys;
        int[] key = k.key;
        long[] ta = k.a;
        long[] tb = k.b;
        int mask = key.length - 1;
        long a = 0;
        long b = 0;
        boolean digit = false;
        char prev = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                digit |= c >= '0' && c <= '9';
                prev = 0;
                continue;
            }
            int s = find(key, mask, HAN1 + c);
            if (s >= 0) {
                a |= ta[s];
                b |= tb[s];
            }
            if (prev != 0) {
                s = find(key, mask, pair(prev, c));
                if (s >= 0) {
                    a |= ta[s];
                    b |= tb[s];
                }
            }
            prev = c;
        }
        if (digit) {
            int s = find(key, mask, DIGIT);
            if (s >= 0) {
                a |= ta[s];
                b |= tb[s];
            }
        }
        return a & b;
    }

    /**
     * The last sentence masked on this thread and its mask: the stance and each detector ask for the
     * same sentence's mask in turn. A class initialised later (Cues after Stance) adds gates, so the
     * memo also records how many gates existed.
     */
    private static final class LastMask {
        String text;
        long mask;
        int gates = -1;

        long of(String s, int gatesNow, java.util.function.ToLongFunction<CharSequence> compute) {
            if (gates != gatesNow || !s.equals(text)) {
                mask = compute.applyAsLong(s);
                text = s;
                gates = gatesNow;
            }
            return mask;
        }
    }

    private static final ThreadLocal<LastMask> LAST = ThreadLocal.withInitial(LastMask::new);

    private static long computeMask(CharSequence lower) {
        Keys k = keys;
        int[] key = k.key;
        long[] ta = k.a;
        long[] tb = k.b;
        long[] triBits = k.tri;
        long[] initialBits = k.initial;
        long[] fourBits = k.four;
        int mask = key.length - 1;
        long a = 0;
        long b = 0;
        boolean digit = false;
        int n = lower.length();
        int run = 0; // letters a-z ending at i
        int code3 = 0;
        for (int i = 0; i < n; i++) {
            char c = lower.charAt(i);
            if (c < 'a' || c > 'z') {
                run = 0;
                digit |= c >= '0' && c <= '9';
                continue;
            }
            run++;
            int prev3 = code3;
            code3 = (code3 * 26 + (c - 'a')) % (26 * 26 * 26);
            if (run < 3) {
                continue;
            }
            // The bitmaps answer "not a key" for almost every piece without touching the table.
            if ((triBits[code3 >>> 6] & 1L << code3) != 0) {
                int s = find(key, mask, TRI + code3);
                a |= ta[s];
                b |= tb[s];
            }
            if (run == 3) {
                if ((initialBits[code3 >>> 6] & 1L << code3) != 0) {
                    int s = find(key, mask, INITIAL + code3);
                    a |= ta[s];
                    b |= tb[s];
                }
            } else {
                int code4 = prev3 * 26 + (c - 'a');
                if ((fourBits[code4 >>> 6] & 1L << code4) != 0) {
                    int s = find(key, mask, FOUR + code4);
                    a |= ta[s];
                    b |= tb[s];
                }
            }
        }
        if (digit) {
            int s = find(key, mask, DIGIT);
            if (s >= 0) {
                a |= ta[s];
                b |= tb[s];
            }
        }
        return a & b;
    }

    /** The slot of {@code k} in the key table, or -1. */
    private static int find(int[] key, int mask, int k) {
        for (int i = Keys.slot(k, mask); ; i = (i + 1) & mask) {
            int v = key[i];
            if (v == k) {
                return i;
            }
            if (v == 0) {
                return -1;
            }
        }
    }

    /** Whether the pattern is found in {@code lower}, given its {@link #mask}. */
    boolean find(CharSequence lower, long mask) {
        return possible(mask) && pattern.matcher(lower).find();
    }

    java.util.regex.Matcher matcher(CharSequence lower) {
        return pattern.matcher(lower);
    }

    Pattern pattern() {
        return pattern;
    }

    /** Whether the pattern could match text with this mask. */
    boolean possible(long mask) {
        return bit == -1L || (mask & bit) != 0;
    }
}
