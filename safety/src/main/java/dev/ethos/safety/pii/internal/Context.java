package dev.ethos.safety.pii.internal;

import dev.ethos.safety.pii.PiiText;

/**
 * Context-word look-ups around a candidate. Latin words match at word boundaries (checked by hand,
 * never with {@code \b}); Han words match as substrings. Case-insensitive.
 */
public final class Context {
    private Context() {
    }

    /**
     * Index of the last occurrence of any of {@code words} in [from, to) of the lower-cased text, or -1.
     * Cost is bounded by the window, never by the text length.
     */
    public static int lastIndexOf(PiiText t, int from, int to, String... words) {
        char[] s = t.lowerChars();
        from = Math.max(0, from);
        to = Math.min(s.length, to);
        long firsts = firstCharMask(words);
        // Positions from the right: the first one where any word matches is the last occurrence.
        for (int i = to - 1; i >= from; i--) {
            char c = s[i];
            if ((firsts & (1L << (c & 63))) == 0) {
                continue;
            }
            for (String w : words) {
                if (w.charAt(0) == c && i + w.length() <= to && startsWith(s, i, w)
                        && boundaryOk(t, i, i + w.length(), w)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** A 64-bit filter of the words' first characters (bit {@code c & 63}), so most positions cost one test. */
    private static long firstCharMask(String[] words) {
        long mask = 0;
        for (String w : words) {
            mask |= 1L << (w.charAt(0) & 63);
        }
        return mask;
    }

    /**
     * Which context is nearer before {@code start} within {@code window} chars: 1 when a positive word is
     * (or only positive words occur), -1 when a negative word is, 0 when neither occurs.
     */
    public static int nearer(PiiText t, int start, int window, String[] positive, String[] negative) {
        int p = lastIndexOf(t, start - window, start, positive);
        int n = lastIndexOf(t, start - window, start, negative);
        if (p < 0 && n < 0) {
            return 0;
        }
        return p >= n ? 1 : -1;
    }

    /** True when any of {@code words} occurs in the {@code window} chars before {@code start}. */
    public static boolean before(PiiText t, int start, int window, String... words) {
        return lastIndexOf(t, start - window, start, words) >= 0;
    }

    /** True when any of {@code words} occurs in the {@code window} chars after {@code end}. */
    public static boolean after(PiiText t, int end, int window, String... words) {
        return firstIndexOf(t, end, end + window, words) >= 0;
    }

    /** Index of the first occurrence of any of {@code words} in [from, to), or -1. Window-bounded. */
    public static int firstIndexOf(PiiText t, int from, int to, String... words) {
        char[] s = t.lowerChars();
        from = Math.max(0, from);
        to = Math.min(s.length, to);
        long firsts = firstCharMask(words);
        for (int i = from; i < to; i++) {
            char c = s[i];
            if ((firsts & (1L << (c & 63))) == 0) {
                continue;
            }
            for (String w : words) {
                if (w.charAt(0) == c && i + w.length() <= to && startsWith(s, i, w)
                        && boundaryOk(t, i, i + w.length(), w)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * A fixed word list with its words grouped by first char, for look-ups that run at every candidate: a position
     * is compared only with the words that start with its char. Same matches as the {@code String...} forms.
     */
    public static final class Words {
        private final String[][] byAscii = new String[128][];
        private final String[] others;

        public Words(String... words) {
            java.util.List<String> rest = new java.util.ArrayList<>();
            for (String w : words) {
                char c = w.charAt(0);
                if (c < 128) {
                    String[] b = byAscii[c];
                    byAscii[c] = b == null ? new String[] {w} : java.util.Arrays.copyOf(b, b.length + 1);
                    byAscii[c][byAscii[c].length - 1] = w;
                } else {
                    rest.add(w);
                }
            }
            this.others = rest.toArray(new String[0]);
        }

        /** Whether one of the words occurs at {@code i}, ending at or before {@code to}. */
        boolean matchAt(PiiText t, char[] s, int i, int to) {
            char c = s[i];
            String[] ws = c < 128 ? byAscii[c] : others;
            if (ws == null) {
                return false;
            }
            for (String w : ws) {
                if (w.charAt(0) == c && i + w.length() <= to && startsWith(s, i, w) && boundaryOk(t, i, i + w.length(), w)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@link #lastIndexOf(PiiText, int, int, String...)} for a {@link Words} list. */
    public static int lastIndexOf(PiiText t, int from, int to, Words words) {
        char[] s = t.lowerChars();
        from = Math.max(0, from);
        to = Math.min(s.length, to);
        for (int i = to - 1; i >= from; i--) {
            if (words.matchAt(t, s, i, to)) {
                return i;
            }
        }
        return -1;
    }

    /** {@link #firstIndexOf(PiiText, int, int, String...)} for a {@link Words} list. */
    public static int firstIndexOf(PiiText t, int from, int to, Words words) {
        char[] s = t.lowerChars();
        from = Math.max(0, from);
        to = Math.min(s.length, to);
        for (int i = from; i < to; i++) {
            if (words.matchAt(t, s, i, to)) {
                return i;
            }
        }
        return -1;
    }

    public static boolean before(PiiText t, int start, int window, Words words) {
        return lastIndexOf(t, start - window, start, words) >= 0;
    }

    public static boolean after(PiiText t, int end, int window, Words words) {
        return firstIndexOf(t, end, end + window, words) >= 0;
    }

    public static int nearer(PiiText t, int start, int window, Words positive, Words negative) {
        int p = lastIndexOf(t, start - window, start, positive);
        int n = lastIndexOf(t, start - window, start, negative);
        if (p < 0 && n < 0) {
            return 0;
        }
        return p >= n ? 1 : -1;
    }

    private static boolean startsWith(char[] s, int at, String w) {
        for (int k = 1; k < w.length(); k++) { // k = 0 is checked by the caller
            if (s[at + k] != w.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean boundaryOk(PiiText t, int s, int e, String w) {
        char first = w.charAt(0);
        char last = w.charAt(w.length() - 1);
        if (isLatin(first) && t.isWordChar(s - 1)) {
            return false;
        }
        return !(isLatin(last) && t.isWordChar(e));
    }

    private static boolean isLatin(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
