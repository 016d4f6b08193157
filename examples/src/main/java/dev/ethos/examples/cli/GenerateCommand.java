package dev.ethos.examples.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.ethos.FilterOutcome;
import dev.ethos.Finding;
import dev.ethos.Generation;
import dev.ethos.GenerationOptions;
import dev.ethos.safety.provenance.Watermark;
import dev.ethos.safety.provenance.WatermarkKey;
import dev.ethos.GenerationRequest;
import dev.ethos.Generator;
import dev.ethos.Generators;
import dev.ethos.SafeGenerator;
import dev.ethos.StreamListener;
import dev.ethos.examples.EthosChains;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Generates text with any model URI, guarded by the standard chain. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate text with a model (djl:builtin, djl:/path/to/gpt2-dir, openai:URL?model=NAME), "
                + "guarded by the standard safety chain.")
public final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "URI", defaultValue = "djl:builtin",
            description = "Model URI (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--prompt", paramLabel = "TEXT", required = true, description = "The prompt.")
    String prompt;

    @Option(names = "--stream", description = "Print text as it is released by the chain.")
    boolean stream;

    @Option(names = "--seed", paramLabel = "N", description = "Sampling seed: the same seed gives the same text.")
    Long seed;

    @Option(names = "--max-tokens", paramLabel = "N", description = "Most tokens to generate (default: ${DEFAULT-VALUE}).",
            defaultValue = "" + GenerationOptions.DEFAULT_MAX_TOKENS)
    int maxTokens;

    @Option(names = "--temperature", paramLabel = "T", description = "Sampling temperature; 0 = greedy.")
    Double temperature;

    @Option(names = "--top-p", paramLabel = "P", description = "Nucleus sampling mass in (0, 1].")
    Double topP;

    @Option(names = "--top-k", paramLabel = "K", description = "Sample among the K most likely tokens.")
    Integer topK;

    @Option(names = "--watermark-key", paramLabel = "K", description = "Watermark the text (green-list scheme) with "
            + "this key: hex:…, base64:… or a passphrase of 16+ bytes. Check it with detect-watermark.")
    String watermarkKey;

    @Option(names = "--json", description = "Print one JSON object: the text, the safety report and the model info.")
    boolean json;

    @Override
    public Integer call() {
        GenerationOptions.Builder o = GenerationOptions.builder().maxTokens(maxTokens);
        if (seed != null) {
            o.seed(seed);
        }
        if (temperature != null) {
            o.temperature(temperature);
        }
        if (topP != null) {
            o.topP(topP);
        }
        if (topK != null) {
            o.topK(topK);
        }
        GenerationRequest request = GenerationRequest.builder().user(prompt).options(o.build()).build();
        Generator raw = Generators.open(model);
        try {
            Watermark watermark = watermarkKey == null ? null : Watermark.ofDefaults(WatermarkKey.parse(watermarkKey));
            SafeGenerator guarded = EthosChains.standard(raw, watermark).build();
            PrintWriter out = TextInput.stdout();
            Generation result;
            if (stream) {
                AtomicReference<Generation> done = new AtomicReference<>();
                AtomicReference<Throwable> failed = new AtomicReference<>();
                guarded.stream(request, new StreamListener() {
                    @Override
                    public void onText(String chunk) {
                        if (!json) {
                            out.print(chunk);
                            out.flush();
                        }
                    }

                    @Override
                    public void onComplete(Generation generation) {
                        done.set(generation);
                    }

                    @Override
                    public void onError(Throwable error) {
                        failed.set(error);
                    }
                });
                if (failed.get() != null) {
                    Throwable t = failed.get();
                    throw t instanceof RuntimeException ? (RuntimeException) t : new IllegalStateException(t);
                }
                result = done.get();
                if (!json) {
                    out.println();
                }
            } else {
                result = guarded.generate(request);
                if (!json) {
                    out.println(result.text());
                }
            }
            if (json) {
                out.println(new GsonBuilder().disableHtmlEscaping().create().toJson(toJson(result)));
            }
            out.flush();
            return result.blocked() ? 1 : 0;
        } finally {
            if (raw instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing frees native memory only; the process ends next
                }
            }
        }
    }

    static JsonObject toJson(Generation g) {
        JsonObject o = new JsonObject();
        o.addProperty("text", g.text());
        o.addProperty("finish_reason", g.finishReason().name().toLowerCase(java.util.Locale.ROOT));
        JsonObject usage = new JsonObject();
        usage.addProperty("prompt_tokens", g.usage().promptTokens());
        usage.addProperty("completion_tokens", g.usage().completionTokens());
        o.add("usage", usage);
        JsonObject m = new JsonObject();
        m.addProperty("provider", g.model().provider());
        m.addProperty("id", g.model().modelId());
        o.add("model", m);
        JsonObject report = new JsonObject();
        report.addProperty("verdict", g.verdict().name().toLowerCase(java.util.Locale.ROOT));
        JsonArray outcomes = new JsonArray();
        for (FilterOutcome fo : g.report().outcomes()) {
            JsonObject f = new JsonObject();
            f.addProperty("filter", fo.filter());
            f.addProperty("verdict", fo.verdict().name().toLowerCase(java.util.Locale.ROOT));
            fo.noteText().ifPresent(n -> f.addProperty("note", n));
            f.addProperty("millis", fo.duration().toNanos() / 1e6);
            JsonArray findings = new JsonArray();
            for (Finding fi : fo.findings()) {
                JsonObject x = new JsonObject();
                x.addProperty("type", fi.type());
                x.addProperty("target", fi.span().target().name().toLowerCase(java.util.Locale.ROOT));
                x.addProperty("start", fi.span().start());
                x.addProperty("end", fi.span().end());
                x.addProperty("score", fi.score());
                x.addProperty("reason", fi.reason());
                fi.replacementText().ifPresent(r -> x.addProperty("replacement", r));
                findings.add(x);
            }
            f.add("findings", findings);
            outcomes.add(f);
        }
        report.add("outcomes", outcomes);
        o.add("report", report);
        g.metadata("seed", Long.class).ifPresent(s -> o.addProperty("seed", s));
        return o;
    }
}
