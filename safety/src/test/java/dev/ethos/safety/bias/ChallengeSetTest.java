package dev.ethos.safety.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The team's own regression set (written for this filter, independent of the shared dev set):
 * generic, specific and neutral texts in English and Chinese with the expected rewrite.
 */
class ChallengeSetTest {
    static Stream<Arguments> records() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                ChallengeSetTest.class.getResourceAsStream("challenge.jsonl"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    JsonObject o = JsonParser.parseString(line).getAsJsonObject();
                    out.add(Arguments.of(o.get("id").getAsString(), o.get("text").getAsString(),
                            o.get("expected").getAsString()));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void rewritesAsExpected(String id, String text, String expected) {
        assertEquals(expected, BiasFilter.ofDefaults().rewrite(text).text(), id);
    }
}
