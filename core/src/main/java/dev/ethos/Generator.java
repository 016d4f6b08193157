package dev.ethos;

/**
 * A model, or a guarded model. Implementations are thread-safe and reusable across requests.
 */
public interface Generator {
    /** Generates the whole answer. Blocks until it is complete. */
    Generation generate(GenerationRequest request);

    /**
     * Streams the answer to {@code listener} on the calling thread and returns when the stream has
     * ended: after exactly one of {@link StreamListener#onComplete} or {@link StreamListener#onError}.
     * Failures are reported to the listener, not thrown; only invalid arguments throw.
     */
    void stream(GenerationRequest request, StreamListener listener);

    /** Who answers: the provider and model id. */
    default ModelInfo info() {
        return ModelInfo.UNKNOWN;
    }
}
