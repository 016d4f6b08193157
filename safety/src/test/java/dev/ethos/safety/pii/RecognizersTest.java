package dev.ethos.safety.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecognizersTest {
    private static final PiiAnalyzer ANALYZER = PiiAnalyzer.ofDefaults();

    /** "type:value" for every finding, in order. */
    static List<String> found(String text) {
        return ANALYZER.analyze(text, null).stream().map(e -> e.type() + ":" + e.valueIn(text)).collect(Collectors.toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Write to anna.berg@example.co.uk today.|EMAIL_ADDRESS:anna.berg@example.co.uk",
        "Card 4111 1111 1111 1111 was charged.|CREDIT_CARD:4111 1111 1111 1111",
        "Amex 3782 822463 10005 on file.|CREDIT_CARD:3782 822463 10005",
        "IBAN: DE89 3704 0044 0532 0130 00 please.|IBAN_CODE:DE89 3704 0044 0532 0130 00",
        "IBAN GB82WEST12345698765432 ok|IBAN_CODE:GB82WEST12345698765432",
        "SSN 123-45-6789 on the form.|US_SSN:123-45-6789",
        "Reply from 2001:db8:85a3::8a2e:370:7334: time=3ms|IP_ADDRESS:2001:db8:85a3::8a2e:370:7334",
        "login from 203.0.113.7 at noon|IP_ADDRESS:203.0.113.7",
        "MAC 00:1A:2B:3C:4D:5E is blocked|MAC_ADDRESS:00:1A:2B:3C:4D:5E",
        "身份证号11010519491231002X已登记|CN_RESIDENT_ID:11010519491231002X",
        "NHS number 943 476 5919.|UK_NHS_NUMBER:943 476 5919",
        "key AKIAIOSFODNN7EXAMPLE leaked|SECRET:AKIAIOSFODNN7EXAMPLE",
        "password: s3cr3t-Pa55 ok|SECRET:s3cr3t-Pa55",
        "数据库密码：Abc123!xyz|SECRET:Abc123!xyz",
        "tip 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed thanks|CRYPTO_WALLET:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "pay 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2 now|CRYPTO_WALLET:1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
        "pay bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq now|CRYPTO_WALLET:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
        "She was born on 4 July 1976 in Leeds.|DATE_OF_BIRTH:4 July 1976",
        "passport number: K1234567 issued|PASSPORT_NUMBER:K1234567",
        "Call +44 20 7946 0018 now.|PHONE_NUMBER:+44 20 7946 0018",
        "手机：13800138000|PHONE_NUMBER:13800138000",
        "Dr. Grace Hopper called.|PERSON:Grace Hopper",
        "A song by Carole King played.|PERSON:Carole King",
        "Lunch with Song Ji-woo tomorrow.|PERSON:Song Ji-woo",
        "The grant went to Park Hye-rin.|PERSON:Park Hye-rin",
        "Report by Kebede Gebreselassie, field office.|PERSON:Kebede Gebreselassie",
        "请联系王建国先生。|PERSON:王建国",
        "Ship to 742 Evergreen Terrace, Springfield, IL 62704.|STREET_ADDRESS:742 Evergreen Terrace, Springfield, IL 62704",
        "Adresse: Hauptstraße 5, 10115 Berlin.|STREET_ADDRESS:Hauptstraße 5, 10115 Berlin",
        "地址：浙江省杭州市西湖区文三路90号。|STREET_ADDRESS:浙江省杭州市西湖区文三路90号",
    })
    void findsEachType(String text, String expected) {
        assertTrue(found(text).contains(expected), () -> "expected " + expected + " in " + found(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Card 4111 1111 1111 1112 was charged.",
        "IBAN: DE89 3704 0044 0532 0130 01 please.",
        "SSN 000-45-6789 and 666-12-3456 and 900-12-3456.",
        "Upgrade to version 10.2.3.4 today.",
        "Firmware 145.128.116.114 is installed.",
        "身份证号110105194912310021已登记",
        "NHS number 943 476 5910.",
        "Transaction 0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060 confirmed.",
        "Commit e5761b1524bf0b0947c5eba021711473613ef6c2 landed.",
        "The meeting is on March 3, 2024 at noon.",
        "Order total: USD 2,434.59. Items: 3.",
        "Request ID 30ab93ce-f9c8-44d5-9d33-c0974e1e523c failed.",
        "The book's ISBN is 978-0-405-12150-0.",
        "Replace part 3650-787-20 now.",
        "Please enter your email as <EMAIL_ADDRESS> and phone as {{phone}}.",
        "password: ********",
        "Orion Freight reported quarterly revenue of $174,589.00.",
        "Card on file: **** **** **** 8561 (expires 09/27).",
        "Coins from the reign of King Henry VIII were found.",
        "Pope Francis visited the city.",
        "Flights from Addis Ababa to Jakarta resumed.",
        "Shares of Garuda Indonesia rose 4%.",
    })
    void ignoresNegatives(String text) {
        assertEquals(List.of(), found(text));
    }

    @Test
    void normalisesHiddenAndFullWidthCharacters() {
        String text = "mail john\u200b@example.com or ｊｏｈｎ＠ｅｘａｍｐｌｅ．ｃｏｍ";
        List<PiiEntity> es = ANALYZER.analyze(text, "en");
        assertEquals(2, es.size());
        assertEquals("john\u200b@example.com", es.get(0).valueIn(text));
        assertEquals("ｊｏｈｎ＠ｅｘａｍｐｌｅ．ｃｏｍ", es.get(1).valueIn(text));
        String nbsp = "Card\u00a04111\u00a01111\u00a01111\u00a01111 ok";
        assertEquals(List.of("CREDIT_CARD:4111\u00a01111\u00a01111\u00a01111"), found(nbsp));
    }

    @Test
    void overlapsKeepTheStrongerReading() {
        // NHS context wins over a phone reading of the same ten digits.
        assertEquals(List.of("UK_NHS_NUMBER:979 809 9079"), found("Your NHS number is 979 809 9079."));
    }

    @Test
    void allowAndDenyListsAndEntities() {
        PiiAnalyzer a = PiiAnalyzer.builder().allow("EMAIL_ADDRESS", "support@example.com")
                .deny("PERSON", "Madonna").build();
        String text = "Ask Madonna or write to support@example.com or bob@example.com.";
        List<String> got = a.analyze(text, "en").stream().map(e -> e.type() + ":" + e.valueIn(text)).collect(Collectors.toList());
        assertEquals(List.of("PERSON:Madonna", "EMAIL_ADDRESS:bob@example.com"), got);
        PiiAnalyzer only = PiiAnalyzer.builder().entities(java.util.Set.of("PHONE_NUMBER")).build();
        assertTrue(only.analyze(text, "en").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> PiiAnalyzer.builder().entities(java.util.Set.of("NOPE")));
        assertThrows(IllegalArgumentException.class, () -> PiiAnalyzer.builder().threshold(1.5));
    }

    @Test
    void ethereumChecksumDecidesTheScore() {
        double good = ANALYZER.analyze("to 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed now").get(0).score();
        double bad = ANALYZER.analyze("to 0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed now").get(0).score();
        assertEquals(0.95, good);
        assertEquals(0.6, bad);
    }

    @Test
    void urlIsOffByDefault() {
        assertEquals(List.of(), found("see https://example.org/a for more"));
        PiiAnalyzer a = PiiAnalyzer.builder().enable(PiiType.URL).build();
        assertEquals("URL", a.analyze("see https://example.org/a for more").get(0).type());
    }

    @Test
    void thresholdDropsWeakFindings() {
        String text = "Ask Femi Okoro-Idowu about it"; // unknown given name + surname reading: weak
        PiiAnalyzer strict = PiiAnalyzer.builder().threshold(0.99).build();
        assertTrue(strict.analyze(text).isEmpty());
        assertFalse(PiiAnalyzer.builder().threshold(0.0).build().analyze(text).isEmpty());
    }

    @Test
    void customRecognizer() {
        Recognizer employeeId = new Recognizer() {
            @Override
            public String name() {
                return "employee-id";
            }

            @Override
            public java.util.Set<String> types() {
                return java.util.Set.of("EMPLOYEE_ID");
            }

            @Override
            public void analyze(PiiText text, List<PiiCandidate> out) {
                int i = text.normalized().indexOf("EMP-");
                if (i >= 0) {
                    out.add(new PiiCandidate("EMPLOYEE_ID", i, i + 9, 0.9, name()));
                }
            }
        };
        PiiAnalyzer a = PiiAnalyzer.builder().recognizer(employeeId).build();
        assertEquals("EMPLOYEE_ID", a.analyze("badge EMP-12345 ok").get(0).type());
    }

    @Test
    void entitiesNeverPrintValues() {
        String text = "mail bob@example.com";
        PiiEntity e = ANALYZER.analyze(text).get(0);
        assertFalse(e.toString().contains("bob"));
    }
}
