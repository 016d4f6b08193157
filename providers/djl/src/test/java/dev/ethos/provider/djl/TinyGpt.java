package dev.ethos.provider.djl;

import dev.ethos.provider.djl.internal.BpeTrainer;
import dev.ethos.provider.djl.internal.GptConfig;
import dev.ethos.provider.djl.internal.GptModel;
import dev.ethos.provider.djl.internal.SafeTensors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Writes a tiny random GPT-2 checkpoint (config, safetensors, byte-level BPE tokenizer) for tests. */
final class TinyGpt {
    static final List<String> TEXT = List.of(
            "The engineer writes clean code. The engineer reviews the code.",
            "Coffee is a drink. Tea is a drink too. 咖啡是一种饮料，茶也是。",
            "Contact the team at the office. 请联系团队。 Ünïcödé façade — naïve café 😀.");

    final GptConfig config;
    final Map<String, float[]> weights;
    final Path dir;

    private TinyGpt(GptConfig config, Map<String, float[]> weights, Path dir) {
        this.config = config;
        this.weights = weights;
        this.dir = dir;
    }

    static TinyGpt write(Path dir, long seed) throws IOException {
        return write(dir, seed, 2, 32, 4, 64);
    }

    static TinyGpt write(Path dir, long seed, int layers, int d, int heads, int positions) throws IOException {
        String tokenizerJson = BpeTrainer.train(TEXT, 300);
        Files.writeString(dir.resolve("tokenizer.json"), tokenizerJson, StandardCharsets.UTF_8);
        int vocab = com.google.gson.JsonParser.parseString(tokenizerJson).getAsJsonObject()
                .getAsJsonObject("model").getAsJsonObject("vocab").size();
        GptConfig c = new GptConfig(vocab, positions, d, layers, heads, 4 * d, 1e-5, true, vocab - 1);
        Files.writeString(dir.resolve("config.json"), c.toJson(), StandardCharsets.UTF_8);
        SplittableRandom r = new SplittableRandom(seed);
        Map<String, long[]> shapes = GptModel.expectedShapes(c);
        Map<String, float[]> w = new LinkedHashMap<>();
        for (var e : shapes.entrySet()) {
            long n = 1;
            for (long s : e.getValue()) {
                n *= s;
            }
            float[] a = new float[(int) n];
            boolean gain = e.getKey().endsWith("ln_1.weight") || e.getKey().endsWith("ln_2.weight")
                    || e.getKey().equals("ln_f.weight");
            for (int i = 0; i < n; i++) {
                a[i] = (float) ((gain ? 1.0 : 0.0) + r.nextGaussian() * (gain ? 0.1 : 0.3));
            }
            w.put(e.getKey(), a);
        }
        SafeTensors.writeF32(dir.resolve("model.safetensors"), shapes, w);
        return new TinyGpt(c, w, dir);
    }

    /** Reads a checkpoint (config.json and an F32 safetensors file) into plain arrays. */
    static TinyGpt read(Path dir, Path weightsFile) throws IOException {
        GptConfig c = GptConfig.read(dir.resolve("config.json"));
        SafeTensors st = SafeTensors.open(weightsFile);
        Map<String, float[]> w = new LinkedHashMap<>();
        for (String name : GptModel.expectedShapes(c).keySet()) {
            java.nio.FloatBuffer fb = st.require(name).data().duplicate().order(java.nio.ByteOrder.LITTLE_ENDIAN)
                    .asFloatBuffer();
            float[] a = new float[fb.remaining()];
            fb.get(a);
            w.put(name, a);
        }
        return new TinyGpt(c, w, dir);
    }

    /** Reference logits of every position of {@code ids}, in plain Java arrays: [time][vocab]. */
    float[][] referenceLogits(int[] ids) {
        int d = config.dModel();
        int t = ids.length;
        int h = config.heads();
        int hd = d / h;
        int f = config.dInner();
        float[] wte = weights.get("wte.weight");
        float[] wpe = weights.get("wpe.weight");
        double[][] x = new double[t][d];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = wte[ids[i] * d + j] + wpe[i * d + j];
            }
        }
        for (int l = 0; l < config.layers(); l++) {
            String p = "h." + l + ".";
            double[][] a = layerNorm(x, weights.get(p + "ln_1.weight"), weights.get(p + "ln_1.bias"));
            double[][] qkv = linear(a, weights.get(p + "attn.c_attn.weight"), weights.get(p + "attn.c_attn.bias"), d, 3 * d);
            double[][] o = new double[t][d];
            for (int hh = 0; hh < h; hh++) {
                for (int i = 0; i < t; i++) {
                    double[] s = new double[i + 1];
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j <= i; j++) {
                        double dot = 0;
                        for (int k = 0; k < hd; k++) {
                            dot += qkv[i][hh * hd + k] * qkv[j][d + hh * hd + k];
                        }
                        s[j] = dot / Math.sqrt(hd);
                        max = Math.max(max, s[j]);
                    }
                    double sum = 0;
                    for (int j = 0; j <= i; j++) {
                        s[j] = Math.exp(s[j] - max);
                        sum += s[j];
                    }
                    for (int j = 0; j <= i; j++) {
                        for (int k = 0; k < hd; k++) {
                            o[i][hh * hd + k] += s[j] / sum * qkv[j][2 * d + hh * hd + k];
                        }
                    }
                }
            }
            double[][] proj = linear(o, weights.get(p + "attn.c_proj.weight"), weights.get(p + "attn.c_proj.bias"), d, d);
            add(x, proj);
            double[][] b = layerNorm(x, weights.get(p + "ln_2.weight"), weights.get(p + "ln_2.bias"));
            double[][] m = linear(b, weights.get(p + "mlp.c_fc.weight"), weights.get(p + "mlp.c_fc.bias"), d, f);
            for (double[] row : m) {
                for (int j = 0; j < row.length; j++) {
                    double v = row[j];
                    row[j] = 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v)));
                }
            }
            add(x, linear(m, weights.get(p + "mlp.c_proj.weight"), weights.get(p + "mlp.c_proj.bias"), f, d));
        }
        double[][] z = layerNorm(x, weights.get("ln_f.weight"), weights.get("ln_f.bias"));
        float[][] logits = new float[t][config.vocabSize()];
        for (int i = 0; i < t; i++) {
            for (int v = 0; v < config.vocabSize(); v++) {
                double dot = 0;
                for (int j = 0; j < d; j++) {
                    dot += z[i][j] * wte[v * d + j];
                }
                logits[i][v] = (float) dot;
            }
        }
        return logits;
    }

    private static void add(double[][] x, double[][] y) {
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                x[i][j] += y[i][j];
            }
        }
    }

    private static double[][] linear(double[][] x, float[] w, float[] b, int in, int out) {
        double[][] y = new double[x.length][out];
        for (int i = 0; i < x.length; i++) {
            for (int o = 0; o < out; o++) {
                double s = b[o];
                for (int k = 0; k < in; k++) {
                    s += x[i][k] * w[k * out + o];
                }
                y[i][o] = s;
            }
        }
        return y;
    }

    private double[][] layerNorm(double[][] x, float[] g, float[] b) {
        double[][] y = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            int d = x[i].length;
            double mean = 0;
            for (double v : x[i]) {
                mean += v;
            }
            mean /= d;
            double var = 0;
            for (double v : x[i]) {
                var += (v - mean) * (v - mean);
            }
            var /= d;
            y[i] = new double[d];
            for (int j = 0; j < d; j++) {
                y[i][j] = (x[i][j] - mean) / Math.sqrt(var + config.layerNormEps()) * g[j] + b[j];
            }
        }
        return y;
    }
}
