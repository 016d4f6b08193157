package dev.ethos.safety.pii.internal;

import dev.ethos.safety.pii.PiiText;

/**
 * A run of digits joined by single spaces or hyphens (the way card, account and ID numbers are
 * written), standing alone: not glued to letters or other digits. Found in one linear pass by
 * {@link #scan}.
 */
public final class DigitRun {
    public final int start;
    public final int end;
    /** The digits only (plus a trailing 'X' for resident IDs when allowed). */
    public final String digits;
    /** Lengths of the digit groups. */
    public final int[] groups;
    /** The separator used (' ' or '-'), or 0 when there is none; -1 when mixed. */
    public final int separator;

    DigitRun(int start, int end, String digits, int[] groups, int separator) {
        this.start = start;
        this.end = end;
        this.digits = digits;
        this.groups = groups;
        this.separator = separator;
    }

    /** Receives runs. */
    public interface Sink {
        void run(DigitRun run);
    }

    private static final int MAX_GROUPS = 24;

    /**
     * Calls {@code sink} for every stand-alone run of digit groups, and for every window of consecutive
     * groups inside it, that holds at most {@code maxDigits} digits ("42 4111 1111 1111 1111" yields the card
     * too). A run of more than 24 groups (a table of numbers) is skipped whole. With {@code allowX}, a final
     * 'X'/'x' right after the last digit counts as a digit.
     */
    public static void scan(PiiText t, int maxDigits, boolean allowX, Sink sink) {
        scan(t, 1, maxDigits, allowX, sink);
    }

    /**
     * As {@link #scan(PiiText, int, boolean, Sink)}, but windows with fewer than {@code minDigits} digits (the
     * 'X' included) are not built: for a caller that rejects them anyway this changes nothing but the cost.
     */
    public static void scan(PiiText t, int minDigits, int maxDigits, boolean allowX, Sink sink) {
        String s = t.normalized();
        char[] cs = t.chars();
        int n = s.length();
        int i = 0;
        int[] gs = new int[MAX_GROUPS + 1];
        int[] ge = new int[MAX_GROUPS + 1];
        char[] sep = new char[MAX_GROUPS + 1];
        int[] starts = t.digitRunStarts();
        int next = 0;
        while (i < n) {
            // Every position this loop acts at is the start of a digit run: a non-digit is passed over, and the
            // skips below end at a non-word char, so a digit reached here follows a non-digit.
            while (next < starts.length && starts[next] < i) {
                next++;
            }
            if (next == starts.length) {
                break;
            }
            i = starts[next];
            char c = cs[i];
            if (i > 0 && (t.isWordChar(i - 1) || (cs[i - 1] == '.' && t.isDigit(i - 2))
                    || (cs[i - 1] == '-' && t.isWordChar(i - 2)))) {
                while (i < n && t.isWordChar(i)) {
                    i++;
                }
                continue;
            }
            int g = 0;
            int j = i;
            boolean overflow = false;
            while (true) {
                int k = j;
                while (k < n && cs[k] >= '0' && cs[k] <= '9') {
                    k++;
                }
                if (g < MAX_GROUPS) {
                    gs[g] = j;
                    ge[g] = k;
                } else {
                    overflow = true;
                }
                g++;
                j = k;
                if (j + 1 < n && (cs[j] == ' ' || cs[j] == '-') && t.isDigit(j + 1)) {
                    if (g < MAX_GROUPS) {
                        sep[g] = cs[j];
                    }
                    j++;
                } else {
                    break;
                }
            }
            int end = j;
            boolean x = false;
            if (allowX && end < n && (cs[end] == 'X' || cs[end] == 'x')) {
                x = true;
                end++;
            }
            boolean glued = end < n && (t.isWordChar(end) || (cs[end] == '.' && t.isDigit(end + 1))
                    || (cs[end] == '-' && t.isWordChar(end + 1)));
            if (!overflow) {
                for (int a = 0; a < g; a++) {
                    int digits = 0;
                    for (int b = a; b < g; b++) {
                        digits += ge[b] - gs[b];
                        boolean last = b == g - 1;
                        int total = digits + (last && x ? 1 : 0);
                        if (total > maxDigits) {
                            break;
                        }
                        if (last && glued) {
                            break;
                        }
                        if (total < minDigits) {
                            continue;
                        }
                        emit(cs, gs, ge, sep, a, b, last && x, sink);
                    }
                }
            }
            i = end;
            while (i < n && t.isWordChar(i)) {
                i++;
            }
        }
    }

    private static void emit(char[] s, int[] gs, int[] ge, char[] sep, int a, int b, boolean x, Sink sink) {
        StringBuilder d = new StringBuilder(24);
        int[] groups = new int[b - a + 1];
        int separator = 0;
        for (int k = a; k <= b; k++) {
            d.append(s, gs[k], ge[k] - gs[k]);
            groups[k - a] = ge[k] - gs[k];
            if (k > a) {
                separator = separator == 0 ? sep[k] : separator == sep[k] ? separator : -1;
            }
        }
        int end = ge[b];
        if (x) {
            d.append('X');
            groups[b - a]++;
            end++;
        }
        sink.run(new DigitRun(gs[a], end, d.toString(), groups, separator));
    }
}
