package dev.ethos.safety.misinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactCheckStoreTest {
    @Test
    void loadsJsonLinesArraysClaimReviewAndFactCheckToolsShapes(@TempDir Path dir) throws IOException {
        Path jsonl = dir.resolve("a.jsonl");
        Files.writeString(jsonl, "{\"claimReviewed\": \"Vaccines cause autism.\", \"lang\": \"en\", "
                + "\"reviewRating\": {\"alternateName\": \"False\"}, \"url\": \"https://x/1\", \"datePublished\": \"2024-01-08\"}\n"
                + "\n"
                + "{\"claimReviewed\": \"吃味精会致癌。\", \"reviewRating\": {\"alternateName\": \"错误\"}, \"url\": \"https://x/2\"}\n");
        List<FactCheck> a = FactCheckLoader.read(jsonl);
        assertEquals(2, a.size());
        assertEquals(FactCheck.Rating.FALSE, a.get(0).rating());
        assertEquals("2024-01-08", a.get(0).datePublished());
        assertEquals("zh", a.get(1).lang()); // detected
        Path array = dir.resolve("b.json");
        Files.writeString(array, "[\n {\"@type\": \"ClaimReview\", \"claimReviewed\": \"Bats are blind.\",\n"
                + "  \"inLanguage\": {\"name\": \"en-US\"}, \"reviewRating\": {\"@type\": \"Rating\", \"alternateName\": \"Mostly False\"}},\n"
                + " {\"claimReviewed\": \"Octopuses have three hearts.\", \"reviewRating\": {\"alternateName\": \"True\"}}\n]");
        List<FactCheck> b = FactCheckLoader.read(array);
        assertEquals(List.of(FactCheck.Rating.FALSE, FactCheck.Rating.TRUE), b.stream().map(FactCheck::rating).toList());
        assertEquals("en", b.get(0).lang());
        List<FactCheck> c = FactCheckLoader.parse("{\"claims\": [{\"text\": \"5G spreads the coronavirus.\", "
                + "\"claimReview\": [{\"textualRating\": \"Misleading\", \"url\": \"https://x/3\", \"languageCode\": \"en\"}]}]}",
                "api.json");
        assertEquals(FactCheck.Rating.MISLEADING, c.get(0).rating());
        assertEquals("https://x/3", c.get(0).url());
        FactCheckStore store = FactCheckStore.load(jsonl, array);
        assertEquals(4, store.size());
    }

    @Test
    void malformedRecordsNameTheFileAndLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FactCheckLoader.parse(
                "{\"claimReviewed\": \"a\", \"reviewRating\": {\"alternateName\": \"False\"}}\n{oops\n", "f.jsonl"));
        assertTrue(e.getMessage().contains("f.jsonl line 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FactCheckLoader.parse("{\"url\": \"x\"}", "g.json"));
        assertTrue(e.getMessage().contains("claimReviewed"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new FactCheck("x", "fr", FactCheck.Rating.FALSE, "", ""));
        assertTrue(e.getMessage().contains("fr"));
        assertThrows(IllegalArgumentException.class, () -> FactCheckLoader.read(Path.of("/no/such/file.jsonl")));
    }

    @Test
    void ratingsParse() {
        assertEquals(FactCheck.Rating.FALSE, FactCheck.Rating.parse("Pants on Fire"));
        assertEquals(FactCheck.Rating.MISLEADING, FactCheck.Rating.parse("Missing context"));
        assertEquals(FactCheck.Rating.TRUE, FactCheck.Rating.parse("True"));
        assertEquals(FactCheck.Rating.OTHER, FactCheck.Rating.parse("Unproven"));
        assertFalse(FactCheck.Rating.TRUE.flags());
        assertTrue(FactCheck.Rating.MISLEADING.flags());
    }

    @Test
    void findsClaimsAmongTenThousandAndEstimatesItsMemory() {
        Random rnd = new Random(7);
        String[] vocab = new String[3000];
        for (int i = 0; i < vocab.length; i++) {
            vocab[i] = "w" + Integer.toString(i, 36) + "x";
        }
        List<FactCheck> list = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < 6; k++) {
                sb.append(vocab[rnd.nextInt(vocab.length)]).append(' ');
            }
            list.add(new FactCheck(sb.toString().trim() + ".", "en", FactCheck.Rating.FALSE, "u" + i, ""));
        }
        FactCheckStore store = FactCheckStore.of(list);
        int found = 0;
        for (int i = 0; i < 10_000; i += 97) {
            String claim = list.get(i).claim();
            String sentence = "Reportedly " + claim.replace(".", "") + " today.";
            List<ClaimMatch> m = store.find(sentence, "en");
            if (!m.isEmpty() && m.get(0).factCheck() == list.get(i)) {
                found++;
            }
        }
        assertEquals(104, found); // every probed claim, even inside a longer sentence
        long bytes = store.estimatedBytes();
        assertTrue(bytes / 10_000 > 256 && bytes / 10_000 < 2000, "bytes per claim: " + bytes / 10_000);
        assertEquals(List.of(), store.find("Completely unrelated words here.", "en"));
        assertEquals(List.of(), store.find(list.get(0).claim(), "zh"));
    }
}
