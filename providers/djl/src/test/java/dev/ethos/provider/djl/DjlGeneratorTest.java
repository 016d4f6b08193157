package dev.ethos.provider.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ethos.FinishReason;
import dev.ethos.Generation;
import dev.ethos.GenerationOptions;
import dev.ethos.GenerationRequest;
import dev.ethos.Generator;
import dev.ethos.Generators;
import dev.ethos.StreamListener;
import dev.ethos.testing.CollectingListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DjlGeneratorTest {
    @TempDir
    static Path dir;
    static TinyGpt tiny;
    static DjlGenerator gen;

    @BeforeAll
    static void setUp() throws Exception {
        tiny = TinyGpt.write(dir, 7, 2, 32, 4, 1100);
        gen = DjlGenerator.builder(dir).maxConcurrent(2).build();
    }

    @AfterAll
    static void tearDown() {
        gen.close();
    }

    static GenerationRequest req(String prompt, GenerationOptions.Builder o) {
        return GenerationRequest.builder().user(prompt).options(o.build()).build();
    }

    /** Never lets the model end on its own: the end-of-sequence logit is masked. */
    static GenerationRequest.Builder noEos(GenerationRequest.Builder b) {
        int eos = tiny.config.eosTokenId();
        return b.logitsProcessor((tokens, promptLength, logits) -> logits[eos] = Float.NEGATIVE_INFINITY);
    }

    @Test
    void opensThroughTheProviderSpi() {
        Generator g = Generators.open("djl:" + dir);
        assertEquals("djl", g.info().provider());
        Generation out = g.generate(req("Coffee is", GenerationOptions.builder().maxTokens(5)));
        assertTrue(out.usage().promptTokens() > 0);
        assertTrue(out.usage().completionTokens() <= 5);
        ((DjlGenerator) g).close();
    }

    @Test
    void greedyIsTheReferenceArgmax() throws Exception {
        GenerationRequest r = noEos(GenerationRequest.builder().user("The engineer")
                .options(GenerationOptions.builder().maxTokens(6).temperature(0).build())).build();
        Generation out = gen.generate(r);
        assertEquals(6, out.usage().completionTokens());
        assertEquals(FinishReason.LENGTH, out.finishReason());
        // Replay greedy decoding with the plain-Java reference model.
        int[] prompt = gen.runner().promptTokens("The engineer");
        List<Integer> seq = new ArrayList<>();
        for (int p : prompt) {
            seq.add(p);
        }
        for (int i = 0; i < 6; i++) {
            float[][] ref = tiny.referenceLogits(seq.stream().mapToInt(Integer::intValue).toArray());
            float[] last = ref[ref.length - 1];
            last[tiny.config.eosTokenId()] = Float.NEGATIVE_INFINITY;
            int best = 0;
            for (int v = 1; v < last.length; v++) {
                if (last[v] > last[best]) {
                    best = v;
                }
            }
            seq.add(best);
        }
        int[] gen6 = seq.subList(prompt.length, seq.size()).stream().mapToInt(Integer::intValue).toArray();
        assertEquals(gen.runner().tokenizer().decode(gen6, 0, gen6.length), out.text());
    }

    @Test
    void sameSeedSameTextAndStreamEqualsBatch() {
        GenerationOptions.Builder o = GenerationOptions.builder().maxTokens(40).temperature(1.0).topK(50).topP(0.95)
                .repetitionPenalty(1.2).seed(1234);
        GenerationRequest r = noEos(GenerationRequest.builder().user("咖啡 is").options(o.build())).build();
        Generation a = gen.generate(r);
        Generation b = gen.generate(r);
        assertEquals(a.text(), b.text());
        assertEquals(40, a.usage().completionTokens());
        CollectingListener l = new CollectingListener();
        gen.stream(r, l);
        assertEquals(a.text(), String.join("", l.chunks));
        assertEquals(a.text(), l.completed.text());
        Generation c = gen.generate(noEos(GenerationRequest.builder().user("咖啡 is")
                .options(o.seed(99).build())).build());
        assertNotEquals(a.text(), c.text(), "another seed should sample another text");
    }

    @Test
    void streamingNeverSplitsACharacter() {
        // A processor that forces the bytes of multi-byte characters one token at a time.
        byte[] raw = "咖啡😀é".getBytes(StandardCharsets.UTF_8);
        int[] bytes = new int[raw.length];
        // In the byte-level vocabulary the first 256 ids are single bytes; find each byte's id.
        for (int i = 0; i < raw.length; i++) {
            bytes[i] = byteId(raw[i]);
        }
        GenerationRequest r = GenerationRequest.builder().user("x")
                .options(GenerationOptions.builder().maxTokens(bytes.length).build())
                .logitsProcessor((tokens, promptLength, logits) -> {
                    int k = tokens.length - promptLength;
                    java.util.Arrays.fill(logits, Float.NEGATIVE_INFINITY);
                    logits[bytes[k]] = 0;
                }).build();
        CollectingListener l = new CollectingListener();
        gen.stream(r, l);
        assertEquals("咖啡😀é", l.completed.text());
        for (String chunk : l.chunks) {
            assertFalse(chunk.contains("\uFFFD"), "chunk " + chunk);
            assertFalse(Character.isHighSurrogate(chunk.charAt(chunk.length() - 1)), "split surrogate pair");
        }
        assertTrue(l.chunks.size() >= 4, "one chunk per character: " + l.chunks);
    }

    static int byteId(byte b) {
        return dev.ethos.provider.djl.internal.BpeTrainer.byteTokenId(b & 0xff);
    }

    @Test
    void stopSequenceEndsTheTextBeforeIt() {
        GenerationRequest free = noEos(GenerationRequest.builder().user("The engineer")
                .options(GenerationOptions.builder().maxTokens(30).build())).build();
        String text = gen.generate(free).text();
        assertTrue(text.length() > 6, text);
        String stop = text.substring(4, 6);
        int at = text.indexOf(stop);
        GenerationRequest r = noEos(GenerationRequest.builder().user("The engineer")
                .options(GenerationOptions.builder().maxTokens(30).stop(stop).build())).build();
        Generation out = gen.generate(r);
        assertEquals(FinishReason.STOP_SEQUENCE, out.finishReason());
        assertEquals(text.substring(0, at), out.text());
        CollectingListener l = new CollectingListener();
        gen.stream(r, l);
        assertEquals(out.text(), String.join("", l.chunks));
    }

    @Test
    void eosEndsTheGenerationAndMaxTokensCutsIt() {
        int eos = tiny.config.eosTokenId();
        AtomicInteger steps = new AtomicInteger();
        GenerationRequest r = GenerationRequest.builder().user("Tea")
                .options(GenerationOptions.builder().maxTokens(50).build())
                .logitsProcessor((tokens, promptLength, logits) -> {
                    if (steps.incrementAndGet() == 4) {
                        logits[eos] = 1e9f;
                    }
                }).build();
        Generation out = gen.generate(r);
        assertEquals(FinishReason.STOP, out.finishReason());
        assertEquals(3, out.usage().completionTokens());
        assertEquals(4, steps.get(), "the processor runs at every step");
        Generation two = gen.generate(noEos(GenerationRequest.builder().user("Tea")
                .options(GenerationOptions.builder().maxTokens(2).build())).build());
        assertEquals(2, two.usage().completionTokens());
        assertEquals(FinishReason.LENGTH, two.finishReason());
    }

    @Test
    void cancellationIsPolledPerToken() {
        AtomicInteger texts = new AtomicInteger();
        AtomicInteger polls = new AtomicInteger();
        List<Generation> done = new ArrayList<>();
        gen.stream(noEos(GenerationRequest.builder().user("Tea")
                .options(GenerationOptions.builder().maxTokens(100).build())).build(), new StreamListener() {
                    @Override
                    public void onText(String chunk) {
                        texts.incrementAndGet();
                    }

                    @Override
                    public void onComplete(Generation generation) {
                        done.add(generation);
                    }

                    @Override
                    public void onError(Throwable error) {
                        throw new AssertionError(error);
                    }

                    @Override
                    public boolean isCancelled() {
                        return polls.incrementAndGet() > 5;
                    }
                });
        assertEquals(FinishReason.CANCELLED, done.get(0).finishReason());
        assertEquals(5, done.get(0).usage().completionTokens());
    }

    @Test
    void liveArraysStayFlatOverAThousandTokens() {
        List<Integer> live = Collections.synchronizedList(new ArrayList<>());
        GenerationRequest r = noEos(GenerationRequest.builder().user("The")
                .options(GenerationOptions.builder().maxTokens(1000).temperature(0.8).seed(5).build()))
                .logitsProcessor((tokens, promptLength, logits) -> live.add(gen.liveArrays()))
                .build();
        Generation out = gen.generate(r);
        assertEquals(1000, out.usage().completionTokens());
        int weights = tiny.weights.size();
        assertTrue(live.get(10) > weights, "the count includes the sequence's cache: " + live.get(10));
        assertEquals(live.get(10), live.get(999), "live arrays at step 10 and step 999");
        assertEquals(live.get(10), live.stream().mapToInt(Integer::intValue).max().getAsInt());
        assertEquals(weights + 1, gen.liveArrays(), "after the generation only the weights (and the head view) remain");
    }

    @Test
    void concurrentGenerationsMatchSequentialOnes() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> fs = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                GenerationRequest r = noEos(GenerationRequest.builder().user("Tea " + i)
                        .options(GenerationOptions.builder().maxTokens(15).temperature(0.9).seed(i).build())).build();
                expected.add(gen.generate(r).text());
                fs.add(pool.submit(() -> gen.generate(r).text()));
            }
            for (int i = 0; i < 6; i++) {
                assertEquals(expected.get(i), fs.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theConcurrencyLimitHolds() throws Exception {
        for (int limit : new int[] {1, 2}) {
            AtomicInteger inside = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            try (DjlGenerator g = DjlGenerator.builder(dir).maxConcurrent(limit).build()) {
                assertEquals(limit, g.maxConcurrent());
                ExecutorService pool = Executors.newFixedThreadPool(3);
                try {
                    List<Future<Generation>> fs = new ArrayList<>();
                    for (int i = 0; i < 3; i++) {
                        GenerationRequest r = noEos(GenerationRequest.builder().user("Tea")
                                .options(GenerationOptions.builder().maxTokens(4).build()))
                                .logitsProcessor((tokens, promptLength, logits) -> {
                                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                                    try {
                                        Thread.sleep(5);
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                    }
                                    inside.decrementAndGet();
                                }).build();
                        fs.add(pool.submit(() -> g.generate(r)));
                    }
                    for (Future<Generation> f : fs) {
                        assertEquals(4, f.get().usage().completionTokens());
                    }
                } finally {
                    pool.shutdownNow();
                }
            }
            assertTrue(most.get() <= limit, "at most " + limit + " generations at once, saw " + most.get());
        }
        assertThrows(IllegalArgumentException.class, () -> DjlGenerator.builder(dir).maxConcurrent(0));
    }

    @Test
    void clearErrors(@TempDir Path other) throws Exception {
        var e1 = assertThrows(IllegalArgumentException.class, () -> DjlGenerator.open(other.resolve("nope")));
        assertTrue(e1.getMessage().contains("nope"), e1.getMessage());
        Files.copy(dir.resolve("tokenizer.json"), other.resolve("tokenizer.json"));
        var e2 = assertThrows(IllegalArgumentException.class, () -> DjlGenerator.open(other));
        assertTrue(e2.getMessage().contains("config.json"), e2.getMessage());
        Files.writeString(other.resolve("config.json"), "{\"model_type\": \"llama\", \"architectures\": [\"LlamaForCausalLM\"]}");
        var e3 = assertThrows(IllegalArgumentException.class, () -> DjlGenerator.open(other));
        assertTrue(e3.getMessage().contains("unsupported architecture") && e3.getMessage().contains("llama"), e3.getMessage());
        Files.copy(dir.resolve("config.json"), other.resolve("config.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        var e4 = assertThrows(IllegalArgumentException.class, () -> DjlGenerator.open(other));
        assertTrue(e4.getMessage().contains("model.safetensors"), e4.getMessage());
        // Wrong shape: a checkpoint written for a wider model.
        Path wide = Files.createDirectories(other.resolve("wide"));
        TinyGpt.write(wide, 1, 2, 16, 4, 64);
        Files.copy(dir.resolve("config.json"), wide.resolve("config.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        var e5 = assertThrows(IllegalArgumentException.class, () -> DjlGenerator.open(wide));
        assertTrue(e5.getMessage().contains("wte.weight") && e5.getMessage().contains("shape"), e5.getMessage());
        var e6 = assertThrows(IllegalArgumentException.class, () -> Generators.open("djl:" + dir + "?threads=2"));
        assertTrue(e6.getMessage().contains("threads=2"), e6.getMessage());
    }
}
