package dev.ethos.provider.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import dev.ethos.provider.djl.internal.DjlEngine;
import dev.ethos.provider.djl.internal.GptModel;
import dev.ethos.provider.djl.internal.SafeTensors;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** F16 and BF16 checkpoints load (BF16 widened in Java) and give the reference logits of the rounded weights. */
class HalfPrecisionLoadTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"F16", "BF16"})
    void halfPrecisionWeightsLoadExactly(String dtype) throws Exception {
        TinyGpt tiny = TinyGpt.write(dir, 3);
        Map<String, float[]> rounded = new LinkedHashMap<>();
        Map<String, short[]> bits = new LinkedHashMap<>();
        for (var e : tiny.weights.entrySet()) {
            float[] v = e.getValue();
            short[] b = new short[v.length];
            float[] r = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                b[i] = dtype.equals("BF16") ? (short) (Float.floatToIntBits(v[i]) >>> 16) : toHalf(v[i]);
                r[i] = dtype.equals("BF16") ? Float.intBitsToFloat((b[i] & 0xffff) << 16) : fromHalf(b[i]);
            }
            rounded.put(e.getKey(), r);
            bits.put(e.getKey(), b);
        }
        write16(dir.resolve("model.safetensors"), GptModel.expectedShapes(tiny.config), bits, dtype);
        tiny.weights.putAll(rounded);
        int[] ids = {5, 9, 200, 31, 77};
        float[][] ref = tiny.referenceLogits(ids);
        try (NDManager m = DjlEngine.newManager(); NDManager step = m.newSubManager()) {
            SafeTensors st = SafeTensors.open(dir.resolve("model.safetensors"));
            assertEquals(SafeTensors.DType.valueOf(dtype), st.require("wte.weight").dtype());
            GptModel model = GptModel.load(tiny.config, st, m);
            float[] last = model.forward(step, step.create(ReferenceForwardTest.toLong(ids)).reshape(1, ids.length), null, true)
                    .toFloatArray();
            ReferenceForwardTest.assertClose(ref[ids.length - 1], last, dtype);
        }
    }

    /** Float to IEEE half for values in the normal range (the test weights are), truncating the mantissa. */
    static short toHalf(float f) {
        int x = Float.floatToIntBits(f);
        int sign = (x >>> 16) & 0x8000;
        int exp = ((x >>> 23) & 0xff) - 127 + 15;
        if (f == 0 || exp <= 0) {
            return (short) sign;
        }
        return (short) (sign | (exp << 10) | ((x >>> 13) & 0x3ff));
    }

    static float fromHalf(short h) {
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1f;
        int mant = h & 0x3ff;
        if (exp == 0) {
            return Float.intBitsToFloat(sign) + (sign != 0 ? -1 : 1) * mant * (float) Math.pow(2, -24);
        }
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
    }

    static void write16(Path file, Map<String, long[]> shapes, Map<String, short[]> data, String dtype) throws Exception {
        JsonObject header = new JsonObject();
        long off = 0;
        for (var e : shapes.entrySet()) {
            JsonObject t = new JsonObject();
            t.addProperty("dtype", dtype);
            JsonArray s = new JsonArray();
            for (long d : e.getValue()) {
                s.add(d);
            }
            t.add("shape", s);
            JsonArray o = new JsonArray();
            o.add(off);
            off += 2L * data.get(e.getKey()).length;
            o.add(off);
            t.add("data_offsets", o);
            header.add(e.getKey(), t);
        }
        byte[] h = header.toString().getBytes(StandardCharsets.UTF_8);
        try (OutputStream os = Files.newOutputStream(file)) {
            os.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).array());
            os.write(h);
            for (var e : shapes.keySet()) {
                short[] v = data.get(e);
                ByteBuffer b = ByteBuffer.allocate(v.length * 2).order(ByteOrder.LITTLE_ENDIAN);
                for (short x : v) {
                    b.putShort(x);
                }
                os.write(b.array());
            }
        }
    }
}
