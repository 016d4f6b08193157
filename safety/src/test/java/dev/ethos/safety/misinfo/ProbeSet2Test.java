package dev.ethos.safety.misinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.ethos.Finding;
import dev.ethos.Verdict;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The second probe round ({@code probes2.jsonl}: paraphrases of the store's claims, hedged, negated and
 * True-rated variants, new cue phrasings, hard negatives; written per the policy before the filter was
 * changed), run <em>with</em> the fact-check store ({@code factchecks.jsonl}, a copy of the shared
 * store). Not every item passes, so this is a floor: at least {@link #FLOOR} items right (flag items
 * flagged with their category among the flags, ok items not flagged at all) and no ok item flagged.
 * Raise the floor when the filter improves; a change that loses an item fails here.
 */
class ProbeSet2Test {
    /** Items right when this round ended (291 of 296); the five misses are listed in docs/misinfo.md. */
    static final int FLOOR = 291;

    private static MisinfoFilter filter;

    record Item(String id, String lang, String text, String label, String category) {
    }

    @BeforeAll
    static void load() throws URISyntaxException, IOException {
        FactCheckStore store = FactCheckStore.load(Path.of(ProbeSet2Test.class.getResource("factchecks.jsonl").toURI()));
        assertEquals(60, store.size());
        filter = MisinfoFilter.builder().store(store).build();
    }

    static List<Item> items() throws IOException {
        List<Item> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                ProbeSet2Test.class.getResourceAsStream("probes2.jsonl"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    JsonObject o = JsonParser.parseString(line).getAsJsonObject();
                    out.add(new Item(o.get("id").getAsString(), o.get("lang").getAsString(), o.get("text").getAsString(),
                            o.get("label").getAsString(), o.get("category").getAsString()));
                }
            }
        }
        return out;
    }

    @Test
    void probeRoundTwoStaysAtItsFloorWithNoFalseFlags() throws IOException {
        List<Item> items = items();
        assertEquals(296, items.size());
        List<String> falseFlags = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        for (Item it : items) {
            MisinfoFilter.Result r = filter.check(it.text(), it.lang(), List.of());
            List<String> types = r.findings().stream().map(Finding::type).collect(Collectors.toList());
            if ("ok".equals(it.label())) {
                if (r.verdict() != Verdict.PASS) {
                    falseFlags.add(it.id() + " " + types + ": " + it.text());
                }
            } else if (!types.contains(it.category())) {
                misses.add(it.id() + " wanted " + it.category() + ", got " + types + ": " + it.text());
            }
        }
        assertTrue(falseFlags.isEmpty(), "ok items flagged: " + falseFlags);
        int right = items.size() - misses.size();
        assertTrue(right >= FLOOR, right + " of " + items.size() + " right, floor " + FLOOR + "; misses: " + misses);
    }

    @Test
    void storeClaimParaphrasesMatchTheirOwnRecordOnly() throws IOException {
        // A known_false item must be matched to a False/Misleading record, never flagged from a True one.
        for (Item it : items()) {
            if (!"known_false".equals(it.category())) {
                continue;
            }
            for (Finding f : filter.check(it.text(), it.lang(), List.of()).findings()) {
                if (f.type().equals("known_false")) {
                    String rating = f.details().get("rating");
                    assertTrue(rating.equals("FALSE") || rating.equals("MISLEADING"), it.id() + " " + rating);
                }
            }
        }
    }
}
