package dev.ethos.safety.pii;

import java.util.Objects;

/**
 * The text a {@link Recognizer} scans: the caller's original and a normalised copy in which
 * full-width ASCII letters, digits and punctuation are folded to ASCII, no-break and other
 * special spaces become plain spaces, and zero-width characters (ZWSP, ZWNJ, ZWJ, word joiner,
 * BOM, soft hyphen) are removed. Recognizers work on {@link #normalized()}; the analyzer maps
 * their offsets back to the original with {@link #toOriginalStart}/{@link #toOriginalEnd}, so a
 * value with a zero-width character hidden inside it is found and reported over its full extent.
 * Immutable.
 */
public final class PiiText {
    private final String original;
    private final String normalized;
    /** {@link #lower()}, built on first use: most recognizers read {@link #lowerChars()} instead. */
    private volatile String lower;
    private final char[] chars;
    private final char[] lowerChars;
    private final String lang;
    /**
     * origIndex[i]: the original index of normalized char i; origIndex[n] = original length. Null when no char
     * was dropped: offsets are then the same in both texts.
     */
    private final int[] origIndex;

    private PiiText(String original, String lang) {
        this.original = original;
        this.lang = lang;
        int n = original.length();
        char[] src = original.toCharArray();
        int first = -1;
        for (int i = 0; i < n; i++) {
            char c = src[i];
            if (c >= 0x80 && !isHan(c) && fold(c) != c) { // fold leaves Han alone: the cheap test first
                first = i;
                break;
            }
        }
        char[] norm;
        if (first < 0) {
            this.normalized = original;
            this.origIndex = null;
            norm = src; // nothing folded: the copy made above is the normalised text's array
        } else {
            // Folded in place in the copy (a char never moves right); the offset map is only needed once a
            // char is dropped: until then every normalised offset is its original offset.
            int[] map = null;
            int len = first;
            for (int i = first; i < n; i++) {
                char c = src[i];
                char m = c < 0x80 || isHan(c) ? c : fold(c);
                if (m == 0) {
                    if (map == null) {
                        map = new int[n + 1];
                        for (int k = 0; k < len; k++) {
                            map[k] = k;
                        }
                    }
                    continue;
                }
                if (map != null) {
                    map[len] = i;
                }
                src[len++] = m;
            }
            if (map != null) {
                map[len] = n;
            }
            this.normalized = new String(src, 0, len);
            this.origIndex = map;
            norm = len == n ? src : java.util.Arrays.copyOf(src, len);
        }
        this.chars = norm;
        char[] lc = new char[norm.length];
        for (int i = 0; i < lc.length; i++) {
            char c = norm[i];
            if (c < 0x80) {
                lc[i] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
            } else if (isHan(c)) {
                lc[i] = c; // Han characters have no case (PiiTextTest checks toLowerCase over the whole range)
            } else {
                lc[i] = Character.toLowerCase(c);
            }
        }
        this.lowerChars = lc;
    }

    /** Normalises {@code text}; {@code lang} is "en", "zh" or null (unknown). */
    public static PiiText of(String text, String lang) {
        Objects.requireNonNull(text, "text");
        return new PiiText(text, lang);
    }

    /** The character {@code c} becomes, or 0 when it is dropped. */
    static char fold(char c) {
        if (c < 0x80) {
            return c;
        }
        if (c >= 0xFF01 && c <= 0xFF5E) {
            return (char) (c - 0xFEE0);
        }
        switch (c) {
            case '\u00A0': case '\u3000': case '\u2000': case '\u2001': case '\u2002': case '\u2003':
            case '\u2004': case '\u2005': case '\u2006': case '\u2007': case '\u2008': case '\u2009':
            case '\u200A': case '\u202F': case '\u205F':
                return ' ';
            case '\u200B': case '\u200C': case '\u200D': case '\u2060': case '\uFEFF': case '\u00AD':
                return 0;
            case '\u2010': case '\u2011': case '\u2012': case '\u2013': case '\u2212':
                return '-';
            default:
                return c;
        }
    }

    public String original() {
        return original;
    }

    public String normalized() {
        return normalized;
    }

    /**
     * The characters of {@link #normalized()} as an array, for fast scanning loops. Shared, not copied:
     * callers must not modify it.
     */
    public char[] chars() {
        return chars;
    }

    /** {@link #normalized()} lower-cased char by char (same length and offsets). */
    public String lower() {
        String l = lower;
        if (l == null) {
            l = new String(lowerChars); // a race only builds an equal string twice
            lower = l;
        }
        return l;
    }

    /**
     * The characters of {@link #lower()} as an array, for fast scanning loops. Shared, not copied:
     * callers must not modify it.
     */
    public char[] lowerChars() {
        return lowerChars;
    }

    /** "en", "zh" or null. */
    public String lang() {
        return lang;
    }

    public int length() {
        return normalized.length();
    }

    public char charAt(int i) {
        return normalized.charAt(i);
    }

    /** Original offset of normalized offset {@code start} (a span start). */
    public int toOriginalStart(int start) {
        if (origIndex == null) {
            return start;
        }
        return origIndex[start];
    }

    /** Original offset of normalized offset {@code end} (a span end: after its last char). */
    public int toOriginalEnd(int end) {
        if (origIndex == null) {
            return end;
        }
        return end == 0 ? 0 : origIndex[end - 1] + 1;
    }

    /** True when the normalized char at {@code i} exists and is an ASCII letter or digit. */
    public boolean isAsciiAlnum(int i) {
        if (i < 0 || i >= normalized.length()) {
            return false;
        }
        char c = normalized.charAt(i);
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** True when the char at {@code i} exists and is a letter or digit of any script except Han. */
    public boolean isWordChar(int i) {
        if (i < 0 || i >= chars.length) {
            return false;
        }
        char c = chars[i];
        if (c < 0x80) {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        }
        return !isHan(c) && Character.isLetterOrDigit(c); // the cheap Han test first: most non-ASCII text is Han
    }

    /** Starts of the runs of ASCII digits, ascending; built on first use. */
    private volatile int[] digitRunStarts;

    /**
     * The indices where a run of ASCII digits starts (a digit after a non-digit or at the text start), ascending.
     * Lets scanners that only act at digits skip the rest of the text; found once per text, on first use, and
     * shared, not copied: callers must not modify it.
     */
    public int[] digitRunStarts() {
        int[] starts = digitRunStarts;
        if (starts == null) {
            starts = findDigitRunStarts(chars);
            digitRunStarts = starts; // a race only finds the same starts twice
        }
        return starts;
    }

    private static int[] findDigitRunStarts(char[] cs) {
        int[] starts = new int[64];
        int count = 0;
        boolean prevDigit = false;
        for (int i = 0; i < cs.length; i++) {
            boolean digit = cs[i] >= '0' && cs[i] <= '9';
            if (digit && !prevDigit) {
                if (count == starts.length) {
                    starts = java.util.Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i;
            }
            prevDigit = digit;
        }
        return java.util.Arrays.copyOf(starts, count);
    }

    public boolean isDigit(int i) {
        return i >= 0 && i < chars.length && chars[i] >= '0' && chars[i] <= '9';
    }

    static boolean isHan(char c) {
        return c >= 0x3400 && c <= 0x9FFF || c >= 0xF900 && c <= 0xFAFF;
    }

    @Override
    public String toString() {
        return "PiiText{" + original.length() + " chars}";
    }
}
