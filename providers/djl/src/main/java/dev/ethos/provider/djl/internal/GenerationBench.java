package dev.ethos.provider.djl.internal;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Measures decoding speed of a GPT-2-small-shaped model (124M parameters, random F32 weights made
 * in-process) at batch 1, beside the memory-bandwidth bound measured in the same run, as issue #6
 * defines it: (model bytes read per token) / (measured copy bandwidth), where the copy bandwidth is
 * bytes copied per second, as memcpy benchmarks count it. Decoding one token reads every weight once
 * and writes almost nothing, while a copy writes every byte it reads, so decoding can beat that
 * bound; the stricter bound against the read bandwidth (summing an array) is reported beside it.
 */
public final class GenerationBench {
    /** One run's figures. */
    public record Result(long parameters, long bytesPerToken, double prefillMillis, int promptTokens,
            double tokensPerSecond, double copyBytesPerSecond, double readBytesPerSecond, int threads) {
        /** Tokens per second if decoding moved its bytes at the measured copy bandwidth. */
        public double boundTokensPerSecond() {
            return copyBytesPerSecond / bytesPerToken;
        }

        /** Decoding speed over {@link #boundTokensPerSecond()}: the figure of the last line. */
        public double ratio() {
            return tokensPerSecond / boundTokensPerSecond();
        }

        /** The stricter bound: tokens per second if decoding read its bytes as fast as a sum does. */
        public double readBoundTokensPerSecond() {
            return readBytesPerSecond / bytesPerToken;
        }

        public double readRatio() {
            return tokensPerSecond / readBoundTokensPerSecond();
        }
    }

    private GenerationBench() {
    }

    /** GPT-2 small: 12 layers, width 768, 12 heads, 50257 tokens, 1024 positions. */
    public static GptConfig gpt2Small() {
        return new GptConfig(50257, 1024, 768, 12, 12, 3072, 1e-5, true, 50256);
    }

    public static Result run(GptConfig config, int promptTokens, int newTokens, int repeats, long seed,
            Consumer<String> log) {
        DjlEngine.init();
        Engine engine = DjlEngine.engine();
        engine.setRandomSeed((int) seed);
        try (NDManager m = DjlEngine.newManager()) {
            log.accept("making " + config.parameterCount() + " random F32 parameters (" + engine.getEngineName() + " "
                    + engine.getVersion() + ")");
            Map<String, NDArray> w = new LinkedHashMap<>();
            for (var e : GptModel.expectedShapes(config).entrySet()) {
                Shape s = new Shape(e.getValue());
                boolean gain = e.getKey().contains("ln_") && e.getKey().endsWith(".weight");
                w.put(e.getKey(), gain ? m.ones(s) : m.randomNormal(0f, 0.02f, s, DataType.FLOAT32));
            }
            GptModel model = GptModel.of(config, w, true);
            long d = config.dModel();
            // Per token: every weight except the position table (one row of it), plus the KV cache.
            long wpeBytes = (long) config.maxPositions() * d * 4;
            long cacheBytes = 2L * config.layers() * (promptTokens + newTokens / 2) * d * 4;
            long bytesPerToken = model.weightBytes() - wpeBytes + d * 4 + cacheBytes;

            // The bandwidth is measured interleaved with decoding, one pass over an array of half the
            // model's size after every token, so both see the same machine (a shared machine's load
            // changes from second to second).
            long n = model.weightBytes() / 2 / 4;
            double decodeSeconds = 0;
            long decoded = 0;
            double copySeconds = 0;
            long copyBytes = 0;
            double readSeconds = 0;
            long readBytes = 0;
            double bestPrefill = Double.MAX_VALUE;
            SplittableRandomIds ids = new SplittableRandomIds(seed, config.vocabSize());
            try (NDManager bwm = m.newSubManager()) {
                NDArray src = bwm.randomUniform(0f, 1f, new Shape(n), DataType.FLOAT32);
                NDArray dst = bwm.zeros(new Shape(n), DataType.FLOAT32);
                NDIndex all = new NDIndex(":");
                for (int r = 0; r <= repeats; r++) {
                    double runDecode = 0;
                    try (NDManager seq = m.newSubManager(); KvCache cache = new KvCache(seq, config.layers())) {
                        long[] prompt = ids.next(promptTokens);
                        long t0 = System.nanoTime();
                        float[] logits;
                        try (NDManager step = seq.newSubManager()) {
                            logits = model.forward(step, step.create(prompt).reshape(1, promptTokens), cache, true)
                                    .toFloatArray();
                        }
                        double prefill = (System.nanoTime() - t0) / 1e6;
                        for (int i = 0; i < newTokens; i++) {
                            long t1 = System.nanoTime();
                            int next = Sampler.argmax(logits);
                            try (NDManager step = seq.newSubManager()) {
                                logits = model.forward(step, step.create(new long[] {next}).reshape(1, 1), cache, true)
                                        .toFloatArray();
                            }
                            double dt = (System.nanoTime() - t1) / 1e9;
                            runDecode += dt;
                            long t2 = System.nanoTime();
                            if (i % 2 == 0) {
                                try (NDManager t = bwm.newSubManager()) {
                                    NDArray sum = src.sum();
                                    sum.attach(t);
                                    sum.getFloat();
                                }
                                double rs = (System.nanoTime() - t2) / 1e9;
                                if (r > 0) {
                                    readSeconds += rs;
                                    readBytes += n * 4;
                                }
                            } else {
                                dst.set(all, src); // in place: no allocation timed
                                double cs = (System.nanoTime() - t2) / 1e9;
                                if (r > 0) {
                                    copySeconds += cs;
                                    copyBytes += n * 4; // bytes copied, counted once
                                }
                            }
                        }
                        String tag = r == 0 ? "warm-up" : "run " + r;
                        log.accept(String.format("%s: prefill %d tokens %.1f ms, decode %d tokens %.2f tokens/s", tag,
                                promptTokens, prefill, newTokens, newTokens / runDecode));
                        if (r > 0) {
                            bestPrefill = Math.min(bestPrefill, prefill);
                            decodeSeconds += runDecode;
                            decoded += newTokens;
                        }
                    }
                }
            }
            double copy = copyBytes / copySeconds;
            double read = readBytes / readSeconds;
            log.accept(String.format("memory bandwidth, measured between the tokens: copy %.2f GB/s (bytes copied per "
                    + "second, as memcpy counts them; the bound), read %.2f GB/s (summing an array; the stricter bound)",
                    copy / 1e9, read / 1e9));
            return new Result(config.parameterCount(), bytesPerToken, bestPrefill, promptTokens, decoded / decodeSeconds,
                    copy, read, ai.djl.pytorch.jni.JniUtils.getNumThreads());
        }
    }

    /** Seeded random token ids. */
    static final class SplittableRandomIds {
        private final java.util.SplittableRandom r;
        private final int vocab;

        SplittableRandomIds(long seed, int vocab) {
            this.r = new java.util.SplittableRandom(seed);
            this.vocab = vocab;
        }

        long[] next(int n) {
            long[] a = new long[n];
            Arrays.setAll(a, i -> r.nextInt(vocab));
            return a;
        }
    }
}
