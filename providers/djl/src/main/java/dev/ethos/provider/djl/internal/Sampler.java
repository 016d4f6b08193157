package dev.ethos.provider.djl.internal;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Picks the next token from logits: repetition penalty (CTRL), then greedy when the temperature is
 * 0, else temperature, top-k, top-p (nucleus) and a draw from the seeded random source.
 * Instances are per generation (they hold the random source).
 */
public final class Sampler {
    private final double temperature;
    private final int topK;
    private final double topP;
    private final double repetitionPenalty;
    private final SplittableRandom random;

    public Sampler(double temperature, int topK, double topP, double repetitionPenalty, long seed) {
        this.temperature = temperature;
        this.topK = topK;
        this.topP = topP;
        this.repetitionPenalty = repetitionPenalty;
        this.random = new SplittableRandom(seed);
    }

    /** Applies the repetition penalty to every token seen so far, in place. */
    void penalize(float[] logits, int[] tokens, int count) {
        if (repetitionPenalty == 1.0) {
            return;
        }
        boolean[] seen = new boolean[logits.length];
        for (int i = 0; i < count; i++) {
            int t = tokens[i];
            if (t >= 0 && t < logits.length && !seen[t]) {
                seen[t] = true;
                logits[t] = (float) (logits[t] > 0 ? logits[t] / repetitionPenalty : logits[t] * repetitionPenalty);
            }
        }
    }

    /** Chooses a token; {@code logits} may be changed. */
    public int next(float[] logits, int[] tokens, int count) {
        penalize(logits, tokens, count);
        if (temperature == 0) {
            return argmax(logits);
        }
        int v = logits.length;
        float max = Float.NEGATIVE_INFINITY;
        for (float f : logits) {
            max = Math.max(max, f);
        }
        if (max == Float.NEGATIVE_INFINITY) {
            throw new IllegalStateException("every token was masked out by the logits processors");
        }
        // top-k: the k-th largest logit is the cut.
        float cut = Float.NEGATIVE_INFINITY;
        if (topK > 0 && topK < v) {
            float[] sorted = logits.clone();
            Arrays.sort(sorted);
            cut = sorted[v - topK];
        }
        double[] p = new double[v];
        double sum = 0;
        for (int i = 0; i < v; i++) {
            if (logits[i] >= cut && logits[i] != Float.NEGATIVE_INFINITY) {
                p[i] = Math.exp((logits[i] - max) / temperature);
                sum += p[i];
            }
        }
        if (topP < 1.0) {
            // Keep the smallest set of most probable tokens whose mass reaches topP.
            double[] sorted = p.clone();
            Arrays.sort(sorted);
            double acc = 0;
            double threshold = 0;
            for (int i = v - 1; i >= 0; i--) {
                acc += sorted[i];
                threshold = sorted[i];
                if (acc >= topP * sum) {
                    break;
                }
            }
            sum = 0;
            for (int i = 0; i < v; i++) {
                if (p[i] < threshold) {
                    p[i] = 0;
                }
                sum += p[i];
            }
        }
        double r = random.nextDouble() * sum;
        int last = -1;
        for (int i = 0; i < v; i++) {
            if (p[i] > 0) {
                last = i;
                r -= p[i];
                if (r < 0) {
                    return i;
                }
            }
        }
        return last;
    }

    static int argmax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }
}
