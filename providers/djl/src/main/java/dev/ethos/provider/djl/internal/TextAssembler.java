package dev.ethos.provider.djl.internal;

import java.util.Arrays;
import java.util.List;

/**
 * Turns generated token ids into text as they arrive, for streaming and batch alike.
 *
 * <ul>
 *   <li>Decoding is by prefix difference from the last character boundary: tokens after the
 *       boundary are decoded together, and while that text ends in U+FFFD (an incomplete UTF-8
 *       sequence of a byte-level vocabulary) it is held back, so a multi-byte character is never
 *       split across chunks.</li>
 *   <li>Stop sequences: the first occurrence ends the text before it; a tail that could still
 *       grow into a stop sequence is held back, so stopped text never leaks.</li>
 * </ul>
 * Not thread-safe: one per generation.
 */
public final class TextAssembler {
    private final Tokenizer tokenizer;
    private final List<String> stops;
    private int[] ids = new int[64];
    private int count;
    private int anchor;
    private final StringBuilder stable = new StringBuilder();
    private int emitted;
    private int stoppedAt = -1;

    public TextAssembler(Tokenizer tokenizer, List<String> stops) {
        this.tokenizer = tokenizer;
        this.stops = stops;
    }

    /** Adds a generated token; returns the text that became safe to emit (maybe empty). */
    public String add(int token) {
        if (stoppedAt >= 0) {
            throw new IllegalStateException("generation already hit a stop sequence");
        }
        if (count == ids.length) {
            ids = Arrays.copyOf(ids, count * 2);
        }
        ids[count++] = token;
        String tail = tokenizer.decode(ids, anchor, count);
        if (!tail.endsWith("\uFFFD")) {
            stable.append(tail);
            anchor = count;
        }
        int from = Math.max(0, emitted - maxStopLength());
        int stop = -1;
        for (String s : stops) {
            int i = stable.indexOf(s, from);
            if (i >= 0 && (stop < 0 || i < stop)) {
                stop = i;
            }
        }
        if (stop >= 0) {
            stoppedAt = stop;
            String out = stable.substring(Math.min(emitted, stop), stop);
            emitted = Math.max(emitted, stop);
            return out;
        }
        int safe = stable.length() - holdBack();
        if (safe > emitted) {
            String out = stable.substring(emitted, safe);
            emitted = safe;
            return out;
        }
        return "";
    }

    /** True once a stop sequence was produced. */
    public boolean stopped() {
        return stoppedAt >= 0;
    }

    /** Ends the generation: everything not yet emitted (held bytes decode to U+FFFD). */
    public String finish() {
        if (stoppedAt >= 0) {
            return "";
        }
        stable.append(tokenizer.decode(ids, anchor, count));
        anchor = count;
        String out = stable.substring(emitted);
        emitted = stable.length();
        return out;
    }

    /** The whole text (valid after {@link #finish} or a stop). */
    public String text() {
        return stoppedAt >= 0 ? stable.substring(0, stoppedAt) : stable.toString();
    }

    public int tokens() {
        return count;
    }

    private int maxStopLength() {
        int m = 0;
        for (String s : stops) {
            m = Math.max(m, s.length());
        }
        return m;
    }

    /** Length of the longest tail of the stable text that is a proper prefix of a stop sequence. */
    private int holdBack() {
        int best = 0;
        for (String s : stops) {
            for (int len = Math.min(s.length() - 1, stable.length()); len > best; len--) {
                if (stable.indexOf(s.substring(0, len), stable.length() - len) == stable.length() - len) {
                    best = len;
                    break;
                }
            }
        }
        return best;
    }
}
