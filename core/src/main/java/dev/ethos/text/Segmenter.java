package dev.ethos.text;

import java.util.Locale;
import java.util.Set;

/**
 * Finds the safe points at which a guarded stream releases text: after a sentence end in English
 * (". ", "! ", "? ", with closing quotes or brackets) or Chinese (。！？；…), after a line break, or,
 * when {@code bound} characters pass without one, at the last white space before the bound. A run
 * without white space is kept whole, so a segment is longer than the bound only when its first
 * {@code bound} characters hold no white space; such a run is cut only past {@link #hardLimit()}
 * characters (never between the two halves of a surrogate pair).
 *
 * <p>The cut points depend only on the text, never on how it arrived in chunks: a cut is declared
 * only when the characters that decide it are known, so feeding a text whole or in any chunking
 * yields the same segments. Stateless and thread-safe.
 */
public final class Segmenter {
    /** The default hold-back bound in characters. */
    public static final int DEFAULT_BOUND = 512;
    /** How far past a candidate cut the decision may look (closing punctuation, then one character). */
    private static final int LOOKAHEAD = 6;
    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr",
            "vs", "etc", "e.g", "i.e", "no", "inc", "ltd", "co", "corp", "dept", "approx", "fig", "mt", "gen",
            "col", "lt", "sgt", "capt", "rev", "u.s", "a.m", "p.m");

    private final int bound;

    public Segmenter(int bound) {
        if (bound < 16) {
            throw new IllegalArgumentException("hold-back bound must be >= 16 characters, got " + bound);
        }
        this.bound = bound;
    }

    public static Segmenter ofDefaults() {
        return new Segmenter(DEFAULT_BOUND);
    }

    public int bound() {
        return bound;
    }

    /**
     * The length of the next segment at the start of {@code held}, or 0 when more text is needed to
     * decide. With {@code ended}, the whole rest is always releasable, so the result is positive for
     * any non-empty {@code held}.
     */
    public int next(CharSequence held, boolean ended) {
        int n = held.length();
        if (n == 0) {
            return 0;
        }
        int limit = Math.min(n, bound);
        for (int i = 0; i < limit; i++) {
            char c = held.charAt(i);
            int cut = -1;
            if (c == '\n') {
                cut = i + 1;
            } else if (isCjkTerminator(c)) {
                cut = afterClosers(held, i + 1, ended);
                if (cut == -2) {
                    return 0;
                }
            } else if (c == '.' || c == '!' || c == '?') {
                cut = latinSentenceEnd(held, i, ended);
                if (cut == -2) {
                    return 0;
                }
            }
            if (cut > 0 && cut <= bound) {
                return cut;
            }
        }
        if (n <= bound) {
            return ended ? n : 0;
        }
        if (!ended && n < bound + LOOKAHEAD) {
            return 0;
        }
        return forcedCut(held, ended);
    }

    /**
     * No safe point within the bound: cut after the last white space before it. A run without white
     * space is never split (a finding such as an e-mail address or a key stays whole) unless it is
     * longer than {@link #hardLimit()}.
     */
    private int forcedCut(CharSequence held, boolean ended) {
        for (int i = bound - 1; i >= 0; i--) {
            if (Character.isWhitespace(held.charAt(i))) {
                return i + 1;
            }
        }
        int n = held.length();
        int cap = hardLimit();
        for (int i = bound; i < Math.min(n, cap); i++) {
            if (Character.isWhitespace(held.charAt(i))) {
                return i + 1;
            }
        }
        if (n >= cap) {
            return Character.isHighSurrogate(held.charAt(cap - 1)) ? cap - 1 : cap;
        }
        return ended ? n : 0;
    }

    /** The longest run without white space that is held whole: eight times the bound. */
    public int hardLimit() {
        return bound * 8;
    }

    private static boolean isCjkTerminator(char c) {
        return c == '。' || c == '！' || c == '？' || c == '；' || c == '…' || c == '．';
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '”' || c == '’' || c == '」' || c == '』'
                || c == '）' || c == '》' || c == '】';
    }

    /** Index after any closing punctuation from {@code from}, or -2 when the text ends before it is known. */
    private static int afterClosers(CharSequence s, int from, boolean ended) {
        int j = from;
        while (j < s.length() && isCloser(s.charAt(j)) && j - from < LOOKAHEAD - 1) {
            j++;
        }
        if (j == s.length() && !ended) {
            return -2;
        }
        return j;
    }

    /** A cut after ". " (and the like), -1 when this is no sentence end, -2 when undecided yet. */
    private static int latinSentenceEnd(CharSequence s, int i, boolean ended) {
        int j = i + 1;
        while (j < s.length() && (s.charAt(j) == '.' || s.charAt(j) == '!' || s.charAt(j) == '?')
                && j - i < LOOKAHEAD - 1) {
            j++;
        }
        int k = j;
        while (k < s.length() && isCloser(s.charAt(k)) && k - j < LOOKAHEAD - 1) {
            k++;
        }
        if (k == s.length()) {
            return ended ? k : -2;
        }
        if (!Character.isWhitespace(s.charAt(k))) {
            return -1;
        }
        if (s.charAt(i) == '.' && j == i + 1 && isAbbreviation(s, i)) {
            return -1;
        }
        return k;
    }

    /** "Dr." "e.g." or a single capital initial ("J.") before the dot. */
    private static boolean isAbbreviation(CharSequence s, int dot) {
        int start = dot;
        while (start > 0 && (Character.isLetter(s.charAt(start - 1)) || s.charAt(start - 1) == '.')) {
            start--;
        }
        if (start == dot) {
            return false;
        }
        String word = s.subSequence(start, dot).toString();
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return true;
        }
        return ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }
}
