package dev.ethos.examples.gateway;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.ethos.FilterOutcome;
import dev.ethos.Finding;
import dev.ethos.FinishReason;
import dev.ethos.Generation;
import dev.ethos.GenerationOptions;
import dev.ethos.GenerationRequest;
import dev.ethos.Message;
import dev.ethos.Role;
import dev.ethos.SafetyReport;
import dev.ethos.TextTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The OpenAI chat-completions wire format, both ways: requests into {@link GenerationRequest}s,
 * {@link Generation}s into responses and stream chunks, with the {@code ethos} extension object.
 * All JSON goes through Gson's tree model.
 */
final class ChatCodec {
    static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
    private static final Gson META = new GsonBuilder().disableHtmlEscaping().create();
    /** The metadata key a provenance filter is expected to use for its manifest. */
    static final String PROVENANCE = "provenance";

    private ChatCodec() {
    }

    /** A client error: HTTP status, OpenAI error type, the offending parameter and a message. */
    static final class BadRequest extends RuntimeException {
        final int status;
        final String type;
        final String param;

        BadRequest(int status, String type, String param, String message) {
            super(message, null, false, false);
            this.status = status;
            this.type = type;
            this.param = param;
        }

        static BadRequest invalid(String param, String message) {
            return new BadRequest(400, "invalid_request_error", param, message);
        }
    }

    /** A parsed request: what to generate and how to answer. */
    record Parsed(GenerationRequest request, boolean stream, boolean includeUsage) {
    }

    static Parsed parse(String body, String servedModel, int maxTokensCap, String requestId, String client) {
        JsonElement root;
        try {
            root = JsonParser.parseString(body);
        } catch (JsonParseException e) {
            throw BadRequest.invalid(null, "the body is not valid JSON: " + e.getMessage());
        }
        if (root == null || !root.isJsonObject()) {
            throw BadRequest.invalid(null, "the body must be a JSON object");
        }
        JsonObject o = root.getAsJsonObject();
        String model = string(o, "model");
        if (model != null && !model.equals(servedModel)) {
            throw new BadRequest(404, "invalid_request_error", "model",
                    "the model '" + model + "' does not exist here; this gateway serves '" + servedModel + "'");
        }
        Integer n = integer(o, "n");
        if (n != null && n != 1) {
            throw BadRequest.invalid("n", "only n=1 is supported, got " + n);
        }
        JsonElement msgs = o.get("messages");
        if (msgs == null || !msgs.isJsonArray() || msgs.getAsJsonArray().isEmpty()) {
            throw BadRequest.invalid("messages", "'messages' must be a non-empty array");
        }
        GenerationRequest.Builder r = GenerationRequest.builder().id(requestId);
        int i = 0;
        for (JsonElement m : msgs.getAsJsonArray()) {
            r.message(message(m, i++));
        }
        GenerationOptions.Builder opt = GenerationOptions.builder();
        try {
            Integer maxTokens = integer(o, "max_completion_tokens");
            if (maxTokens == null) {
                maxTokens = integer(o, "max_tokens");
            }
            if (maxTokens != null) {
                if (maxTokens > maxTokensCap) {
                    throw BadRequest.invalid("max_tokens", "max_tokens " + maxTokens + " is above this gateway's limit of "
                            + maxTokensCap);
                }
                opt.maxTokens(maxTokens);
            }
            Double t = number(o, "temperature");
            if (t != null) {
                opt.temperature(t);
            }
            Double p = number(o, "top_p");
            if (p != null) {
                opt.topP(p);
            }
            Integer k = integer(o, "top_k");
            if (k != null) {
                opt.topK(k);
            }
            Double rp = number(o, "repetition_penalty");
            if (rp != null) {
                opt.repetitionPenalty(rp);
            }
            JsonElement seed = o.get("seed");
            if (seed != null && !seed.isJsonNull()) {
                opt.seed(asLong(seed, "seed"));
            }
            opt.stop(stops(o.get("stop")));
        } catch (IllegalArgumentException e) {
            throw BadRequest.invalid(null, e.getMessage());
        }
        r.options(opt.build());
        String user = string(o, "user");
        if (user != null && !user.isBlank()) {
            r.attribute(GenerationRequest.ATTR_USER, user);
        }
        r.attribute(GenerationRequest.ATTR_TENANT, client);
        boolean stream = bool(o, "stream");
        boolean usage = false;
        JsonElement so = o.get("stream_options");
        if (so != null && so.isJsonObject()) {
            usage = bool(so.getAsJsonObject(), "include_usage");
        }
        return new Parsed(r.build(), stream, usage);
    }

    private static Message message(JsonElement e, int index) {
        String where = "messages[" + index + "]";
        if (!e.isJsonObject()) {
            throw BadRequest.invalid(where, where + " must be an object");
        }
        JsonObject m = e.getAsJsonObject();
        String roleName = string(m, "role");
        if (roleName == null) {
            throw BadRequest.invalid(where + ".role", where + " has no role");
        }
        Role role;
        try {
            role = roleName.equals("developer") ? Role.SYSTEM : Role.fromWireName(roleName);
        } catch (IllegalArgumentException ex) {
            throw BadRequest.invalid(where + ".role", where + ": " + ex.getMessage());
        }
        JsonElement c = m.get("content");
        String content;
        if (c == null || c.isJsonNull()) {
            content = "";
        } else if (c.isJsonPrimitive() && c.getAsJsonPrimitive().isString()) {
            content = c.getAsString();
        } else if (c.isJsonArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonElement part : c.getAsJsonArray()) {
                if (!part.isJsonObject() || !"text".equals(string(part.getAsJsonObject(), "type"))) {
                    throw BadRequest.invalid(where + ".content", where + ": only text content parts are supported");
                }
                String text = string(part.getAsJsonObject(), "text");
                sb.append(text == null ? "" : text);
            }
            content = sb.toString();
        } else {
            throw BadRequest.invalid(where + ".content", where + ".content must be a string or an array of text parts");
        }
        return new Message(role, content);
    }

    private static List<String> stops(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return List.of();
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            return e.getAsString().isEmpty() ? List.of() : List.of(e.getAsString());
        }
        if (e.isJsonArray()) {
            List<String> out = new ArrayList<>();
            for (JsonElement s : e.getAsJsonArray()) {
                if (!s.isJsonPrimitive() || !s.getAsJsonPrimitive().isString()) {
                    throw BadRequest.invalid("stop", "'stop' must be a string or an array of strings");
                }
                out.add(s.getAsString());
            }
            if (out.size() > 4) {
                throw BadRequest.invalid("stop", "at most 4 stop sequences, got " + out.size());
            }
            return out;
        }
        throw BadRequest.invalid("stop", "'stop' must be a string or an array of strings");
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw BadRequest.invalid(key, "'" + key + "' must be a string");
        }
        return e.getAsString();
    }

    private static boolean bool(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return false;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw BadRequest.invalid(key, "'" + key + "' must be true or false");
        }
        return e.getAsBoolean();
    }

    private static Double number(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw BadRequest.invalid(key, "'" + key + "' must be a number");
        }
        return e.getAsDouble();
    }

    private static Integer integer(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        long v = asLong(e, key);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw BadRequest.invalid(key, "'" + key + "' is out of range: " + v);
        }
        return (int) v;
    }

    private static long asLong(JsonElement e, String key) {
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw BadRequest.invalid(key, "'" + key + "' must be a whole number");
        }
        double d = e.getAsDouble();
        if (d != Math.rint(d) || Double.isInfinite(d)) {
            throw BadRequest.invalid(key, "'" + key + "' must be a whole number, got " + e);
        }
        return e.getAsLong();
    }

    // ------------------------------------------------------------------------------------------
    // Responses

    static String finishReason(FinishReason r) {
        switch (r) {
            case LENGTH:
                return "length";
            case BLOCKED:
                return "content_filter";
            default:
                return "stop";
        }
    }

    static JsonObject completion(String id, long created, String model, Generation g) {
        JsonObject o = header(id, created, model, "chat.completion");
        JsonObject msg = new JsonObject();
        msg.addProperty("role", "assistant");
        msg.addProperty("content", g.text());
        JsonObject choice = new JsonObject();
        choice.addProperty("index", 0);
        choice.add("message", msg);
        choice.addProperty("finish_reason", finishReason(g.finishReason()));
        JsonArray choices = new JsonArray();
        choices.add(choice);
        o.add("choices", choices);
        o.add("usage", usage(g));
        o.add("ethos", ethos(g));
        return o;
    }

    static JsonObject chunk(String id, long created, String model, String role, String content, String finish) {
        JsonObject o = header(id, created, model, "chat.completion.chunk");
        JsonObject delta = new JsonObject();
        if (role != null) {
            delta.addProperty("role", role);
        }
        if (content != null) {
            delta.addProperty("content", content);
        }
        JsonObject choice = new JsonObject();
        choice.addProperty("index", 0);
        choice.add("delta", delta);
        choice.add("finish_reason", finish == null ? JsonNull.INSTANCE : new JsonPrimitive(finish));
        JsonArray choices = new JsonArray();
        choices.add(choice);
        o.add("choices", choices);
        return o;
    }

    /** The last event of a stream: no choices, the usage when asked for, and the {@code ethos} object. */
    static JsonObject finalChunk(String id, long created, String model, Generation g, boolean includeUsage) {
        JsonObject o = header(id, created, model, "chat.completion.chunk");
        o.add("choices", new JsonArray());
        if (includeUsage) {
            o.add("usage", usage(g));
        }
        o.add("ethos", ethos(g));
        return o;
    }

    static JsonObject error(String message, String type, String param, int code, Boolean retryable) {
        JsonObject e = new JsonObject();
        e.addProperty("message", message);
        e.addProperty("type", type);
        e.add("param", param == null ? JsonNull.INSTANCE : new JsonPrimitive(param));
        e.addProperty("code", code);
        if (retryable != null) {
            e.addProperty("retryable", retryable);
        }
        JsonObject o = new JsonObject();
        o.add("error", e);
        return o;
    }

    private static JsonObject header(String id, long created, String model, String object) {
        JsonObject o = new JsonObject();
        o.addProperty("id", id);
        o.addProperty("object", object);
        o.addProperty("created", created);
        o.addProperty("model", model);
        return o;
    }

    private static JsonObject usage(Generation g) {
        JsonObject u = new JsonObject();
        u.addProperty("prompt_tokens", g.usage().promptTokens());
        u.addProperty("completion_tokens", g.usage().completionTokens());
        u.addProperty("total_tokens", g.usage().totalTokens());
        return u;
    }

    /**
     * The {@code ethos} extension: the verdict, why it blocked, every filter's outcome with its
     * findings (type, where, score, reason, replacement; never the raw value found), the provenance
     * manifest when a filter left one in the generation's metadata, and the rest of the metadata.
     */
    static JsonObject ethos(Generation g) {
        SafetyReport report = g.report();
        JsonObject o = new JsonObject();
        o.addProperty("verdict", report.verdict().name().toLowerCase(Locale.ROOT));
        o.addProperty("blocked", g.blocked());
        report.blockReason().ifPresent(r -> o.addProperty("block_reason", r));
        JsonArray filters = new JsonArray();
        for (FilterOutcome f : report.outcomes()) {
            JsonObject fo = new JsonObject();
            fo.addProperty("name", f.filter());
            fo.addProperty("verdict", f.verdict().name().toLowerCase(Locale.ROOT));
            fo.addProperty("duration_ms", f.duration().toNanos() / 1e6);
            if (f.note() != null) {
                fo.addProperty("note", f.note());
            }
            JsonArray findings = new JsonArray();
            for (Finding x : f.findings()) {
                findings.add(finding(x));
            }
            fo.add("findings", findings);
            filters.add(fo);
        }
        o.add("filters", filters);
        Object provenance = provenance(g.metadata());
        if (provenance != null) {
            o.add("provenance", toJson(provenance));
        }
        JsonObject meta = new JsonObject();
        g.metadata().forEach((k, v) -> meta.add(k, toJson(v)));
        o.add("metadata", meta);
        return o;
    }

    /**
     * The provenance manifest: the metadata value under {@value #PROVENANCE}, else under
     * {@code provenance.manifest} (where {@code ProvenanceFilter} puts its canonical JSON), else under
     * the first key that names provenance. A manifest given as JSON text is embedded as JSON.
     */
    static Object provenance(Map<String, Object> metadata) {
        Object found = metadata.get(PROVENANCE);
        if (found == null) {
            found = metadata.get(PROVENANCE + ".manifest");
        }
        if (found == null) {
            for (Map.Entry<String, Object> e : metadata.entrySet()) {
                if (e.getKey().toLowerCase(Locale.ROOT).contains(PROVENANCE)) {
                    found = e.getValue();
                    break;
                }
            }
        }
        if (found instanceof String && ((String) found).strip().startsWith("{")) {
            try {
                return JsonParser.parseString((String) found);
            } catch (JsonParseException notJson) {
                return found;
            }
        }
        return found;
    }

    private static JsonObject finding(Finding f) {
        JsonObject o = new JsonObject();
        o.addProperty("type", f.type());
        o.addProperty("target", f.span().target().name().toLowerCase(Locale.ROOT));
        if (f.span().target() == TextTarget.PROMPT) {
            o.addProperty("message_index", f.span().messageIndex());
        }
        o.addProperty("start", f.span().start());
        o.addProperty("end", f.span().end());
        o.addProperty("score", f.score());
        o.addProperty("reason", f.reason());
        if (f.replacement() != null) {
            o.addProperty("replacement", f.replacement());
        }
        if (!f.details().isEmpty()) {
            JsonObject d = new JsonObject();
            f.details().forEach(d::addProperty);
            o.add("details", d);
        }
        return o;
    }

    /** Any metadata value as JSON: Gson's mapping when it has one, else the value's text. */
    static JsonElement toJson(Object v) {
        if (v instanceof JsonElement) {
            return (JsonElement) v;
        }
        try {
            return META.toJsonTree(v);
        } catch (RuntimeException | StackOverflowError e) {
            return new JsonPrimitive(String.valueOf(v));
        }
    }
}
