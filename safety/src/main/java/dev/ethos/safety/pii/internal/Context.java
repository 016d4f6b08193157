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
