package dev.ethos.safety.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ethos.GenerationRequest;
import dev.ethos.TextFilter;
import dev.ethos.safety.pii.internal.Checksums;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class PiiPropertiesTest {
    private static final PiiAnalyzer ANALYZER = PiiAnalyzer.ofDefaults();
    private static final String[] WORDS = {"the", "report", "was", "sent", "and", "a", "value", "of", "for", "today",
        "会议", "已经", "发布", "数据", "我们", "系统", ",", ".", "。", "，", "42", "7", "2024", "ok", "Team", "Plan", "note"};

    @Provide
    Arbitrary<String> filler() {
        return Arbitraries.of(WORDS).list().ofMinSize(0).ofMaxSize(12).map(ws -> String.join(" ", ws));
    }

    /** Random prose with PII values mixed in. */
    @Provide
    Arbitrary<String> prose() {
        Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of(WORDS), Arbitraries.of(
                "Maria Gonzalez", "bob@example.com", "+44 20 7946 0018", "4111 1111 1111 1111", "王建国先生",
                "DE89 3704 0044 0532 0130 00", "SSN 123-45-6789", "IP 203.0.113.7", "password: s3cr3t-Pa55",
                "<PERSON_1>", "[EMAIL_ADDRESS_2]", "\u200b", "\u00a0", "ｂｏｂ＠ｅｘａｍｐｌｅ．ｃｏｍ", "born 1990-01-01"),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(6));
        // Pieces are joined by a word: numbers separated only by spaces ("2024 2024 4111 1111 1111 1111")
        // are ambiguous, and a second pass may group them differently (docs/pii.md, limits).
        return piece.list().ofMaxSize(25).map(ws -> String.join(" ok ", ws));
    }

    @Property(tries = 200)
    void textOutsideFindingsIsUnchanged(@ForAll("prose") String text) {
        PiiAnonymizer.Result r = PiiAnonymizer.ofDefaults().anonymize(text, null);
        StringBuilder rebuilt = new StringBuilder();
        int pos = 0;
        int outPos = 0;
        String out = r.text();
        for (PiiAnonymizer.Replacement rep : r.replacements()) {
            PiiEntity e = rep.entity();
            assertTrue(e.start() >= pos && e.end() <= text.length(), "sorted, non-overlapping, in bounds");
            String between = text.substring(pos, e.start());
            assertEquals(between, out.substring(outPos, outPos + between.length()));
            outPos += between.length();
            assertTrue(out.startsWith(rep.replacement(), outPos));
            outPos += rep.replacement().length();
            pos = e.end();
            rebuilt.append(between);
        }
        assertEquals(text.substring(pos), out.substring(outPos));
    }

    @Property(tries = 200)
    void replacingIsIdempotent(@ForAll("prose") String text) {
        PiiAnonymizer a = PiiAnonymizer.ofDefaults();
        String once = a.anonymize(text, null).text();
        assertEquals(once, a.anonymize(once, null).text());
    }

    @Property(tries = 200)
    void restoreOfPseudonymiseIsIdentity(@ForAll("prose") String text) {
        AtomicReference<PiiVault> vault = new AtomicReference<>();
        PiiPseudonymizer p = PiiPseudonymizer.builder().vaults(r -> {
            vault.set(PiiVault.inMemory());
            return vault.get();
        }).build();
        GenerationRequest req = GenerationRequest.of(text);
        TextFilter.Session s = p.open(req);
        GenerationRequest pseudo = s.onRequest(req).request();
        String masked = pseudo.messages().get(0).content();
        assertEquals(text, Placeholders.restoreText(masked, vault.get()));
    }

    @Property(tries = 100)
    void decryptReversesEncrypt(@ForAll String value, @ForAll @Size(32) List<@IntRange(min = -128, max = 127) Integer> key) {
        byte[] k = new byte[32];
        for (int i = 0; i < 32; i++) {
            k[i] = key.get(i).byteValue();
        }
        String token = Operators.encrypt(k).apply("SECRET", value, PiiVault.inMemory());
        assertEquals(value, Operators.decrypt(k, token));
    }

    // --- generated valid and broken checksummed values ---------------------------------------

    @Provide
    Arbitrary<String> cards() {
        Arbitrary<String> prefix = Arbitraries.of("4", "51", "52", "55", "2221", "2720", "34", "37", "62", "6011");
        return Combinators.combine(prefix, Arbitraries.strings().numeric().ofLength(20), Arbitraries.of(" ", "-", ""))
                .as((p, body, sep) -> {
                    int len = p.equals("34") || p.equals("37") ? 15 : 16;
                    String payload = (p + body).substring(0, len - 1);
                    String card = payload + Checksums.luhnCheckDigit(payload);
                    return group(card, sep, len == 15 ? new int[] {4, 6, 5} : new int[] {4, 4, 4, 4});
                });
    }

    static String group(String digits, String sep, int[] sizes) {
        if (sep.isEmpty()) {
            return digits;
        }
        StringBuilder sb = new StringBuilder();
        int k = 0;
        for (int s : sizes) {
            if (k > 0) {
                sb.append(sep);
            }
            sb.append(digits, k, k + s);
            k += s;
        }
        return sb.toString();
    }

    @Provide
    Arbitrary<String> ibans() {
        Arbitrary<String> country = Arbitraries.of("DE", "GB", "NL", "FR", "ES", "AT", "CH", "BE");
        return Combinators.combine(country, Arbitraries.strings().numeric().ofLength(30),
                Arbitraries.strings().withCharRange('A', 'Z').ofLength(4), Arbitraries.of(true, false))
                .as((cc, digits, letters, spaced) -> {
                    int len = Checksums.IBAN_LENGTHS.get(cc);
                    String bban = cc.equals("GB") || cc.equals("NL") ? letters + digits.substring(0, len - 8)
                            : digits.substring(0, len - 4);
                    String iban = cc + Checksums.ibanCheckDigits(cc, bban) + bban;
                    if (!spaced) {
                        return iban;
                    }
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < iban.length(); i += 4) {
                        sb.append(i == 0 ? "" : " ").append(iban, i, Math.min(iban.length(), i + 4));
                    }
                    return sb.toString();
                });
    }

    @Provide
    Arbitrary<String> residentIds() {
        Arbitrary<String> region = Arbitraries.of("110101", "310104", "440305", "510107", "330106", "420102");
        return Combinators.combine(region, Arbitraries.integers().between(1930, 2015), Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(1, 28), Arbitraries.strings().numeric().ofLength(3))
                .as((r, y, m, d, seq) -> {
                    String first17 = r + String.format("%04d%02d%02d", y, m, d) + seq;
                    return first17 + Checksums.cnIdCheck(first17);
                });
    }

    private static void assertFound(String before, String value, String after, String type) {
        String text = before + " " + value + " " + after;
        int at = before.length() + 1;
        List<PiiEntity> es = ANALYZER.analyze(text, null);
        assertTrue(es.stream().anyMatch(e -> e.type().equals(type) && e.start() == at && e.end() == at + value.length()),
                () -> type + " not found in: " + text + " -> " + es);
    }

    /**
     * The broken value itself is never reported. (Digits around it may still form another valid
     * number: "4227 2221 0000 0008 2024" holds the Luhn-valid "2221 0000 0008 2024".)
     */
    private static void assertNotFound(String before, String value, String after, String type) {
        String text = before + " " + value + " " + after;
        int start = before.length() + 1;
        int end = start + value.length();
        List<PiiEntity> es = ANALYZER.analyze(text, null);
        assertTrue(es.stream().noneMatch(e -> e.type().equals(type) && e.start() <= start && e.end() >= end),
                () -> type + " wrongly found in: " + text + " -> " + es);
    }

    /** The same value with one check digit changed (to another digit). */
    private static String breakLastDigit(String v, int delta) {
        int i = v.length() - 1;
        char c = v.charAt(i);
        char nc = c == 'X' ? '0' : (char) ('0' + ((c - '0') + delta) % 10);
        return v.substring(0, i) + nc;
    }

    @Property(tries = 150)
    void validCardsAreFound(@ForAll("filler") String a, @ForAll("cards") String card, @ForAll("filler") String b) {
        assertFound(a, card, b, "CREDIT_CARD");
    }

    @Property(tries = 150)
    void brokenCardsAreNot(@ForAll("filler") String a, @ForAll("cards") String card, @ForAll("filler") String b,
                           @ForAll @IntRange(min = 1, max = 9) int delta) {
        assertNotFound(a, breakLastDigit(card, delta), b, "CREDIT_CARD");
    }

    @Property(tries = 150)
    void validIbansAreFound(@ForAll("filler") String a, @ForAll("ibans") String iban, @ForAll("filler") String b) {
        assertFound(a, iban, b, "IBAN_CODE");
    }

    @Property(tries = 150)
    void brokenIbansAreNot(@ForAll("filler") String a, @ForAll("ibans") String iban, @ForAll("filler") String b,
                           @ForAll @IntRange(min = 1, max = 9) int delta) {
        // Change one BBAN digit: mod 97 catches every single-digit change.
        int i = iban.length() - 1;
        String broken = iban.substring(0, i) + (char) ('0' + ((iban.charAt(i) - '0') + delta) % 10);
        assertNotFound(a, broken, b, "IBAN_CODE");
    }

    @Property(tries = 150)
    void validResidentIdsAreFound(@ForAll("filler") String a, @ForAll("residentIds") String id, @ForAll("filler") String b) {
        assertFound(a, id, b, "CN_RESIDENT_ID");
    }

    @Property(tries = 150)
    void brokenResidentIdsAreNot(@ForAll("filler") String a, @ForAll("residentIds") String id, @ForAll("filler") String b,
                                 @ForAll @IntRange(min = 1, max = 9) int delta) {
        String broken = id.charAt(17) == 'X' ? id.substring(0, 17) + "0" : breakLastDigit(id, delta);
        if (Checksums.cnIdCheck(broken) == broken.charAt(17)) {
            return; // 'X' replaced by the one digit that happens to be right is not broken
        }
        assertNotFound(a, broken, b, "CN_RESIDENT_ID");
    }

    @Property(tries = 100)
    void analysisNeverThrowsAndSpansAreSane(@ForAll String text) {
        List<PiiEntity> es = new ArrayList<>(ANALYZER.analyze(text, null));
        int prevEnd = 0;
        for (PiiEntity e : es) {
            assertTrue(e.start() >= prevEnd && e.end() <= text.length());
            prevEnd = e.end();
        }
    }
}
