package dev.ethos.safety.pii.internal;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds every occurrence of a fixed set of lower-case keywords in one left-to-right pass (a
 * first-character table, a second-character filter, then {@code startsWith} for the few candidates),
 * instead of one {@code indexOf} pass per keyword. Immutable and thread-safe.
 *
 * <p>Several recognizers scan the same text for their own keyword sets. The first {@link #scan} of a
 * text on a thread finds the hits of every set created so far in one shared pass and keeps them for
 * that text (held weakly, per thread); the other sets' scans of the same text replay their hits. The
 * hits, and the order they are reported in, are those of a pass of the set alone.
 */
final class Keywords {
    interface Hit {
        void at(int index, String word);
    }

    /** Every set, in creation order; its index is the set's id. Guarded by Keywords.class. */
    private static final List<Keywords> ALL = new ArrayList<>();
    /** The table of every set, rebuilt when a set is added. */
    private static volatile Table table;
    private static final ThreadLocal<Hits> LAST = new ThreadLocal<>();

    private final int id;
    private final String[] words;

    Keywords(String... words) {
        this.words = words.clone();
        synchronized (Keywords.class) {
            this.id = ALL.size();
            ALL.add(this);
            table = null;
        }
    }

    /**
     * Calls {@code hit} for every keyword occurrence in {@code lower} (a
     * {@link dev.ethos.safety.pii.PiiText#lowerChars()}, never modified), in text order, and at one index in
     * the order the words were given. A keyword that starts with an ASCII letter only matches at the start of
     * a word (not after another ASCII letter).
     */
    void scan(char[] lower, Hit hit) {
        Hits h = hitsFor(lower); // its table was built after this set was added, so it has this set's hits
        int[] pos = h.pos[id];
        int[] word = h.word[id];
        for (int k = 0, c = h.count[id]; k < c; k++) {
            hit.at(pos[k], words[word[k]]);
        }
    }

    private static Hits hitsFor(char[] lower) {
        Table t = table();
        Hits h = LAST.get();
        if (h != null && h.table == t && h.text.get() == lower) {
            return h;
        }
        h = t.scan(lower);
        LAST.set(h);
        return h;
    }

    private static Table table() {
        Table t = table;
        if (t == null) {
            synchronized (Keywords.class) {
                t = table;
                if (t == null) {
                    t = new Table(ALL.toArray(new Keywords[0]));
                    table = t;
                }
            }
        }
        return t;
    }

    /** Every set's words by first char: entries (set id, word index) in set order, then word order. */
    private static final class Table {
        private final int sets;
        private final int[][] setOf = new int[65536][];
        private final int[][] wordOf = new int[65536][];
        private final String[][] byFirst = new String[65536][];
        /** Bit c set when some keyword starts with char c: 8 KB that stay in cache, unlike byFirst. */
        private final long[] firstBits = new long[1024];
        /**
         * For an ASCII first char c: bit (d & 63) set when some keyword is c followed by a char d, all bits when
         * a keyword is c alone. A filter on the second char before the word list is walked.
         */
        private final long[] secondBits = new long[128];

        Table(Keywords[] all) {
            this.sets = all.length;
            for (Keywords k : all) {
                for (int wi = 0; wi < k.words.length; wi++) {
                    String w = k.words[wi];
                    char c = w.charAt(0);
                    if (byFirst[c] == null) {
                        byFirst[c] = new String[0];
                        setOf[c] = new int[0];
                        wordOf[c] = new int[0];
                    }
                    int m = byFirst[c].length;
                    byFirst[c] = Arrays.copyOf(byFirst[c], m + 1);
                    setOf[c] = Arrays.copyOf(setOf[c], m + 1);
                    wordOf[c] = Arrays.copyOf(wordOf[c], m + 1);
                    byFirst[c][m] = w;
                    setOf[c][m] = k.id;
                    wordOf[c][m] = wi;
                    firstBits[c >>> 6] |= 1L << c;
                    if (c < 128) {
                        secondBits[c] |= w.length() == 1 ? -1L : 1L << (w.charAt(1) & 63);
                    }
                }
            }
        }

        Hits scan(char[] lower) {
            Hits h = new Hits(lower, this, sets);
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
                for (int e = 0; e < ws.length; e++) {
                    String w = ws[e];
                    if ((w.length() == 1 || w.charAt(1) == next) && startsWith(lower, at, w)) {
                        h.add(setOf[c][e], at, wordOf[c][e]);
                    }
                }
            }
            return h;
        }
    }

    /** One text's hits, per set: positions and word indices in report order. */
    private static final class Hits {
        final WeakReference<char[]> text;
        final Table table;
        final int[][] pos;
        final int[][] word;
        final int[] count;

        Hits(char[] text, Table table, int sets) {
            this.text = new WeakReference<>(text);
            this.table = table;
            this.pos = new int[sets][8];
            this.word = new int[sets][8];
            this.count = new int[sets];
        }

        void add(int set, int at, int wordIndex) {
            int c = count[set];
            if (c == pos[set].length) {
                pos[set] = Arrays.copyOf(pos[set], c * 2);
                word[set] = Arrays.copyOf(word[set], c * 2);
            }
            pos[set][c] = at;
            word[set][c] = wordIndex;
            count[set] = c + 1;
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
