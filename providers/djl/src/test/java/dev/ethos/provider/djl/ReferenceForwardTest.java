package dev.ethos.provider.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.ethos.provider.djl.internal.DjlEngine;
import dev.ethos.provider.djl.internal.GptConfig;
import dev.ethos.provider.djl.internal.GptModel;
import dev.ethos.provider.djl.internal.KvCache;
import dev.ethos.provider.djl.internal.SafeTensors;
import dev.ethos.provider.djl.internal.Tokenizer;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DJL forward pass against an independent plain-Java GPT-2, for a prompt and cached steps. */
class ReferenceForwardTest {
    static final double TOLERANCE = 1e-4;

    @TempDir
    Path dir;

    @Test
    void promptAndCachedStepsMatchTheReference() throws Exception {
        TinyGpt tiny = TinyGpt.write(dir, 42);
        int[] prompt;
        try (Tokenizer tok = Tokenizer.load(dir.resolve("tokenizer.json"))) {
            prompt = tok.encode("The engineer writes 咖啡 code.");
        }
        assertTrue(prompt.length >= 5, "prompt should have several tokens: " + Arrays.toString(prompt));
        int[] continuation = {7, 120, 33, 250, 3, tiny.config.vocabSize() - 2};
        int[] all = new int[prompt.length + continuation.length];
        System.arraycopy(prompt, 0, all, 0, prompt.length);
        System.arraycopy(continuation, 0, all, prompt.length, continuation.length);
        float[][] ref = tiny.referenceLogits(all);

        try (NDManager m = DjlEngine.newManager()) {
            GptConfig c = GptConfig.read(dir.resolve("config.json"));
            GptModel model = GptModel.load(c, SafeTensors.open(dir.resolve("model.safetensors")), m);
            // Whole prompt without a cache: every position.
            try (NDManager step = m.newSubManager()) {
                NDArray logits = model.forward(step, step.create(toLong(prompt)).reshape(1, prompt.length), null, false);
                float[] flat = logits.toFloatArray();
                for (int t = 0; t < prompt.length; t++) {
                    assertClose(ref[t], Arrays.copyOfRange(flat, t * c.vocabSize(), (t + 1) * c.vocabSize()), "prompt position " + t);
                }
            }
            // Prefill into the cache, then one token at a time.
            try (NDManager seq = m.newSubManager(); KvCache cache = new KvCache(seq, c.layers())) {
                try (NDManager step = seq.newSubManager()) {
                    float[] last = model.forward(step, step.create(toLong(prompt)).reshape(1, prompt.length), cache, true)
                            .toFloatArray();
                    assertClose(ref[prompt.length - 1], last, "prefill");
                }
                for (int i = 0; i < continuation.length; i++) {
                    try (NDManager step = seq.newSubManager()) {
                        float[] next = model.forward(step, step.create(new long[] {continuation[i]}).reshape(1, 1), cache, true)
                                .toFloatArray();
                        assertClose(ref[prompt.length + i], next, "cached step " + i);
                    }
                }
                assertEquals(all.length, cache.length());
            }
        }
    }

    static long[] toLong(int[] a) {
        long[] l = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            l[i] = a[i];
        }
        return l;
    }

    static void assertClose(float[] expected, float[] actual, String where) {
        assertEquals(expected.length, actual.length, where + ": vocabulary size");
        double maxDiff = 0;
        double maxAbs = 0;
        for (int i = 0; i < expected.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(expected[i] - actual[i]));
            maxAbs = Math.max(maxAbs, Math.abs(expected[i]));
        }
        assertTrue(maxAbs > 0.1, where + ": reference logits are degenerate");
        assertTrue(maxDiff <= TOLERANCE, where + ": max |djl - reference| = " + maxDiff);
    }
}
