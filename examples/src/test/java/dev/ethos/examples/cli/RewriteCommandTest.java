package dev.ethos.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RewriteCommandTest {
    private static String run(String stdin, String... args) {
        InputStream in = System.in;
        PrintStream out = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            int rc = EthosCli.execute(args);
            assertEquals(0, rc);
        } finally {
            System.setIn(in);
            System.setOut(out);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void jsonlRecordsHaveTheFixedShape() {
        String line = "{\"id\": 7, \"text\": \"Each applicant must submit his form.\", \"lang\": \"en\"}\n"
                + "{\"id\": \"z\", \"text\": \"每位申请人都应提交他的简历。\"}\n";
        String[] out = run(line, "rewrite", "--jsonl").split("\n");
        JsonObject a = JsonParser.parseString(out[0]).getAsJsonObject();
        assertEquals(7, a.get("id").getAsInt());
        assertEquals("Each applicant must submit their form.", a.get("text").getAsString());
        JsonArray edits = a.getAsJsonArray("edits");
        assertEquals(1, edits.size());
        JsonObject e = edits.get(0).getAsJsonObject();
        assertEquals(27, e.get("start").getAsInt());
        assertEquals(30, e.get("end").getAsInt());
        assertEquals("their", e.get("replacement").getAsString());
        assertEquals("en.pronoun.possessive", e.get("rule").getAsString());
        JsonObject b = JsonParser.parseString(out[1]).getAsJsonObject();
        assertEquals("每位申请人都应提交TA的简历。", b.get("text").getAsString());
    }

    @Test
    void flagModeKeepsTheTextAndReportsFindings() {
        String out = run("{\"id\": 1, \"text\": \"Every fireman must wear his helmet.\"}\n",
                "rewrite", "--jsonl", "--mode", "flag");
        JsonObject a = JsonParser.parseString(out.trim()).getAsJsonObject();
        assertEquals("Every fireman must wear his helmet.", a.get("text").getAsString());
        assertEquals(0, a.getAsJsonArray("edits").size());
        assertEquals(2, a.getAsJsonArray("findings").size());
    }

    @Test
    void plainTextIsRewritten() {
        assertEquals("A good engineer tests their code.\n", run("A good engineer tests his code.\n", "rewrite"));
    }

    @Test
    void badModeIsAnErrorNamingTheValue() {
        assertTrue(EthosCli.execute("rewrite", "--mode", "loud", "--in", "/nonexistent") != 0);
    }
}
