package dev.ethos.safety.provenance;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A signed content manifest: what produced a text, when, under which policy, which filters ran with
 * what verdicts (finding types and counts, never the text they found), the watermark if one was
 * applied, the SHA-256 of the NFC-normalised text, and an Ed25519 signature over the canonical
 * serialisation (RFC 8785 style, see {@link #signingInput()}) of everything but the signature value.
 *
 * <pre>{@code
 * {"contentHash":{"alg":"SHA-256","normalization":"NFC","value":"9f2c…"},
 *  "contentId":"urn:uuid:…","created":"2026-01-01T12:00:00Z",
 *  "digitalSourceType":"http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia",
 *  "filters":[{"findings":{"EMAIL_ADDRESS":1},"name":"pii","verdict":"REWRITE"}],
 *  "generator":{"name":"ethos","version":"0.1.0"},"label":{"position":"start","text":"AI-generated content"},
 *  "model":{"id":"gpt2","provider":"djl"},"policyId":"default","spec":"ethos-provenance/1",
 *  "watermark":{"contextWidth":4,"delta":"2.0","gamma":"0.25","keyId":"…","scheme":"kgw-2023/hmac-sha256"},
 *  "signature":{"alg":"Ed25519","keyId":"…","value":"base64…"}}
 * }</pre>
 *
 * Immutable. Obtain one from {@link #parse(String)}, from a {@link dev.ethos.Generation}'s metadata
 * (key {@link ProvenanceFilter#METADATA_MANIFEST}), or from a {@link ProvenanceVerifier.Verification}.
 */
public final class Manifest {
    /** The format of this manifest. */
    public static final String SPEC = "ethos-provenance/1";
    /** IPTC's digital source type for content made by a trained model. */
    public static final String DIGITAL_SOURCE_TYPE =
            "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";
    static final String SIGNATURE_ALG = "Ed25519";

    private final JsonObject json;

    private Manifest(JsonObject json) {
        this.json = json;
    }

    /**
     * Parses and checks a manifest's JSON.
     *
     * @throws IllegalArgumentException when it is not JSON, or lacks or mistypes a required member
     */
    public static Manifest parse(String text) {
        Objects.requireNonNull(text, "manifest text");
        JsonElement e;
        try {
            e = JsonParser.parseString(text);
        } catch (JsonParseException ex) {
            throw new IllegalArgumentException("manifest is not JSON: " + ex.getMessage(), ex);
        }
        if (!e.isJsonObject()) {
            throw new IllegalArgumentException("manifest must be a JSON object");
        }
        Manifest m = new Manifest(e.getAsJsonObject());
        m.check();
        return m;
    }

    static Manifest of(JsonObject json) {
        Manifest m = new Manifest(json.deepCopy());
        m.check();
        return m;
    }

    private void check() {
        if (!SPEC.equals(str(json, "spec"))) {
            throw new IllegalArgumentException("manifest spec must be \"" + SPEC + "\", got " + json.get("spec"));
        }
        str(json, "contentId");
        created();
        JsonObject hash = obj(json, "contentHash");
        if (!ContentHash.ALGORITHM.equals(str(hash, "alg")) || !ContentHash.NORMALIZATION.equals(str(hash, "normalization"))) {
            throw new IllegalArgumentException("unsupported contentHash " + hash);
        }
        if (!str(hash, "value").matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("contentHash.value must be 64 lowercase hex digits");
        }
        str(obj(json, "model"), "provider");
        str(obj(json, "model"), "id");
        str(obj(json, "generator"), "name");
        str(obj(json, "generator"), "version");
        JsonElement fs = json.get("filters");
        if (fs != null) {
            if (!fs.isJsonArray()) {
                throw new IllegalArgumentException("manifest member \"filters\" must be an array");
            }
            for (JsonElement f : fs.getAsJsonArray()) {
                if (!f.isJsonObject()) {
                    throw new IllegalArgumentException("every entry of \"filters\" must be an object, got " + f);
                }
                str(f.getAsJsonObject(), "name");
                str(f.getAsJsonObject(), "verdict");
                JsonElement counts = f.getAsJsonObject().get("findings");
                if (counts != null && (!counts.isJsonObject() || counts.getAsJsonObject().entrySet().stream()
                        .anyMatch(e -> !e.getValue().isJsonPrimitive() || !e.getValue().getAsJsonPrimitive().isNumber()))) {
                    throw new IllegalArgumentException("\"findings\" of a filter must map types to counts, got " + counts);
                }
            }
        }
        if (json.has("watermark")) {
            for (var e : obj(json, "watermark").entrySet()) {
                str(obj(json, "watermark"), e.getKey());
            }
        }
        if (json.has("signature")) {
            JsonObject sig = obj(json, "signature");
            str(sig, "alg");
            str(sig, "keyId");
            str(sig, "value");
        }
        try {
            CanonicalJson.write(json);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("manifest is not canonicalisable: " + ex.getMessage(), ex);
        }
    }

    private static String str(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException("manifest member \"" + key + "\" must be a string");
        }
        return e.getAsString();
    }

    private static JsonObject obj(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonObject()) {
            throw new IllegalArgumentException("manifest member \"" + key + "\" must be an object");
        }
        return e.getAsJsonObject();
    }

    public String contentId() {
        return json.get("contentId").getAsString();
    }

    public Instant created() {
        try {
            return Instant.parse(str(json, "created"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("manifest member \"created\" is not an ISO-8601 instant", e);
        }
    }

    public String provider() {
        return str(obj(json, "model"), "provider");
    }

    public String modelId() {
        return str(obj(json, "model"), "id");
    }

    public String generatorName() {
        return str(obj(json, "generator"), "name");
    }

    public String generatorVersion() {
        return str(obj(json, "generator"), "version");
    }

    public String digitalSourceType() {
        return str(json, "digitalSourceType");
    }

    /** The SHA-256 of the NFC-normalised text, lowercase hex. */
    public String contentHash() {
        return str(obj(json, "contentHash"), "value");
    }

    public Optional<String> policyId() {
        return json.has("policyId") ? Optional.of(str(json, "policyId")) : Optional.empty();
    }

    public boolean signed() {
        return json.has("signature");
    }

    /** The id of the key that signed this manifest; empty when unsigned. */
    public Optional<String> keyId() {
        return signed() ? Optional.of(str(obj(json, "signature"), "keyId")) : Optional.empty();
    }

    /** The watermark's scheme and key id, when one was applied. */
    public Optional<Map<String, String>> watermark() {
        if (!json.has("watermark")) {
            return Optional.empty();
        }
        Map<String, String> m = new LinkedHashMap<>();
        obj(json, "watermark").entrySet().forEach(e -> m.put(e.getKey(), e.getValue().getAsString()));
        return Optional.of(m);
    }

    /** One filter that ran: its name, verdict, and how many findings of each type it had. */
    public record FilterRecord(String name, String verdict, Map<String, Integer> findings) {
    }

    public List<FilterRecord> filters() {
        List<FilterRecord> list = new ArrayList<>();
        JsonElement fs = json.get("filters");
        if (fs != null && fs.isJsonArray()) {
            for (JsonElement f : fs.getAsJsonArray()) {
                JsonObject o = f.getAsJsonObject();
                Map<String, Integer> counts = new LinkedHashMap<>();
                if (o.has("findings")) {
                    o.getAsJsonObject("findings").entrySet().forEach(e -> counts.put(e.getKey(), e.getValue().getAsInt()));
                }
                list.add(new FilterRecord(str(o, "name"), str(o, "verdict"), Map.copyOf(counts)));
            }
        }
        return List.copyOf(list);
    }

    /** The canonical JSON of the whole manifest, signature included. */
    public String toJson() {
        return CanonicalJson.write(json);
    }

    /** A copy of the manifest as a JSON tree. */
    public JsonObject toJsonTree() {
        return json.deepCopy();
    }

    /**
     * What the signature covers: the canonical JSON of the manifest whose {@code signature} member
     * keeps its {@code alg} and {@code keyId} but not its {@code value} (so the key id and algorithm
     * are signed too).
     */
    public String signingInput() {
        JsonObject copy = json.deepCopy();
        if (copy.has("signature")) {
            JsonObject sig = copy.getAsJsonObject("signature");
            sig.remove("value");
        }
        return CanonicalJson.write(copy);
    }

    String signatureValue() {
        return str(obj(json, "signature"), "value");
    }

    String signatureAlg() {
        return str(obj(json, "signature"), "alg");
    }

    /** This manifest with a signature member of {@code alg} and {@code keyId} and no value yet. */
    Manifest withSignatureHeader(String keyId) {
        JsonObject copy = json.deepCopy();
        JsonObject sig = new JsonObject();
        sig.addProperty("alg", SIGNATURE_ALG);
        sig.addProperty("keyId", keyId);
        copy.add("signature", sig);
        return new Manifest(copy);
    }

    Manifest withSignatureValue(String value) {
        JsonObject copy = json.deepCopy();
        copy.getAsJsonObject("signature").addProperty("value", value);
        return new Manifest(copy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Manifest m && m.toJson().equals(toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
