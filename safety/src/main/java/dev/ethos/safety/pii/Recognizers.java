package dev.ethos.safety.pii;

import dev.ethos.safety.pii.internal.CnResidentIdRecognizer;
import dev.ethos.safety.pii.internal.CreditCardRecognizer;
import dev.ethos.safety.pii.internal.CryptoWalletRecognizer;
import dev.ethos.safety.pii.internal.DateOfBirthRecognizer;
import dev.ethos.safety.pii.internal.EmailRecognizer;
import dev.ethos.safety.pii.internal.IbanRecognizer;
import dev.ethos.safety.pii.internal.IpAddressRecognizer;
import dev.ethos.safety.pii.internal.MacAddressRecognizer;
import dev.ethos.safety.pii.internal.PassportRecognizer;
import dev.ethos.safety.pii.internal.PersonRecognizer;
import dev.ethos.safety.pii.internal.PhoneRecognizer;
import dev.ethos.safety.pii.internal.SecretRecognizer;
import dev.ethos.safety.pii.internal.StreetAddressRecognizer;
import dev.ethos.safety.pii.internal.UkNhsRecognizer;
import dev.ethos.safety.pii.internal.UrlRecognizer;
import dev.ethos.safety.pii.internal.UsSsnRecognizer;
import java.util.List;

/** The built-in recognizers. */
public final class Recognizers {
    private Recognizers() {
    }

    /** One instance of every built-in recognizer (URL included; the analyzer enables types). */
    public static List<Recognizer> builtIn() {
        return List.of(new EmailRecognizer(), new PhoneRecognizer(), new CreditCardRecognizer(), new IbanRecognizer(),
                new UsSsnRecognizer(), new IpAddressRecognizer(), new StreetAddressRecognizer(),
                new DateOfBirthRecognizer(), new CryptoWalletRecognizer(), new MacAddressRecognizer(),
                new CnResidentIdRecognizer(), new PassportRecognizer(), new UkNhsRecognizer(), new SecretRecognizer(),
                new PersonRecognizer(), new UrlRecognizer());
    }

    public static Recognizer email() {
        return new EmailRecognizer();
    }

    public static Recognizer phone(List<String> regions) {
        return new PhoneRecognizer(regions);
    }

    public static Recognizer person() {
        return new PersonRecognizer();
    }
}
