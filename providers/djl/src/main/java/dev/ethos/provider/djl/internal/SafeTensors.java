package dev.ethos.provider.djl.internal;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code .safetensors} file mapped into memory: an 8-byte little-endian header length, a JSON
 * header ({@code name -> {dtype, shape, data_offsets}}), then the raw little-endian tensor bytes.
 * Tensors are exposed as slices of the mapping, so nothing is copied until an engine needs to.
 * Files over 2 GiB are mapped in several windows (one per tensor group), since one
 * {@link MappedByteBuffer} cannot exceed 2 GiB.
 */
public final class SafeTensors {
    /** Element types this reader understands. */
    public enum DType {
        F32(4), F16(2), BF16(2), F64(8), I64(8), I32(4);

        public final int bytes;

        DType(int bytes) {
            this.bytes = bytes;
        }
    }

    /** One tensor: its type, shape and bytes (a little-endian slice of the mapping). */
    public record Tensor(String name, DType dtype, long[] shape, ByteBuffer data) {
        public long elements() {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            return n;
        }
    }

    private final Path file;
    private final Map<String, Tensor> tensors;
    private final Map<String, String> metadata;

    private SafeTensors(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) {
        this.file = file;
        this.tensors = tensors;
        this.metadata = metadata;
    }

    /** Maps {@code file} read-only and parses its header. */
    public static SafeTensors open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("safetensors file not found: " + file);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) {
                throw new IllegalArgumentException("not a safetensors file (too short): " + file);
            }
            ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(lenBuf, 0);
            long headerLen = lenBuf.getLong(0);
            if (headerLen <= 0 || headerLen > 100_000_000L || 8 + headerLen > size) {
                throw new IllegalArgumentException("not a safetensors file (header length " + headerLen + "): " + file);
            }
            ByteBuffer hb = ByteBuffer.allocate((int) headerLen);
            ch.read(hb, 8);
            String json = new String(hb.array(), StandardCharsets.UTF_8).trim();
            JsonObject header;
            try {
                header = new Gson().fromJson(json, JsonObject.class);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("not a safetensors file (bad JSON header): " + file, e);
            }
            long dataStart = 8 + headerLen;
            long dataSize = size - dataStart;
            Map<String, Tensor> out = new LinkedHashMap<>();
            Map<String, String> meta = new LinkedHashMap<>();
            // Map the data section in windows below 2 GiB; each tensor lies inside one window.
            final long window = Integer.MAX_VALUE - 7L;
            MappedByteBuffer current = null;
            long currentStart = -1;
            long currentEnd = -1;
            // Sort entries by offset so windows advance monotonically.
            var entries = header.entrySet().stream().filter(e -> !e.getKey().equals("__metadata__"))
                    .sorted((a, b) -> Long.compare(a.getValue().getAsJsonObject().getAsJsonArray("data_offsets").get(0).getAsLong(),
                            b.getValue().getAsJsonObject().getAsJsonArray("data_offsets").get(0).getAsLong()))
                    .toList();
            if (header.has("__metadata__")) {
                for (var m : header.getAsJsonObject("__metadata__").entrySet()) {
                    meta.put(m.getKey(), m.getValue().getAsString());
                }
            }
            for (var e : entries) {
                JsonObject t = e.getValue().getAsJsonObject();
                String dt = t.get("dtype").getAsString();
                DType dtype;
                try {
                    dtype = DType.valueOf(dt);
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException("tensor '" + e.getKey() + "' has unsupported dtype " + dt
                            + " (supported: " + Arrays.toString(DType.values()) + ") in " + file);
                }
                var shapeJson = t.getAsJsonArray("shape");
                long[] shape = new long[shapeJson.size()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = shapeJson.get(i).getAsLong();
                }
                long begin = t.getAsJsonArray("data_offsets").get(0).getAsLong();
                long end = t.getAsJsonArray("data_offsets").get(1).getAsLong();
                long n = 1;
                for (long d : shape) {
                    n *= d;
                }
                if (end - begin != n * dtype.bytes || begin < 0 || end > dataSize) {
                    throw new IllegalArgumentException("tensor '" + e.getKey() + "' has offsets [" + begin + ", " + end
                            + ") that do not fit its shape " + Arrays.toString(shape) + " " + dtype + " in " + file);
                }
                if (current == null || end > currentEnd) {
                    currentStart = begin;
                    currentEnd = Math.min(dataSize, begin + window);
                    if (end > currentEnd) {
                        throw new IllegalArgumentException("tensor '" + e.getKey() + "' is larger than 2 GiB in " + file);
                    }
                    current = ch.map(FileChannel.MapMode.READ_ONLY, dataStart + currentStart, currentEnd - currentStart);
                }
                ByteBuffer slice = current.slice((int) (begin - currentStart), (int) (end - begin))
                        .order(ByteOrder.LITTLE_ENDIAN);
                out.put(e.getKey(), new Tensor(e.getKey(), dtype, shape, slice));
            }
            return new SafeTensors(file, Collections.unmodifiableMap(out), Collections.unmodifiableMap(meta));
        }
    }

    public Path file() {
        return file;
    }

    public Map<String, Tensor> tensors() {
        return tensors;
    }

    public Map<String, String> metadata() {
        return metadata;
    }

    /** The tensor named {@code name}, or an error naming the file and the missing tensor. */
    public Tensor require(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("tensor '" + name + "' is missing from " + file);
        }
        return t;
    }

    /** Writes F32 tensors (row-major) as a safetensors file, in the order given. */
    public static void writeF32(Path file, Map<String, long[]> shapes, Map<String, float[]> data) throws IOException {
        JsonObject header = new JsonObject();
        long offset = 0;
        for (var e : shapes.entrySet()) {
            float[] v = data.get(e.getKey());
            long n = 1;
            for (long d : e.getValue()) {
                n *= d;
            }
            if (v == null || v.length != n) {
                throw new IllegalArgumentException("tensor '" + e.getKey() + "' data does not match shape "
                        + Arrays.toString(e.getValue()));
            }
            JsonObject t = new JsonObject();
            t.addProperty("dtype", "F32");
            com.google.gson.JsonArray s = new com.google.gson.JsonArray();
            for (long d : e.getValue()) {
                s.add(d);
            }
            t.add("shape", s);
            com.google.gson.JsonArray off = new com.google.gson.JsonArray();
            off.add(offset);
            off.add(offset + 4L * n);
            t.add("data_offsets", off);
            header.add(e.getKey(), t);
            offset += 4L * n;
        }
        byte[] h = header.toString().getBytes(StandardCharsets.UTF_8);
        int pad = (8 - (h.length % 8)) % 8;
        byte[] hp = Arrays.copyOf(h, h.length + pad);
        Arrays.fill(hp, h.length, hp.length, (byte) ' ');
        try (OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(hp.length);
            os.write(len.array());
            os.write(hp);
            ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (var e : shapes.keySet()) {
                for (float f : data.get(e)) {
                    if (buf.remaining() < 4) {
                        os.write(buf.array(), 0, buf.position());
                        buf.clear();
                    }
                    buf.putFloat(f);
                }
            }
            os.write(buf.array(), 0, buf.position());
        }
    }

}
