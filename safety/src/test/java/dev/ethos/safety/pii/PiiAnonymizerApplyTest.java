package dev.ethos.safety.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** apply() writes ordered findings straight into the result; any other list goes through TextEdits. */
class PiiAnonymizerApplyTest {
    private final PiiAnonymizer anonymizer = PiiAnonymizer.of(PiiAnalyzer.ofDefaults(), Operators.redact());
    private static final String TEXT = "张伟 at 1.2.3.4 and x@example.com";
    private static final PiiEntity NAME = new PiiEntity("PERSON", 0, 2, 0.9, "t");
    private static final PiiEntity IP = new PiiEntity("IP_ADDRESS", 6, 13, 0.9, "t");
    private static final PiiEntity MAIL = new PiiEntity("EMAIL_ADDRESS", 18, 31, 0.9, "t");

    @Test
    void orderedAndUnorderedFindingsGiveTheSameText() {
        String ordered = anonymizer.apply(TEXT, List.of(NAME, IP, MAIL), PiiVault.inMemory()).text();
        assertEquals(" at  and ", ordered);
        assertEquals(ordered, anonymizer.apply(TEXT, List.of(MAIL, NAME, IP), PiiVault.inMemory()).text());
        String placeholders = PiiAnonymizer.of(PiiAnalyzer.ofDefaults(), Operators.replace())
                .apply(TEXT, List.of(NAME, IP, MAIL), PiiVault.inMemory()).text();
        assertEquals("<PERSON_1> at <IP_ADDRESS_1> and <EMAIL_ADDRESS_1>", placeholders);
    }

    @Test
    void overlappingOrOutsideFindingsAreStillRejected() {
        PiiEntity overlap = new PiiEntity("IP_ADDRESS", 1, 8, 0.9, "t");
        assertThrows(IllegalArgumentException.class,
                () -> anonymizer.apply(TEXT, List.of(NAME, overlap), PiiVault.inMemory()));
        PiiEntity outside = new PiiEntity("EMAIL_ADDRESS", 18, 40, 0.9, "t");
        assertThrows(RuntimeException.class, () -> anonymizer.apply(TEXT, List.of(NAME, outside), PiiVault.inMemory()));
    }
}
