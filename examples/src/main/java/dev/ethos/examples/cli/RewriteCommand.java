package dev.ethos.examples.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.ethos.Finding;
import dev.ethos.safety.bias.BiasEdit;
import dev.ethos.safety.bias.BiasFilter;
import dev.ethos.safety.bias.BiasResult;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ethos rewrite}: gender-neutral rewriting of generic references (English and Chinese).
 * Plain mode prints the rewritten text (and, on standard error, each stereotype flag);
 * {@code --jsonl} writes {@code {"id", "text", "edits": [{"start","end","replacement","rule"}],
 * "findings": [...]}} per record.
 */
@Command(name = "rewrite", mixinStandardHelpOptions = true,
        description = "Rewrite generic gendered language into gender-neutral language (English and Chinese); "
                + "flag stereotype generalisations.")
public final class RewriteCommand implements Callable<Integer> {
    @Mixin
    TextInput input;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "rewrite",
            description = "rewrite (default): apply the neutral rewrites; flag: change nothing, report them.")
    String mode;

    @Override
    public Integer call() throws Exception {
        BiasFilter filter = BiasFilter.of(BiasFilter.Mode.parse(mode));
        PrintWriter out = TextInput.stdout();
        if (input.jsonl) {
            try (BufferedReader in = input.reader()) {
                return JsonlProcessor.run(in, out, (text, lang, rec, result) -> {
                    BiasResult r = filter.rewrite(text);
                    result.addProperty("text", r.text());
                    JsonArray edits = new JsonArray();
                    for (BiasEdit e : r.edits()) {
                        JsonObject o = new JsonObject();
                        o.addProperty("start", e.start());
                        o.addProperty("end", e.end());
                        o.addProperty("replacement", e.replacement());
                        o.addProperty("rule", e.rule());
                        edits.add(o);
                    }
                    result.add("edits", edits);
                    JsonArray findings = new JsonArray();
                    for (Finding f : r.findings()) {
                        JsonObject o = new JsonObject();
                        o.addProperty("type", f.type());
                        o.addProperty("start", f.span().start());
                        o.addProperty("end", f.span().end());
                        o.addProperty("score", f.score());
                        if (f.replacement() != null) {
                            o.addProperty("replacement", f.replacement());
                        }
                        o.addProperty("rule", f.details().getOrDefault("rule", ""));
                        findings.add(o);
                    }
                    result.add("findings", findings);
                });
            }
        }
        String text = input.readAll();
        BiasResult r = filter.rewrite(text);
        out.print(r.text());
        out.flush();
        for (Finding f : r.findings()) {
            if (filter.mode() == BiasFilter.Mode.FLAG || f.type().equals(BiasFilter.STEREOTYPE)) {
                System.err.println(f.type() + " [" + f.span().start() + ", " + f.span().end() + ")"
                        + (f.replacement() == null ? "" : " -> " + f.replacement()) + " "
                        + f.details().getOrDefault("rule", ""));
            }
        }
        return 0;
    }
}
