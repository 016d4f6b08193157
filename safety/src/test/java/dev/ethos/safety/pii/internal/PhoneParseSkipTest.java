package dev.ethos.safety.pii.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The phone recognizer skips {@code parse(number, region)} when it can only give back the number already built
 * from the region's country code and all digits: check that against parse itself, for every region.
 */
class PhoneParseSkipTest {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final List<String> REGIONS = new ArrayList<>(new java.util.TreeSet<>(UTIL.getSupportedRegions()));

    /** parse's result when the skip applies: throws, or (country code, digits). */
    private static void assertSkipIsExact(String number, String region) {
        if (!PhoneRecognizer.parseAddsNothing(number, region)) {
            return;
        }
        String digits = number.replaceAll("[^0-9]", "");
        Phonenumber.PhoneNumber built = new Phonenumber.PhoneNumber().setCountryCode(UTIL.getCountryCodeForRegion(region))
                .setNationalNumber(Long.parseLong(digits));
        try {
            Phonenumber.PhoneNumber parsed = UTIL.parse(number, region);
            assertEquals(built, parsed, "parse of '" + number + "' for " + region + " differs from the built number");
        } catch (NumberParseException e) {
            // parse rejects it: valid() is false either way
        }
    }

    @Test
    void everyRegionEveryFirstDigit() {
        Random r = new Random(7);
        String[] seps = {"", " ", "-", ".", " ", "(", ")"};
        for (String region : REGIONS) {
            for (int first = 1; first <= 9; first++) {
                for (int k = 0; k < 12; k++) {
                    StringBuilder b = new StringBuilder().append(first);
                    int len = 1 + r.nextInt(16);
                    for (int i = 0; i < len; i++) {
                        if (r.nextInt(4) == 0) {
                            b.append(seps[r.nextInt(seps.length)]);
                        }
                        b.append((char) ('0' + r.nextInt(10)));
                    }
                    assertSkipIsExact(b.toString(), region);
                }
            }
        }
    }

    @Provide
    Arbitrary<String> numbers() {
        return Arbitraries.strings().withChars("0123456789 -.()").ofMinLength(1).ofMaxLength(24);
    }

    @Provide
    Arbitrary<String> regions() {
        return Arbitraries.of(REGIONS);
    }

    @Property(tries = 5000)
    void skippedParseNeverFindsAnotherNumber(@ForAll("numbers") String number, @ForAll("regions") String region) {
        assertSkipIsExact(number, region);
    }

    @Test
    void theSkipAppliesWhereNoPrefixCanStart() {
        // A card prefix read as a US, Chinese or UK number: it starts with no US/CN/GB prefix.
        assertTrue(PhoneRecognizer.parseAddsNothing("4111 1111 1111", "US"));
        assertTrue(PhoneRecognizer.parseAddsNothing("4111 1111 1111", "CN"));
        assertTrue(PhoneRecognizer.parseAddsNothing("4111 1111 1111", "GB"));
        // 44 is the UK country code, 0 a trunk or international prefix, 1 the NANP trunk prefix: parse runs.
        assertFalse(PhoneRecognizer.parseAddsNothing("4411 1111 1111", "GB"));
        assertFalse(PhoneRecognizer.parseAddsNothing("020 7946 0018", "GB"));
        assertFalse(PhoneRecognizer.parseAddsNothing("1 650 253 0000", "US"));
        assertFalse(PhoneRecognizer.parseAddsNothing("+44 20 7946 0018", "GB"));
    }
}
