package dev.ethos.provider.djl.internal;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The hyper-parameters of a GPT-2-architecture model, read from a Hugging Face {@code config.json}.
 *
 * @param tanhGelu GPT-2's {@code gelu_new} (tanh approximation) rather than the erf form
 */
public record GptConfig(int vocabSize, int maxPositions, int dModel, int layers, int heads, int dInner,
        double layerNormEps, boolean tanhGelu, int eosTokenId) {

    public GptConfig {
        if (vocabSize < 1 || maxPositions < 1 || dModel < 1 || layers < 1 || heads < 1 || dInner < 1) {
            throw new IllegalArgumentException("config sizes must be >= 1: " + this);
        }
        if (dModel % heads != 0) {
            throw new IllegalArgumentException("n_embd " + dModel + " is not divisible by n_head " + heads);
        }
    }

    public int headDim() {
        return dModel / heads;
    }

    /** Parameters, counting the tied head once. */
    public long parameterCount() {
        long d = dModel;
        long perLayer = 2 * 2 * d + (d * 3 * d + 3 * d) + (d * d + d) + (d * dInner + dInner) + (dInner * d + d);
        return (long) vocabSize * d + (long) maxPositions * d + layers * perLayer + 2 * d;
    }

    public static GptConfig read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("config.json not found: " + file);
        }
        JsonObject o;
        try {
            o = new Gson().fromJson(Files.readString(file, StandardCharsets.UTF_8), JsonObject.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("config.json is not valid JSON: " + file, e);
        }
        String type = o.has("model_type") ? o.get("model_type").getAsString() : null;
        boolean archOk = "gpt2".equals(type);
        if (type == null && o.has("architectures")) {
            JsonArray a = o.getAsJsonArray("architectures");
            for (JsonElement e : a) {
                archOk |= e.getAsString().startsWith("GPT2");
            }
        }
        if (!archOk) {
            throw new IllegalArgumentException("unsupported architecture: model_type '" + type + "'"
                    + (o.has("architectures") ? " " + o.get("architectures") : "")
                    + " in " + file + " (the djl provider runs GPT-2-architecture models, model_type 'gpt2')");
        }
        int d = req(o, "n_embd", file);
        String act = o.has("activation_function") ? o.get("activation_function").getAsString() : "gelu_new";
        boolean tanh;
        switch (act.toLowerCase(Locale.ROOT)) {
            case "gelu_new", "gelu_pytorch_tanh", "gelu_fast" -> tanh = true;
            case "gelu" -> tanh = false;
            default -> throw new IllegalArgumentException("unsupported activation_function '" + act + "' in " + file);
        }
        int inner = o.has("n_inner") && !o.get("n_inner").isJsonNull() ? o.get("n_inner").getAsInt() : 4 * d;
        int eos = o.has("eos_token_id") && !o.get("eos_token_id").isJsonNull() ? o.get("eos_token_id").getAsInt() : -1;
        double eps = o.has("layer_norm_epsilon") ? o.get("layer_norm_epsilon").getAsDouble() : 1e-5;
        return new GptConfig(req(o, "vocab_size", file), req(o, "n_positions", file), d, req(o, "n_layer", file),
                req(o, "n_head", file), inner, eps, tanh, eos);
    }

    private static int req(JsonObject o, String key, Path file) {
        if (!o.has(key) || o.get(key).isJsonNull()) {
            throw new IllegalArgumentException("config.json lacks '" + key + "': " + file);
        }
        return o.get(key).getAsInt();
    }

    /** This configuration as a Hugging Face GPT-2 {@code config.json}. */
    public String toJson() {
        JsonObject o = new JsonObject();
        JsonArray arch = new JsonArray();
        arch.add("GPT2LMHeadModel");
        o.add("architectures", arch);
        o.addProperty("model_type", "gpt2");
        o.addProperty("vocab_size", vocabSize);
        o.addProperty("n_positions", maxPositions);
        o.addProperty("n_ctx", maxPositions);
        o.addProperty("n_embd", dModel);
        o.addProperty("n_layer", layers);
        o.addProperty("n_head", heads);
        o.addProperty("n_inner", dInner);
        o.addProperty("layer_norm_epsilon", layerNormEps);
        o.addProperty("activation_function", tanhGelu ? "gelu_new" : "gelu");
        o.addProperty("bos_token_id", eosTokenId);
        o.addProperty("eos_token_id", eosTokenId);
        o.addProperty("tie_word_embeddings", true);
        return new com.google.gson.GsonBuilder().setPrettyPrinting().create().toJson(o);
    }
}
