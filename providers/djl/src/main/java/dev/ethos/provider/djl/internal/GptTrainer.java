package dev.ethos.provider.djl.internal;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trains a small GPT-2 from scratch on a text corpus with DJL (the same {@link GptModel} forward
 * pass as inference, autograd through the PyTorch engine, Adam written out here), and writes a
 * checkpoint directory the provider opens: {@code config.json}, {@code tokenizer.json} (a byte-level
 * BPE learnt from the corpus) and {@code model.safetensors}. Fixed seed: the same corpus and
 * settings give the same weights up to the engine's floating-point reduction order.
 *
 * <p>This builds the built-in demonstration model:
 * <pre>
 * java -Dai.djl.pytorch.num_threads=1 -cp 'examples/target/lib/*' dev.ethos.provider.djl.internal.GptTrainer \
 *     providers/djl/corpus/demo-corpus.txt providers/djl/src/main/resources/dev/ethos/provider/djl/builtin
 * </pre>
 * Corpus format: documents separated by a blank line; each document is trained with an
 * end-of-text token after it.
 */
public final class GptTrainer {
    /** Training settings. */
    public record Settings(int vocabSize, int layers, int dModel, int heads, int positions, int steps, int batch,
            int window, double learningRate, long seed) {
        public static Settings demo() {
            return new Settings(1024, 4, 128, 4, 256, 500, 12, 96, 2e-3, 20241128L);
        }
    }

    private GptTrainer() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: GptTrainer CORPUS.txt OUT_DIR [steps]");
            System.exit(2);
        }
        Settings s = Settings.demo();
        if (args.length > 2) {
            s = new Settings(s.vocabSize(), s.layers(), s.dModel(), s.heads(), s.positions(), Integer.parseInt(args[2]),
                    s.batch(), s.window(), s.learningRate(), s.seed());
        }
        train(Path.of(args[0]), Path.of(args[1]), s, System.out::println);
    }

    /** Reads documents separated by blank lines. */
    static List<String> documents(Path corpus) throws IOException {
        String text = Files.readString(corpus, StandardCharsets.UTF_8).replace("\r\n", "\n");
        List<String> docs = new ArrayList<>();
        for (String d : text.split("\n\\s*\n")) {
            if (!d.isBlank()) {
                docs.add(d.strip());
            }
        }
        if (docs.isEmpty()) {
            throw new IllegalArgumentException("corpus has no documents: " + corpus);
        }
        return docs;
    }

    public static void train(Path corpus, Path out, Settings s, java.util.function.Consumer<String> log)
            throws IOException {
        DjlEngine.init();
        List<String> docs = documents(corpus);
        Files.createDirectories(out);
        long t0 = System.nanoTime();
        String tokJson = BpeTrainer.train(docs, s.vocabSize());
        Files.writeString(out.resolve("tokenizer.json"), tokJson, StandardCharsets.UTF_8);
        int[] stream;
        int vocab;
        try (Tokenizer tok = Tokenizer.load(out.resolve("tokenizer.json"))) {
            vocab = com.google.gson.JsonParser.parseString(tokJson).getAsJsonObject().getAsJsonObject("model")
                    .getAsJsonObject("vocab").size();
            int eos = vocab - 1;
            List<Integer> ids = new ArrayList<>();
            List<String> order = new ArrayList<>(docs);
            java.util.Collections.shuffle(order, new java.util.Random(s.seed()));
            for (String d : order) {
                for (int id : tok.encode(d)) {
                    ids.add(id);
                }
                ids.add(eos);
            }
            stream = ids.stream().mapToInt(Integer::intValue).toArray();
        }
        GptConfig config = new GptConfig(vocab, s.positions(), s.dModel(), s.layers(), s.heads(), 4 * s.dModel(),
                1e-5, true, vocab - 1);
        log.accept(String.format("corpus: %d documents, %d tokens, vocabulary %d (BPE in %.1f s); model: %s, %d parameters",
                docs.size(), stream.length, vocab, (System.nanoTime() - t0) / 1e9, config, config.parameterCount()));
        Engine engine = DjlEngine.engine();
        engine.setRandomSeed((int) s.seed());
        SplittableRandom rnd = new SplittableRandom(s.seed());
        Map<String, long[]> shapes = GptModel.expectedShapes(config);
        try (NDManager m = DjlEngine.newManager()) {
            Map<String, NDArray> w = new LinkedHashMap<>();
            Map<String, NDArray[]> adam = new LinkedHashMap<>();
            for (var e : shapes.entrySet()) {
                float[] init = init(e.getKey(), e.getValue(), config, rnd);
                NDArray a = m.create(init, new Shape(e.getValue()));
                a.setRequiresGradient(true);
                w.put(e.getKey(), a);
                adam.put(e.getKey(), new NDArray[] {m.zeros(a.getShape()), m.zeros(a.getShape())});
            }
            GptModel model = GptModel.of(config, w, false);
            int T = s.window();
            double b1 = 0.9;
            double b2 = 0.95;
            double emaLoss = Double.NaN;
            long tTrain = System.nanoTime();
            for (int step = 1; step <= s.steps(); step++) {
                long[] x = new long[s.batch() * T];
                long[] y = new long[s.batch() * T];
                for (int b = 0; b < s.batch(); b++) {
                    int start = rnd.nextInt(stream.length - T - 1);
                    for (int t = 0; t < T; t++) {
                        x[b * T + t] = stream[start + t];
                        y[b * T + t] = stream[start + t + 1];
                    }
                }
                double lr = learningRate(s, step);
                try (NDManager sm = m.newSubManager()) {
                    float lossValue;
                    try (GradientCollector gc = engine.newGradientCollector()) {
                        NDArray ids = sm.create(x, new Shape(s.batch(), T));
                        NDArray logits = model.forward(sm, ids, null, false);
                        NDArray logp = logits.logSoftmax(-1);
                        NDArray target = sm.create(y, new Shape(s.batch(), T, 1));
                        NDArray loss = logp.gather(target, 2).mean().neg();
                        gc.backward(loss);
                        lossValue = loss.getFloat();
                    }
                    if (!Float.isFinite(lossValue)) {
                        throw new IllegalStateException("training diverged at step " + step + " (loss " + lossValue + ")");
                    }
                    double c1 = 1 - Math.pow(b1, step);
                    double c2 = 1 - Math.pow(b2, step);
                    Map<String, NDArray> grads = new LinkedHashMap<>();
                    double sq = 0;
                    for (var e : w.entrySet()) {
                        NDArray g = e.getValue().getGradient();
                        g.attach(sm);
                        grads.put(e.getKey(), g);
                        sq += g.mul(g).sum().getFloat();
                    }
                    // Clip the global gradient norm to 1.
                    double norm = Math.sqrt(sq);
                    float scale = (float) (norm > 1.0 ? 1.0 / norm : 1.0);
                    for (var e : w.entrySet()) {
                        NDArray p = e.getValue();
                        NDArray g = grads.get(e.getKey()).mul(scale);
                        NDArray[] mv = adam.get(e.getKey());
                        mv[0].muli(b1).addi(g.mul(1 - b1));
                        mv[1].muli(b2).addi(g.mul(g).muli(1 - b2));
                        NDArray update = mv[0].div(c1);
                        update.attach(sm);
                        NDArray denom = mv[1].div(c2);
                        denom.attach(sm);
                        denom = denom.sqrt().addi(1e-8);
                        p.subi(update.divi(denom).muli(lr));
                        grads.get(e.getKey()).muli(0);
                    }
                    emaLoss = Double.isNaN(emaLoss) ? lossValue : 0.95 * emaLoss + 0.05 * lossValue;
                }
                if (step % 25 == 0 || step == 1 || step == s.steps()) {
                    log.accept(String.format("step %d/%d loss (moving average) %.3f lr %.2e  %.1f s", step, s.steps(),
                            emaLoss, lr, (System.nanoTime() - tTrain) / 1e9));
                }
            }
            Map<String, float[]> data = new LinkedHashMap<>();
            for (var e : w.entrySet()) {
                data.put(e.getKey(), e.getValue().toFloatArray());
            }
            SafeTensors.writeF32(out.resolve("model.safetensors"), shapes, data);
            Files.writeString(out.resolve("config.json"), config.toJson(), StandardCharsets.UTF_8);
            log.accept(String.format("wrote %s in %.1f s", out, (System.nanoTime() - t0) / 1e9));
        }
    }

    /** Linear warm-up over the first 5% of steps, then cosine decay to a tenth. */
    static double learningRate(Settings s, int step) {
        int warm = Math.max(1, s.steps() / 20);
        if (step <= warm) {
            return s.learningRate() * step / warm;
        }
        double p = (double) (step - warm) / Math.max(1, s.steps() - warm);
        return s.learningRate() * (0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * p)));
    }

    /** GPT-2's initialisation: N(0, 0.02), residual projections scaled by 1/sqrt(2 layers), gains 1, biases 0. */
    static float[] init(String name, long[] shape, GptConfig c, SplittableRandom rnd) {
        int n = (int) Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        float[] v = new float[n];
        if (name.endsWith(".bias") && !name.startsWith("w")) {
            return v;
        }
        if (name.contains("ln_") && name.endsWith(".weight")) {
            Arrays.fill(v, 1f);
            return v;
        }
        double std = 0.02;
        if (name.endsWith("c_proj.weight")) {
            std /= Math.sqrt(2.0 * c.layers());
        }
        for (int i = 0; i < n; i++) {
            v[i] = (float) (rnd.nextGaussian() * std);
        }
        return v;
    }
}
