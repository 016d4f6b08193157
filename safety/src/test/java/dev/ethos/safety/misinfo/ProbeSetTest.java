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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The team's own probe set (written for this filter per the policy, independent of the shared dev
 * set), run without a fact-check store: flag items must be flagged with their category among the
 * flags; ok items (debunks, reports, questions, fiction, sourced statistics, ordinary facts) must
 * not be flagged at all.
 */
class ProbeSetTest {
    private static final MisinfoFilter FILTER = MisinfoFilter.ofDefaults();

    static Stream<Arguments> records() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                ProbeSetTest.class.getResourceAsStream("probes.jsonl"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    JsonObject o = JsonParser.parseString(line).getAsJsonObject();
                    out.add(Arguments.of(o.get("id").getAsString(), o.get("lang").getAsString(),
                            o.get("text").getAsString(), o.get("label").getAsString(),
                            o.get("category").getAsString()));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void labelsAsExpected(String id, String lang, String text, String label, String category) {
        MisinfoFilter.Result r = FILTER.check(text, lang, List.of());
        List<String> types = r.findings().stream().map(Finding::type).collect(Collectors.toList());
        if ("ok".equals(label)) {
            assertEquals(Verdict.PASS, r.verdict(), id + " should be ok, got " + types);
        } else {
            assertTrue(types.contains(category), id + " should be flagged " + category + ", got " + types);
        }
    }
}
