package dev.ethos.safety.misinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ethos.Finding;
import dev.ethos.Generation;
import dev.ethos.GenerationRequest;
import dev.ethos.SafeGenerator;
import dev.ethos.Verdict;
import dev.ethos.testing.CollectingListener;
import dev.ethos.testing.ScriptedGenerator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MisinfoFilterTest {
    static final List<FactCheck> CHECKS = List.of(
            new FactCheck("Vaccines cause autism.", "en", FactCheck.Rating.FALSE, "https://fc.example/1", "2024-01-01"),
            new FactCheck("Microwave ovens make food radioactive.", "en", FactCheck.Rating.FALSE, "https://fc.example/2", ""),
            new FactCheck("Going outside with wet hair makes you catch a cold.", "en", FactCheck.Rating.MISLEADING,
                    "https://fc.example/3", ""),
            new FactCheck("Octopuses have three hearts.", "en", FactCheck.Rating.TRUE, "https://fc.example/4", ""),
            new FactCheck("Lightning never strikes the same place twice.", "en", FactCheck.Rating.FALSE,
                    "https://fc.example/5", ""),
            new FactCheck("Honey stored in a sealed container can remain edible for a very long time.", "en",
                    FactCheck.Rating.TRUE, "https://fc.example/6", ""),
            new FactCheck("吃味精会致癌。", "zh", FactCheck.Rating.FALSE, "https://fc.example/7", ""),
            new FactCheck("接种流感疫苗可以降低感染流感的风险。", "zh", FactCheck.Rating.TRUE, "https://fc.example/8", ""));
    static final MisinfoFilter FILTER = MisinfoFilter.builder().store(FactCheckStore.of(CHECKS)).currentYear(2026)
            .build();

    static Set<String> categories(String text) {
        return FILTER.check(text, null, List.of()).findings().stream().map(Finding::type).collect(Collectors.toSet());
    }

    @Test
    void knownFalseClaimIsFlaggedWithItsFactCheckUrl() {
        MisinfoFilter.Result r = FILTER.check("Vaccines cause autism, and parents should know it.", "en", List.of());
        assertEquals(Verdict.FLAG, r.verdict());
        Finding f = r.findings().get(0);
        assertEquals("known_false", f.type());
        assertEquals("https://fc.example/1", f.details().get("url"));
        assertTrue(f.reason().contains("https://fc.example/1"), f.reason());
        assertTrue(r.annotation().contains("https://fc.example/1"), r.annotation());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Octopuses have three hearts.",
        "An octopus has three hearts: two pump blood through the gills.",
        "Honey kept in a sealed jar stays edible for a very long time.",
        "接种流感疫苗能够降低感染流感的风险。"})
    void aSentenceMatchingATrueRatedClaimNeverFlags(String text) {
        MisinfoFilter.Result r = FILTER.check(text, null, List.of());
        assertEquals(Verdict.PASS, r.verdict(), () -> r.findings().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Vaccines do not cause autism.",
        "Vaccines don't cause autism; large studies found no link.",
        "Microwave ovens cannot make food radioactive.",
        "Going outside with wet hair does not make you catch a cold.",
        "Contrary to popular belief, lightning can strike the same place twice.",
        "吃味精不会致癌。",
        "吃味精会致癌的说法没有科学依据。"})
    void negatingAFalseClaimNeverFlags(String text) {
        assertFalse(categories(text).contains("known_false"), text);
    }

    @Test
    void lightningClaimWithItsOwnNegationStillMatchesWhenAsserted() {
        assertTrue(categories("Lightning never strikes the same place twice, so stand where it hit.").contains("known_false"));
        assertFalse(categories("Lightning can strike the same place more than once.").contains("known_false"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Food becomes radioactive when microwave ovens heat it.",
        "Autism is caused by vaccines.",
        "You catch a cold when you go outside with wet hair.",
        "味精吃多了会致癌，炒菜别放。"})
    void paraphrasesWithOtherWordOrderMatch(String text) {
        assertTrue(categories(text).contains("known_false"), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Is it true that vaccines cause autism?",
        "Some posts claimed vaccines cause autism; fact-checkers rated this false.",
        "In my novel, the villain insists that vaccines cause autism.",
        "It's a myth that microwave ovens make food radioactive.",
        "味精会致癌吗？"})
    void questionsReportsFictionAndDebunksAreNotFlagged(String text) {
        MisinfoFilter.Result r = FILTER.check(text, null, List.of());
        assertEquals(Verdict.PASS, r.verdict(), () -> text + " -> " + r.findings());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Drinking coffee cures cancer, so you can skip chemo.",
        "This herbal tea reverses type 2 diabetes in 30 days, guaranteed.",
        "这款茶喝三个月，糖尿病就能根治。"})
    void healthCures(String text) {
        assertTrue(categories(text).contains("health_cure"), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Antibiotics can cure strep throat when taken as prescribed.",
        "Drinking coffee does not cure cancer.",
        "大多数细菌性肺炎可以用抗生素治愈，但需遵医嘱。",
        "Please talk to your doctor before stopping any medication."})
    void provenMedicineAndAdviceAreNotHealthCures(String text) {
        assertFalse(categories(text).contains("health_cure"), text);
    }

    @Test
    void otherCategories() {
        assertTrue(categories("The government is hiding the cure for cancer from us.").contains("conspiracy"));
        assertTrue(categories("他们不想让你知道，相关部门一直在封锁消息。").contains("conspiracy"));
        assertTrue(categories("97% of doctors agree that breakfast is a waste of time.").contains("unsupported_statistic"));
        assertTrue(categories("研究表明，玩手机的人患痴呆的概率增加73%。").contains("unsupported_statistic"));
        assertFalse(categories("According to the CDC, the MMR vaccine is 97% effective against measles.")
                .contains("unsupported_statistic"));
        assertTrue(categories("Doctors hate this one weird trick. Click here before it gets deleted!")
                .contains("clickbait_lure"));
        assertFalse(categories("Click here to see our store hours.").contains("clickbait_lure"));
        assertTrue(categories("Smith (2087), Nature Neuroscience 14(3), 455-421.").contains("fabricated_citation"));
        assertTrue(categories("See doi:10.abcd/xyz for proof.").contains("fabricated_citation"));
        assertFalse(categories("Watson and Crick, Nature 171, 737-738 (1953), doi:10.1038/171737a0.")
                .contains("fabricated_citation"));
    }

    @Test
    void flagsCarrySentenceSpans() {
        String text = "Water boils at 100 degrees Celsius at sea level. Vaccines cause autism. 北京是中国的首都。";
        MisinfoFilter.Result r = FILTER.check(text, "en", List.of());
        assertEquals(1, r.findings().size(), r.findings().toString());
        Finding f = r.findings().get(0);
        assertEquals("Vaccines cause autism.", text.substring(f.span().start(), f.span().end()));
    }

    @Test
    void groundingFlagsAnInventedNumberAndNamesTheClosestSourceSpan() {
        String source = "The plant opened in 2019. Its revenue rose 12% in 2023, to 4.1 million euros.";
        MisinfoFilter.Result ok = FILTER.check("Revenue rose 12% in 2023.", "en", List.of(source));
        assertEquals(Verdict.PASS, ok.verdict(), () -> ok.findings().toString());
        MisinfoFilter.Result bad = FILTER.check("Revenue rose 45% in 2023.", "en", List.of(source));
        Finding f = bad.findings().get(0);
        assertEquals("unsupported_by_sources", f.type());
        assertTrue(f.reason().contains("45"), f.reason());
        int s = Integer.parseInt(f.details().get("sourceStart"));
        int e = Integer.parseInt(f.details().get("sourceEnd"));
        assertEquals("Its revenue rose 12% in 2023, to 4.1 million euros.", source.substring(s, e));
    }

    @Test
    void groundingFlagsAnInventedName() {
        String source = "Marie Curie won the Nobel Prize in Physics in 1903 and in Chemistry in 1911.";
        MisinfoFilter.Result r = FILTER.check("She later moved to Vienna and opened a bakery.", "en", List.of(source));
        assertEquals("unsupported_by_sources", r.findings().get(0).type());
    }

    @Test
    void blockAboveSeverityBlocksAndAnnotationIsInTheTextsLanguage() {
        MisinfoFilter blocking = MisinfoFilter.builder().store(FactCheckStore.of(CHECKS))
                .blockAbove(MisinfoCategory.KNOWN_FALSE, 0.5).build();
        assertEquals(Verdict.BLOCK, blocking.check("Vaccines cause autism.", "en", List.of()).verdict());
        MisinfoFilter.Result zh = FILTER.check("味精吃多了会致癌。", "zh", List.of());
        assertTrue(zh.annotation().startsWith("\n\n【提示】"), zh.annotation());
        assertTrue(zh.annotation().contains("https://fc.example/7"));
        MisinfoFilter flagOnly = MisinfoFilter.builder().store(FactCheckStore.of(CHECKS))
                .action(MisinfoCategory.KNOWN_FALSE, MisinfoAction.FLAG).build();
        MisinfoFilter.Result r = flagOnly.check("Vaccines cause autism.", "en", List.of());
        assertEquals(Verdict.FLAG, r.verdict());
        assertNull(r.annotation());
    }

    @Test
    void inAChainTheWarningIsAppendedAndStreamEqualsBatch() {
        String answer = "Here is what I found. Vaccines cause autism. Drink water every day.";
        SafeGenerator g = SafeGenerator.builder(ScriptedGenerator.answering(answer).chunked(3, 5, 11))
                .filter(FILTER).build();
        Generation batch = g.generate(GenerationRequest.of("tell me"));
        assertEquals(Verdict.FLAG, batch.verdict());
        assertTrue(batch.text().startsWith(answer));
        assertTrue(batch.text().contains("https://fc.example/1"), batch.text());
        CollectingListener l = new CollectingListener();
        g.stream(GenerationRequest.of("tell me"), l);
        assertEquals(batch.text(), l.text());
        List<Finding> fs = batch.report().outcomes().get(0).findings();
        assertEquals("known_false", fs.get(0).type());
        assertEquals("Vaccines cause autism.", answer.substring(fs.get(0).span().start(), fs.get(0).span().end()));
    }

    @Test
    void sourcesComeFromTheRequestAttribute() {
        SafeGenerator g = SafeGenerator.builder(ScriptedGenerator.answering("Revenue rose 45% in 2023."))
                .filter(FILTER).build();
        GenerationRequest req = GenerationRequest.builder().user("summarise")
                .attribute(MisinfoFilter.SOURCES_ATTRIBUTE, List.of("Revenue rose 12% in 2023.")).build();
        Generation out = g.generate(req);
        assertEquals("unsupported_by_sources", out.report().outcomes().get(0).findings().get(0).type());
        GenerationRequest bad = GenerationRequest.builder().user("x").attribute(MisinfoFilter.SOURCES_ATTRIBUTE, 42)
                .build();
        assertEquals(Verdict.BLOCK, g.generate(bad).verdict()); // fails closed, naming the attribute
    }

    @Test
    void badConfigurationIsRejectedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MisinfoFilter.builder().blockAbove(MisinfoCategory.HEALTH_CURE, 1.5));
        assertTrue(e.getMessage().contains("1.5"));
        e = assertThrows(IllegalArgumentException.class, () -> MisinfoFilter.builder().allowedDomains(List.of("a b")));
        assertTrue(e.getMessage().contains("a b"));
        e = assertThrows(IllegalArgumentException.class, () -> FILTER.check("x", "fr", List.of()));
        assertTrue(e.getMessage().contains("fr"));
        assertEquals(MisinfoCategory.HEALTH_CURE, MisinfoCategory.of("Health-Cure"));
        assertNotNull(MisinfoFilter.ofDefaults().store());
    }
}
