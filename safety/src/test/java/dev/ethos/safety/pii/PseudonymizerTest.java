package dev.ethos.safety.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ethos.FilterOutcome;
import dev.ethos.Finding;
import dev.ethos.Generation;
import dev.ethos.GenerationRequest;
import dev.ethos.SafeGenerator;
import dev.ethos.TextTarget;
import dev.ethos.testing.CollectingListener;
import dev.ethos.testing.ScriptedGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PseudonymizerTest {
    private static final String PROMPT = "Write a short note to Maria Gonzalez (maria.gonzalez@acme.org, +44 20 7946 0018).";

    @Test
    void modelNeverSeesOriginalsAndAnswerGetsThemBack() {
        ScriptedGenerator model = ScriptedGenerator.answering(r -> "Dear " + placeholder(r, "PERSON")
                + ", we will write to " + placeholder(r, "EMAIL_ADDRESS") + ".");
        SafeGenerator g = SafeGenerator.builder(model).filter(PiiPseudonymizer.ofDefaults()).build();
        Generation out = g.generate(GenerationRequest.of(PROMPT));
        String seen = model.requests().get(0).promptText();
        assertFalse(seen.contains("Maria"), seen);
        assertFalse(seen.contains("acme.org"), seen);
        assertTrue(seen.contains("<PERSON_1>") && seen.contains("<EMAIL_ADDRESS_1>") && seen.contains("<PHONE_NUMBER_1>"), seen);
        assertEquals("Dear Maria Gonzalez, we will write to maria.gonzalez@acme.org.", out.text());
        FilterOutcome o = out.report().outcomes().get(0);
        assertTrue(o.findings().stream().anyMatch(f -> f.span().target() == TextTarget.PROMPT && f.type().equals("PERSON")
                && "replace".equals(f.details().get("operator"))));
        for (Finding f : o.findings()) {
            assertFalse(f.reason().contains("Maria") || f.details().toString().contains("Maria"), f.toString());
        }
    }

    private static String placeholder(GenerationRequest r, String type) {
        String p = r.promptText();
        int i = p.indexOf("<" + type + "_");
        return p.substring(i, p.indexOf('>', i) + 1);
    }

    @Test
    void restoresWhenModelChangesCaseOrSpacingAndWhenStreamSplitsPlaceholders() {
        ScriptedGenerator model = ScriptedGenerator.answering("Hi < person 1 >! Mail [EMAIL_ADDRESS_1] or call PHONE_NUMBER_1. "
                + "Bye <Person_1>.").chunked(1, 2, 3);
        SafeGenerator g = SafeGenerator.builder(model).filter(PiiPseudonymizer.ofDefaults()).build();
        String expected = "Hi Maria Gonzalez! Mail maria.gonzalez@acme.org or call +44 20 7946 0018. Bye Maria Gonzalez.";
        CollectingListener l = new CollectingListener();
        g.stream(GenerationRequest.of(PROMPT), l);
        assertEquals(expected, l.text());
        assertEquals(expected, g.generate(GenerationRequest.of(PROMPT)).text());
    }

    @Test
    void vaultBelongsToTheRequestUnlessSupplied() {
        ScriptedGenerator model = ScriptedGenerator.answering("<PERSON_1>");
        SafeGenerator g = SafeGenerator.builder(model).filter(PiiPseudonymizer.ofDefaults()).build();
        assertEquals("Maria Gonzalez", g.generate(GenerationRequest.of(PROMPT)).text());
        // A request without PII has its own empty vault: the placeholder stays as it is.
        assertEquals("<PERSON_1>", g.generate(GenerationRequest.of("Tell me a joke.")).text());

        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        PiiVault shared = PiiVault.withTtl(Duration.ofMinutes(5), clock);
        SafeGenerator withShared = SafeGenerator.builder(model)
                .filter(PiiPseudonymizer.builder().vaults(r -> shared).build()).build();
        withShared.generate(GenerationRequest.of(PROMPT));
        assertEquals("Maria Gonzalez", withShared.generate(GenerationRequest.of("Who was that?")).text());
        now.set(now.get().plus(Duration.ofMinutes(6)));
        assertEquals("<PERSON_1>", withShared.generate(GenerationRequest.of("Who was that?")).text());
        assertEquals(0, shared.size());
    }

    @Test
    void outputScrubberRemovesInventedPiiButKeepsTheUsersOwn() {
        ScriptedGenerator model = ScriptedGenerator.answering(r -> "Sure, " + placeholder(r, "PERSON")
                + ". You could also ask John Carter at john.carter@example.net.");
        SafeGenerator g = SafeGenerator.builder(model).filter(PiiOutputScrubber.ofDefaults())
                .filter(PiiPseudonymizer.ofDefaults()).build();
        Generation out = g.generate(GenerationRequest.of(PROMPT));
        assertEquals("Sure, Maria Gonzalez. You could also ask <PERSON_1> at <EMAIL_ADDRESS_1>.", out.text());
        FilterOutcome scrub = out.report().outcomes().get(0);
        assertEquals("pii-output", scrub.filter());
        assertEquals(2, scrub.findings().size());
        assertTrue(scrub.findings().stream().allMatch(f -> f.span().target() == TextTarget.MODEL_OUTPUT));
    }

    @Test
    void existingPlaceholderLikeTextIsLeftAlone() {
        ScriptedGenerator model = ScriptedGenerator.answering(r -> r.promptText());
        SafeGenerator g = SafeGenerator.builder(model).filter(PiiPseudonymizer.ofDefaults()).build();
        String prompt = "Template <PERSON_1> for Maria Gonzalez.";
        assertEquals(prompt, g.generate(GenerationRequest.of(prompt)).text());
    }

    @Test
    void anonymizerOperators() {
        String text = "Card 4111 1111 1111 1111 for bob@example.com and bob@example.com.";
        PiiAnonymizer replace = PiiAnonymizer.ofDefaults();
        assertEquals("Card <CREDIT_CARD_1> for <EMAIL_ADDRESS_1> and <EMAIL_ADDRESS_1>.", replace.anonymize(text, "en").text());
        PiiAnonymizer mask = PiiAnonymizer.of(PiiAnalyzer.ofDefaults(), Operators.mask(4, '*'));
        assertTrue(mask.anonymize(text, "en").text().startsWith("Card **** **** **** 1111 for "));
        assertEquals("***先生", mask.anonymize("王建国先生", "zh").text());
        PiiAnonymizer redact = PiiAnonymizer.of(PiiAnalyzer.ofDefaults(), Operators.redact());
        assertEquals("Card  for  and .", redact.anonymize(text, "en").text());
        byte[] key = new byte[32];
        String h1 = Operators.hash(key).apply("EMAIL_ADDRESS", "bob@example.com", PiiVault.inMemory());
        assertEquals(64, h1.length());
        assertFalse(h1.equals(Operators.hash(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
                .apply("EMAIL_ADDRESS", "bob@example.com", PiiVault.inMemory())));
        PiiAnonymizer fake = PiiAnonymizer.of(PiiAnalyzer.ofDefaults(), Operators.surrogate(key));
        String faked = fake.anonymize(text, "en").text();
        assertFalse(faked.contains("bob@"), faked);
        // The fakes are themselves valid PII of the same type, and consistent.
        java.util.List<PiiEntity> again = PiiAnalyzer.ofDefaults().analyze(faked, "en");
        assertEquals(java.util.List.of("CREDIT_CARD", "EMAIL_ADDRESS", "EMAIL_ADDRESS"),
                again.stream().map(PiiEntity::type).collect(java.util.stream.Collectors.toList()));
        assertEquals(again.get(1).valueIn(faked), again.get(2).valueIn(faked));
    }

    @Test
    void surrogatesAreFormatValid() {
        byte[] key = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Operator s = Operators.surrogate(key);
        PiiAnalyzer a = PiiAnalyzer.ofDefaults();
        String[][] cases = {
            {"IBAN_CODE", "IBAN %s"}, {"CN_RESIDENT_ID", "身份证号%s"}, {"UK_NHS_NUMBER", "NHS number %s"},
            {"CRYPTO_WALLET", "wallet %s"}, {"MAC_ADDRESS", "MAC %s"}, {"IP_ADDRESS", "IP %s"},
        };
        for (String[] c : cases) {
            String fake = s.apply(c[0], "seed-value", PiiVault.inMemory());
            java.util.List<PiiEntity> es = a.analyze(String.format(c[1], fake));
            assertEquals(1, es.size(), c[0] + " " + fake);
            assertEquals(c[0], es.get(0).type());
        }
    }
}
