package dev.ethos.provider.djl.internal;

import ai.djl.ndarray.NDManager;

/**
 * A causal language model the decode loop can drive: a configuration and per-sequence sessions
 * that take new token ids and return the next-token logits of the last one. Implementations hold
 * immutable weights and are thread-safe; a session belongs to one generation.
 */
public interface DecoderModel {
    GptConfig config();

    /** A new sequence whose state (the key/value cache) lives in {@code sequenceManager}. */
    Session newSession(NDManager sequenceManager);

    /** Bytes of weights the model holds. */
    long weightBytes();

    /** One sequence's state. */
    interface Session extends AutoCloseable {
        /** Appends {@code ids} and returns the logits after the last of them. */
        float[] step(int[] ids);

        /** Positions consumed so far. */
        int length();

        @Override
        void close();
    }
}
