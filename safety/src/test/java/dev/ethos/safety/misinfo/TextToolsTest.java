package dev.ethos.safety.misinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sentences, terms, polarity and citation checks. */
class TextToolsTest {
    private static List<String> sentences(String text) {
        return Sentences.split(text).stream().map(r -> r.of(text)).toList();
    }

    @Test
    void splitsEnglishAndChineseSentences() {
        assertEquals(List.of("Dr. Smith et al. measured 3.5 kg.", "Then it fell!", "Why?"),
                sentences("Dr. Smith et al. measured 3.5 kg. Then it fell! Why?"));
        assertEquals(List.of("北京是首都。", "上海呢？", "好！"), sentences("北京是首都。上海呢？好！"));
        assertEquals(List.of("Line one", "Line two."), sentences("Line one\nLine two."));
        assertEquals(List.of("It costs $3.50 today.", "No."), sentences("It costs $3.50 today. No."));
    }

    @Test
    void termsIgnoreOrderFunctionWordsAndCommonParaphrases() {
        assertEquals(Set.copyOf(Terms.of("Vaccines cause autism.", "en")),
                Set.copyOf(Terms.of("Autism is caused by vaccination", "en")));
        assertEquals(Set.copyOf(Terms.of("Flu shots give you the flu", "en")),
                Set.copyOf(Terms.of("the flu vaccine causes flu", "en")));
        assertTrue(Terms.of("Swallowed gum stays seven years", "en").contains("7"));
        List<String> zh = Terms.of("吃味精会致癌", "zh");
        assertTrue(zh.contains("味精") && zh.contains("致癌") && zh.contains("吃"), zh.toString());
        assertFalse(zh.contains("会"));
        assertTrue(Terms.of("长期吃会得癌症", "zh").contains("致癌"));
    }

    @Test
    void polarity() {
        assertTrue(Polarity.negated("vaccines do not cause autism", "en"));
        assertTrue(Polarity.negated("bats aren't blind", "en"));
        assertFalse(Polarity.negated("not only vaccines but also", "en"));
        assertFalse(Polarity.negated("don't worry about your grades", "en")); // advice, not a denial
        assertTrue(Polarity.negated("味精不会致癌", "zh"));
        assertFalse(Polarity.negated("虾千万不能和维生素C一起吃", "zh")); // a prohibition agrees with the claim
        assertFalse(Polarity.negated("不断有人这样说", "zh"));
    }

    /** Gating only skips patterns that cannot match: results equal the ungated regexes. */
    @net.jqwik.api.Property(tries = 300)
    void gatedPatternsAgreeWithTheirRegexes(@net.jqwik.api.ForAll("phrases") String text) throws Exception {
        Class.forName(Stance.class.getName()); // register every gate before computing a mask
        Class.forName(Cues.class.getName());
        Class.forName(Citations.class.getName());
        String lower = Terms.lower(text);
        long mask = Gate.mask(lower);
        for (Class<?> c : List.of(Stance.class, Cues.class, Citations.class)) {
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                if (f.getType() == Gate.class) {
                    f.setAccessible(true);
                    Gate g = (Gate) f.get(null);
                    long m = f.getName().startsWith("ZH_") ? Gate.maskZh(lower) : mask; // each in its own bit space
                    assertEquals(g.pattern().matcher(lower).find(), g.find(lower, m), f.getName() + " on " + text);
                }
            }
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> phrases() {
        return net.jqwik.api.Arbitraries.of("doctors hate", "this one weird trick", "click the link", "cures cancer",
                "is a miracle cure for", "throw away your pills", "stop taking your blood pressure medication",
                "97% of doctors agree", "increases your risk by 40%", "studies show", "a harvard study proved",
                "they don't want you to know", "covering up", "the government", "in my opinion", "may help",
                "evidence is mixed", "according to the cdc", "it's a myth that", "fact-checkers rated this false",
                "in the novel", "once upon a time", "some posts claimed", "no evidence", "live nine years longer",
                "guaranteed", "100% effective", "in on it", "kept secret by", "watch before it's deleted", "iq",
                "unproven", "antiviral", "tumours", "heart attacks", "the", " ", ", ", "!!", "3.5", "people", "journal",
                "et al.", "vol. 0", "pp. 12-3", "published in", "according to the city office", "reuters reported")
                .list().ofMinSize(1).ofMaxSize(6).map(l -> String.join(" ", l));
    }

    /**
     * Gating only skips patterns that cannot match, on text assembled from the lexicons' own words
     * (so that gates open and patterns match often) with digits, apostrophes, hyphens and
     * punctuation between them, and letters glued on either side.
     */
    @net.jqwik.api.Property(tries = 1500)
    void gatedPatternsAgreeWithTheirRegexesOnLexiconWords(@net.jqwik.api.ForAll("lexiconText") String text)
            throws Exception {
        String lower = Terms.lower(text);
        long mask = Gate.mask(lower);
        for (Gate g : gates()) {
            assertEquals(g.pattern().matcher(lower).find(), g.find(lower, mask), g.pattern() + " on " + text);
        }
    }

    /** The Chinese gates agree with their regexes on text made of the Chinese lexicons' own pieces. */
    @net.jqwik.api.Property(tries = 1500)
    void chineseGatesAgreeWithTheirRegexes(@net.jqwik.api.ForAll("chineseLexiconText") String text) throws Exception {
        String lower = Terms.lower(text);
        long mask = Gate.maskZh(lower);
        for (Gate g : gates(true)) {
            assertEquals(g.pattern().matcher(lower).find(), g.find(lower, mask), g.pattern() + " on " + text);
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> chineseLexiconText() throws Exception {
        java.util.TreeSet<String> pieces = new java.util.TreeSet<>();
        for (Gate g : gates(true)) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("[\\p{IsHan}0-9%《》！？（）]+").matcher(g.pattern().pattern());
            while (m.find()) {
                String run = m.group();
                for (int i = 0; i < run.length(); i++) {
                    pieces.add(run.substring(i, Math.min(run.length(), i + 1 + i % 3)));
                }
                pieces.add(run);
            }
        }
        net.jqwik.api.Arbitrary<String> piece = net.jqwik.api.Arbitraries.of(List.copyOf(pieces));
        net.jqwik.api.Arbitrary<String> glue = net.jqwik.api.Arbitraries.of("", "", "", "，", "。", "的", "了", " ", "3",
                "a", "！！", "？", "吗", "《", "》", "局");
        return net.jqwik.api.Combinators.combine(piece, glue).as((w, g) -> w + g).list().ofMinSize(1).ofMaxSize(8)
                .map(l -> String.join("", l));
    }

    private static List<Gate> gates() throws Exception {
        return gates(false);
    }

    private static List<Gate> gates(boolean chinese) throws Exception {
        List<Gate> out = new java.util.ArrayList<>();
        for (Class<?> c : List.of(Stance.class, Cues.class, Citations.class)) {
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                if (f.getType() == Gate.class && f.getName().startsWith("ZH_") == chinese) {
                    f.setAccessible(true);
                    out.add((Gate) f.get(null));
                }
            }
        }
        return out;
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> lexiconText() throws Exception {
        java.util.TreeSet<String> words = new java.util.TreeSet<>();
        for (Gate g : gates()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("[a-z][a-z'-]*").matcher(g.pattern().pattern());
            while (m.find()) {
                words.add(m.group());
            }
        }
        net.jqwik.api.Arbitrary<String> word = net.jqwik.api.Arbitraries.of(List.copyOf(words));
        net.jqwik.api.Arbitrary<String> glue = net.jqwik.api.Arbitraries.of(" ", " ", " ", "  ", ", ", ". ", "-", "'",
                "", "s ", "x", " 3 ", "97% ", " 1,000 ", "!! ", " (", ") ", "\n");
        return net.jqwik.api.Combinators.combine(word, glue).as((w, g) -> w + g).list().ofMinSize(1).ofMaxSize(8)
                .map(l -> String.join("", l));
    }

    @Test
    void aSequenceNeedsBothOfItsRarestParts() {
        Gate g = Gate.of("\\b(makes? you immune|(\\d+|one|two) (out )?of (every )?(\\d+|ten) (people|adults))\\b");
        // "make" without "immune"; "people" without a digit or a word starting "ten" ("often", "listen" do not count)
        for (String s : List.of("make your phone money work", "toner of people", "people often listen to money")) {
            assertFalse(g.possible(Gate.mask(s)), s);
        }
        for (String s : List.of("it makes you immune", "one of every ten people", "7 out of 10 adults")) {
            assertTrue(g.possible(Gate.mask(s)) && g.find(s, Gate.mask(s)), s);
        }
    }

    @Test
    void wordInitialKeysOnlyWhereTheRegexPutsANonLetterBefore() {
        for (String re : List.of("[a-z]zqj\\b", "-?zqj", "(a|-)zqj", "x\\bzqj|[\\w]zqj", "(?:a-)?zqj")) {
            Gate g = Gate.of(re);
            for (String s : List.of("azqj", "a-zqj", "zqj")) {
                assertEquals(g.pattern().matcher(s).find(), g.find(s, Gate.mask(s)), re + " on " + s);
            }
        }
        Gate initial = Gate.of("(\\b|^|[ '])zqv");
        assertTrue(initial.find("the zqv", Gate.mask("the zqv")));
        assertFalse(initial.possible(Gate.mask("azqv")), "a word-initial key needs the word to start there");
    }

    /** The regex-free word split in {@link Polarity} gives the non-empty pieces of the regex split. */
    @net.jqwik.api.Property(tries = 500)
    void polarityWordsMatchTheRegexSplit(@net.jqwik.api.ForAll("clauseText") String s) {
        List<String> expected = java.util.Arrays.stream(s.split("[^a-z']+")).filter(w -> !w.isEmpty()).toList();
        assertEquals(expected, Polarity.words(s));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> clauseText() {
        return net.jqwik.api.Arbitraries.strings().withChars("ab'n t,.-Z9’é").ofMaxLength(30);
    }

    @Test
    void citations() {
        Citations c = new Citations(Set.of(), 2026);
        assertTrue(c.check("Wakefield (doi:10.1016/S0140-6736(97)11096-0) was retracted in 2010.").isEmpty());
        assertTrue(c.check("N Engl J Med 2020;383:2603-2615, doi:10.1056/NEJMoa2034577.").isEmpty());
        assertFalse(c.check("See doi:10.abcd/xyz.").isEmpty());
        assertFalse(c.check("DOI：10.中国/xyz-2020-123，研究证明").isEmpty());
        assertFalse(c.check("source: http//www.nejm.org/a").isEmpty());
        assertFalse(c.check("source: https://www.nejm..org/a").isEmpty());
        assertTrue(c.check("source: https://www.nejm.org/doi/full/10.1056/NEJMoa2034577").isEmpty());
        assertFalse(c.check("Journal of X, vol. 0, issue 2 (2019).").isEmpty());
        assertFalse(c.check("Published in The Lancet, February 30, 2021.").isEmpty());
        assertTrue(c.check("Published in The Lancet, February 28, 2021.").isEmpty());
        assertFalse(c.check("《中华医学杂志》2099年第0卷第0期").isEmpty());
        assertFalse(c.check("Nature Neuroscience, 14(3), 455-421.").isEmpty());
        assertTrue(c.check("Nature Neuroscience, 14(3), 455-471.").isEmpty());
        assertTrue(c.check("The year 2099 may bring flying cars.").isEmpty()); // no citation, no year check
        Citations allow = new Citations(Set.of("who.int", "nature.com"), 2026);
        assertTrue(allow.check("See https://www.who.int/news.").isEmpty());
        assertEquals("domain not on the allow-list", allow.check("See https://health-truth.example/x.").get(0).rule());
    }
}
