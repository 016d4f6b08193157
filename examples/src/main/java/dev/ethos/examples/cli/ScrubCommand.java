package dev.ethos.examples.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.ethos.safety.pii.Operator;
import dev.ethos.safety.pii.Operators;
import dev.ethos.safety.pii.PiiAnalyzer;
import dev.ethos.safety.pii.PiiAnonymizer;
import dev.ethos.safety.pii.PiiEntity;
import dev.ethos.safety.pii.PiiType;
import dev.ethos.safety.pii.PiiVault;
import dev.ethos.text.Languages;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Finds and replaces personal data. */
@Command(name = "scrub", mixinStandardHelpOptions = true,
        description = {"Find personal data (PII) in text and replace it.",
            "With --jsonl each output record is {\"id\", \"text\": <scrubbed>, \"findings\": [{\"type\", \"start\", "
                + "\"end\", \"score\"}]}; offsets are UTF-16 indices into the input text."})
public final class ScrubCommand implements Callable<Integer> {
    @Mixin
    TextInput input;

    @Option(names = "--operator", paramLabel = "OP", defaultValue = "replace",
            description = "replace (<TYPE_N>), redact, mask, hash, encrypt or surrogate (default: ${DEFAULT-VALUE}).")
    String operator;

    @Option(names = "--entities", paramLabel = "TYPES", split = ",",
            description = "Only these types (comma-separated), e.g. PERSON,EMAIL_ADDRESS. Default: all but URL.")
    Set<String> entities;

    @Option(names = "--threshold", paramLabel = "SCORE", defaultValue = "0.5",
            description = "Minimum score in [0, 1] (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "auto",
            description = "en, zh or auto (detect per text; a --jsonl record's own \"lang\" wins). Default: ${DEFAULT-VALUE}.")
    String lang;

    @Option(names = "--key-hex", paramLabel = "HEX",
            description = "Key for hash, encrypt and surrogate (16, 24 or 32 bytes in hex); default: the ETHOS_PII_KEY "
                    + "environment variable.")
    String keyHex;

    @Override
    public Integer call() throws Exception {
        if (!lang.equals("auto") && !lang.equals("en") && !lang.equals("zh")) {
            throw new IllegalArgumentException("--lang must be en, zh or auto, got '" + lang + "'");
        }
        PiiAnalyzer.Builder ab = PiiAnalyzer.builder().threshold(threshold);
        if (entities != null) {
            Set<String> names = new LinkedHashSet<>();
            for (String e : entities) {
                names.add(PiiType.parse(e).name());
            }
            ab.entities(names);
        }
        PiiAnonymizer anonymizer = PiiAnonymizer.of(ab.build(), operator());
        PrintWriter out = TextInput.stdout();
        if (input.jsonl) {
            try (BufferedReader r = input.reader()) {
                return JsonlProcessor.run(r, out, (text, recLang, rec, res) -> {
                    String l = rec.has("lang") || lang.equals("auto") ? recLang : lang;
                    PiiAnonymizer.Result result = anonymizer.anonymize(text, l, PiiVault.inMemory());
                    JsonArray findings = new JsonArray();
                    for (PiiAnonymizer.Replacement rep : result.replacements()) {
                        PiiEntity e = rep.entity();
                        JsonObject f = new JsonObject();
                        f.addProperty("type", e.type());
                        f.addProperty("start", e.start());
                        f.addProperty("end", e.end());
                        f.addProperty("score", e.score());
                        findings.add(f);
                    }
                    res.addProperty("text", result.text());
                    res.add("findings", findings);
                });
            }
        }
        String text = input.readAll();
        String l = lang.equals("auto") ? Languages.detect(text) : lang;
        out.print(anonymizer.anonymize(text, l).text());
        out.flush();
        return 0;
    }

    private Operator operator() {
        String op = operator.toLowerCase(java.util.Locale.ROOT);
        boolean keyed = op.equals("hash") || op.equals("encrypt") || op.equals("surrogate");
        byte[] key = null;
        if (keyed) {
            String hex = keyHex != null ? keyHex : System.getenv("ETHOS_PII_KEY");
            if (hex == null || hex.isBlank()) {
                throw new IllegalArgumentException("--operator " + op + " needs a key: --key-hex or ETHOS_PII_KEY");
            }
            try {
                key = HexFormat.of().parseHex(hex.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the key must be hex digits (" + e.getMessage() + ")");
            }
        }
        return Operators.byName(op, key);
    }
}
