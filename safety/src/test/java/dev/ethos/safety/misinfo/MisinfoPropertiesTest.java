package dev.ethos.safety.misinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ethos.Finding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of matching and flagging over generated claims and texts. */
class MisinfoPropertiesTest {
    private static final String[] SUBJECTS = {"garlic", "vinegar", "turmeric", "bananas", "coffee", "tap water",
        "wifi routers", "sunscreen", "chocolate", "green tea", "cold showers", "magnets", "onions", "tomatoes"};
    private static final String[] VERBS = {"causes", "prevents", "worsens", "reverses"};
    private static final String[] OBJECTS = {"baldness in teenagers", "kidney stones in adults", "memory loss in pilots",
        "tooth decay in athletes", "night blindness in sailors", "back pain in drivers", "hiccups in infants",
        "migraines in gamers", "insomnia in nurses", "allergies in farmers"};

    /** A store of every subject × verb × object claim, False or True by a fixed rule. */
    static final List<FactCheck> GENERATED = generate();
    static final FactCheckStore STORE = FactCheckStore.of(GENERATED);
    static final MisinfoFilter FILTER = MisinfoFilter.builder().store(STORE).currentYear(2026).build();

    static List<FactCheck> generate() {
        List<FactCheck> out = new ArrayList<>();
        int n = 0;
        for (String s : SUBJECTS) {
            for (String v : VERBS) {
                for (String o : OBJECTS) {
                    n++;
                    FactCheck.Rating r = n % 5 == 0 ? FactCheck.Rating.TRUE : FactCheck.Rating.FALSE;
                    out.add(new FactCheck(capital(s) + " " + v + " " + o + ".", "en", r, "https://fc.example/g" + n, ""));
                }
            }
        }
        return out;
    }

    static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    @Provide
    Arbitrary<FactCheck> falseClaims() {
        return Arbitraries.of(GENERATED.stream().filter(f -> f.rating().flags()).toList());
    }

    @Provide
    Arbitrary<FactCheck> trueClaims() {
        return Arbitraries.of(GENERATED.stream().filter(f -> !f.rating().flags()).toList());
    }

    private static String flagUrl(String text) {
        for (Finding f : FILTER.check(text, "en", List.of()).findings()) {
            if (f.type().equals("known_false")) {
                return f.details().get("url");
            }
        }
        return null;
    }

    @Property(tries = 150)
    void aClaimWithShuffledWordOrderStillMatches(@ForAll("falseClaims") FactCheck fc, @ForAll long seed) {
        List<String> words = new ArrayList<>(List.of(fc.claim().replace(".", "").toLowerCase().split(" ")));
        Collections.shuffle(words, new Random(seed));
        String shuffled = capital(String.join(" ", words)) + ".";
        assertEquals(fc.url(), flagUrl(shuffled), shuffled);
    }

    @Property(tries = 100)
    void aNegatedFalseClaimNeverFlags(@ForAll("falseClaims") FactCheck fc,
                                      @ForAll @IntRange(min = 0, max = 3) int form) {
        String c = fc.claim().replace(".", "");
        String text = switch (form) {
            case 0 -> c.replaceFirst(" (causes|prevents|worsens|reverses) ", " does not $1 ").replace("does not causes",
                    "does not cause").replace("does not prevents", "does not prevent").replace("does not reverses",
                    "does not reverse").replace("does not worsens", "does not worsen") + ".";
            case 1 -> "It is a myth that " + c.toLowerCase() + ".";
            case 2 -> "There is no evidence that " + c.toLowerCase() + ".";
            default -> "Is it true that " + c.toLowerCase() + "?";
        };
        assertFalse(FILTER.check(text, "en", List.of()).findings().stream().anyMatch(f -> f.type().equals("known_false")),
                text);
    }

    @Property(tries = 100)
    void aTrueRatedClaimNeverFlags(@ForAll("trueClaims") FactCheck fc) {
        assertEquals(List.of(), FILTER.check(fc.claim(), "en", List.of()).findings(), fc.claim());
        assertEquals(List.of(), FILTER.check("Remember: " + fc.claim(), "en", List.of()).findings(), fc.claim());
    }

    @Property(tries = 200)
    void spansLieInsideTheTextAndAnalysisNeverFails(@ForAll("texts") String text) {
        for (Finding f : FILTER.check(text, null, List.of(text.length() > 5 ? text.substring(3) : "x")).findings()) {
            assertTrue(f.span().start() >= 0 && f.span().end() <= text.length() && f.span().start() < f.span().end(),
                    f.toString());
            assertTrue(f.score() > 0 && f.score() <= 1);
        }
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> pieces = Arbitraries.of("Vaccines cause autism.", "Click here!", "研究表明，", "97% of",
                "doi:10.", "http//x..org ", "Is it true?", " ", "。", "\n", "Garlic causes kidney stones in adults. ",
                "(2099) vol. 0 ", "February 30, 2021", "他们不想让你知道", "cures cancer", "not ", "🙂", "\uD83D");
        return pieces.list().ofMaxSize(12).map(l -> String.join("", l));
    }

    @Property(tries = 50)
    void everyClaimFindsItselfFirst(@ForAll("falseClaims") FactCheck fc) {
        List<ClaimMatch> m = STORE.find(fc.claim(), "en");
        assertFalse(m.isEmpty(), fc.claim());
        assertEquals(fc.claim(), m.get(0).factCheck().claim());
        assertTrue(m.get(0).asserted());
    }
}
