package dev.ethos.safety.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class WatermarkTest {
    static final WatermarkKey KEY = WatermarkKey.of("0123456789abcdef-test-key".getBytes(StandardCharsets.UTF_8));

    @Test
    void processorAddsDeltaToGreenTokensOnly() {
        Watermark wm = Watermark.builder(KEY).delta(1.5).build();
        int[] ctx = {5, 6, 7, 8, 9};
        float[] logits = new float[5000];
        Arrays.fill(logits, 0.25f);
        wm.process(ctx, 2, logits);
        int green = 0;
        for (int t = 0; t < logits.length; t++) {
            boolean g = wm.isGreen(ctx, ctx.length, t);
            assertEquals(g ? 1.75f : 0.25f, logits[t], 1e-6, "token " + t);
            green += g ? 1 : 0;
        }
        // Bernoulli(0.25) over 5000 tokens: sd ≈ 31; 6 sd bounds.
        assertTrue(Math.abs(green - 1250) < 190, "green count " + green);
    }

    @Test
    void splitDependsOnTheKeyAndOnlyTheLastHTokens() {
        Watermark a = Watermark.ofDefaults(KEY);
        Watermark b = Watermark.ofDefaults(WatermarkKey.parse("hex:" + "11".repeat(32)));
        int[] c1 = {1, 2, 3, 4, 5};
        int[] c2 = {99, 2, 3, 4, 5}; // differs beyond h = 4
        int same = 0;
        int sameOtherKey = 0;
        for (int t = 0; t < 4000; t++) {
            same += a.isGreen(c1, 5, t) == a.isGreen(c2, 5, t) ? 1 : 0;
            sameOtherKey += a.isGreen(c1, 5, t) == b.isGreen(c1, 5, t) ? 1 : 0;
        }
        assertEquals(4000, same);
        assertTrue(sameOtherKey < 3000, "another key gives another split: " + sameOtherKey); // ≈ 0.625·4000 expected
    }

    @Test
    void binomialTailIsExact() {
        // Against direct summation for small n.
        for (int n : new int[] {1, 7, 30}) {
            for (int k = 0; k <= n; k++) {
                double direct = 0;
                for (int j = k; j <= n; j++) {
                    direct += choose(n, j) * Math.pow(0.25, j) * Math.pow(0.75, n - j);
                }
                assertEquals(direct, Math.exp(Binomial.logUpperTail(n, k, 0.25)), 1e-12 + 1e-9 * direct, n + "," + k);
            }
        }
        // All 200 green: 0.25^200 ≈ 3.9e-121, far below what a normal approximation resolves.
        assertEquals(200 * Math.log10(0.25), Binomial.logUpperTail(200, 200, 0.25) / Math.log(10), 1e-9);
    }

    private static double choose(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }

    @Test
    void repeatedContextTokenPairsCountOnce() {
        WatermarkDetector d = Watermark.ofDefaults(KEY).detector();
        int[] loop = new int[400];
        for (int i = 0; i < loop.length; i++) {
            loop[i] = i % 5; // the same 5 (context, token) pairs, over and over
        }
        WatermarkDetector.Detection r = d.detect(loop);
        assertEquals(5, r.scored());
        assertFalse(r.watermarked());
        WatermarkDetector.Detection empty = d.detect(new int[] {1, 2, 3});
        assertEquals(0, empty.scored());
        assertEquals(1.0, empty.pValue());
    }

    @Test
    void detectsWatermarkedGenerationsAndNotOthers() {
        // 200 generations of 200 tokens each way, vocabulary 2000, Gaussian logits with σ = 2.5
        // (entropy ≈ 4.6 nats per token), temperature 1.
        SyntheticLm lm = new SyntheticLm(2000, 2.5, 42);
        Watermark wm = Watermark.ofDefaults(KEY);
        WatermarkDetector d = wm.detector();
        SplittableRandom rng = new SplittableRandom(7);
        int hits = 0;
        int falseHits = 0;
        for (int i = 0; i < 200; i++) {
            int[] prompt = lm.randomPrompt(4, rng);
            if (d.detect(lm.generate(prompt, 200, wm, rng)).watermarked()) {
                hits++;
            }
            if (d.detect(lm.generate(prompt, 200, null, rng)).watermarked()) {
                falseHits++;
            }
        }
        assertTrue(hits >= 196, "watermarked detected: " + hits + "/200");
        assertTrue(falseHits <= 2, "unwatermarked detected: " + falseHits + "/200");
    }

    @Test
    void textLevelDetectionGoesThroughTheTokenizer() {
        SyntheticLm lm = new SyntheticLm(1000, 2.5, 3);
        Watermark wm = Watermark.ofDefaults(KEY);
        int[] ids = lm.generate(new int[] {1, 2, 3, 4}, 150, wm, new SplittableRandom(1));
        String text = String.join(" ", Arrays.stream(ids).mapToObj(i -> "w" + i).toArray(String[]::new));
        Map<String, Integer> calls = new HashMap<>();
        Function<String, int[]> tokenizer = s -> {
            calls.merge("n", 1, Integer::sum);
            return Arrays.stream(s.split(" ")).mapToInt(w -> Integer.parseInt(w.substring(1))).toArray();
        };
        WatermarkDetector.Detection r = wm.detector().detect(text, tokenizer);
        assertTrue(r.watermarked(), r.toString());
        assertEquals(150, r.tokens());
        assertEquals(1, calls.get("n"));
        assertFalse(Watermark.builder(WatermarkKey.generate()).build().detector().detect(text, tokenizer).watermarked());
    }

    @Test
    void oneWatermarkServesConcurrentThreads() throws Exception {
        Watermark wm = Watermark.ofDefaults(KEY);
        SyntheticLm lm = new SyntheticLm(1000, 2.5, 9);
        int[][] seqs = new int[16][];
        for (int i = 0; i < seqs.length; i++) {
            seqs[i] = lm.generate(new int[] {i, i + 1, i + 2, i + 3}, 100, wm, new SplittableRandom(i));
        }
        WatermarkDetector d = wm.detector();
        WatermarkDetector.Detection[] expected = new WatermarkDetector.Detection[seqs.length];
        for (int i = 0; i < seqs.length; i++) {
            expected[i] = d.detect(seqs[i]);
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> fs = new java.util.ArrayList<>();
            for (int round = 0; round < 8; round++) {
                for (int i = 0; i < seqs.length; i++) {
                    int k = i;
                    fs.add(pool.submit(() -> {
                        int[] again = lm.generate(new int[] {k, k + 1, k + 2, k + 3}, 100, wm, new SplittableRandom(k));
                        return Arrays.equals(again, seqs[k]) && d.detect(again).equals(expected[k]);
                    }));
                }
            }
            for (java.util.concurrent.Future<Boolean> f : fs) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void keysAndParametersAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> WatermarkKey.parse("short"));
        assertThrows(IllegalArgumentException.class, () -> WatermarkKey.parse("hex:zz"));
        assertEquals(WatermarkKey.parse("hex:" + "ab".repeat(16)), WatermarkKey.parse("base64:" + java.util.Base64
                .getEncoder().encodeToString(java.util.HexFormat.of().parseHex("ab".repeat(16)))));
        assertThrows(IllegalArgumentException.class, () -> Watermark.builder(KEY).gamma(1.0));
        assertThrows(IllegalArgumentException.class, () -> Watermark.builder(KEY).delta(-1));
        assertThrows(IllegalArgumentException.class, () -> Watermark.builder(KEY).contextWidth(0));
        assertFalse(KEY.toString().contains("0123456789abcdef"));
        assertTrue(KEY.keyId().matches("[0-9a-f]{16}"));
        assertEquals("kgw-2023/hmac-sha256;gamma=0.25;delta=2.0;h=4", Watermark.ofDefaults(KEY).schemeDescription());
    }
}
