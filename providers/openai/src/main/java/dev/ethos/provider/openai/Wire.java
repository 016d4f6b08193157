package dev.ethos.provider.openai;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.annotations.SerializedName;
import com.google.gson.reflect.TypeToken;
import dev.ethos.FinishReason;
import dev.ethos.GenerationOptions;
import dev.ethos.GenerationRequest;
import dev.ethos.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON shapes of {@code /v1/chat/completions}, mapped with Gson. */
final class Wire {
    static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private Wire() {
    }

    static final class ChatRequest {
        String model;
        List<Msg> messages;
        @SerializedName("max_tokens")
        Integer maxTokens;
        Double temperature;
        @SerializedName("top_p")
        Double topP;
        /** Not in OpenAI's API; vLLM, llama.cpp and Ollama accept it. Sent only when set. */
        @SerializedName("top_k")
        Integer topK;
        Long seed;
        /** Not in OpenAI's API; vLLM and llama.cpp accept it. Sent only when set. */
        @SerializedName("repetition_penalty")
        Double repetitionPenalty;
        List<String> stop;
        Boolean stream;
        @SerializedName("stream_options")
        StreamOptions streamOptions;
        String user;
    }

    static final class StreamOptions {
        @SerializedName("include_usage")
        boolean includeUsage;

        StreamOptions(boolean includeUsage) {
            this.includeUsage = includeUsage;
        }
    }

    static final class Msg {
        String role;
        String content;

        Msg(String role, String content) {
            this.role = role;
            this.content = content;
        }
    }

    static final class ChatResponse {
        String id;
        String model;
        List<Choice> choices;
        Usage usage;
        /** An error object some servers send inside a 200 stream. */
        JsonElement error;
        /** The Ethos gateway's extension: the safety report and provenance manifest. */
        JsonElement ethos;
    }

    static final class Choice {
        Integer index;
        Msg message;
        Msg delta;
        @SerializedName("finish_reason")
        String finishReason;
    }

    static final class Usage {
        @SerializedName("prompt_tokens")
        Integer promptTokens;
        @SerializedName("completion_tokens")
        Integer completionTokens;
    }

    static ChatRequest request(String model, GenerationRequest r, boolean stream, boolean includeUsage) {
        ChatRequest c = new ChatRequest();
        c.model = model;
        c.messages = new ArrayList<>();
        for (Message m : r.messages()) {
            c.messages.add(new Msg(m.role().wireName(), m.content()));
        }
        GenerationOptions o = r.options();
        c.maxTokens = o.maxTokens();
        c.temperature = o.temperature().orElse(null);
        c.topP = o.topP().orElse(null);
        c.topK = o.topK().orElse(null);
        c.seed = o.seed().orElse(null);
        c.repetitionPenalty = o.repetitionPenalty().orElse(null);
        c.stop = o.stop().isEmpty() ? null : o.stop();
        c.user = r.attribute(GenerationRequest.ATTR_USER, String.class).orElse(null);
        if (stream) {
            c.stream = true;
            if (includeUsage) {
                c.streamOptions = new StreamOptions(true);
            }
        }
        return c;
    }

    static FinishReason finishReason(String wire) {
        if (wire == null) {
            return FinishReason.STOP;
        }
        switch (wire.toLowerCase(Locale.ROOT)) {
            case "length":
                return FinishReason.LENGTH;
            case "content_filter":
                // The server's own moderation cut the answer: not a normal end.
                return FinishReason.BLOCKED;
            default:
                // "stop", "eos", "tool_calls", …: the model ended on its own.
                return FinishReason.STOP;
        }
    }

    /** A JSON value as plain Java maps, lists, strings, numbers (doubles) and booleans. */
    static Object plain(JsonElement e) {
        return GSON.fromJson(e, new TypeToken<Object>() { }.getType());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> plainObject(JsonElement e) {
        Object o = plain(e);
        return o instanceof Map ? (Map<String, Object>) o : Map.of("value", o);
    }

    /**
     * The human message in an error body: OpenAI's {@code {"error": {"message": …}}}, Ollama's
     * {@code {"error": "…"}}, a bare {@code {"message": …}} or {@code {"detail": …}}, or the body
     * text itself, shortened.
     */
    static String errorMessage(String body) {
        String trimmed = body == null ? "" : body.strip();
        try {
            JsonElement root = JsonParser.parseString(trimmed);
            String m = messageOf(root);
            if (m != null) {
                return m;
            }
        } catch (JsonParseException | IllegalStateException notJson) {
            // fall through to the raw text
        }
        if (trimmed.isEmpty()) {
            return "(empty body)";
        }
        return trimmed.length() > 300 ? trimmed.substring(0, 300) + "…" : trimmed;
    }

    static String messageOf(JsonElement root) {
        if (root == null || !root.isJsonObject()) {
            return root != null && root.isJsonPrimitive() ? root.getAsString() : null;
        }
        JsonObject o = root.getAsJsonObject();
        for (String key : new String[] {"error", "message", "detail"}) {
            JsonElement v = o.get(key);
            if (v == null || v.isJsonNull()) {
                continue;
            }
            if (v.isJsonPrimitive()) {
                return v.getAsString();
            }
            String inner = messageOf(v);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }

    /** The {@code retryable} flag of an Ethos gateway error object, if it has one. */
    static Boolean retryableFlag(JsonElement error) {
        if (error != null && error.isJsonObject()) {
            JsonElement r = error.getAsJsonObject().get("retryable");
            if (r != null && r.isJsonPrimitive() && r.getAsJsonPrimitive().isBoolean()) {
                return r.getAsBoolean();
            }
        }
        return null;
    }

    /** The {@code error.retryable} flag of an error body, if it is JSON and has one. */
    static Boolean retryableFlagOfBody(String body) {
        try {
            JsonElement root = JsonParser.parseString(body == null ? "" : body);
            return root != null && root.isJsonObject() ? retryableFlag(root.getAsJsonObject().get("error")) : null;
        } catch (JsonParseException | IllegalStateException notJson) {
            return null;
        }
    }

    /** The numeric {@code code} of an error object, or -1. */
    static int errorCode(JsonElement error) {
        if (error != null && error.isJsonObject()) {
            JsonElement c = error.getAsJsonObject().get("code");
            if (c != null && c.isJsonPrimitive() && c.getAsJsonPrimitive().isNumber()) {
                return c.getAsInt();
            }
        }
        return -1;
    }
}
