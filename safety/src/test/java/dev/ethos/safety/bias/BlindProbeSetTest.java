package dev.ethos.safety.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A blind probe set (80 records, 55 English and 25 Chinese), written from the policy before the
 * filter was run on it. At first sight it scored change_exact 54/54 and keep_exact 25/26 (a title
 * before a name at the start of a sentence, "Chairman Mao led his army", rewrote "his"); after
 * the general fix every record passes. The floors are what was reached, so a regression fails.
 */
class BlindProbeSetTest {
    private static final int MUST_CHANGE = 54;
    private static final int MUST_KEEP = 26;
    private static final int CHANGE_FLOOR = 54;
    private static final int KEEP_FLOOR = 26;

    @Test
    void meetsTheFloorOnTheBlindProbes() throws IOException {
        BiasFilter filter = BiasFilter.ofDefaults();
        int change = 0;
        int changeOk = 0;
        int keep = 0;
        int keepOk = 0;
        List<String> misses = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                BlindProbeSetTest.class.getResourceAsStream("probes_blind.jsonl"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonObject o = JsonParser.parseString(line).getAsJsonObject();
                String text = o.get("text").getAsString();
                String expected = o.get("expected").getAsString();
                String got = filter.rewrite(text).text();
                boolean ok = got.equals(expected);
                if (o.get("kind").getAsString().equals("generic")) {
                    change++;
                    changeOk += ok ? 1 : 0;
                } else {
                    keep++;
                    keepOk += ok ? 1 : 0;
                }
                if (!ok) {
                    misses.add(o.get("id").getAsString() + ": " + got);
                }
            }
        }
        assertEquals(MUST_CHANGE, change, "must-change records in probes_blind.jsonl");
        assertEquals(MUST_KEEP, keep, "must-not-change records in probes_blind.jsonl");
        assertTrue(changeOk >= CHANGE_FLOOR, "change_exact " + changeOk + "/" + change + " below the floor; misses " + misses);
        assertTrue(keepOk >= KEEP_FLOOR, "keep_exact " + keepOk + "/" + keep + " below the floor; misses " + misses);
    }

    @Test
    void aRoleUsedAsATitleBeforeANameIsSpecificAlsoAtTheStartOfASentence() {
        BiasFilter f = BiasFilter.ofDefaults();
        assertEquals("Chairman Okonkwo opened his speech with a joke.",
                f.rewrite("Chairman Okonkwo opened his speech with a joke.").text());
        assertEquals("Policeman Jones said he saw nothing.", f.rewrite("Policeman Jones said he saw nothing.").text());
        // a heading before a pronoun is not a name: the pronoun is still generic
        assertEquals("Chairman Of The Board: they must approve the budget.",
                f.rewrite("Chairman Of The Board: he must approve the budget.").text());
        assertEquals("A chairperson must know their members.", f.rewrite("A chairman must know his members.").text());
    }
}
