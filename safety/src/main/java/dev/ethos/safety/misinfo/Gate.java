package dev.ethos.safety.misinfo;

import java.util.regex.Pattern;

/**
 * A lower-case English lexicon pattern with a cheap pre-check. Java runs an alternation of many
 * words by trying every alternative at every position, which costs microseconds per pattern per
 * sentence; most sentences contain none of a lexicon's words. So each gated pattern registers the
 * first three letters of every literal run of three or more letters in its source (optional letters
 * and character classes cut runs), and a sentence's {@link #mask} (one table lookup per letter
 * trigram) says which patterns could match at all: a pattern whose trigrams are all absent is not
 * run. This is exact, not a heuristic, for patterns whose every match contains a literal run of
 * three letters; patterns that can match without one (digits only, "et al", "!!") are built with
 * {@link #always}. Immutable after class initialisation; thread-safe.
 */
final class Gate {
    /** Gates keyed by a three-letter run. */
    private static final long[] TABLE = new long[26 * 26 * 26];
    /** Gates keyed by a four-letter piece of a longer run: far more selective than trigrams. */
    private static final long[] TABLE4 = new long[26 * 26 * 26 * 26];
    /** Gates registered so far; a cached mask is only good for the gates that existed when it was computed. */
    private static volatile int next;
    /** For tests: {@code -Dethos.misinfo.gate=off} runs every pattern (results must be the same). */
    private static final boolean DISABLED = "off".equals(System.getProperty("ethos.misinfo.gate"));

    private final Pattern pattern;
    private final long bit;

    private Gate(Pattern pattern, long bit) {
        this.pattern = pattern;
        this.bit = bit;
    }

    /** A gated pattern (at most 64 per JVM; later ones, and patterns with no required literal, run ungated). */
    static synchronized Gate of(String regex) {
        Pattern p = Pattern.compile(regex);
        java.util.Set<Integer> req = new Parser(regex).required();
        if (next >= 64 || req == null) {
            return new Gate(p, -1L);
        }
        long bit = 1L << next;
        for (int t : req) {
            if (t >= FOUR) {
                TABLE4[t - FOUR] |= bit;
            } else {
                TABLE[t] |= bit;
            }
        }
        next++; // after the tables: a mask cached for the old count is recomputed
        return new Gate(p, bit);
    }

    /** Codes at or above this are four-letter keys (minus FOUR); below, three-letter ones. */
    private static final int FOUR = 1 << 20;

    /** Very common English four-letter pieces: poor gates. */
    private static final java.util.Set<String> COMMON4 = java.util.Set.of("that", "with", "have", "this", "tion", "ther",
            "here", "ment", "ould", "ight", "hing", "ever", "ince", "ally", "ions", "ting", "were", "they", "thei",
            "your", "from", "ness", "ents", "able", "ated", "ence");

    /** Very common English trigrams: poor gates, avoided when a rarer one is required too. */
    private static final java.util.Set<String> COMMON = java.util.Set.of("the", "and", "ing", "ion", "ent", "for",
            "tha", "hat", "his", "are", "you", "wit", "ith", "ver", "all", "thi", "ter", "ere", "her", "was", "tio",
            "ate", "con", "res", "ers", "ted", "one", "rea", "our", "not", "sta", "pro", "com", "int", "men", "ati",
            "ear", "est", "ave", "hav", "ome", "oul", "out", "eve", "thr", "ect", "igh", "ght", "ore", "ive");

    /**
     * Reads the subset of regex syntax the lexicons use and finds, for the whole pattern, a set of
     * letter trigrams such that every match contains one of them: a sequence needs any one of its
     * mandatory parts' sets (a literal run of three letters gives its rarest trigram), an
     * alternation needs the union of its branches' sets, and an optional part needs nothing.
     * {@code null} means no such set exists.
     */
    private static final class Parser {
        private final String re;
        private int pos;

        Parser(String re) {
            this.re = re;
        }

        java.util.Set<Integer> required() {
            java.util.Set<Integer> r = alternation();
            return pos == re.length() ? r : null;
        }

        private java.util.Set<Integer> alternation() {
            java.util.Set<Integer> union = new java.util.HashSet<>();
            boolean none = false;
            while (true) {
                java.util.Set<Integer> branch = sequence();
                if (branch == null) {
                    none = true;
                } else {
                    union.addAll(branch);
                }
                if (pos < re.length() && re.charAt(pos) == '|') {
                    pos++;
                    continue;
                }
                return none ? null : union;
            }
        }

        private java.util.Set<Integer> sequence() {
            java.util.Set<Integer> best = null;
            StringBuilder run = new StringBuilder();
            while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
                char c = re.charAt(pos);
                java.util.Set<Integer> sub = null;
                boolean letter = false;
                boolean zeroWidth = false;
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
                    }
                    sub = alternation();
                    if (pos >= re.length() || re.charAt(pos) != ')') {
                        throw new IllegalStateException("unbalanced group in " + re);
                    }
                    pos++;
                } else if (c == '[') {
                    pos++;
                    while (pos < re.length() && re.charAt(pos) != ']') {
                        pos += re.charAt(pos) == '\\' ? 2 : 1;
                    }
                    pos++;
                } else if (c == '\\') {
                    pos++;
                    char e = re.charAt(pos++);
                    if ((e == 'p' || e == 'P') && pos < re.length() && re.charAt(pos) == '{') {
                        pos = re.indexOf('}', pos) + 1;
                    }
                    zeroWidth = e == 'b' || e == 'B';
                } else {
                    letter = c >= 'a' && c <= 'z';
                    zeroWidth = c == '^' || c == '$';
                    pos++;
                }
                boolean optional = quantifier();
                if (zeroWidth && !letter) {
                    continue; // \b, ^, lookarounds: take no text, do not break a run
                }
                if (letter && !optional) {
                    run.append(c);
                    if (lastQuantifierRepeats) {
                        best = better(best, runSet(run));
                        run.setLength(0);
                    }
                    continue;
                }
                best = better(best, runSet(run));
                run.setLength(0);
                if (!optional && sub != null) {
                    best = better(best, sub);
                }
            }
            return better(best, runSet(run));
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

        private static java.util.Set<Integer> runSet(CharSequence run) {
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
            String pick = r.substring(0, 3);
            for (int i = 0; i + 3 <= r.length(); i++) {
                String t = r.substring(i, i + 3);
                if (!COMMON.contains(t)) {
                    pick = t;
                    break;
                }
            }
            return java.util.Set.of(code(pick.charAt(0), pick.charAt(1), pick.charAt(2)));
        }

        private static java.util.Set<Integer> better(java.util.Set<Integer> a, java.util.Set<Integer> b) {
            if (a == null) {
                return b;
            }
            if (b == null) {
                return a;
            }
            return cost(b) < cost(a) ? b : a;
        }

        private static int cost(java.util.Set<Integer> s) {
            int c = s.size();
            for (int t : s) {
                if (t >= FOUR) {
                    continue; // four-letter keys are selective
                }
                String tri = "" + (char) ('a' + t / 676) + (char) ('a' + t / 26 % 26) + (char) ('a' + t % 26);
                if (COMMON.contains(tri)) {
                    c += 20;
                }
            }
            return c;
        }
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
        if (!(lower instanceof String)) {
            return computeMask(lower);
        }
        // Stance and each detector ask for the same sentence's mask in turn: remember the last one.
        // A class initialised later (Cues after Stance) adds gates, so the cache also records how many existed.
        LastMask last = LAST.get();
        int gates = next;
        if (last.gates != gates || !lower.equals(last.text)) {
            last.mask = computeMask(lower);
            last.text = (String) lower;
            last.gates = gates;
        }
        return last.mask;
    }

    /** The last sentence masked on this thread and its mask. */
    private static final class LastMask {
        String text;
        long mask;
        int gates = -1;
    }

    private static final ThreadLocal<LastMask> LAST = ThreadLocal.withInitial(LastMask::new);

    private static long computeMask(CharSequence lower) {
        long m = 0;
        int n = lower.length();
        int run = 0; // letters a-z ending at i
        int code3 = 0;
        for (int i = 0; i < n; i++) {
            char c = lower.charAt(i);
            if (c < 'a' || c > 'z') {
                run = 0;
                continue;
            }
            run++;
            int prev3 = code3;
            code3 = (code3 * 26 + (c - 'a')) % (26 * 26 * 26);
            if (run >= 3) {
                m |= TABLE[code3];
            }
            if (run >= 4) {
                m |= TABLE4[(prev3 * 26) + (c - 'a')];
            }
        }
        return m;
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
