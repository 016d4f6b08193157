package dev.ethos.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class JsonlProcessorTest {
    private static String[] run(String input, int[] status) throws Exception {
        StringWriter sw = new StringWriter();
        status[0] = JsonlProcessor.run(new BufferedReader(new StringReader(input)), new PrintWriter(sw),
                (text, lang, in, out) -> {
                    out.addProperty("text", text.toUpperCase(java.util.Locale.ROOT));
                    out.addProperty("lang_seen", lang);
                });
        return sw.toString().split("\n");
    }

    @Test
    void goodLinesAreProcessedAndOtherKeysEchoed() throws Exception {
        int[] st = new int[1];
        String[] out = run("{\"id\": 7, \"text\": \"abc\", \"extra\": [1]}\n\n{\"id\": {\"k\": \"x\"}, \"text\": \"你好\"}\n", st);
        assertEquals(0, st[0]);
        assertEquals(2, out.length);
        assertEquals("{\"id\":7,\"extra\":[1],\"text\":\"ABC\",\"lang_seen\":\"en\"}", out[0]);
        assertEquals("{\"id\":{\"k\":\"x\"},\"text\":\"你好\",\"lang_seen\":\"zh\"}", out[1]);
    }

    @Test
    void malformedLinesYieldErrorsWithLineNumbersAndProcessingGoesOn() throws Exception {
        int[] st = new int[1];
        String[] out = run("{\"id\": 1, \"text\": \"a\"}\n{not json\n{\"id\": 3}\n{\"id\": 4, \"text\": \"b\", \"lang\": \"fr\"}\n"
                + "[1,2]\n{\"id\": 6, \"text\": \"c\"}\n", st);
        assertEquals(1, st[0]);
        assertEquals(6, out.length);
        assertEquals("{\"error\":\"line 2: malformed JSON at column 7\"}", out[1]);
        assertEquals("{\"id\":3,\"error\":\"line 3: \\\"text\\\" must be a string\"}", out[2]);
        assertEquals("{\"id\":4,\"error\":\"line 4: \\\"lang\\\" must be \\\"en\\\" or \\\"zh\\\"\"}", out[3]);
        assertEquals("{\"error\":\"line 5: expected a JSON object\"}", out[4]);
        assertTrue(out[5].contains("\"text\":\"C\""));
    }
}
