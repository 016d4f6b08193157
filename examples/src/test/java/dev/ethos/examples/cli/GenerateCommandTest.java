package dev.ethos.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GenerateCommandTest {
    static String[] run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int rc = EthosCli.execute(args);
            return new String[] {String.valueOf(rc), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void jsonCarriesTextReportAndModel() {
        String[] r = run("generate", "--model", "djl:builtin", "--prompt", "Write a job ad for a teacher.",
                "--max-tokens", "12", "--seed", "4", "--temperature", "0.7", "--json");
        assertEquals("0", r[0], r[2]);
        JsonObject o = JsonParser.parseString(r[1].trim()).getAsJsonObject();
        assertEquals("djl", o.getAsJsonObject("model").get("provider").getAsString());
        assertEquals("builtin", o.getAsJsonObject("model").get("id").getAsString());
        assertTrue(o.get("text").getAsString().length() > 5);
        assertEquals(12, o.getAsJsonObject("usage").get("completion_tokens").getAsInt());
        assertTrue(o.getAsJsonObject("report").has("verdict"));
        assertEquals(4, o.get("seed").getAsLong());
        // Same seed, same text; streaming prints the same text.
        String[] again = run("generate", "--prompt", "Write a job ad for a teacher.", "--max-tokens", "12", "--seed", "4",
                "--temperature", "0.7", "--stream");
        assertEquals(o.get("text").getAsString() + System.lineSeparator(), again[1]);
    }

    @Test
    void badValuesAndUnknownOptionsAreErrors() {
        String[] r = run("generate", "--prompt", "x", "--temperature", "500");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("temperature must be in [0, 100], got 500"), r[2]);
        String[] u = run("generate", "--prompt", "x", "--beam", "3");
        assertEquals("2", u[0]);
        assertTrue(u[2].contains("--beam"), u[2]);
        String[] m = run("generate", "--model", "djl:/no/such/dir", "--prompt", "x");
        assertTrue(m[2].contains("/no/such/dir"), m[2]);
    }
}
