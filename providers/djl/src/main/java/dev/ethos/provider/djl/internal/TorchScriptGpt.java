package dev.ethos.provider.djl.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A GPT-2 compiled to TorchScript by {@code providers/djl/tools/trace_gpt2.py}: one module call per
 * step, the cache passed in and returned as stacked tensors. Contract of the module:
 * {@code forward(ids int64[1,T], keys f32[L,1,H,P,D], values f32[L,1,H,P,D]) -> (logits f32[1,T,V],
 * keys f32[L,1,H,P+T,D], values f32[L,1,H,P+T,D])}. Used when a checkpoint directory holds
 * {@value #FILE_NAME} and no {@code model.safetensors}.
 */
public final class TorchScriptGpt implements DecoderModel {
    public static final String FILE_NAME = "model.pt";

    private final GptConfig config;
    private final PtSymbolBlock module;
    private final long bytes;

    private TorchScriptGpt(GptConfig config, PtSymbolBlock module, long bytes) {
        this.config = config;
        this.module = module;
        this.bytes = bytes;
    }

    public static TorchScriptGpt load(GptConfig config, Path file, NDManager manager) {
        try {
            long size = Files.size(file);
            PtSymbolBlock block = JniUtils.loadModule((PtNDManager) manager, file, true, new String[0], new String[0],
                    false);
            return new TorchScriptGpt(config, block, size);
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot load TorchScript model " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public GptConfig config() {
        return config;
    }

    @Override
    public long weightBytes() {
        return bytes;
    }

    @Override
    public Session newSession(NDManager seq) {
        Shape empty = new Shape(config.layers(), 1, config.heads(), 0, config.headDim());
        return new Session() {
            private NDArray keys = seq.zeros(empty);
            private NDArray values = seq.zeros(empty);
            private int length;

            @Override
            public float[] step(int[] ids) {
                if (length + ids.length > config.maxPositions()) {
                    throw new IllegalArgumentException("sequence of " + (length + ids.length)
                            + " tokens exceeds the model's " + config.maxPositions() + " positions");
                }
                try (NDManager step = seq.newSubManager()) {
                    long[] l = new long[ids.length];
                    for (int i = 0; i < ids.length; i++) {
                        l[i] = ids[i];
                    }
                    NDArray in = step.create(l).reshape(1, ids.length);
                    NDList out = IValueUtils.forward(module, new NDList(in, keys, values), false);
                    if (out.size() != 3) {
                        throw new IllegalStateException("TorchScript model returned " + out.size()
                                + " outputs; expected (logits, keys, values)");
                    }
                    out.attach(step);
                    NDArray logits = out.get(0);
                    float[] last = logits.get(new ai.djl.ndarray.index.NDIndex("0, -1, :")).toFloatArray();
                    NDArray k = out.get(1);
                    NDArray v = out.get(2);
                    k.attach(seq);
                    v.attach(seq);
                    keys.close();
                    values.close();
                    keys = k;
                    values = v;
                    length += ids.length;
                    return last;
                }
            }

            @Override
            public int length() {
                return length;
            }

            @Override
            public void close() {
                keys.close();
                values.close();
            }
        };
    }
}
