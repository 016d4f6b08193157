package dev.ethos.safety.pii;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The built-in types, named as in the evaluation data. Custom recognizers may use other names. */
public enum PiiType {
    PERSON, EMAIL_ADDRESS, PHONE_NUMBER, CREDIT_CARD, IBAN_CODE, US_SSN, IP_ADDRESS, STREET_ADDRESS,
    DATE_OF_BIRTH, CRYPTO_WALLET, MAC_ADDRESS, CN_RESIDENT_ID, PASSPORT_NUMBER, UK_NHS_NUMBER, SECRET,
    /** Off by default. */
    URL;

    /** Every type except {@link #URL}. */
    public static Set<PiiType> defaults() {
        return EnumSet.complementOf(EnumSet.of(URL));
    }

    /** The type named {@code name} (case-insensitive), with an error that names the bad value. */
    public static PiiType parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown PII type '" + name + "'; known: " + java.util.Arrays.toString(values()));
        }
    }
}
