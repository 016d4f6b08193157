package dev.ethos.safety.misinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ethos.Finding;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The filter never throws on odd numbers: long digit runs (card, reference and tracking numbers)
 * next to the words the citation checks read (volume, issue, number, pages, 第…卷, dates).
 */
class MisinfoRobustnessTest {
    private static final MisinfoFilter FILTER = MisinfoFilter.builder()
            .store(FactCheckStore.of(MisinfoPropertiesTest.GENERATED)).currentYear(2026).build();

    @Test
    void aLongNumberAfterACitationWordIsNoCitationProblem() {
        String text = "The reference number 5610627047095877 appears on your receipt.";
        List<Finding> f = FILTER.check(text, "en", List.of()).findings();
        assertTrue(f.stream().noneMatch(x -> x.type().equals("fabricated_citation")), f.toString());
        // A real impossible volume is still one.
        String bad = "Smith et al., Journal of Medicine, vol. 0, pp. 12-19 (2019).";
        assertTrue(FILTER.check(bad, "en", List.of()).findings().stream()
                .anyMatch(x -> x.type().equals("fabricated_citation")), bad);
    }

    @Test
    void numbersSaturateInsteadOfOverflowing() {
        assertEquals(12, Citations.number("12"));
        assertEquals(-3, Citations.number("-3"));
        assertEquals(999_999_999, Citations.number("5610627047095877"));
        assertEquals(-999_999_999, Citations.number("-99999999999999999999"));
    }

    @Provide
    Arbitrary<String> oddTexts() {
        Arbitrary<String> digits = Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(30);
        Arbitrary<String> word = Arbitraries.of("vol.", "volume", "issue", "no.", "number", "pp.", "pages", "doi:",
                "et al.", "Journal", "reference", "PMID:", "month", "第", "卷", "期", "月", "日", "年", "-", "(", ")",
                "–", ",", ":", "study", "cures", "click", "https://example.org/a", "10.", "/", "2019", "Feb.", "研究");
        Arbitrary<String> piece = Arbitraries.oneOf(digits, word, digits.map(d -> "-" + d),
                Combinators.combine(digits, digits).as((a, b) -> a + "(" + b + ")"));
        return piece.list().ofMinSize(1).ofMaxSize(14).map(l -> String.join(" ", l) + ".");
    }

    @Property(tries = 400)
    void neverThrowsOnOddNumbers(@ForAll("oddTexts") String text, @ForAll boolean chinese) {
        String lang = chinese ? "zh" : "en";
        FILTER.check(text, lang, List.of());
        FILTER.check(text.replace(" ", ""), lang, List.of());
    }
}
