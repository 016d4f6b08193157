package dev.ethos.provider.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.ethos.FinishReason;
import dev.ethos.Generation;
import dev.ethos.GenerationOptions;
import dev.ethos.GenerationRequest;
import dev.ethos.provider.djl.internal.DecoderModel;
import dev.ethos.provider.djl.internal.DjlEngine;
import dev.ethos.provider.djl.internal.GptConfig;
import dev.ethos.provider.djl.internal.TorchScriptGpt;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GPT-2 exported by tools/trace_gpt2.py loads through DJL's TorchScript support, matches the
 * plain-Java reference for a prompt and cached steps, and decodes like the safetensors path.
 */
class TorchScriptModelTest {
    @TempDir
    Path tmp;

    Path fixture(String name, String... files) throws Exception {
        Path d = Files.createDirectories(tmp.resolve(name));
        for (String f : files) {
            String[] fromTo = f.split(">");
            try (InputStream in = getClass().getResourceAsStream("/torchscript-tiny/" + fromTo[0])) {
                Files.copy(in, d.resolve(fromTo.length > 1 ? fromTo[1] : fromTo[0]));
            }
        }
        return d;
    }

    @Test
    void torchScriptLogitsMatchTheReference() throws Exception {
        Path d = fixture("ts", "config.json", "tokenizer.json", "model.pt", "weights.safetensors");
        TinyGpt ref = TinyGpt.read(d, d.resolve("weights.safetensors"));
        int[] prompt = {17, 4, 250, 99, 3};
        int[] next = {42, 7, 200};
        int[] all = {17, 4, 250, 99, 3, 42, 7, 200};
        float[][] expected = ref.referenceLogits(all);
        try (NDManager m = DjlEngine.newManager()) {
            GptConfig c = GptConfig.read(d.resolve("config.json"));
            TorchScriptGpt model = TorchScriptGpt.load(c, d.resolve("model.pt"), m);
            try (NDManager seq = m.newSubManager(); DecoderModel.Session s = model.newSession(seq)) {
                ReferenceForwardTest.assertClose(expected[prompt.length - 1], s.step(prompt), "prompt");
                for (int i = 0; i < next.length; i++) {
                    ReferenceForwardTest.assertClose(expected[prompt.length + i], s.step(new int[] {next[i]}),
                            "cached step " + i);
                }
                assertEquals(all.length, s.length());
            }
        }
    }

    @Test
    void decodesLikeTheSafetensorsModel() throws Exception {
        Path ts = fixture("ts2", "config.json", "tokenizer.json", "model.pt");
        Path st = fixture("st", "config.json", "tokenizer.json", "weights.safetensors>model.safetensors");
        GptConfig c = GptConfig.read(ts.resolve("config.json"));
        int eos = c.eosTokenId();
        GenerationRequest r = GenerationRequest.builder().user("The engineer")
                .options(GenerationOptions.builder().maxTokens(20).temperature(0.9).seed(8).build())
                .logitsProcessor((tokens, promptLength, logits) -> logits[eos] = Float.NEGATIVE_INFINITY).build();
        try (DjlGenerator a = DjlGenerator.open(ts); DjlGenerator b = DjlGenerator.open(st)) {
            Generation ga = a.generate(r);
            Generation gb = b.generate(r);
            assertEquals(FinishReason.LENGTH, ga.finishReason());
            assertEquals(20, ga.usage().completionTokens());
            assertEquals(gb.text(), ga.text());
            assertTrue(a.liveArrays() <= 3, "only the module's state after a generation: " + a.liveArrays());
        }
    }
}
