package dev.ethos.safety.provenance;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Detects a {@link Watermark} in token ids, with the key and without the model. Every position
 * whose full context of h previous tokens is known is scored once per distinct (context, token)
 * pair (repeated n-grams would otherwise inflate the count, as the paper's follow-up work notes);
 * with T scored pairs of which G are green,
 * {@code z = (G − γT) / √(T γ (1 − γ))} and the p-value is the exact one-sided binomial tail
 * {@code P(X ≥ G)}, {@code X ~ Binomial(T, γ)}. A text is called watermarked at {@code z ≥ 4} unless
 * another threshold is set.
 *
 * <p>For text, pass the tokenizer of the model that generated it, e.g. a DJL
 * {@code HuggingFaceTokenizer}: {@code detect(text, s -> toInts(tokenizer.encode(s, false).getIds()))}.
 * Retokenising need not reproduce the generated ids exactly; mismatches only cost detection power.
 * Immutable and thread-safe.
 */
public final class WatermarkDetector {
    /** The default z threshold (a one-sided false-positive rate of about 3·10⁻⁵). */
    public static final double DEFAULT_Z_THRESHOLD = 4.0;

    private final GreenList greens;
    private final double zThreshold;

    WatermarkDetector(GreenList greens, double zThreshold) {
        this.greens = greens;
        this.zThreshold = zThreshold;
    }

    /** The same detector with another z threshold. */
    public WatermarkDetector withThreshold(double z) {
        if (Double.isNaN(z)) {
            throw new IllegalArgumentException("z threshold must be a number, got " + z);
        }
        return new WatermarkDetector(greens, z);
    }

    public double threshold() {
        return zThreshold;
    }

    /**
     * What the detector saw.
     *
     * @param tokens how many token ids it was given
     * @param scored how many distinct (context, token) pairs it scored (T)
     * @param green how many of them were green (G)
     * @param z the z-score
     * @param pValue the exact one-sided binomial p-value (may underflow to 0; see {@code log10P})
     * @param log10P log₁₀ of the p-value
     * @param watermarked whether z reached the threshold
     */
    public record Detection(int tokens, int scored, int green, double z, double pValue, double log10P,
                            boolean watermarked) {
        public double greenFraction() {
            return scored == 0 ? 0 : (double) green / scored;
        }
    }

    /** Scores every token that has h tokens before it in {@code tokens}. */
    public Detection detect(int[] tokens) {
        return detect(tokens, 0);
    }

    /**
     * Scores the tokens from {@code from} on, using tokens before {@code from} (a prompt, say) only
     * as context; positions with fewer than h tokens before them are not scored.
     */
    public Detection detect(int[] tokens, int from) {
        Objects.requireNonNull(tokens, "tokens");
        if (from < 0 || from > tokens.length) {
            throw new IllegalArgumentException("from must be in [0, " + tokens.length + "], got " + from);
        }
        int h = greens.contextWidth();
        Set<Pair> seen = new HashSet<>();
        int green = 0;
        for (int i = Math.max(from, h); i < tokens.length; i++) {
            long seed = greens.seed(tokens, i);
            if (seen.add(new Pair(seed, tokens[i])) && greens.green(seed, tokens[i])) {
                green++;
            }
        }
        return score(tokens.length - from, seen.size(), green);
    }

    /** Detection in text through the generating model's tokenizer. */
    public Detection detect(String text, Function<String, int[]> tokenizer) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(tokenizer, "tokenizer");
        int[] ids = Objects.requireNonNull(tokenizer.apply(text), "the tokenizer returned null");
        return detect(ids);
    }

    private record Pair(long seed, int token) {
    }

    private Detection score(int tokens, int t, int g) {
        if (t == 0) {
            return new Detection(tokens, 0, 0, 0, 1, 0, false);
        }
        double gamma = greens.gamma();
        double z = (g - gamma * t) / Math.sqrt(t * gamma * (1 - gamma));
        double lnP = Binomial.logUpperTail(t, g, gamma);
        return new Detection(tokens, t, g, z, Math.exp(lnP), lnP / Math.log(10), z >= zThreshold);
    }
}
