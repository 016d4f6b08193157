package dev.ethos.safety.pii.internal;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Check-digit algorithms used to validate candidates. All static, allocation-light. */
public final class Checksums {
    private Checksums() {
    }

    /** Luhn over the digits of {@code digits} (only '0'..'9'). */
    public static boolean luhn(CharSequence digits) {
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return digits.length() > 0 && sum % 10 == 0;
    }

    /** The Luhn check digit that completes {@code payload}. */
    public static int luhnCheckDigit(CharSequence payload) {
        for (int d = 0; d <= 9; d++) {
            if (luhn(payload.toString() + d)) {
                return d;
            }
        }
        throw new IllegalStateException();
    }

    /** IBAN lengths by country (ISO 13616 registry). */
    public static final Map<String, Integer> IBAN_LENGTHS = new HashMap<>();

    static {
        String spec = "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 DK18 DO28 "
                + "EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 "
                + "JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27 MT31 MU30 NI28 NL18 "
                + "NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23 ST25 SV28 "
                + "TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30";
        for (String e : spec.split(" ")) {
            IBAN_LENGTHS.put(e.substring(0, 2), Integer.parseInt(e.substring(2)));
        }
    }

    /** ISO 7064 mod 97-10 over a compact IBAN (upper-case letters and digits, no spaces). */
    public static boolean ibanMod97(CharSequence iban) {
        int n = iban.length();
        if (n < 5) {
            return false;
        }
        int rem = 0;
        for (int k = 0; k < n; k++) {
            char c = iban.charAt((k + 4) % n);
            if (c >= '0' && c <= '9') {
                rem = (rem * 10 + (c - '0')) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                int v = c - 'A' + 10;
                rem = (rem * 100 + v) % 97;
            } else {
                return false;
            }
        }
        return rem == 1;
    }

    /** The two IBAN check digits for country {@code cc} and BBAN {@code bban}. */
    public static String ibanCheckDigits(String cc, String bban) {
        String s = bban + cc + "00";
        StringBuilder num = new StringBuilder();
        for (char c : s.toCharArray()) {
            num.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        int check = 98 - new BigInteger(num.toString()).mod(BigInteger.valueOf(97)).intValue();
        return (check < 10 ? "0" : "") + check;
    }

    private static final int[] CN_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CN_CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    /** The ISO 7064 MOD 11-2 check character of the first 17 digits of a PRC resident ID. */
    public static char cnIdCheck(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * CN_WEIGHTS[i];
        }
        return CN_CHECK[sum % 11];
    }

    /** Valid date yyyy-mm-dd from 1900 up to {@code maxYear}. */
    public static boolean validDate(int y, int m, int d, int maxYear) {
        if (y < 1900 || y > maxYear) {
            return false;
        }
        try {
            LocalDate.of(y, m, d);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** NHS number mod 11 over 10 digits. */
    public static boolean nhs(CharSequence digits) {
        if (digits.length() != 10) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }

    /** The NHS check digit for 9 digits, or -1 when none exists. */
    public static int nhsCheckDigit(CharSequence nine) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nine.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check == 10 ? -1 : check;
    }

    private static final String B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    /** Base58Check: decodes and checks the 4-byte double-SHA-256 checksum; returns the payload or null. */
    public static byte[] base58Check(CharSequence s) {
        BigInteger v = BigInteger.ZERO;
        BigInteger b58 = BigInteger.valueOf(58);
        for (int i = 0; i < s.length(); i++) {
            int d = B58.indexOf(s.charAt(i));
            if (d < 0) {
                return null;
            }
            v = v.multiply(b58).add(BigInteger.valueOf(d));
        }
        byte[] raw = v.toByteArray();
        int strip = raw.length > 1 && raw[0] == 0 ? 1 : 0;
        int zeros = 0;
        while (zeros < s.length() && s.charAt(zeros) == '1') {
            zeros++;
        }
        byte[] full = new byte[zeros + raw.length - strip];
        System.arraycopy(raw, strip, full, zeros, raw.length - strip);
        if (full.length < 5) {
            return null;
        }
        byte[] payload = Arrays.copyOf(full, full.length - 4);
        byte[] check = sha256(sha256(payload));
        for (int i = 0; i < 4; i++) {
            if (check[i] != full[full.length - 4 + i]) {
                return null;
            }
        }
        return payload;
    }

    /** Base58Check-encodes {@code payload} (for generating test data and surrogates). */
    public static String base58CheckEncode(byte[] payload) {
        byte[] check = sha256(sha256(payload));
        byte[] full = Arrays.copyOf(payload, payload.length + 4);
        System.arraycopy(check, 0, full, payload.length, 4);
        BigInteger v = new BigInteger(1, full);
        StringBuilder sb = new StringBuilder();
        BigInteger b58 = BigInteger.valueOf(58);
        while (v.signum() > 0) {
            BigInteger[] qr = v.divideAndRemainder(b58);
            sb.append(B58.charAt(qr[1].intValue()));
            v = qr[0];
        }
        for (int i = 0; i < full.length && full[i] == 0; i++) {
            sb.append('1');
        }
        return sb.reverse().toString();
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[] GEN = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};

    private static int polymod(int[] values) {
        int chk = 1;
        for (int v : values) {
            int b = chk >>> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ v;
            for (int i = 0; i < 5; i++) {
                if (((b >>> i) & 1) != 0) {
                    chk ^= GEN[i];
                }
            }
        }
        return chk;
    }

    /** 1 for a valid bech32, 2 for bech32m, 0 when invalid. {@code s} is lower-case "hrp1data". */
    public static int bech32(String s) {
        int sep = s.lastIndexOf('1');
        if (sep < 1 || sep + 7 > s.length() || s.length() > 90) {
            return 0;
        }
        String hrp = s.substring(0, sep);
        int[] values = new int[hrp.length() * 2 + 1 + s.length() - sep - 1];
        int k = 0;
        for (int i = 0; i < hrp.length(); i++) {
            values[k++] = hrp.charAt(i) >> 5;
        }
        values[k++] = 0;
        for (int i = 0; i < hrp.length(); i++) {
            values[k++] = hrp.charAt(i) & 31;
        }
        for (int i = sep + 1; i < s.length(); i++) {
            int d = BECH32.indexOf(s.charAt(i));
            if (d < 0) {
                return 0;
            }
            values[k++] = d;
        }
        int pm = polymod(values);
        return pm == 1 ? 1 : pm == 0x2bc830a3 ? 2 : 0;
    }

    /** Encodes a bech32 (variant 1) or bech32m (variant 2) string from 5-bit data. */
    public static String bech32Encode(String hrp, int[] data, int variant) {
        int[] values = new int[hrp.length() * 2 + 1 + data.length + 6];
        int k = 0;
        for (int i = 0; i < hrp.length(); i++) {
            values[k++] = hrp.charAt(i) >> 5;
        }
        values[k++] = 0;
        for (int i = 0; i < hrp.length(); i++) {
            values[k++] = hrp.charAt(i) & 31;
        }
        for (int d : data) {
            values[k++] = d;
        }
        int pm = polymod(values) ^ (variant == 2 ? 0x2bc830a3 : 1);
        StringBuilder sb = new StringBuilder(hrp).append('1');
        for (int d : data) {
            sb.append(BECH32.charAt(d));
        }
        for (int i = 0; i < 6; i++) {
            sb.append(BECH32.charAt((pm >>> (5 * (5 - i))) & 31));
        }
        return sb.toString();
    }
}
