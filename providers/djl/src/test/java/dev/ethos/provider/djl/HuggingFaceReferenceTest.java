package dev.ethos.provider.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.ethos.provider.djl.internal.DjlEngine;
import dev.ethos.provider.djl.internal.GptConfig;
import dev.ethos.provider.djl.internal.GptModel;
import dev.ethos.provider.djl.internal.KvCache;
import dev.ethos.provider.djl.internal.SafeTensors;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The DJL forward pass against logits that Hugging Face {@code transformers} computed for a tiny
 * seeded GPT-2 it saved itself with {@code save_pretrained} (fixture made by
 * {@code providers/djl/tools/hf_reference.py}): every prompt position, then single cached steps.
 * The BF16 copy checks the widening to F32 (its reference is the F32 model on BF16-rounded weights;
 * the unrounded weights would miss by about 0.03).
 */
class HuggingFaceReferenceTest {
    private static final String ROOT = "/hf-gpt2-tiny/";

    @TempDir
    Path tmp;

    private Path copy(String resource) throws Exception {
        Path p = tmp.resolve(resource.replace('/', '_'));
        try (InputStream in = getClass().getResourceAsStream(ROOT + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + ROOT + resource);
            }
            Files.copy(in, p);
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"f32", "bf16"})
    void logitsMatchTransformers(String variant) throws Exception {
        JsonObject meta = new Gson().fromJson(Files.readString(copy("reference.json"), StandardCharsets.UTF_8),
                JsonObject.class);
        int[] prompt = new Gson().fromJson(meta.get("prompt"), int[].class);
        int[] steps = new Gson().fromJson(meta.get("steps"), int[].class);
        SafeTensors ref = SafeTensors.open(copy("reference.safetensors"));
        GptConfig c = GptConfig.read(copy(variant + "/config.json"));
        SafeTensors weights = SafeTensors.open(copy(variant + "/model.safetensors"));
        assertEquals(variant.toUpperCase(java.util.Locale.ROOT),
                weights.tensors().get("transformer.wte.weight").dtype().name(), "fixture dtype");
        float[][] expectedPrompt = rows(ref.tensors().get(variant + ".prompt"), prompt.length, c.vocabSize());
        float[][] expectedSteps = rows(ref.tensors().get(variant + ".steps"), steps.length, c.vocabSize());

        try (NDManager m = DjlEngine.newManager()) {
            GptModel model = GptModel.load(c, weights, m);
            try (NDManager step = m.newSubManager()) {
                float[] flat = model.forward(step, step.create(ReferenceForwardTest.toLong(prompt)).reshape(1, prompt.length),
                        null, false).toFloatArray();
                for (int t = 0; t < prompt.length; t++) {
                    ReferenceForwardTest.assertClose(expectedPrompt[t],
                            java.util.Arrays.copyOfRange(flat, t * c.vocabSize(), (t + 1) * c.vocabSize()),
                            variant + " prompt position " + t);
                }
            }
            try (NDManager seq = m.newSubManager(); KvCache cache = new KvCache(seq, c.layers())) {
                try (NDManager step = seq.newSubManager()) {
                    float[] last = model.forward(step, step.create(ReferenceForwardTest.toLong(prompt))
                            .reshape(1, prompt.length), cache, true).toFloatArray();
                    ReferenceForwardTest.assertClose(expectedPrompt[prompt.length - 1], last, variant + " prefill");
                }
                for (int i = 0; i < steps.length; i++) {
                    try (NDManager step = seq.newSubManager()) {
                        float[] next = model.forward(step, step.create(new long[] {steps[i]}).reshape(1, 1), cache, true)
                                .toFloatArray();
                        ReferenceForwardTest.assertClose(expectedSteps[i], next, variant + " cached step " + i);
                    }
                }
                assertEquals(prompt.length + steps.length, cache.length());
            }
        }
    }

    private static float[][] rows(SafeTensors.Tensor t, int n, int vocab) {
        assertEquals(SafeTensors.DType.F32, t.dtype(), t.name());
        assertEquals(java.util.List.of((long) n, (long) vocab),
                java.util.List.of(t.shape()[0], t.shape()[1]), t.name() + " shape");
        FloatBuffer fb = t.data().duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        float[][] out = new float[n][vocab];
        for (float[] row : out) {
            fb.get(row);
        }
        return out;
    }
}
