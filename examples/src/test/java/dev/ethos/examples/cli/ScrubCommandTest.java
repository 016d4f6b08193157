package dev.ethos.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScrubCommandTest {
    @TempDir
    Path dir;

    private String run(String... args) {
        return EthosCliTest.capture(args)[1];
    }

    @Test
    void jsonlRecordsHaveTheFixedShape() throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{\"id\": 7, \"text\": \"Mail bob@example.com now\", \"lang\": \"en\"}\n"
                + "{\"id\": \"z\", \"text\": \"请联系王建国先生，电话13800138000。\"}\n");
        String[] lines = run("scrub", "--jsonl", "--in", in.toString()).strip().split("\n");
        assertEquals(2, lines.length);
        JsonObject a = JsonParser.parseString(lines[0]).getAsJsonObject();
        assertEquals(7, a.get("id").getAsInt());
        assertEquals("Mail <EMAIL_ADDRESS_1> now", a.get("text").getAsString());
        JsonObject f = a.getAsJsonArray("findings").get(0).getAsJsonObject();
        assertEquals("EMAIL_ADDRESS", f.get("type").getAsString());
        assertEquals(5, f.get("start").getAsInt());
        assertEquals(20, f.get("end").getAsInt());
        assertTrue(f.get("score").getAsDouble() > 0.5);
        JsonObject b = JsonParser.parseString(lines[1]).getAsJsonObject();
        assertEquals("请联系<PERSON_1>先生，电话<PHONE_NUMBER_1>。", b.get("text").getAsString());
    }

    @Test
    void entitiesAndOperatorOptions() throws Exception {
        Path in = dir.resolve("in.txt");
        Files.writeString(in, "Card 4111 1111 1111 1111 for bob@example.com");
        assertEquals("Card **** **** **** 1111 for bob@example.com",
                run("scrub", "--in", in.toString(), "--entities", "CREDIT_CARD", "--operator", "mask"));
        assertEquals(2, EthosCli.execute("scrub", "--in", in.toString(), "--operator", "hash"));
        assertEquals(2, EthosCli.execute("scrub", "--in", in.toString(), "--entities", "NOPE"));
        assertEquals(2, EthosCli.execute("scrub", "--bogus"));
    }
}
