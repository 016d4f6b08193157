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

    /**
     * Calls {@code sink} for every stand-alone run of at most {@code maxDigits} digits. A run longer
     * than that is skipped whole. With {@code allowX}, a final 'X'/'x' counts as a digit.
     */
    public static void scan(PiiText t, int maxDigits, boolean allowX, Sink sink) {
        String s = t.normalized();
        int n = s.length();
        int i = 0;
        char[] buf = new char[maxDigits + 2];
        int[] groups = new int[maxDigits + 2];
        while (i < n) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                i++;
                continue;
            }
            if (i > 0 && (t.isWordChar(i - 1) || (s.charAt(i - 1) == '.' && t.isDigit(i - 2))
                    || (s.charAt(i - 1) == '-' && t.isWordChar(i - 2)))) {
                while (i < n && t.isWordChar(i)) {
                    i++;
                }
                continue;
            }
            int start = i;
            int nd = 0;
            int ng = 0;
            int sep = 0;
            boolean tooLong = false;
            int j = i;
            int lastDigitEnd = i;
            int groupLen = 0;
            while (j < n) {
                char d = s.charAt(j);
                if (d >= '0' && d <= '9') {
                    if (nd > maxDigits) {
                        tooLong = true;
                    } else {
                        buf[nd] = d;
                    }
                    nd++;
                    groupLen++;
                    j++;
                    lastDigitEnd = j;
                } else if ((d == ' ' || d == '-') && j + 1 < n && s.charAt(j + 1) >= '0' && s.charAt(j + 1) <= '9'
                        && groupLen > 0) {
                    if (ng <= maxDigits) {
                        groups[ng] = groupLen;
                    }
                    ng++;
                    groupLen = 0;
                    sep = sep == 0 ? d : sep == d ? sep : -1;
                    j++;
                } else {
                    break;
                }
            }
            if (ng <= maxDigits) {
                groups[ng] = groupLen;
            }
            ng++;
            int end = lastDigitEnd;
            if (allowX && end < n && (s.charAt(end) == 'X' || s.charAt(end) == 'x') && nd < maxDigits + 1) {
                buf[Math.min(nd, maxDigits)] = 'X';
                nd++;
                end++;
            }
            boolean glued = end < n && (t.isWordChar(end) || (s.charAt(end) == '.' && t.isDigit(end + 1))
                    || (s.charAt(end) == '-' && t.isWordChar(end + 1)));
            if (!tooLong && nd <= maxDigits && !glued) {
                int[] g = new int[Math.min(ng, maxDigits + 1)];
                System.arraycopy(groups, 0, g, 0, g.length);
                sink.run(new DigitRun(start, end, new String(buf, 0, nd), g, sep));
            }
            i = Math.max(end, j);
            while (i < n && t.isWordChar(i)) {
                i++;
            }
        }
    }
}
