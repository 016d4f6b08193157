package dev.ethos.text;

import java.util.List;

/** The {@link OffsetMap} of a sorted, non-overlapping edit list. Binary search, O(log edits). */
final class EditMap implements OffsetMap {
    private final int originalLength;
    private final int[] origStart;
    private final int[] origEnd;
    private final int[] newStart;
    private final int[] newEnd;

    EditMap(int originalLength, List<TextEdit> sorted) {
        this.originalLength = originalLength;
        int n = sorted.size();
        origStart = new int[n];
        origEnd = new int[n];
        newStart = new int[n];
        newEnd = new int[n];
        int delta = 0;
        for (int i = 0; i < n; i++) {
            TextEdit e = sorted.get(i);
            origStart[i] = e.start();
            origEnd[i] = e.end();
            newStart[i] = e.start() + delta;
            delta += e.delta();
            newEnd[i] = e.end() + delta;
        }
    }

    /** The last edit that starts at or before {@code x}, or -1. */
    private static int lastStartingAtOrBefore(int[] starts, int x) {
        int lo = 0;
        int hi = starts.length - 1;
        int ans = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= x) {
                ans = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return ans;
    }

    /**
     * A start-biased offset (a span's start, a character) lands after text inserted at it, so
     * unchanged characters map exactly; an end-biased one (a span's end) lands before it. Both land
     * before a replacement that begins there. Strictly inside a replaced range, start bias gives the
     * replacement's start and end bias its end.
     */
    private static int map(int x, int[] fromStart, int[] fromEnd, int[] toStart, int[] toEnd, boolean endBias) {
        int i = lastStartingAtOrBefore(fromStart, x);
        while (i >= 0 && fromStart[i] == x && (endBias || fromEnd[i] > x)) {
            i--;
        }
        if (i < 0) {
            return x;
        }
        if (x >= fromEnd[i]) {
            return x - fromEnd[i] + toEnd[i];
        }
        // Strictly inside a replaced range.
        return endBias ? toEnd[i] : toStart[i];
    }

    private void check(int x, int limit) {
        if (x < 0 || x > limit) {
            throw new IndexOutOfBoundsException("offset " + x + " outside [0, " + limit + "]");
        }
    }

    private int editedLength() {
        int n = origEnd.length;
        return n == 0 ? originalLength : originalLength - origEnd[n - 1] + newEnd[n - 1];
    }

    @Override
    public int toEdited(int o) {
        check(o, originalLength);
        return map(o, origStart, origEnd, newStart, newEnd, false);
    }

    @Override
    public int toEditedEnd(int o) {
        check(o, originalLength);
        return map(o, origStart, origEnd, newStart, newEnd, true);
    }

    @Override
    public int toOriginal(int e) {
        check(e, editedLength());
        return map(e, newStart, newEnd, origStart, origEnd, false);
    }

    @Override
    public int toOriginalEnd(int e) {
        check(e, editedLength());
        return map(e, newStart, newEnd, origStart, origEnd, true);
    }
}
