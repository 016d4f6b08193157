package dev.ethos.safety.provenance;

import dev.ethos.spi.LogitsProcessor;
import java.util.Locale;
import java.util.Objects;

/**
 * The green-list watermark of Kirchenbauer et al., "A Watermark for Large Language Models" (ICML
 * 2023), soft variant, as a {@link LogitsProcessor} any local provider applies at every decoding
 * step: a keyed hash (HMAC-SHA256) of the previous {@code h} tokens seeds a split of the vocabulary
 * into a green fraction γ and the rest, and every green token's logit gets +δ. Text generated this
 * way holds more green tokens than chance, which {@link #detector()} measures with the key and
 * without the model. Defaults: γ = 0.25, δ = 2.0, h = 4.
 *
 * <pre>{@code
 * Watermark wm = Watermark.builder(WatermarkKey.parse("hex:…")).build();
 * GenerationRequest req = GenerationRequest.builder().user("…").logitsProcessor(wm).build();
 * // later, with the same key and the model's tokenizer:
 * WatermarkDetector.Detection d = wm.detector().detect(text, tokenizer::encode);
 * }</pre>
 *
 * The key never appears in output: the manifest and {@link #toString()} carry its {@link WatermarkKey#keyId()}.
 * Immutable and thread-safe (each thread keeps its own HMAC instance).
 */
public final class Watermark implements LogitsProcessor {
    /** The scheme's name in manifests. */
    public static final String SCHEME = "kgw-2023/hmac-sha256";

    private final GreenList greens;
    private final double delta;

    private Watermark(Builder b) {
        this.greens = new GreenList(b.key, b.gamma, b.contextWidth);
        this.delta = b.delta;
    }

    public static Builder builder(WatermarkKey key) {
        return new Builder(key);
    }

    /** The defaults: γ = 0.25, δ = 2.0, h = 4. */
    public static Watermark ofDefaults(WatermarkKey key) {
        return builder(key).build();
    }

    @Override
    public void process(int[] tokens, int promptLength, float[] logits) {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(logits, "logits");
        long seed = greens.seed(tokens, tokens.length);
        float d = (float) delta;
        for (int t = 0; t < logits.length; t++) {
            if (greens.green(seed, t)) {
                logits[t] += d;
            }
        }
    }

    /** True when {@code token} is green after {@code context[0, end)}: for tests and tools. */
    public boolean isGreen(int[] context, int end, int token) {
        return greens.green(greens.seed(context, end), token);
    }

    /** A detector for this watermark, flagging at z ≥ 4. */
    public WatermarkDetector detector() {
        return new WatermarkDetector(greens, WatermarkDetector.DEFAULT_Z_THRESHOLD);
    }

    public double gamma() {
        return greens.gamma();
    }

    public double delta() {
        return delta;
    }

    public int contextWidth() {
        return greens.contextWidth();
    }

    public String keyId() {
        return greens.key().keyId();
    }

    /** The scheme with its parameters, e.g. {@code kgw-2023/hmac-sha256;gamma=0.25;delta=2.0;h=4}. */
    public String schemeDescription() {
        return SCHEME + ";gamma=" + fmt(gamma()) + ";delta=" + fmt(delta) + ";h=" + contextWidth();
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }

    @Override
    public String toString() {
        return "Watermark[" + schemeDescription() + ", keyId=" + keyId() + "]";
    }

    /** Validating builder; see {@link Watermark}. */
    public static final class Builder {
        private final WatermarkKey key;
        private double gamma = 0.25;
        private double delta = 2.0;
        private int contextWidth = 4;

        private Builder(WatermarkKey key) {
            this.key = Objects.requireNonNull(key, "key");
        }

        /** The green fraction γ of the vocabulary, in (0, 1). */
        public Builder gamma(double gamma) {
            if (!(gamma > 0 && gamma < 1)) {
                throw new IllegalArgumentException("gamma must be in (0, 1), got " + gamma);
            }
            this.gamma = gamma;
            return this;
        }

        /** The bias δ added to green logits, finite and positive. */
        public Builder delta(double delta) {
            if (!(delta > 0) || Double.isInfinite(delta)) {
                throw new IllegalArgumentException("delta must be positive and finite, got " + delta);
            }
            this.delta = delta;
            return this;
        }

        /** How many previous tokens h seed the split, 1 to 64. */
        public Builder contextWidth(int h) {
            if (h < 1 || h > 64) {
                throw new IllegalArgumentException("context width h must be in [1, 64], got " + h);
            }
            this.contextWidth = h;
            return this;
        }

        public Watermark build() {
            return new Watermark(this);
        }
    }
}
