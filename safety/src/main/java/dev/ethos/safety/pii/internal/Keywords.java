package dev.ethos.safety.pii.internal;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds every occurrence of a fixed set of lower-case keywords in one left-to-right pass (a
 * first-character table, then a walk down a trie of all the words),
 * instead of one {@code indexOf} pass per keyword. Immutable and thread-safe.
 *
 * <p>Several recognizers scan the same text for their own keyword sets. The first {@link #scan} of a
 * text on a thread finds the hits of every set created so far in one shared pass and keeps them for
 * that text (held weakly, per thread); the other sets' scans of the same text replay their hits. The
 * hits, and the order they are reported in, are those of a pass of the set alone.
 *
 * <p>Sets register globally and every scan looks for the words of every set, so create them only
 * as {@code static final} constants of the recognizers, never per analyzer or per configuration
 * (user-configured words belong in the recognizer's own allow/deny lists).
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

    /**
     * Every set's words in one trie. Entries are numbered by first char, then set order, then word order; at one
     * position the matching entries are reported in that order, so each set sees its words in the order given.
     */
    private static final class Table {
        private final int sets;
        /** Bit c set when some keyword starts with char c: 8 KB that stay in cache. */
        private final long[] firstBits = new long[1024];
        /**
         * For an ASCII first char c: bit (d & 63) set when some keyword is c followed by a char d, all bits when
         * a keyword is c alone. A filter on the second char before the trie is walked.
         */
        private final long[] secondBits = new long[128];
        /** Trie nodes: sorted child chars, child node ids, and the entries ending at the node. */
        private char[][] keys = new char[16][];
        private int[][] kids = new int[16][];
        private int[][] ends = new int[16][];
        private int nodes = 1; // node 0: the root
        private int[] entrySet = new int[16];
        private int[] entryWord = new int[16];
        private int entries;

        Table(Keywords[] all) {
            this.sets = all.length;
            keys[0] = new char[0];
            kids[0] = new int[0];
            ends[0] = new int[0];
            java.util.TreeMap<Character, List<int[]>> byFirst = new java.util.TreeMap<>();
            for (Keywords k : all) {
                for (int wi = 0; wi < k.words.length; wi++) {
                    byFirst.computeIfAbsent(k.words[wi].charAt(0), c -> new ArrayList<>()).add(new int[] {k.id, wi});
                }
            }
            for (List<int[]> group : byFirst.values()) {
                for (int[] sw : group) {
                    String w = all[sw[0]].words[sw[1]];
                    int e = entries++;
                    if (e == entrySet.length) {
                        entrySet = Arrays.copyOf(entrySet, e * 2);
                        entryWord = Arrays.copyOf(entryWord, e * 2);
                    }
                    entrySet[e] = sw[0];
                    entryWord[e] = sw[1];
                    int node = 0;
                    for (int i = 0; i < w.length(); i++) {
                        node = child(node, w.charAt(i), true);
                    }
                    ends[node] = Arrays.copyOf(ends[node], ends[node].length + 1);
                    ends[node][ends[node].length - 1] = e;
                    char c = w.charAt(0);
                    firstBits[c >>> 6] |= 1L << c;
                    if (c < 128) {
                        secondBits[c] |= w.length() == 1 ? -1L : 1L << (w.charAt(1) & 63);
                    }
                }
            }
        }

        /** The child of {@code node} for {@code c}, or -1; with {@code add}, created when missing. */
        private int child(int node, char c, boolean add) {
            char[] ks = keys[node];
            int k = ks.length <= 8 ? linear(ks, c) : Arrays.binarySearch(ks, c);
            if (k >= 0) {
                return kids[node][k];
            }
            if (!add) {
                return -1;
            }
            if (nodes == keys.length) {
                keys = Arrays.copyOf(keys, nodes * 2);
                kids = Arrays.copyOf(kids, nodes * 2);
                ends = Arrays.copyOf(ends, nodes * 2);
            }
            int id = nodes++;
            keys[id] = new char[0];
            kids[id] = new int[0];
            ends[id] = new int[0];
            int at = -k - 1;
            char[] nk = new char[ks.length + 1];
            int[] nc = new int[ks.length + 1];
            System.arraycopy(ks, 0, nk, 0, at);
            System.arraycopy(kids[node], 0, nc, 0, at);
            nk[at] = c;
            nc[at] = id;
            System.arraycopy(ks, at, nk, at + 1, ks.length - at);
            System.arraycopy(kids[node], at, nc, at + 1, ks.length - at);
            keys[node] = nk;
            kids[node] = nc;
            return id;
        }

        /** Arrays.binarySearch's result for a short sorted array. */
        private static int linear(char[] ks, char c) {
            for (int i = 0; i < ks.length; i++) {
                if (ks[i] == c) {
                    return i;
                }
                if (ks[i] > c) {
                    return -i - 1;
                }
            }
            return -ks.length - 1;
        }

        Hits scan(char[] lower) {
            Hits h = new Hits(lower, this, sets);
            int n = lower.length;
            int[] found = new int[8];
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
                // At the text's end only one-char words can match: they set every bit, 0 among them.
                if (c < 128 && (secondBits[c] & (1L << ((at + 1 < n ? lower[at + 1] : 0) & 63))) == 0) {
                    continue;
                }
                int count = 0;
                int node = 0;
                for (int k = at; k < n; k++) {
                    node = child(node, lower[k], false);
                    if (node < 0) {
                        break;
                    }
                    for (int e : ends[node]) {
                        if (count == found.length) {
                            found = Arrays.copyOf(found, count * 2);
                        }
                        found[count++] = e;
                    }
                }
                if (count > 1) {
                    Arrays.sort(found, 0, count); // entry order: first char, set order, word order
                }
                for (int k = 0; k < count; k++) {
                    h.add(entrySet[found[k]], at, entryWord[found[k]]);
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
}
