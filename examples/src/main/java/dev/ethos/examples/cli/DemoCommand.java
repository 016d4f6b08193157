package dev.ethos.examples.cli;

import dev.ethos.FilterOutcome;
import dev.ethos.Finding;
import dev.ethos.Generation;
import dev.ethos.GenerationRequest;
import dev.ethos.Generator;
import dev.ethos.SafeGenerator;
import dev.ethos.examples.EthosChains;
import dev.ethos.examples.SampleModel;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs a few prompts through a model twice, raw and guarded, and shows both with the report. */
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

    @Override
    public Integer call() {
        Generator model = new SampleModel();
        SafeGenerator guarded = EthosChains.standard(model).build();
        PrintWriter out = TextInput.stdout();
        out.println("Model: " + model.info().provider() + ":" + model.info().modelId()
                + "  filters: " + (guarded.filters().isEmpty() ? "(none yet)"
                : guarded.filters().stream().map(f -> f.name()).reduce((a, b) -> a + ", " + b).orElse("")));
        for (String prompt : prompts == null ? PROMPTS : prompts) {
            GenerationRequest request = GenerationRequest.of(prompt);
            Generation raw = model.generate(request);
            Generation safe = guarded.generate(request);
            out.println();
            out.println("PROMPT   " + prompt);
            out.println("RAW      " + raw.text());
            out.println("GUARDED  " + safe.text());
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
        return 0;
    }
}
