package dev.ethos.safety.provenance;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.ethos.FilterOutcome;
import dev.ethos.Finding;
import dev.ethos.Generation;
import dev.ethos.GenerationRequest;
import dev.ethos.SegmentResult;
import dev.ethos.TextFilter;
import dev.ethos.text.Languages;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Labels generated text as AI-generated and, with a signing key, attaches a signed manifest
 * (see {@link Manifest}) that {@link ProvenanceVerifier} checks.
 *
 * <h2>What it adds</h2>
 * <ul>
 *   <li>A visible label, at the {@link Position#START start} (the default; the first text of a
 *   stream, emitted by {@code onStart} before the model's first words) or at the {@link Position#END
 *   end}, separated from the text by a blank line. Defaults: "AI-generated content" in English,
 *   "本内容由人工智能生成" in Chinese; the language is fixed by {@link Builder#language(String)}, or
 *   taken from the request attribute {@code lang}, or guessed from the prompt (start) or the output
 *   (end). Templates may use {@code {contentId}} and {@code {date}} (UTC, ISO), and, at the end only,
 *   {@code {provider}} and {@code {model}}.</li>
 *   <li>Optionally an {@link InvisibleMarker invisible marker} of the content id right after the
 *   label (or after the text without a label). Fragile; see there.</li>
 *   <li>A manifest in the {@link Generation}'s metadata under {@link #METADATA_MANIFEST} (canonical
 *   JSON; signed when a key is configured) and its content id under {@link #METADATA_CONTENT_ID}.</li>
 *   <li>With a key, the signed manifest also embedded as an armoured block at the very end of the
 *   text (unless {@link Builder#embedManifest(boolean)} turns that off).</li>
 * </ul>
 *
 * <h2>What the hash covers</h2>
 * The manifest's hash is of the final delivered text <em>without</em> the armoured block: label,
 * marker and model text as the reader sees them. The block comes last and starts with its own blank
 * line, so a verifier that removes it gets back exactly the hashed text. This only holds if nothing
 * changes the text after this filter: <b>make it the outermost filter</b> (the first one added to a
 * {@link dev.ethos.SafeGenerator}). The filters inside it appear in the manifest with their verdicts
 * and finding counts per type, never with the text they found.
 *
 * <h2>Watermark</h2>
 * With {@link Builder#watermark(Watermark)} the filter adds the watermark's logits processor to
 * every request (local providers apply it; remote ones cannot) and names the scheme and key id in
 * the manifest. A {@link Watermark} the caller put on the request is recorded the same way.
 *
 * <p>Immutable and thread-safe; per-request state lives in the session.
 */
public final class ProvenanceFilter implements TextFilter {
    public static final String NAME = "provenance";
    /** Metadata key of the manifest's canonical JSON (a String). */
    public static final String METADATA_MANIFEST = "provenance.manifest";
    /** Metadata key of the content id (a String, {@code urn:uuid:…}). */
    public static final String METADATA_CONTENT_ID = "provenance.contentId";
    /** Request attribute that overrides the policy id for one request (a String). */
    public static final String ATTR_POLICY_ID = "provenance.policyId";
    /** Request attribute that fixes the label's language for one request ("en" or "zh"). */
    public static final String ATTR_LANG = "lang";

    static final String SEPARATOR = "\n\n";
    private static final Map<String, String> DEFAULT_TEMPLATES = Map.of(
            "en", "AI-generated content",
            "zh", "本内容由人工智能生成");

    /** Where the label goes. */
    public enum Position { START, END }

    private final boolean label;
    private final Position position;
    private final Map<String, String> templates;
    private final String language;
    private final ProvenanceKeys.SigningKey key;
    private final boolean embed;
    private final boolean marker;
    private final String policyId;
    private final Watermark watermark;
    private final Clock clock;
    private final String generatorName;
    private final String generatorVersion;

    private ProvenanceFilter(Builder b) {
        this.label = b.label;
        this.position = b.position;
        this.templates = Map.copyOf(b.templates);
        this.language = b.language;
        this.key = b.key;
        this.embed = b.embed == null ? b.key != null : b.embed;
        this.marker = b.marker;
        this.policyId = b.policyId;
        this.watermark = b.watermark;
        this.clock = b.clock;
        this.generatorName = b.generatorName;
        this.generatorVersion = b.generatorVersion;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Label-only: the default label at the start and an unsigned manifest in the metadata. */
    public static ProvenanceFilter ofDefaults() {
        return builder().build();
    }

    /** The default label, a manifest signed with {@code key} in the metadata and embedded in the text. */
    public static ProvenanceFilter signing(ProvenanceKeys.SigningKey key) {
        return builder().signingKey(key).build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean wholeText() {
        return false;
    }

    @Override
    public Session open(GenerationRequest request) {
        return new ProvenanceSession(request);
    }

    private final class ProvenanceSession implements Session {
        private final String contentId = "urn:uuid:" + UUID.randomUUID();
        private final Instant created = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        private final String requestLang;
        private final String promptText;
        private final String policy;
        private List<Watermark> watermarks = List.of();
        private String startLabel;

        ProvenanceSession(GenerationRequest request) {
            this.requestLang = request.attribute(ATTR_LANG, String.class).filter(templates::containsKey).orElse(null);
            this.promptText = request.promptText();
            this.policy = request.attribute(ATTR_POLICY_ID, String.class).orElse(policyId);
        }

        @Override
        public InputDecision onRequest(GenerationRequest request) {
            GenerationRequest r = request;
            if (watermark != null && !request.logitsProcessors().contains(watermark)) {
                r = request.toBuilder().logitsProcessor(watermark).build();
            }
            watermarks = r.logitsProcessors().stream().filter(p -> p instanceof Watermark).map(p -> (Watermark) p)
                    .distinct().toList();
            return InputDecision.proceed(r);
        }

        @Override
        public SegmentResult onStart() {
            if (!label || position != Position.START) {
                return SegmentResult.PASS;
            }
            startLabel = render(lang(promptText), null) + (marker ? InvisibleMarker.encode(contentId) : "");
            return SegmentResult.insert(startLabel + SEPARATOR);
        }

        @Override
        public SegmentResult onSegment(String segment, CharSequence leftContext) {
            return SegmentResult.PASS;
        }

        @Override
        public SegmentResult onEnd(End end) {
            Generation inner = end.inner();
            StringBuilder tail = new StringBuilder();
            String labelText = startLabel;
            if (label && position == Position.END) {
                labelText = render(lang(end.input()), inner) + (marker ? InvisibleMarker.encode(contentId) : "");
                tail.append(end.output().isEmpty() ? "" : SEPARATOR).append(labelText);
            } else if (!label && marker) {
                tail.append(InvisibleMarker.encode(contentId));
            }
            String finalText = end.output() + tail;
            Manifest m = manifest(finalText, labelText, inner);
            if (key != null) {
                m = Signatures.sign(m, key);
            }
            String json = m.toJson();
            if (key != null && embed) {
                tail.append(Armor.wrap(json));
            }
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put(METADATA_MANIFEST, json);
            meta.put(METADATA_CONTENT_ID, contentId);
            SegmentResult r = tail.length() == 0 ? SegmentResult.PASS : SegmentResult.insert(tail.toString());
            return r.withMetadata(meta);
        }

        private String lang(CharSequence text) {
            if (language != null) {
                return language;
            }
            if (requestLang != null) {
                return requestLang;
            }
            String l = Languages.detect(text);
            return templates.containsKey(l) ? l : "en";
        }

        private String render(String lang, Generation inner) {
            String t = templates.getOrDefault(lang, templates.get("en"));
            t = t.replace("{contentId}", contentId)
                    .replace("{date}", created.atOffset(ZoneOffset.UTC).toLocalDate().toString());
            if (inner != null) {
                t = t.replace("{provider}", inner.model().provider()).replace("{model}", inner.model().modelId());
            }
            return t;
        }

        private Manifest manifest(String finalText, String labelText, Generation inner) {
            JsonObject o = new JsonObject();
            o.addProperty("spec", Manifest.SPEC);
            o.addProperty("contentId", contentId);
            JsonObject gen = new JsonObject();
            gen.addProperty("name", generatorName);
            gen.addProperty("version", generatorVersion);
            o.add("generator", gen);
            JsonObject model = new JsonObject();
            model.addProperty("provider", inner.model().provider());
            model.addProperty("id", inner.model().modelId());
            o.add("model", model);
            o.addProperty("created", created.toString());
            o.addProperty("digitalSourceType", Manifest.DIGITAL_SOURCE_TYPE);
            JsonObject hash = new JsonObject();
            hash.addProperty("alg", ContentHash.ALGORITHM);
            hash.addProperty("normalization", ContentHash.NORMALIZATION);
            hash.addProperty("value", ContentHash.sha256Hex(finalText));
            o.add("contentHash", hash);
            if (labelText != null) {
                JsonObject l = new JsonObject();
                l.addProperty("text", labelText);
                l.addProperty("position", position.name().toLowerCase(java.util.Locale.ROOT));
                o.add("label", l);
            }
            JsonArray filters = new JsonArray();
            for (FilterOutcome fo : inner.report().outcomes()) {
                JsonObject f = new JsonObject();
                f.addProperty("name", fo.filter());
                f.addProperty("verdict", fo.verdict().name());
                Map<String, Integer> counts = new TreeMap<>();
                for (Finding fi : fo.findings()) {
                    counts.merge(fi.type(), 1, Integer::sum); // types and counts only: never found text
                }
                JsonObject c = new JsonObject();
                counts.forEach(c::addProperty);
                f.add("findings", c);
                filters.add(f);
            }
            o.add("filters", filters);
            if (!watermarks.isEmpty()) {
                Watermark w = watermarks.get(0);
                JsonObject wm = new JsonObject();
                wm.addProperty("scheme", Watermark.SCHEME);
                wm.addProperty("keyId", w.keyId());
                wm.addProperty("gamma", Watermark.fmt(w.gamma()));
                wm.addProperty("delta", Watermark.fmt(w.delta()));
                wm.addProperty("contextWidth", Integer.toString(w.contextWidth()));
                o.add("watermark", wm);
            }
            if (policy != null) {
                o.addProperty("policyId", policy);
            }
            return Manifest.of(o);
        }
    }

    /** The version of this library, from the Maven metadata in its jar when there is one. */
    static String libraryVersion() {
        try (InputStream in = ProvenanceFilter.class.getResourceAsStream(
                "/META-INF/maven/dev.ethos/ethos-safety/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank()) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall through
        }
        String v = ProvenanceFilter.class.getPackage().getImplementationVersion();
        return v != null ? v : "development";
    }

    /** Validating builder; see {@link ProvenanceFilter}. */
    public static final class Builder {
        private boolean label = true;
        private Position position = Position.START;
        private final Map<String, String> templates = new HashMap<>(DEFAULT_TEMPLATES);
        private String language;
        private ProvenanceKeys.SigningKey key;
        private Boolean embed;
        private boolean marker;
        private String policyId = "default";
        private Watermark watermark;
        private Clock clock = Clock.systemUTC();
        private String generatorName = "ethos";
        private String generatorVersion = libraryVersion();

        private Builder() {
        }

        /** Whether to add the visible label (default true). */
        public Builder label(boolean on) {
            this.label = on;
            return this;
        }

        public Builder position(Position position) {
            this.position = Objects.requireNonNull(position, "position");
            return this;
        }

        /** The label template for one language ("en", "zh", or another language code). */
        public Builder template(String lang, String template) {
            if (lang == null || lang.isBlank()) {
                throw new IllegalArgumentException("template language must be a non-blank code, got '" + lang + "'");
            }
            if (template == null || template.isBlank()) {
                throw new IllegalArgumentException("label template for '" + lang + "' must be non-blank");
            }
            templates.put(lang, template);
            return this;
        }

        /** The same label template for every language. */
        public Builder template(String template) {
            for (String l : List.copyOf(templates.keySet())) {
                template(l, template);
            }
            return this;
        }

        /** Always label in this language instead of guessing. */
        public Builder language(String lang) {
            this.language = lang;
            return this;
        }

        /** Sign manifests with this key (and, by default, embed them in the text). */
        public Builder signingKey(ProvenanceKeys.SigningKey key) {
            this.key = key;
            return this;
        }

        /** Whether to append the signed manifest to the text as an armoured block (default: when signing). */
        public Builder embedManifest(boolean on) {
            this.embed = on;
            return this;
        }

        /** Whether to add the invisible content-id marker (default false; fragile, see {@link InvisibleMarker}). */
        public Builder invisibleMarker(boolean on) {
            this.marker = on;
            return this;
        }

        /** The policy id written into manifests (default "default"); null leaves it out. */
        public Builder policyId(String policyId) {
            this.policyId = policyId;
            return this;
        }

        /** Apply this watermark to every request and record it in the manifest. */
        public Builder watermark(Watermark watermark) {
            this.watermark = watermark;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The generator named in manifests (default "ethos" and this library's version). */
        public Builder generator(String name, String version) {
            if (name == null || name.isBlank() || version == null || version.isBlank()) {
                throw new IllegalArgumentException("generator name and version must be non-blank, got '" + name
                        + "', '" + version + "'");
            }
            this.generatorName = name;
            this.generatorVersion = version;
            return this;
        }

        public ProvenanceFilter build() {
            if (!templates.containsKey("en")) {
                throw new IllegalStateException("an English label template is needed as the fallback");
            }
            if (language != null && !templates.containsKey(language)) {
                throw new IllegalArgumentException("no label template for language '" + language + "'; have "
                        + new TreeMap<>(templates).keySet());
            }
            if (position == Position.START) {
                for (Map.Entry<String, String> e : templates.entrySet()) {
                    if (e.getValue().contains("{model}") || e.getValue().contains("{provider}")) {
                        throw new IllegalArgumentException("the '" + e.getKey() + "' label template uses {model} or "
                                + "{provider}, which are known only at the end; use Position.END");
                    }
                }
            }
            if (embed != null && embed && key == null) {
                throw new IllegalArgumentException("embedManifest(true) needs a signingKey: an unsigned embedded "
                        + "manifest would prove nothing");
            }
            return new ProvenanceFilter(this);
        }
    }

    @Override
    public String toString() {
        return "ProvenanceFilter[label=" + (label ? position : "off") + ", key="
                + (key == null ? "none" : key.keyId()) + ", embed=" + embed + ", marker=" + marker + "]";
    }
}
