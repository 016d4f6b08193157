package dev.ethos.safety.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ethos.GenerationRequest;
import dev.ethos.SafeGenerator;
import dev.ethos.testing.CollectingListener;
import dev.ethos.testing.ScriptedGenerator;
import dev.ethos.text.TextEdit;
import dev.ethos.text.TextEdits;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the bias filter over generated English and Chinese prose. */
class BiasPropertiesTest {
    private static final BiasFilter FILTER = BiasFilter.ofDefaults();

    /** Every word the filter may change; a text without them must come back byte for byte. */
    private static final Pattern GENDERED = Pattern.compile(
            "(?i)(?<![\\p{L}'’-])(he|she|him|his|her|hers|himself|herself|s|[a-z]*(man|men|woman|women)|"
                    + "[a-z]*(ess|esses)|manpower|man-made|manmade|headmasters?)(?![\\p{L}-])|他|她|空姐|空少|男保姆|男护士|男幼师");

    // ---------------------------------------------------------------------------------------------
    // Generators

    private static final List<String> GENERIC_SUBJECTS = List.of("A developer", "Each applicant", "The user",
            "Anyone who applies", "Your child", "The ideal candidate", "Every employee", "A good nurse",
            "Someone", "The tenant", "A new hire", "If a doctor is busy, the patient");
    private static final List<String> SPECIFIC_SUBJECTS = List.of("My mother", "John", "Ms. Rivera", "The king",
            "My brother Sam", "Marie Curie", "Our CEO, Mr. Patel,", "Yesterday the plumber", "The bride");
    private static final List<String> VERB_PHRASES = List.of("writes code", "is late", "has a question",
            "goes home early", "does the review", "says hello", "tries again", "watches the logs", "fixes bugs",
            "studies the manual", "can leave", "wrote a report", "was here");
    private static final List<String> PRONOUN_CLAUSES = List.of("he says", "she tries hard", "his badge is ready",
            "her own laptop is new", "tell her the news", "let him explain", "he's completed the course",
            "she's locked out", "he'll call", "she'd agree", "he himself signs", "it is his", "he or she decides",
            "his/her form arrives", "s/he knows", "he doesn't care", "she isn't sure", "they are fine",
            "he usually hurts his back", "she sings and dances", "ask him or her", "does he know");
    // Not "the waitress": its neutral form "server" is no person noun on a second pass (computer
    // servers), so idempotence fails when a later "he" can take it as antecedent (docs/bias.md).
    private static final List<String> ROLE_PHRASES = List.of("the chairman", "a fireman", "two policemen",
            "an anchorman", "the stewardess", "our salesmen", "mankind", "man-made fibres", "manpower shortages",
            "Congressman Smith", "the spokesman's office", "a manager", "the human crew", "Manchester",
            "a chairperson", "the firefighters", "the stewardess", "my grandfather, a postman,", "Mr. Lopez, the chairman,",
            "policemen and policewomen", "a chairman or chairwoman", "the actress Emma Stone", "https://x.org/he/",
            "`he`", "\"his\" or \"hers\"");
    private static final List<String> ZH_SENTENCES = List.of("一名合格的软件工程师，他需要写测试。",
            "每位申请人都应提交他的简历。", "如果医生发现问题，他应该立即处理。", "我妈妈说她明天会来。", "女司机在雨天要小心。",
            "空姐需要演示安全带。", "用户登录后，他/她可以查看订单。", "其他同事已经完成了任务。", "利他主义关心他人。",
            "居里夫人获得了她的第二个诺贝尔奖。", "每个学生都要对他自己的作业负责。", "男人天生就比女人更理性。",
            "我姐姐是一名空姐，她很忙。", "那个女博士后来去了美国，她现在是教授。", "营养师会为他制定计划。");

    @Provide
    Arbitrary<String> prose() {
        Arbitrary<String> en = Combinators.combine(
                Arbitraries.oneOf(Arbitraries.of(GENERIC_SUBJECTS), Arbitraries.of(SPECIFIC_SUBJECTS)),
                Arbitraries.of(VERB_PHRASES), Arbitraries.of(PRONOUN_CLAUSES), Arbitraries.of(ROLE_PHRASES),
                Arbitraries.of(", and ", "; ", ". Then ", " because ", ". ", ", but ", " when "),
                Arbitraries.of(".", "!", "?", ".\n", ".\n\n- "))
                .as((s, v, p, r, j, end) -> s + " " + v + j + p + " near " + r + end);
        Arbitrary<String> sentence = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, en), net.jqwik.api.Tuple.of(2, Arbitraries.of(ZH_SENTENCES)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(PRONOUN_CLAUSES).map(p -> "- " + p + "\n")));
        return sentence.list().ofMinSize(1).ofMaxSize(8).map(l -> String.join(" ", l));
    }

    private static final List<String> NEUTRAL_WORDS = List.of("the", "a", "user", "manager", "manual", "human",
            "Manchester", "German", "romance", "mandate", "manuscript", "command", "manufacturer", "performance",
            "Mandarin", "history", "Hispanic", "heritage", "there", "other", "they", "their", "them", "theirs",
            "themselves", "chairperson", "firefighter", "stewardship", "shell", "sheep", "hero", "herb", "heir",
            "hello", "where", "then", "these", "this", "is", "has", "does", "goes", "writes", "each", "every",
            "developer", "nurse", "anyone", "should", "submit", "timesheet", "Friday", "humankind", "workforce",
            "我们", "他们", "她们", "其他", "他人", "吉他", "利他", "用户", "医生", "司机", "护士", "空气", "女性", "男性",
            "每位", "一名", "如果", "TA", "的", "。", "，", ".", ",", "!", "?", ";", ":", "\"", "'", "’", "(", ")",
            "-", "*", "\n", "\n\n", "  ", "\t", "42", "2024");

    @Provide
    Arbitrary<String> neutralText() {
        Arbitrary<String> word = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.of(NEUTRAL_WORDS)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(9)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars("aeiouAEIOU .,;'’\"-\n一人中文字是有在")
                        .ofMinLength(1).ofMaxLength(5)));
        return Combinators.combine(word.list().ofMinSize(0).ofMaxSize(40),
                        Arbitraries.of(" ", "", " ", "\n").list().ofSize(40))
                .as((ws, seps) -> {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < ws.size(); i++) {
                        sb.append(ws.get(i)).append(seps.get(i));
                    }
                    return sb.toString();
                });
    }

    // ---------------------------------------------------------------------------------------------
    // Properties

    @Property(tries = 300)
    void rewritingIsIdempotent(@ForAll("prose") String text) {
        String once = FILTER.rewrite(text).text();
        assertEquals(once, FILTER.rewrite(once).text());
    }

    @Property(tries = 400)
    void textWithoutGenderedWordsIsReturnedByteForByte(@ForAll("neutralText") String text) {
        Assume.that(!GENDERED.matcher(text).find());
        BiasResult r = FILTER.rewrite(text);
        assertEquals(text, r.text());
        assertTrue(r.edits().isEmpty());
    }

    @Property(tries = 300)
    void editsNeverOverlapAndMapBackToTheInput(@ForAll("prose") String text) {
        BiasResult r = FILTER.rewrite(text);
        List<TextEdit> edits = new ArrayList<>();
        int prevEnd = 0;
        for (BiasEdit e : r.edits()) {
            assertTrue(e.start() >= prevEnd, () -> "overlap or disorder at " + e + " in " + r.edits());
            assertTrue(e.end() <= text.length());
            assertTrue(e.end() > e.start(), () -> "an edit replaces some input: " + e);
            String original = text.substring(e.start(), e.end());
            assertNotEquals(original, e.replacement());
            // whole words only: no edit starts or ends inside a Latin word
            assertTrue(e.start() == 0 || !Character.isLetter(text.charAt(e.start() - 1))
                    || isHan(text.charAt(e.start())), () -> "edit starts inside a word: " + e);
            assertTrue(e.end() == text.length() || !Character.isLetter(text.charAt(e.end()))
                    || isHan(text.charAt(e.end() - 1)), () -> "edit ends inside a word: " + e);
            assertTrue(!e.rule().isEmpty());
            edits.add(new TextEdit(e.start(), e.end(), e.replacement()));
            prevEnd = e.end();
        }
        assertEquals(r.text(), TextEdits.apply(text, edits).text());
        long proposed = r.findings().stream().filter(f -> f.replacement() != null).count();
        assertEquals(r.edits().size(), proposed);
    }

    @Property(tries = 100)
    void aGuardedStreamEqualsTheBatchRewrite(@ForAll("prose") String text,
                                             @ForAll @IntRange(min = 1, max = 40) int chunk) {
        String expected = FILTER.rewrite(text).text();
        SafeGenerator g = SafeGenerator.builder(ScriptedGenerator.answering(text).chunked(chunk, 3, 17))
                .filter(FILTER).auditSink(e -> { }).build();
        assertEquals(expected, g.generate(GenerationRequest.of("p")).text());
        CollectingListener l = new CollectingListener();
        g.stream(GenerationRequest.of("p"), l);
        assertEquals(expected, l.text());
    }

    @Property(tries = 200)
    void flagModeNeverChangesText(@ForAll("prose") String text) {
        BiasResult r = BiasFilter.of(BiasFilter.Mode.FLAG).rewrite(text);
        assertEquals(text, r.text());
        assertTrue(r.edits().isEmpty());
        assertEquals(FILTER.rewrite(text).findings().size(), r.findings().size());
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
