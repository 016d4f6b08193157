package dev.ethos.safety.provenance;

import dev.ethos.spi.LogitsProcessor;
import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * A seeded random-logits "language model" for watermark experiments: a fixed vector of Gaussian
 * logits (scale σ) over a vocabulary of V tokens, rotated by an amount that depends on the previous
 * two tokens, so every context has its own next-token distribution with the same entropy. Sampled at
 * temperature 1. Test code only.
 */
final class SyntheticLm {
    final int vocab;
    private final float[] base;
    private final long seed;

    SyntheticLm(int vocab, double sigma, long seed) {
        this.vocab = vocab;
        this.seed = seed;
        this.base = new float[vocab];
        Random r = new Random(seed);
        for (int i = 0; i < vocab; i++) {
            base[i] = (float) (sigma * r.nextGaussian());
        }
    }

    /** The model's logits after {@code tokens} (before any processor). */
    float[] logits(int[] tokens, int len) {
        int a = len > 0 ? tokens[len - 1] : -1;
        int b = len > 1 ? tokens[len - 2] : -1;
        long h = seed ^ (a * 0x9E3779B97F4A7C15L) ^ (b * 0xC2B2AE3D27D4EB4FL);
        h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L;
        int shift = (int) Math.floorMod(h ^ (h >>> 29), (long) vocab);
        float[] out = new float[vocab];
        System.arraycopy(base, shift, out, 0, vocab - shift);
        System.arraycopy(base, 0, out, vocab - shift, shift);
        return out;
    }

    /** Generates {@code n} tokens after {@code prompt}, applying {@code processor} (or none). */
    int[] generate(int[] prompt, int n, LogitsProcessor processor, SplittableRandom rng) {
        int[] seq = Arrays.copyOf(prompt, prompt.length + n);
        for (int i = prompt.length; i < seq.length; i++) {
            float[] logits = logits(seq, i);
            if (processor != null) {
                processor.process(Arrays.copyOf(seq, i), prompt.length, logits);
            }
            seq[i] = sample(logits, rng);
        }
        return Arrays.copyOfRange(seq, prompt.length, seq.length);
    }

    static int sample(float[] logits, SplittableRandom rng) {
        float max = Float.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double[] w = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            sum += w[i] = Math.exp(logits[i] - max);
        }
        double u = rng.nextDouble() * sum;
        for (int i = 0; i < w.length; i++) {
            u -= w[i];
            if (u < 0) {
                return i;
            }
        }
        return w.length - 1;
    }

    /** The entropy in nats of the next-token distribution (the same in every context). */
    double entropy() {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : base) {
            max = Math.max(max, l);
        }
        double z = 0;
        for (float l : base) {
            z += Math.exp(l - max);
        }
        double h = 0;
        for (float l : base) {
            double p = Math.exp(l - max) / z;
            if (p > 0) {
                h -= p * Math.log(p);
            }
        }
        return h;
    }

    int[] randomPrompt(int len, SplittableRandom rng) {
        int[] p = new int[len];
        for (int i = 0; i < len; i++) {
            p[i] = rng.nextInt(vocab);
        }
        return p;
    }

    /** {@code tokens} with round(fraction·n) positions, chosen at random, replaced by random tokens. */
    int[] replace(int[] tokens, double fraction, SplittableRandom rng) {
        int[] out = tokens.clone();
        int k = (int) Math.round(fraction * tokens.length);
        int[] idx = new int[tokens.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        for (int i = 0; i < k; i++) { // partial Fisher-Yates: k distinct positions
            int j = i + rng.nextInt(idx.length - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
            int r;
            do {
                r = rng.nextInt(vocab);
            } while (r == out[idx[i]]);
            out[idx[i]] = r;
        }
        return out;
    }
}
