package dev.ethos.spi;

/**
 * An engine-neutral hook that local providers call at every decoding step, before sampling. It may
 * change {@code logits} in place (add a bias, mask tokens). The provenance watermark is one.
 * Implementations must be thread-safe: one instance may serve concurrent generations.
 */
@FunctionalInterface
public interface LogitsProcessor {
    /**
     * @param tokens every token id so far: the prompt's, then the generated ones
     * @param promptLength how many of {@code tokens} belong to the prompt
     * @param logits the next-token logits over the whole vocabulary, changed in place
     */
    void process(int[] tokens, int promptLength, float[] logits);
}
