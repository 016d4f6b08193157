package dev.ethos;

import java.util.Objects;

/** Which provider and model produced a generation. */
public record ModelInfo(String provider, String modelId) {
    public static final ModelInfo UNKNOWN = new ModelInfo("unknown", "unknown");

    public ModelInfo {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(modelId, "modelId");
    }
}
