package dev.ethos.safety.pii.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds every occurrence of a fixed set of lower-case keywords in one left-to-right pass (a
 * first-character table, then {@code startsWith} for the few candidates), instead of one
 * {@code indexOf} pass per keyword. Immutable.
 */
final class Keywords {
    interface Hit {
        void at(int index, String word);
    }

    private final String[][] byFirst = new String[65536][];
    /** Bit c set when some keyword starts with char c: 8 KB that stay in cache, unlike byFirst. */
    private final long[] firstBits = new long[1024];

    /**
     * For an ASCII first char c: bit (d & 63) set when some keyword is c followed by a char d, all bits when
     * a keyword is c alone. A filter on the second char before the word list is walked.
     */
    private final long[] secondBits = new long[128];

    Keywords(String... words) {
        List<List<String>> tmp = new ArrayList<>();
        for (int i = 0; i < 65536; i++) {
            tmp.add(null);
        }
        for (String w : words) {
            char c = w.charAt(0);
            if (tmp.get(c) == null) {
                tmp.set(c, new ArrayList<>());
            }
            tmp.get(c).add(w);
            firstBits[c >>> 6] |= 1L << c;
            if (c < 128) {
                secondBits[c] |= w.length() == 1 ? -1L : 1L << (w.charAt(1) & 63);
            }
        }
        for (int i = 0; i < 65536; i++) {
            if (tmp.get(i) != null) {
                byFirst[i] = tmp.get(i).toArray(new String[0]);
            }
        }
    }

    /**
     * Calls {@code hit} for every keyword occurrence in {@code lower} (a {@link dev.ethos.safety.pii.PiiText#lowerChars()}), in text order. A keyword that
     * starts with an ASCII letter only matches at the start of a word (not after another ASCII letter).
     */
    void scan(char[] lower, Hit hit) {
        int n = lower.length;
        for (int i = 0; i < n; i++) {
            char c = lower[i];
            int at = i;
            if (c >= 'a' && c <= 'z') {
                // A word start: the letters after it are inside the word and never start a keyword.
                while (i + 1 < n && lower[i + 1] >= 'a' && lower[i + 1] <= 'z') {
                    i++;
                }
            }
            if ((firstBits[c >>> 6] & (1L << c)) == 0) {
                continue;
            }
            char next = at + 1 < n ? lower[at + 1] : 0;
            if (c < 128 && (secondBits[c] & (1L << (next & 63))) == 0) {
                continue;
            }
            String[] ws = byFirst[c];
            for (String w : ws) {
                if ((w.length() == 1 || w.charAt(1) == next) && startsWith(lower, at, w)) {
                    hit.at(at, w);
                }
            }
        }
    }

    private static boolean startsWith(char[] s, int at, String w) {
        if (at + w.length() > s.length) {
            return false;
        }
        for (int k = 0; k < w.length(); k++) {
            if (s[at + k] != w.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
