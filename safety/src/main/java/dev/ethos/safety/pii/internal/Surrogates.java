package dev.ethos.safety.pii.internal;

import java.util.HexFormat;

/**
 * Format-valid fake values derived from a seed (an HMAC of the real value), so the same value always
 * gets the same fake. Every fake is taken from a range reserved for examples or tests, so it can never be
 * someone's real data: 555-01xx phone numbers, issuer test card ranges (Luhn-valid), example.com,
 * TEST-NET IPv4 and 2001:db8::/32 IPv6, the 00-00-5E-00-53 documentation MAC range, NHS 999 test numbers,
 * the 987-65-432x SSN advertising range.
 */
public final class Surrogates {
    private static final String[] GIVEN = {"Alex", "Sam", "Jordan", "Taylor", "Casey", "Morgan", "Riley", "Jamie",
        "Avery", "Quinn", "Robin", "Drew", "Harper", "Rowan", "Sasha", "Kai"};
    private static final String[] FAMILY = {"Example", "Sample", "Placeholder", "Doe", "Roe", "Testwood", "Fakeley",
        "Mockford"};
    private static final String[] ZH_FAMILY = {"张", "王", "李", "赵", "刘", "陈"};
    private static final String[] ZH_GIVEN = {"示例", "测试", "某某", "样本"};

    private Surrogates() {
    }

    private static int u(byte[] seed, int i) {
        return seed[i % seed.length] & 0xFF;
    }

    private static String digits(byte[] seed, int from, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(u(seed, from + i) % 10);
        }
        return sb.toString();
    }

    /** Lays {@code digits} into the shape of {@code original} (its separators kept where possible). */
    private static String shape(String original, String digits) {
        StringBuilder sb = new StringBuilder();
        int k = 0;
        int origDigits = 0;
        for (char c : original.toCharArray()) {
            if (Character.isDigit(c)) {
                origDigits++;
            }
        }
        if (origDigits != digits.length()) {
            return digits;
        }
        for (char c : original.toCharArray()) {
            sb.append(Character.isDigit(c) ? digits.charAt(k++) : c);
        }
        return sb.toString();
    }

    public static String fake(String type, String value, byte[] seed) {
        switch (type) {
            case "PERSON":
                if (value.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
                    return ZH_FAMILY[u(seed, 0) % ZH_FAMILY.length] + ZH_GIVEN[u(seed, 1) % ZH_GIVEN.length];
                }
                return GIVEN[u(seed, 0) % GIVEN.length] + " " + FAMILY[u(seed, 1) % FAMILY.length];
            case "EMAIL_ADDRESS":
                return "user" + (u(seed, 0) * 256 + u(seed, 1)) + "@example.com";
            case "PHONE_NUMBER":
                return "+1 555-01" + digits(seed, 0, 2);
            case "CREDIT_CARD": {
                String body = "4000" + digits(seed, 0, 11);
                String card = body + Checksums.luhnCheckDigit(body);
                return shape(value, card);
            }
            case "IBAN_CODE": {
                String bban = "00000000" + digits(seed, 0, 10);
                return "DE" + Checksums.ibanCheckDigits("DE", bban) + bban;
            }
            case "US_SSN":
                return "987-65-432" + (u(seed, 0) % 10);
            case "IP_ADDRESS":
                return value.indexOf(':') >= 0 ? "2001:db8::" + Integer.toHexString(u(seed, 0) + 1)
                        : "192.0.2." + (u(seed, 0) % 254 + 1);
            case "MAC_ADDRESS": {
                char sep = value.indexOf('-') >= 0 ? '-' : ':';
                return String.format("00%c00%c5E%c00%c53%c%02X", sep, sep, sep, sep, sep, u(seed, 0));
            }
            case "CN_RESIDENT_ID": {
                String first17 = "110101" + "19900101".substring(0, 4) + String.format("%02d%02d", u(seed, 0) % 12 + 1,
                        u(seed, 1) % 28 + 1) + digits(seed, 2, 3);
                return first17 + Checksums.cnIdCheck(first17);
            }
            case "UK_NHS_NUMBER": {
                for (int attempt = 0; attempt < 32; attempt++) {
                    String nine = "999" + digits(seed, attempt, 6);
                    int check = Checksums.nhsCheckDigit(nine);
                    if (check >= 0) {
                        return shape(value, nine + check);
                    }
                }
                return "999 000 0000";
            }
            case "DATE_OF_BIRTH":
                return String.format("19%02d-%02d-%02d", 50 + u(seed, 0) % 50, u(seed, 1) % 12 + 1, u(seed, 2) % 28 + 1);
            case "PASSPORT_NUMBER":
                return "X" + digits(seed, 0, 8);
            case "CRYPTO_WALLET":
                if (value.startsWith("0x") || value.startsWith("0X")) {
                    byte[] addr = new byte[20];
                    for (int i = 0; i < 20; i++) {
                        addr[i] = (byte) u(seed, i);
                    }
                    return "0x" + HexFormat.of().formatHex(addr);
                } else {
                    byte[] payload = new byte[21];
                    for (int i = 1; i < 21; i++) {
                        payload[i] = (byte) u(seed, i);
                    }
                    return Checksums.base58CheckEncode(payload);
                }
            case "STREET_ADDRESS":
                if (value.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
                    return "示例省测试市样本路" + (u(seed, 0) % 99 + 1) + "号";
                }
                return (u(seed, 0) % 999 + 1) + " Example Street, Springfield";
            case "SECRET":
                return "REDACTED-" + HexFormat.of().formatHex(seed, 0, 4);
            case "URL":
                return "https://example.com/";
            default:
                return "<" + type + ">";
        }
    }
}
