package dev.ethos.safety.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BiasFilterTest {
    private final BiasFilter filter = BiasFilter.ofDefaults();

    private String rw(String text) {
        return filter.rewrite(text).text();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            A nurse should always wash her hands before she touches a patient. | A nurse should always wash their hands before they touch a patient.
            When an employee is late, he must inform his manager. | When an employee is late, they must inform their manager.
            If a customer asks for a refund, give her the form and tell her that it takes five days. | If a customer asks for a refund, give them the form and tell them that it takes five days.
            Hand the visitor her badge, then hand her her ticket. | Hand the visitor their badge, then hand them their ticket.
            The winner keeps the trophy; it is his until next year. | The winner keeps the trophy; it is theirs until next year.
            A user who forgets her password can reset it herself. | A user who forgets their password can reset it themselves.
            Whoever finishes first can leave early if he wants. | Whoever finishes first can leave early if they want.
            Each of the students must submit his essay by noon. | Each of the students must submit their essay by noon.
            Each one of the players must wear his jersey. | Each one of the players must wear their jersey.
            If one of your employees is sick, he should stay home. | If one of your employees is sick, they should stay home.
            One of my friends said he would come. | One of my friends said he would come.
            No one should be judged by his appearance. | No one should be judged by their appearance.
            A good programmer likes to refactor, and she focuses on readability. | A good programmer likes to refactor, and they focus on readability.
            If a beginner lifts too much, he usually hurts his back. | If a beginner lifts too much, they usually hurt their back.
            A good coach watches every tape, and he studies the opponent. | A good coach watches every tape, and they study the opponent.
            A pilot must log every hour he flies. | A pilot must log every hour they fly.
            He or she must sign here. | They must sign here.
            HE OR SHE MUST SIGN HERE. | THEY MUST SIGN HERE.
            Each member should bring his/her badge. | Each member should bring their badge.
            If a student is sick, (s)he should email the teacher, and s/he must bring a note. | If a student is sick, they should email the teacher, and they must bring a note.
            The applicant himself must sign the form. | The applicant themselves must sign the form.
            Tell him or her that the report is ready. | Tell them that the report is ready.
            """)
    void pronounsWithGenericAntecedents(String in, String out) {
        assertEquals(out, rw(in));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            The ideal candidate is detail-oriented. She manages deadlines and communicates clearly. | The ideal candidate is detail-oriented. They manage deadlines and communicate clearly.
            The engineer fixes the outage and then he goes home. | The engineer fixes the outage and then they go home.
            Does the applicant have his documents? Is he aware of the deadline? | Does the applicant have their documents? Are they aware of the deadline?
            A good teacher knows her students, doesn't she? | A good teacher knows their students, don't they?
            If the applicant does not qualify, he is not eligible and he doesn't get a refund. | If the applicant does not qualify, they are not eligible and they don't get a refund.
            An intern shadows an engineer until he's completed the modules. | An intern shadows an engineer until they've completed the modules.
            If a caller says he's locked out, verify his identity. | If a caller says they're locked out, verify their identity.
            Once the applicant is approved, he'll get a letter. | Once the applicant is approved, they'll get a letter.
            If a user says he's already finished, he's recently moved or he's never late, believe him. | If a user says they've already finished, they've recently moved or they're never late, believe them.
            A student should explain why he'd need more time. | A student should explain why they'd need more time.
            If a user wants to leave, he goes to Settings and clicks Delete. | If a user wants to leave, they go to Settings and click Delete.
            A tester tries everything; she watches, fixes and retries. | A tester tries everything; they watch, fix and retry.
            """)
    void verbAgreement(String in, String out) {
        assertEquals(out, rw(in));
    }

    @Test
    void apostropheStyleIsKept() {
        assertEquals("If a caller says they\u2019re locked out, they don\u2019t panic.",
                rw("If a caller says he\u2019s locked out, he doesn\u2019t panic."));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Call a fireman or a policeman. | Call a firefighter or a police officer.
            An anchorman reads the news; a weatherman presents the forecast. | An anchor reads the news; a weather forecaster presents the forecast.
            The spokesman's statement was brief, and the chairmen agreed. | The spokesperson's statement was brief, and the chairpersons agreed.
            The firemen's union negotiated a new contract. | The firefighters' union negotiated a new contract.
            An actress must learn her lines. | An actor must learn their lines.
            Manpower and man-made materials are limited, and mankind must adapt. | Workforce and human-made materials are limited, and humankind must adapt.
            Our salesmen answer calls. | Our salespeople answer calls.
            Firemen and paramedics arrived. | Firefighters and paramedics arrived.
            A freshman often feels lost during his first week. | A first-year student often feels lost during their first week.
            Write to your congressman. | Write to your member of Congress.
            """)
    void roleNouns(String in, String out) {
        assertEquals(out, rw(in));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "My father is a fireman and he loves his job.",
        "Congressman Smith said he would vote against the bill.",
        "Mr. Lopez, the chairman of our club, said he would resign.",
        "Yesterday I met a doctor at the conference, and she told me about her research.",
        "The human resources manager handed the manual to the German delegation in Manchester.",
        "Serena told her coach that she was ready.",
        "My grandmother says she still remembers her first day at school.",
        "She said: \"Every man for himself.\"",
        "A mother knows her child better than anyone.",
        "Last week a customer complained that his order was late.",
        "The doctor came in, and she looked tired.",
        "Dr. Smith is a surgeon. She operates on Mondays.",
        "Barack Obama was the first African American president; he served two terms.",
        "The president of France gave his speech in Paris.",
        "Each employee must submit their timesheet by Friday.",
        "Type the command into the terminal; the stewardship committee meets in Manchester.",
        "我的老师说她下周要去北京开会。",
        "王老师说他明天不来上课。",
        "他们已经完成了任务，其他人可以休息了。",
        "小李是一名男护士，他在儿科工作。",
        "我哥哥是一名消防员，他非常勇敢。",
        "利他主义是一种关心他人福祉的价值观，他在弹吉他。",
    })
    void specificAndNeutralTextStays(String text) {
        BiasResult r = filter.rewrite(text);
        assertEquals(text, r.text());
        assertTrue(r.edits().isEmpty(), () -> "edits: " + r.edits());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Before he operates, a surgeon washes his hands. | Before they operate, a surgeon washes their hands.
            When she arrives, the new hire should sign in. | When they arrive, the new hire should sign in.
            When he arrived, John said hello. | When he arrived, John said hello.
            If he is late, my brother calls. | If he is late, my brother calls.
            """)
    void forwardReferenceFromAFrontedClause(String in, String out) {
        assertEquals(out, rw(in));
    }

    @Test
    void pairsPathsAndCode() {
        assertEquals("Police officers patrol the city; ask a chairperson.",
                rw("Policemen and policewomen patrol the city; ask a chairman or chairwoman."));
        assertEquals("Every user can open https://example.com/he/profile and `he.exe`; they then see their page.",
                rw("Every user can open https://example.com/he/profile and `he.exe`; he then sees his page."));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            He told the customer that her order was late. | He told the customer that her order was late.
            Ms. Rivera said that a student who cheats loses his grade. | Ms. Rivera said that a student who cheats loses their grade.
            The manual explained that the user must restart his device. | The manual explained that the user must restart their device.
            The winner of last year's race, a student, said he trained daily. | The winner of last year's race, a student, said he trained daily.
            """)
    void reportedEventsVersusReportedRules(String in, String out) {
        assertEquals(out, rw(in));
    }

    @Test
    void onlyTheGenericReferentChanges() {
        assertEquals("My grandfather was a postman, and he always said a good mail carrier knows their route by heart.",
                rw("My grandfather was a postman, and he always said a good postman knows his route by heart."));
        assertEquals("Ms. Rivera said she expects each lab partner to record their own data.",
                rw("Ms. Rivera said she expects each lab partner to record his own data."));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            每个孩子都有他自己的兴趣爱好。 | 每个孩子都有TA自己的兴趣爱好。
            如果员工需要请假，他应该提前三天告知主管。 | 如果员工需要请假，TA应该提前三天告知主管。
            一位好的领导会倾听下属的意见。她不会独断专行。 | 一位好的领导会倾听下属的意见。TA不会独断专行。
            这家医院的男护士和女医生都很专业。 | 这家医院的护士和医生都很专业。
            用户可以随时修改他/她的密码。 | 用户可以随时修改TA的密码。
            用户可以随时修改他或她的密码。 | 用户可以随时修改TA的密码。
            任何一位乘客如果感到不适，他都可以联系空姐。 | 任何一位乘客如果感到不适，TA都可以联系空乘人员。
            我妈妈常说，一个好老师首先要关心他的学生。 | 我妈妈常说，一个好老师首先要关心TA的学生。
            """)
    void chinese(String in, String out) {
        assertEquals(out, rw(in));
    }

    @Test
    void everyEditIsReportedWithRuleAndSpan() {
        String in = "A good manager listens to his team before he makes a decision.";
        BiasResult r = filter.rewrite(in);
        assertEquals(List.of(
                new BiasEdit(26, 29, "their", "en.pronoun.possessive"),
                new BiasEdit(42, 44, "they", "en.pronoun.subject"),
                new BiasEdit(45, 50, "make", "en.verb.agreement")), r.edits());
        assertEquals(3, r.findings().size());
        Finding f = r.findings().get(0);
        assertEquals("GENERIC_PRONOUN", f.type());
        assertEquals("their", f.replacement());
        assertEquals("en.pronoun.possessive", f.details().get("rule"));
    }

    @Test
    void stereotypesAreFlaggedNotRewritten() {
        String in = "Women are naturally worse at math. 女司机都开不好车。A good engineer tests his code.";
        BiasResult r = filter.rewrite(in);
        assertEquals("Women are naturally worse at math. 女司机都开不好车。A good engineer tests their code.", r.text());
        assertTrue(r.flagged());
        long st = r.findings().stream().filter(f -> f.type().equals(BiasFilter.STEREOTYPE)).count();
        assertEquals(2, st);
        assertFalse(filter.rewrite("Men and women are equally capable engineers.").flagged());
        assertFalse(filter.rewrite("It is a myth that women are bad at math.").flagged());
    }

    @Test
    void flagModeChangesNothingAndReportsEverything() {
        BiasFilter flag = BiasFilter.of(BiasFilter.Mode.FLAG);
        String in = "Every policeman must wear his body camera.";
        BiasResult r = flag.rewrite(in);
        assertEquals(in, r.text());
        assertTrue(r.edits().isEmpty());
        assertEquals(2, r.findings().size());
        assertEquals("police officer", r.findings().get(0).replacement());
    }

    @Test
    void modeParsing() {
        assertEquals(BiasFilter.Mode.FLAG, BiasFilter.Mode.parse("FLAG"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BiasFilter.Mode.parse("loud"));
        assertTrue(e.getMessage().contains("'loud'"));
        assertEquals("bias", filter.name());
    }

    @Test
    void antecedentsCarryAcrossSegmentsInAGuardedStream() {
        String text = "We are looking for a senior Java developer.\n\n**Key responsibilities:**\n"
                + "- He will lead code reviews.\n- He mentors junior developers.\n- He's comfortable with Linux.";
        String expected = "We are looking for a senior Java developer.\n\n**Key responsibilities:**\n"
                + "- They will lead code reviews.\n- They mentor junior developers.\n- They're comfortable with Linux.";
        SafeGenerator g = SafeGenerator.builder(ScriptedGenerator.answering(text).chunked(3, 11, 1))
                .filter(filter).build();
        Generation batch = g.generate(GenerationRequest.of("write a job ad"));
        assertEquals(expected, batch.text());
        assertEquals(Verdict.REWRITE, batch.verdict());
        CollectingListener l = new CollectingListener();
        g.stream(GenerationRequest.of("write a job ad"), l);
        assertEquals(expected, l.text());
        assertEquals(expected, rw(text));
    }

    @Test
    void markdownDocuments() {
        assertEquals("Position: Senior Software Engineer\n\n## Responsibilities\n1. They review code daily.\n"
                        + "2. They write tests and mentor interns.\n\n- Their degree must be in computer science.",
                rw("Position: Senior Software Engineer\n\n## Responsibilities\n1. He reviews code daily.\n"
                        + "2. He writes tests and mentors interns.\n\n- His degree must be in computer science."));
        assertEquals("On day one, the new employee goes to HR, where they:\n\n* pick up their laptop\n* meet their buddy\n\nDone.",
                rw("On day one, the new employee goes to HR, where he:\n\n* picks up his laptop\n* meets his buddy\n\nDone."));
        assertEquals("John Smith, Software Engineer at Acme, said he enjoys the work.",
                rw("John Smith, Software Engineer at Acme, said he enjoys the work."));
    }

    @Test
    void sessionFedOutOfOrderRebuildsItsContext() {
        BiasSession s = new BiasSession(BiasFilter.Mode.REWRITE);
        String left = "The tenant must read the lease carefully.";
        var r = s.onSegment(" He must sign it.", left);
        assertEquals(" They must sign it.", dev.ethos.text.TextEdits.apply(" He must sign it.", r.edits()).text());
    }

    @Test
    void chineseSubjectPronounContinuesTheTopicNotAPossessedNoun() {
        assertEquals("如果一个医生发现TA的病人有风险，TA应该立即报告。", rw("如果一个医生发现他的病人有风险，他应该立即报告。"));
        assertEquals("每位老师都要关心TA的学生。TA还要经常和家长沟通。", rw("每位老师都要关心她的学生。她还要经常和家长沟通。"));
        // an object pronoun may still take the possessed noun; a specific possessor stays specific
        assertEquals("我的朋友发现他的同事在撒谎，他很生气。", rw("我的朋友发现他的同事在撒谎，他很生气。"));
        // an ordinal classifier after the copula: the predicate of a named person
        assertEquals("刘洋是中国第一位女航天员，她的故事激励了很多人。", rw("刘洋是中国第一位女航天员，她的故事激励了很多人。"));
    }

    @Test
    void roleNounWithPrepositionalPhraseBeforeANamedAppositionStays() {
        assertEquals("The spokesman for Apple, Tim, said he was pleased.",
                rw("The spokesman for Apple, Tim, said he was pleased."));
        assertEquals("The chairwoman of the board, Maria Lopez, said she would step down.",
                rw("The chairwoman of the board, Maria Lopez, said she would step down."));
        assertEquals("The spokesperson for the company said the product ships in May.",
                rw("The spokesman for the company said the product ships in May."));
    }
}
