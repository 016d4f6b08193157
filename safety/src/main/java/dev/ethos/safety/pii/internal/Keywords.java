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
        }
        for (int i = 0; i < 65536; i++) {
            if (tmp.get(i) != null) {
                byFirst[i] = tmp.get(i).toArray(new String[0]);
            }
        }
    }

    /**
     * Calls {@code hit} for every keyword occurrence in {@code lower}, in text order. A keyword that
     * starts with an ASCII letter only matches at the start of a word (not after another ASCII letter).
     */
    void scan(String lower, Hit hit) {
        int n = lower.length();
        char prev = ' ';
        for (int i = 0; i < n; i++) {
            char c = lower.charAt(i);
            String[] ws = byFirst[c];
            boolean inWord = c >= 'a' && c <= 'z' && prev >= 'a' && prev <= 'z';
            prev = c;
            if (ws == null || inWord) {
                continue;
            }
            char next = i + 1 < n ? lower.charAt(i + 1) : 0;
            for (String w : ws) {
                if ((w.length() == 1 || w.charAt(1) == next) && lower.startsWith(w, i)) {
                    hit.at(i, w);
                }
            }
        }
    }
}
