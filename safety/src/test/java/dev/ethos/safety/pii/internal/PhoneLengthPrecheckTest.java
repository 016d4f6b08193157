package dev.ethos.safety.pii.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The length pre-check in front of {@code isValidNumber} must never turn a valid number away. */
class PhoneLengthPrecheckTest {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    @Test
    void everyExampleNumberOfEveryRegionAndTypePassesThePrecheck() {
        int checked = 0;
        List<Phonenumber.PhoneNumber> examples = new ArrayList<>();
        for (String region : UTIL.getSupportedRegions()) {
            for (PhoneNumberUtil.PhoneNumberType type : UTIL.getSupportedTypesForRegion(region)) {
                Phonenumber.PhoneNumber pn = UTIL.getExampleNumberForType(region, type);
                if (pn != null) {
                    examples.add(pn);
                }
            }
        }
        for (int cc : UTIL.getSupportedGlobalNetworkCallingCodes()) {
            Phonenumber.PhoneNumber pn = UTIL.getExampleNumberForNonGeoEntity(cc);
            if (pn != null) {
                examples.add(pn);
            }
        }
        for (Phonenumber.PhoneNumber pn : examples) {
            if (UTIL.isValidNumber(pn)) {
                assertTrue(PhoneRecognizer.lengthPossible(pn), "valid example turned away: " + pn);
                checked++;
            }
        }
        assertTrue(checked > 1000, "too few examples checked: " + checked);
    }

    @Test
    void wrongLengthReadingsAreTurnedAway() {
        // a 12-digit card prefix read as a US number, a 6-digit number in France
        assertFalse(PhoneRecognizer.lengthPossible(new Phonenumber.PhoneNumber().setCountryCode(1).setNationalNumber(411111111111L)));
        assertFalse(PhoneRecognizer.lengthPossible(new Phonenumber.PhoneNumber().setCountryCode(33).setNationalNumber(207946L)));
        // +44 is shared by GB, GG, IM and JE: none has 12-digit numbers (a card prefix), all have 10-digit ones
        assertFalse(PhoneRecognizer.lengthPossible(new Phonenumber.PhoneNumber().setCountryCode(44).setNationalNumber(411111111111L)));
        assertTrue(PhoneRecognizer.lengthPossible(new Phonenumber.PhoneNumber().setCountryCode(44).setNationalNumber(2079460018L)));
    }

    @Property(tries = 3000)
    void aNumberTurnedAwayIsNeverValid(@ForAll("codes") int cc, @ForAll("nationals") long national) {
        Phonenumber.PhoneNumber pn = new Phonenumber.PhoneNumber().setCountryCode(cc).setNationalNumber(national);
        if (!PhoneRecognizer.lengthPossible(pn)) {
            assertFalse(UTIL.isValidNumber(pn), "turned away but valid: " + pn);
        }
    }

    @Provide
    Arbitrary<Integer> codes() {
        return Arbitraries.of(new ArrayList<>(UTIL.getSupportedCallingCodes()));
    }

    @Provide
    Arbitrary<Long> nationals() {
        return Arbitraries.integers().between(1, 17).flatMap(len -> Arbitraries.longs()
                .between(len == 1 ? 1 : (long) Math.pow(10, len - 1), (long) Math.min(Math.pow(10, len) - 1, Long.MAX_VALUE)));
    }
}
