package dev.ethos.examples.cli;

import com.google.gson.JsonParser;
import dev.ethos.FinishReason;
import dev.ethos.Generation;
import dev.ethos.GenerationRequest;
import dev.ethos.Generator;
import dev.ethos.ModelInfo;
import dev.ethos.SafeGenerator;
import dev.ethos.StreamListener;
import dev.ethos.TokenUsage;
import dev.ethos.audit.AuditSink;
import dev.ethos.safety.provenance.ProvenanceFilter;
import dev.ethos.safety.provenance.ProvenanceKeys;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ethos label --key private.pem [--manifest OUT]}: labels a text as AI-generated and signs
 * it, through the same {@link ProvenanceFilter} a guarded generator uses (around a model that
 * answers with the given text).
 */
@Command(name = "label", mixinStandardHelpOptions = true,
        description = {"Label a text as AI-generated and attach a signed provenance manifest.",
            "Prints the labelled text with the manifest embedded at its end; --manifest also writes the manifest "
                + "beside it. With --jsonl, each record gets \"text\" (labelled) and \"manifest\"."})
public final class LabelCommand implements Callable<Integer> {
    @Mixin
    TextInput input;

    @Option(names = "--key", required = true, paramLabel = "PEM", description = "Ed25519 private key (PKCS#8 PEM), e.g. from `ethos keygen`.")
    Path key;

    @Option(names = "--manifest", paramLabel = "OUT", description = "Also write the manifest JSON to OUT.")
    Path manifestOut;

    @Option(names = "--position", paramLabel = "start|end", defaultValue = "start",
            description = "Where the visible label goes (default: ${DEFAULT-VALUE}).")
    String position;

    @Option(names = "--label", paramLabel = "TEMPLATE",
            description = "Label text instead of the default per language; may use {contentId}, {date}, and at the end {provider}, {model}.")
    String template;

    @Option(names = "--lang", paramLabel = "en|zh", description = "Label language (default: guessed from the text).")
    String lang;

    @Option(names = "--model", paramLabel = "PROVIDER:MODEL", description = "The model that generated the text, for the manifest.")
    String model;

    @Option(names = "--policy-id", paramLabel = "ID", description = "Policy id for the manifest (default: ${DEFAULT-VALUE}).",
            defaultValue = "default")
    String policyId;

    @Option(names = "--marker", description = "Add the invisible content-id marker (fragile: many tools strip it).")
    boolean marker;

    @Option(names = "--no-embed", description = "Do not embed the manifest in the text (use with --manifest).")
    boolean noEmbed;

    @Override
    public Integer call() throws Exception {
        if (lang != null && !lang.equals("en") && !lang.equals("zh")) {
            throw new IllegalArgumentException("--lang must be en or zh, got '" + lang + "'");
        }
        ProvenanceFilter.Position pos = switch (position.toLowerCase(Locale.ROOT)) {
            case "start" -> ProvenanceFilter.Position.START;
            case "end" -> ProvenanceFilter.Position.END;
            default -> throw new IllegalArgumentException("--position must be start or end, got '" + position + "'");
        };
        if (noEmbed && manifestOut == null && !input.jsonl) {
            throw new IllegalArgumentException("--no-embed without --manifest would lose the manifest");
        }
        if (input.jsonl && manifestOut != null) {
            throw new IllegalArgumentException("--manifest cannot be used with --jsonl (each record carries its manifest)");
        }
        ModelInfo info = modelInfo(model);
        ProvenanceFilter.Builder fb = ProvenanceFilter.builder().signingKey(ProvenanceKeys.readSigningKey(key))
                .position(pos).embedManifest(!noEmbed).invisibleMarker(marker).policyId(policyId);
        if (template != null) {
            fb.template(template);
        }
        SafeGenerator labeller = SafeGenerator.builder(new Echo(info)).auditSink(AuditSink.none()).filter(fb.build()).build();
        PrintWriter out = TextInput.stdout();
        if (input.jsonl) {
            try (var reader = input.reader()) {
                return JsonlProcessor.run(reader, out, (text, recLang, rec, result) -> {
                    Generation g = label(labeller, text, lang != null ? lang : rec.has("lang") ? recLang : null);
                    result.addProperty("text", g.text());
                    result.add("manifest", JsonParser.parseString(manifest(g)));
                });
            }
        }
        Generation g = label(labeller, input.readAll(), lang);
        if (manifestOut != null) {
            Files.writeString(manifestOut, manifest(g) + "\n", StandardCharsets.UTF_8);
        }
        out.print(g.text());
        out.flush();
        return 0;
    }

    private static Generation label(SafeGenerator labeller, String text, String lang) {
        GenerationRequest.Builder rb = GenerationRequest.builder().user(text);
        if (lang != null) {
            rb.attribute(ProvenanceFilter.ATTR_LANG, lang);
        }
        Generation g = labeller.generate(rb.build());
        if (g.blocked()) {
            throw new IllegalStateException("labelling failed: " + g.report().blockReason().orElse("blocked"));
        }
        return g;
    }

    private static String manifest(Generation g) {
        return g.metadata(ProvenanceFilter.METADATA_MANIFEST, String.class)
                .orElseThrow(() -> new IllegalStateException("the provenance filter produced no manifest"));
    }

    static ModelInfo modelInfo(String spec) {
        if (spec == null) {
            return new ModelInfo("unknown", "unknown");
        }
        int c = spec.indexOf(':');
        if (c <= 0 || c == spec.length() - 1) {
            throw new IllegalArgumentException("--model must be PROVIDER:MODEL, got '" + spec + "'");
        }
        return new ModelInfo(spec.substring(0, c), spec.substring(c + 1));
    }

    /** A "model" that answers with the prompt: the text to label. */
    private record Echo(ModelInfo info) implements Generator {
        @Override
        public Generation generate(GenerationRequest request) {
            return Generation.of(request.messages().get(0).content(), FinishReason.STOP, TokenUsage.UNKNOWN, info);
        }

        @Override
        public void stream(GenerationRequest request, StreamListener listener) {
            Generation g = generate(request);
            listener.onText(g.text());
            listener.onComplete(g);
        }
    }
}
