package dev.ethos.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceCliTest {
    record Run(int status, String out) {
    }

    static Run run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            int status = EthosCli.execute(args);
            return new Run(status, buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void keygenLabelVerify(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("keys");
        assertEquals(0, run("keygen", "--out", keys.toString()).status());
        assertEquals(2, run("keygen", "--out", keys.toString()).status(), "never overwrites a key");
        Path in = dir.resolve("in.txt");
        Files.writeString(in, "A short answer.\nWith two lines.\n");
        Path manifest = dir.resolve("m.json");
        Run label = run("label", "--key", keys.resolve("private.pem").toString(), "--manifest", manifest.toString(),
                "--model", "djl:gpt2", "--in", in.toString());
        assertEquals(0, label.status());
        assertTrue(label.out().startsWith("AI-generated content\n\nA short answer.\nWith two lines.\n"), label.out());
        JsonObject m = JsonParser.parseString(Files.readString(manifest)).getAsJsonObject();
        assertEquals("gpt2", m.getAsJsonObject("model").get("id").getAsString());

        Path labelled = dir.resolve("labelled.txt");
        Files.writeString(labelled, label.out());
        Run ok = run("verify", "--pubkey", keys.resolve("public.pem").toString(), "--in", labelled.toString());
        assertEquals(0, ok.status());
        JsonObject r = JsonParser.parseString(ok.out()).getAsJsonObject();
        assertTrue(r.get("valid").getAsBoolean());
        assertEquals("valid", r.get("reason").getAsString());

        Files.writeString(labelled, label.out().replace("short", "shirt"));
        Run bad = run("verify", "--pubkey", keys.resolve("public.pem").toString(), "--in", labelled.toString());
        assertEquals(1, bad.status());
        assertEquals("hash_mismatch", JsonParser.parseString(bad.out()).getAsJsonObject().get("reason").getAsString());

        Path other = dir.resolve("other");
        run("keygen", "--out", other.toString());
        Files.writeString(labelled, label.out());
        Run unknown = run("verify", "--pubkey", other.resolve("public.pem").toString(), "--in", labelled.toString());
        assertEquals(1, unknown.status());
        assertEquals("unknown_key", JsonParser.parseString(unknown.out()).getAsJsonObject().get("reason").getAsString());

        Run missing = run("verify", "--pubkey", keys.resolve("public.pem").toString(), "--in", in.toString());
        assertEquals("missing_manifest", JsonParser.parseString(missing.out()).getAsJsonObject().get("reason").getAsString());

        // The detached manifest verifies the text with or without its embedded copy.
        Run detached = run("verify", "--pubkey", keys.resolve("public.pem").toString(), "--manifest", manifest.toString(),
                "--in", labelled.toString());
        assertEquals(0, detached.status(), detached.out());
    }

    @Test
    void badOptionsAreErrors(@TempDir Path dir) {
        assertEquals(2, run("verify", "--pubkey", dir.resolve("none.pem").toString(), "--bogus").status());
        assertEquals(2, run("label", "--key", dir.resolve("none.pem").toString(), "--in", "x").status());
        assertEquals(0, run("label", "--help").status());
    }
}
