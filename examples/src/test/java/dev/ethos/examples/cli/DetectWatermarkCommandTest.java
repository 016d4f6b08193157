package dev.ethos.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectWatermarkCommandTest {
    static final String KEY = "hex:00112233445566778899aabbccddeeff";

    @Test
    void detectsOnTheBuiltinModelsTokens(@TempDir Path dir) throws Exception {
        String[] gen = EthosCliTest.capture("generate", "--prompt", "Write a job ad for a software engineer.",
                "--max-tokens", "60", "--temperature", "1.0", "--seed", "3", "--watermark-key", KEY);
        assertEquals("0", gen[0], gen[2]);
        Path text = Files.writeString(dir.resolve("out.txt"), gen[1]);
        String[] r = EthosCliTest.capture("detect-watermark", "--watermark-key", KEY, "--in", text.toString());
        assertEquals("0", r[0], r[2]);
        JsonObject o = JsonParser.parseString(r[1]).getAsJsonObject();
        assertTrue(o.get("tokens").getAsInt() > 5, r[1]);
        assertTrue(o.get("scored").getAsInt() <= o.get("tokens").getAsInt());
        assertTrue(o.get("p").getAsDouble() > 0 && o.get("p").getAsDouble() <= 1);
        assertEquals(o.get("z").getAsDouble() >= 4.0, o.get("watermarked").getAsBoolean());
        assertTrue(!r[1].contains("00112233445566778899aabbccddeeff"), "the key never appears in output");
    }

    @Test
    void refusesModelsWithoutATokenizer() {
        String[] r = EthosCliTest.capture("detect-watermark", "--watermark-key", KEY, "--model", "scripted:hello",
                "--in", "/dev/null");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("needs a local djl: model"), r[2]);
    }
}
