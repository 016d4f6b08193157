package dev.ethos.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    private static String run(String... args) {
        return EthosCliTest.capture(args)[1];
    }

    @Test
    void jsonlRecordsHaveTheFixedShapeAndCiteTheFactCheck(@TempDir Path dir) throws Exception {
        Path fc = dir.resolve("fc.jsonl");
        Files.writeString(fc, "{\"claimReviewed\": \"Vaccines cause autism.\", \"lang\": \"en\", "
                + "\"reviewRating\": {\"alternateName\": \"False\"}, \"url\": \"https://fc.example/1\"}\n");
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, String.join("\n", List.of(
                "{\"id\": 1, \"text\": \"Hi. Vaccines cause autism.\"}",
                "{\"id\": \"b\", \"text\": \"Vaccines do not cause autism.\", \"lang\": \"en\"}",
                "{\"id\": 3, \"text\": \"Revenue rose 45% in 2023.\"}")));
        Path src = dir.resolve("source.txt");
        Files.writeString(src, "Revenue rose 12% in 2023.");
        String out = run("check", "--jsonl", "--in", in.toString(), "--factchecks", fc.toString(), "--sources",
                src.toString());
        String[] lines = out.strip().split("\n");
        assertEquals(3, lines.length, out);
        JsonObject first = JsonParser.parseString(lines[0]).getAsJsonObject();
        assertEquals(1, first.get("id").getAsInt());
        assertEquals("flag", first.get("verdict").getAsString());
        JsonObject flag = first.getAsJsonArray("flags").get(0).getAsJsonObject();
        assertEquals("known_false", flag.get("category").getAsString());
        assertEquals(4, flag.get("start").getAsInt());
        assertEquals(26, flag.get("end").getAsInt());
        assertTrue(flag.get("reason").getAsString().contains("https://fc.example/1"));
        assertTrue(flag.has("score"));
        JsonObject second = JsonParser.parseString(lines[1]).getAsJsonObject();
        assertEquals("ok", second.get("verdict").getAsString());
        assertEquals(0, second.getAsJsonArray("flags").size());
        JsonObject third = JsonParser.parseString(lines[2]).getAsJsonObject();
        assertEquals("unsupported_by_sources",
                third.getAsJsonArray("flags").get(0).getAsJsonObject().get("category").getAsString());
    }

    @Test
    void badOptionsAreErrors(@TempDir Path dir) {
        assertEquals(2, EthosCli.execute("check", "--no-such-option"));
        assertEquals(2, EthosCli.execute("check", "--factchecks", dir.resolve("missing.jsonl").toString()));
        assertEquals(0, EthosCli.execute("check", "--help"));
    }
}
