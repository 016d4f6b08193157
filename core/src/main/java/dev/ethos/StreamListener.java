package dev.ethos;

/**
 * Receives a streamed generation: text chunks in order, then exactly one of {@link #onComplete}
 * (with the final {@link Generation}, whose text is the concatenation of all chunks) or
 * {@link #onError}. Called on the thread that called {@link Generator#stream}.
 */
public interface StreamListener {
    /** A chunk of text, never empty. */
    void onText(String chunk);

    /** The stream ended normally (or was blocked, cancelled or cut at a limit: see the finish reason). */
    void onComplete(Generation generation);

    /**
     * The stream failed. Text already delivered through {@link #onText} stays valid: it passed every
     * filter. The error names its source (a {@link ProviderException}, a {@link FilterException},
     * a {@link GenerationBlockedException} when the caller asked for exceptions, …).
     */
    void onError(Throwable error);

    /**
     * Polled by providers between tokens or chunks; returning {@code true} cancels the generation,
     * which then completes with {@link FinishReason#CANCELLED}.
     */
    default boolean isCancelled() {
        return false;
    }
}
