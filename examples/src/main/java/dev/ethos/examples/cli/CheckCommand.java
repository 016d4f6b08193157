package dev.ethos.examples.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.ethos.Finding;
import dev.ethos.Verdict;
import dev.ethos.safety.misinfo.FactCheck;
import dev.ethos.safety.misinfo.FactCheckLoader;
import dev.ethos.safety.misinfo.FactCheckStore;
import dev.ethos.safety.misinfo.MisinfoFilter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Flags misinformation in text: known-false claims, health cures, conspiracies, … (see docs/misinfo.md). */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Flag misinformation: claims a fact-check store rates false, miracle cures, conspiracies, "
                + "unsourced statistics, clickbait, invented citations, and sentences the sources do not support.",
            "With --jsonl each output line is {\"id\", \"verdict\": \"ok\"|\"flag\"|\"block\", \"flags\": "
                + "[{\"category\", \"start\", \"end\", \"score\", \"reason\"}]} (UTF-16 offsets into the input text)."})
public final class CheckCommand implements Callable<Integer> {
    @Mixin
    TextInput input;

    @Option(names = "--factchecks", paramLabel = "FILE",
            description = "ClaimReview-style JSON or JSON Lines fact-checks to match against (repeatable).")
    List<Path> factchecks = new ArrayList<>();

    @Option(names = "--sources", paramLabel = "FILE", arity = "1..*",
            description = "Source documents (UTF-8 text) the text must be grounded in; unsupported sentences are "
                    + "flagged unsupported_by_sources.")
    List<Path> sources = new ArrayList<>();

    @Option(names = "--allow-domain", paramLabel = "DOMAIN",
            description = "Only URLs on these domains count as acceptable citations (repeatable).")
    List<String> allowDomains = new ArrayList<>();

    @Option(names = "--lang", paramLabel = "LANG", description = "Language of plain text input: en or zh "
            + "(default: detected).")
    String lang;

    @Override
    public Integer call() throws IOException {
        List<FactCheck> checks = new ArrayList<>();
        for (Path f : factchecks) {
            if (!Files.isReadable(f)) {
                throw new IllegalArgumentException("cannot read --factchecks " + f);
            }
            checks.addAll(FactCheckLoader.read(f));
        }
        List<String> docs = new ArrayList<>();
        for (Path s : sources) {
            if (!Files.isReadable(s)) {
                throw new IllegalArgumentException("cannot read --sources " + s);
            }
            docs.add(Files.readString(s, StandardCharsets.UTF_8));
        }
        if (lang != null && !lang.equals("en") && !lang.equals("zh")) {
            throw new IllegalArgumentException("--lang must be en or zh, got '" + lang + "'");
        }
        MisinfoFilter filter = MisinfoFilter.builder().store(FactCheckStore.of(checks)).allowedDomains(allowDomains)
                .wholeText(true).build();
        PrintWriter out = TextInput.stdout();
        if (input.jsonl) {
            try (BufferedReader r = input.reader()) {
                return JsonlProcessor.run(r, out, (text, l, in, o) -> {
                    MisinfoFilter.Result res = filter.check(text, l, docs);
                    o.addProperty("verdict", verdict(res));
                    JsonArray flags = new JsonArray();
                    for (Finding f : res.findings()) {
                        JsonObject j = new JsonObject();
                        j.addProperty("category", f.type());
                        j.addProperty("start", f.span().start());
                        j.addProperty("end", f.span().end());
                        j.addProperty("score", Math.round(f.score() * 1000) / 1000.0);
                        j.addProperty("reason", f.reason());
                        flags.add(j);
                    }
                    o.add("flags", flags);
                });
            }
        }
        String text = input.readAll();
        MisinfoFilter.Result res = filter.check(text, lang, docs);
        out.println("verdict: " + verdict(res));
        for (Finding f : res.findings()) {
            out.printf(Locale.ROOT, "%s [%d, %d) %.2f %s: %s%n", f.type(), f.span().start(), f.span().end(), f.score(),
                    f.reason(), text.substring(f.span().start(), f.span().end()));
        }
        if (res.annotation() != null) {
            out.println("annotation: " + res.annotation().strip());
        }
        out.flush();
        return 0;
    }

    private static String verdict(MisinfoFilter.Result res) {
        return res.verdict() == Verdict.BLOCK ? "block" : res.findings().isEmpty() ? "ok" : "flag";
    }
}
