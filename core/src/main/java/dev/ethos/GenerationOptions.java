package dev.ethos;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decoding options of a request. Unset values ({@code null}) leave the choice to the provider.
 * Build with {@link #builder()}; every value is validated when it is set.
 */
public final class GenerationOptions {
    public static final int DEFAULT_MAX_TOKENS = 256;
    private static final GenerationOptions DEFAULTS = builder().build();

    private final int maxTokens;
    private final Double temperature;
    private final Double topP;
    private final Integer topK;
    private final Long seed;
    private final Double repetitionPenalty;
    private final List<String> stop;

    private GenerationOptions(Builder b) {
        this.maxTokens = b.maxTokens;
        this.temperature = b.temperature;
        this.topP = b.topP;
        this.topK = b.topK;
        this.seed = b.seed;
        this.repetitionPenalty = b.repetitionPenalty;
        this.stop = List.copyOf(b.stop);
    }

    public static GenerationOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxTokens = maxTokens;
        b.temperature = temperature;
        b.topP = topP;
        b.topK = topK;
        b.seed = seed;
        b.repetitionPenalty = repetitionPenalty;
        b.stop = stop;
        return b;
    }

    public int maxTokens() {
        return maxTokens;
    }

    /** Sampling temperature; 0 means greedy. */
    public Optional<Double> temperature() {
        return Optional.ofNullable(temperature);
    }

    public Optional<Double> topP() {
        return Optional.ofNullable(topP);
    }

    public Optional<Integer> topK() {
        return Optional.ofNullable(topK);
    }

    /** A seed makes sampling repeatable on providers that support it. */
    public Optional<Long> seed() {
        return Optional.ofNullable(seed);
    }

    /** CTRL-style repetition penalty (1.0 = none). */
    public Optional<Double> repetitionPenalty() {
        return Optional.ofNullable(repetitionPenalty);
    }

    /** Stop sequences: generation ends before the first one produced; it is not part of the text. */
    public List<String> stop() {
        return stop;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof GenerationOptions)) {
            return false;
        }
        GenerationOptions other = (GenerationOptions) o;
        return maxTokens == other.maxTokens && Objects.equals(temperature, other.temperature)
                && Objects.equals(topP, other.topP) && Objects.equals(topK, other.topK)
                && Objects.equals(seed, other.seed) && Objects.equals(repetitionPenalty, other.repetitionPenalty)
                && stop.equals(other.stop);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxTokens, temperature, topP, topK, seed, repetitionPenalty, stop);
    }

    @Override
    public String toString() {
        return "GenerationOptions{maxTokens=" + maxTokens + ", temperature=" + temperature + ", topP=" + topP
                + ", topK=" + topK + ", seed=" + seed + ", repetitionPenalty=" + repetitionPenalty
                + ", stop=" + stop.size() + " sequence(s)}";
    }

    public static final class Builder {
        private int maxTokens = DEFAULT_MAX_TOKENS;
        private Double temperature;
        private Double topP;
        private Integer topK;
        private Long seed;
        private Double repetitionPenalty;
        private List<String> stop = List.of();

        private Builder() {
        }

        public Builder maxTokens(int maxTokens) {
            if (maxTokens < 1) {
                throw new IllegalArgumentException("maxTokens must be >= 1, got " + maxTokens);
            }
            this.maxTokens = maxTokens;
            return this;
        }

        public Builder temperature(double temperature) {
            if (!(temperature >= 0 && temperature <= 100)) {
                throw new IllegalArgumentException("temperature must be in [0, 100], got " + temperature);
            }
            this.temperature = temperature;
            return this;
        }

        public Builder topP(double topP) {
            if (!(topP > 0 && topP <= 1)) {
                throw new IllegalArgumentException("topP must be in (0, 1], got " + topP);
            }
            this.topP = topP;
            return this;
        }

        public Builder topK(int topK) {
            if (topK < 1) {
                throw new IllegalArgumentException("topK must be >= 1, got " + topK);
            }
            this.topK = topK;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder repetitionPenalty(double penalty) {
            if (!(penalty > 0 && penalty <= 10)) {
                throw new IllegalArgumentException("repetitionPenalty must be in (0, 10], got " + penalty);
            }
            this.repetitionPenalty = penalty;
            return this;
        }

        public Builder stop(List<String> stop) {
            Objects.requireNonNull(stop, "stop");
            for (String s : stop) {
                if (s == null || s.isEmpty()) {
                    throw new IllegalArgumentException("stop sequences must be non-empty strings");
                }
            }
            this.stop = List.copyOf(stop);
            return this;
        }

        public Builder stop(String... stop) {
            return stop(List.of(stop));
        }

        public GenerationOptions build() {
            return new GenerationOptions(this);
        }
    }
}
