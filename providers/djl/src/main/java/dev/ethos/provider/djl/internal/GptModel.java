package dev.ethos.provider.djl.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.LayerNorm;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GPT-2 written with DJL NDArray operations: learned positions, pre-layer-norm blocks, the tanh
 * GELU, Conv1D weights laid out [in, out], and a head tied to the token embedding. One instance
 * holds the weights and is immutable; the per-sequence state lives in a {@link KvCache}.
 *
 * <p>Every operation's result belongs to the manager of its first operand, so the forward pass
 * starts each chain from an array of the caller's step manager and reads weights only as second
 * operands (or through {@code get(manager, …)}): nothing is ever attached to the weights' manager
 * after loading.
 */
public final class GptModel implements DecoderModel {
    /** Names of the per-layer tensors, in a Hugging Face GPT-2 checkpoint (without the layer prefix). */
    static final String[] LAYER_TENSORS = {"ln_1.weight", "ln_1.bias", "attn.c_attn.weight", "attn.c_attn.bias",
        "attn.c_proj.weight", "attn.c_proj.bias", "ln_2.weight", "ln_2.bias", "mlp.c_fc.weight", "mlp.c_fc.bias",
        "mlp.c_proj.weight", "mlp.c_proj.bias"};

    private final GptConfig config;
    private final Map<String, NDArray> weights;
    private final NDArray[][] layers;
    private final NDArray wte;
    private final NDArray wpe;
    private final NDArray lnfW;
    private final NDArray lnfB;
    /** wte transposed once (a view) for inference; null while training (computed per step). */
    private final NDArray headT;
    private final Shape normShape;
    /** The mapped file the F32 weights point into; held so the mapping lives as long as the model. */
    private final SafeTensors mapped;
    private final float attnScale;

    GptModel(GptConfig config, Map<String, NDArray> weights, boolean precomputeHead, SafeTensors mapped) {
        this.config = config;
        this.mapped = mapped;
        this.weights = weights;
        this.wte = weights.get("wte.weight");
        this.wpe = weights.get("wpe.weight");
        this.lnfW = weights.get("ln_f.weight");
        this.lnfB = weights.get("ln_f.bias");
        this.layers = new NDArray[config.layers()][];
        for (int i = 0; i < config.layers(); i++) {
            layers[i] = new NDArray[LAYER_TENSORS.length];
            for (int j = 0; j < LAYER_TENSORS.length; j++) {
                layers[i][j] = weights.get("h." + i + "." + LAYER_TENSORS[j]);
            }
        }
        this.headT = precomputeHead ? wte.transpose() : null;
        this.normShape = new Shape(config.dModel());
        this.attnScale = (float) (1.0 / Math.sqrt(config.headDim()));
    }

    @Override
    public GptConfig config() {
        return config;
    }

    @Override
    public Session newSession(NDManager sequenceManager) {
        KvCache cache = new KvCache(sequenceManager, config.layers());
        return new Session() {
            @Override
            public float[] step(int[] ids) {
                try (NDManager step = sequenceManager.newSubManager()) {
                    long[] l = new long[ids.length];
                    for (int i = 0; i < ids.length; i++) {
                        l[i] = ids[i];
                    }
                    return forward(step, step.create(l).reshape(1, ids.length), cache, true).toFloatArray();
                }
            }

            @Override
            public int length() {
                return cache.length();
            }

            @Override
            public void close() {
                cache.close();
            }
        };
    }

    /** The weights by Hugging Face name (without any {@code transformer.} prefix). */
    public Map<String, NDArray> weights() {
        return weights;
    }

    /** The expected shape of every tensor, by name. */
    public static Map<String, long[]> expectedShapes(GptConfig c) {
        Map<String, long[]> m = new LinkedHashMap<>();
        long d = c.dModel();
        long f = c.dInner();
        m.put("wte.weight", new long[] {c.vocabSize(), d});
        m.put("wpe.weight", new long[] {c.maxPositions(), d});
        for (int i = 0; i < c.layers(); i++) {
            String p = "h." + i + ".";
            m.put(p + "ln_1.weight", new long[] {d});
            m.put(p + "ln_1.bias", new long[] {d});
            m.put(p + "attn.c_attn.weight", new long[] {d, 3 * d});
            m.put(p + "attn.c_attn.bias", new long[] {3 * d});
            m.put(p + "attn.c_proj.weight", new long[] {d, d});
            m.put(p + "attn.c_proj.bias", new long[] {d});
            m.put(p + "ln_2.weight", new long[] {d});
            m.put(p + "ln_2.bias", new long[] {d});
            m.put(p + "mlp.c_fc.weight", new long[] {d, f});
            m.put(p + "mlp.c_fc.bias", new long[] {f});
            m.put(p + "mlp.c_proj.weight", new long[] {f, d});
            m.put(p + "mlp.c_proj.bias", new long[] {d});
        }
        m.put("ln_f.weight", new long[] {d});
        m.put("ln_f.bias", new long[] {d});
        return m;
    }

    /**
     * Loads the weights of {@code file} into {@code manager}. F32 tensors are used in place (the
     * NDArray points into the file mapping, no copy); F16 is converted by the engine; BF16 is
     * widened to F32 in Java (the engine cannot take BF16 on this path).
     */
    public static GptModel load(GptConfig config, SafeTensors file, NDManager manager) {
        Map<String, NDArray> w = new LinkedHashMap<>();
        for (var e : expectedShapes(config).entrySet()) {
            SafeTensors.Tensor t = find(file, e.getKey());
            if (!Arrays.equals(t.shape(), e.getValue())) {
                throw new IllegalArgumentException("tensor '" + t.name() + "' has shape " + Arrays.toString(t.shape())
                        + " but config.json implies " + Arrays.toString(e.getValue()) + " (" + file.file() + ")");
            }
            w.put(e.getKey(), toArray(t, manager));
        }
        return new GptModel(config, w, true, file);
    }

    /** A model over weights the caller made (training, tests); names as in {@link #expectedShapes}. */
    public static GptModel of(GptConfig config, Map<String, NDArray> weights, boolean inference) {
        for (var e : expectedShapes(config).entrySet()) {
            NDArray a = weights.get(e.getKey());
            if (a == null || !Arrays.equals(a.getShape().getShape(), e.getValue())) {
                throw new IllegalArgumentException("weight '" + e.getKey() + "' is missing or mis-shaped");
            }
        }
        return new GptModel(config, weights, inference, null);
    }

    private static SafeTensors.Tensor find(SafeTensors file, String name) {
        SafeTensors.Tensor t = file.tensors().get(name);
        if (t == null) {
            t = file.tensors().get("transformer." + name);
        }
        if (t == null) {
            throw new IllegalArgumentException("tensor '" + name + "' is missing from " + file.file()
                    + " (is this a GPT-2 checkpoint?)");
        }
        return t;
    }

    static NDArray toArray(SafeTensors.Tensor t, NDManager manager) {
        Shape shape = new Shape(t.shape());
        ByteBuffer data = t.data().duplicate().order(ByteOrder.nativeOrder());
        switch (t.dtype()) {
            case F32:
                if (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN && data.isDirect()) {
                    return manager.create(data, shape, DataType.FLOAT32);
                }
                return manager.create(t.data().asFloatBuffer(), shape, DataType.FLOAT32);
            case F16: {
                ByteBuffer direct = ByteBuffer.allocateDirect(data.remaining()).order(ByteOrder.nativeOrder());
                direct.put(t.data().duplicate());
                direct.flip();
                try (NDArray half = manager.create(direct, shape, DataType.FLOAT16)) {
                    return half.toType(DataType.FLOAT32, true);
                }
            }
            case BF16: {
                ShortBuffer in = t.data().duplicate().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
                ByteBuffer out = ByteBuffer.allocateDirect(in.remaining() * 4).order(ByteOrder.nativeOrder());
                FloatBuffer fb = out.asFloatBuffer();
                while (in.hasRemaining()) {
                    fb.put(Float.intBitsToFloat((in.get() & 0xffff) << 16));
                }
                return manager.create(out, shape, DataType.FLOAT32);
            }
            default:
                throw new IllegalArgumentException("tensor '" + t.name() + "' has dtype " + t.dtype()
                        + "; weights must be F32, F16 or BF16");
        }
    }

    /**
     * Runs {@code ids} ([batch, time]) through the model after the cached positions and returns
     * logits: [batch, vocab] of the last position when {@code lastOnly}, else [batch, time, vocab].
     * Appends the new keys and values to {@code cache} if given. Temporaries belong to {@code step}.
     */
    public NDArray forward(NDManager step, NDArray ids, KvCache cache, boolean lastOnly) {
        long batch = ids.getShape().get(0);
        long time = ids.getShape().get(1);
        int past = cache == null ? 0 : cache.length();
        if (past + time > config.maxPositions()) {
            throw new IllegalArgumentException("sequence of " + (past + time) + " tokens exceeds the model's "
                    + config.maxPositions() + " positions");
        }
        int d = config.dModel();
        int h = config.heads();
        int hd = config.headDim();
        NDArray x = wte.get(step, new NDIndex("{}", ids.flatten()))
                .reshape(batch, time, d)
                .add(wpe.get(step, new NDIndex(past + ":" + (past + time))));
        NDArray mask = null;
        if (time > 1) {
            long total = past + time;
            float[] m = new float[(int) (time * total)];
            for (int t = 0; t < time; t++) {
                for (long s = past + t + 1; s < total; s++) {
                    m[(int) (t * total + s)] = Float.NEGATIVE_INFINITY;
                }
            }
            mask = step.create(m, new Shape(time, total));
        }
        for (int i = 0; i < layers.length; i++) {
            NDArray[] L = layers[i];
            NDArray a = LayerNorm.layerNorm(x, normShape, L[0], L[1], (float) config.layerNormEps()).singletonOrThrow();
            NDArray qkv = a.matMul(L[2]).add(L[3]);
            NDList parts = qkv.split(3, 2);
            NDArray q = heads(parts.get(0), batch, time, h, hd);
            NDArray k = heads(parts.get(1), batch, time, h, hd);
            NDArray v = heads(parts.get(2), batch, time, h, hd);
            if (cache != null) {
                NDArray[] kv = cache.append(i, k, v, step);
                k = kv[0];
                v = kv[1];
            }
            NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).mul(attnScale);
            if (mask != null) {
                scores = scores.add(mask);
            }
            NDArray o = scores.softmax(-1).matMul(v).transpose(0, 2, 1, 3).reshape(batch, time, d);
            x = x.add(o.matMul(L[4]).add(L[5]));
            NDArray b = LayerNorm.layerNorm(x, normShape, L[6], L[7], (float) config.layerNormEps()).singletonOrThrow();
            NDArray f = gelu(b.matMul(L[8]).add(L[9]));
            x = x.add(f.matMul(L[10]).add(L[11]));
        }
        if (cache != null) {
            cache.commit((int) time);
        }
        if (lastOnly) {
            x = x.get(new NDIndex(":, -1, :"));
        }
        x = LayerNorm.layerNorm(x, normShape, lnfW, lnfB, (float) config.layerNormEps()).singletonOrThrow();
        NDArray head = headT;
        if (head == null) {
            head = wte.transpose();
            head.attach(step);
        }
        return x.matMul(head);
    }

    private static NDArray heads(NDArray t, long batch, long time, int h, int hd) {
        return t.reshape(batch, time, h, hd).transpose(0, 2, 1, 3);
    }

    private NDArray gelu(NDArray x) {
        if (!config.tanhGelu()) {
            return x.mul(0.5f).mul(x.mul((float) (1 / Math.sqrt(2))).erf().add(1f));
        }
        // 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))
        NDArray inner = x.mul(x).mul(x).mul(0.044715f).add(x).mul((float) Math.sqrt(2 / Math.PI));
        return x.mul(0.5f).mul(inner.tanh().add(1f));
    }

    /** Number of bytes of all weights (what one decoding step reads, roughly). */
    @Override
    public long weightBytes() {
        long n = 0;
        for (NDArray a : weights.values()) {
            n += a.getShape().size() * a.getDataType().getNumOfBytes();
        }
        return n;
    }

    /** Every weight array, for training. */
    public List<NDArray> parameters() {
        return new ArrayList<>(weights.values());
    }
}
