package dev.ethos;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a generation: the text, why it ended, token usage, the model, the safety report
 * of every filter that ran, and free metadata (the provenance manifest, for instance). Immutable.
 */
public final class Generation {
    private final String text;
    private final FinishReason finishReason;
    private final TokenUsage usage;
    private final ModelInfo model;
    private final SafetyReport report;
    private final Map<String, Object> metadata;

    private Generation(Builder b) {
        this.text = Objects.requireNonNull(b.text, "text");
        this.finishReason = Objects.requireNonNull(b.finishReason, "finishReason");
        this.usage = Objects.requireNonNull(b.usage, "usage");
        this.model = Objects.requireNonNull(b.model, "model");
        this.report = Objects.requireNonNull(b.report, "report");
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A plain result, as a provider returns it. */
    public static Generation of(String text, FinishReason reason, TokenUsage usage, ModelInfo model) {
        return builder().text(text).finishReason(reason).usage(usage).model(model).build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.text = text;
        b.finishReason = finishReason;
        b.usage = usage;
        b.model = model;
        b.report = report;
        b.metadata.putAll(metadata);
        return b;
    }

    public String text() {
        return text;
    }

    public FinishReason finishReason() {
        return finishReason;
    }

    public TokenUsage usage() {
        return usage;
    }

    public ModelInfo model() {
        return model;
    }

    public SafetyReport report() {
        return report;
    }

    /** The overall verdict of the report: the most severe of all filters. */
    public Verdict verdict() {
        return report.verdict();
    }

    public boolean blocked() {
        return report.verdict() == Verdict.BLOCK;
    }

    public Map<String, Object> metadata() {
        return metadata;
    }

    public <T> Optional<T> metadata(String key, Class<T> type) {
        Object v = metadata.get(key);
        return type.isInstance(v) ? Optional.of(type.cast(v)) : Optional.empty();
    }

    public Generation withText(String newText) {
        return toBuilder().text(newText).build();
    }

    public Generation withReport(SafetyReport newReport) {
        return toBuilder().report(newReport).build();
    }

    @Override
    public String toString() {
        return "Generation{chars=" + text.length() + ", finishReason=" + finishReason + ", usage=" + usage
                + ", model=" + model + ", verdict=" + report.verdict() + "}";
    }

    public static final class Builder {
        private String text = "";
        private FinishReason finishReason = FinishReason.STOP;
        private TokenUsage usage = TokenUsage.UNKNOWN;
        private ModelInfo model = ModelInfo.UNKNOWN;
        private SafetyReport report = SafetyReport.EMPTY;
        private final Map<String, Object> metadata = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder text(String text) {
            this.text = Objects.requireNonNull(text, "text");
            return this;
        }

        public Builder finishReason(FinishReason finishReason) {
            this.finishReason = Objects.requireNonNull(finishReason, "finishReason");
            return this;
        }

        public Builder usage(TokenUsage usage) {
            this.usage = Objects.requireNonNull(usage, "usage");
            return this;
        }

        public Builder model(ModelInfo model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        public Builder report(SafetyReport report) {
            this.report = Objects.requireNonNull(report, "report");
            return this;
        }

        public Builder metadata(String key, Object value) {
            Objects.requireNonNull(key, "key");
            if (value == null) {
                metadata.remove(key);
            } else {
                metadata.put(key, value);
            }
            return this;
        }

        public Generation build() {
            return new Generation(this);
        }
    }
}
