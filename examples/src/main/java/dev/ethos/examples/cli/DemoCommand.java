package dev.ethos.examples.cli;

import dev.ethos.FilterOutcome;
import dev.ethos.Finding;
import dev.ethos.Generation;
import dev.ethos.GenerationOptions;
import dev.ethos.GenerationRequest;
import dev.ethos.Generator;
import dev.ethos.Generators;
import dev.ethos.SafeGenerator;
import dev.ethos.examples.EthosChains;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs a few prompts through a model twice, raw and guarded, and shows both with the report. The
 * default model is {@code djl:builtin}: a tiny GPT trained on a synthetic corpus that shows the
 * habits the filters exist for (job ads with a generic "he", miracle cures with "click the link",
 * replies with contact details), shipped in the djl provider's jar.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Show a model's raw answers beside the guarded ones, with the safety report.")
public final class DemoCommand implements Callable<Integer> {
    static final List<String> PROMPTS = List.of(
            "Write a job ad for a software engineer.",
            "Write a post about coffee and health.",
            "写一则工程师招聘启事。",
            "Who should I contact about the board meeting?");

    @Option(names = "--prompt", paramLabel = "TEXT", description = "Use this prompt instead of the built-in ones (repeatable).")
    List<String> prompts;

    @Option(names = "--model", paramLabel = "URI", defaultValue = "djl:builtin",
            description = "The model to demonstrate (default: ${DEFAULT-VALUE}).")
    String modelUri;

    @Option(names = "--seed", paramLabel = "N", description = "Sample with this seed (temperature 0.8) instead of greedy decoding.")
    Long seed;

    @Override
    public Integer call() {
        Generator model = Generators.open(modelUri);
        GenerationOptions.Builder options = GenerationOptions.builder().maxTokens(96);
        if (seed != null) {
            options.temperature(0.8).seed(seed);
        }
        SafeGenerator guarded = EthosChains.standard(model).build();
        PrintWriter out = TextInput.stdout();
        out.println("Model: " + model.info().provider() + ":" + model.info().modelId()
                + "  filters: " + (guarded.filters().isEmpty() ? "(none yet)"
                : guarded.filters().stream().map(f -> f.name()).reduce((a, b) -> a + ", " + b).orElse("")));
        for (String prompt : prompts == null ? PROMPTS : prompts) {
            GenerationRequest request = GenerationRequest.builder().user(prompt).options(options.build()).build();
            Generation raw = model.generate(request);
            Generation safe = guarded.generate(request);
            out.println();
            out.println("PROMPT   " + prompt);
            out.println("RAW      " + raw.text().strip());
            out.println("GUARDED  " + safe.text().strip());
            out.println("VERDICT  " + safe.verdict());
            for (FilterOutcome o : safe.report().outcomes()) {
                out.println("  " + o.filter() + ": " + o.verdict() + (o.note() == null ? "" : " (" + o.note() + ")"));
                for (Finding f : o.findings()) {
                    out.println("    " + f.type() + " [" + f.span().start() + ", " + f.span().end() + ") "
                            + (f.replacement() == null ? "" : "-> " + f.replacement() + " ") + f.reason());
                }
            }
        }
        out.flush();
        if (model instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // frees native memory only; the process ends next
            }
        }
        return 0;
    }
}
