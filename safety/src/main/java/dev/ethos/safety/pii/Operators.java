package dev.ethos.safety.pii;

import dev.ethos.safety.pii.internal.Surrogates;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The built-in {@link Operator}s:
 * <ul>
 *   <li>{@link #replace()}: a typed, numbered placeholder, {@code <EMAIL_ADDRESS_1>}; the same value gets the
 *       same number within a vault (a request).</li>
 *   <li>{@link #redact()}: removes the value.</li>
 *   <li>{@link #mask(int, char)}: replaces every letter and digit but the last N (at most a quarter of them,
 *       so short values are masked whole) with a mask character, keeping separators
 *       ({@code **** **** **** 1234}).</li>
 *   <li>{@link #hash(byte[])}: HMAC-SHA-256 of the value with a caller key (never an unsalted hash), hex.</li>
 *   <li>{@link #encrypt(byte[])}: AES-GCM with a random 96-bit nonce, {@code enc:} + base64url(nonce ‖ ciphertext ‖ tag);
 *       {@link #decrypt(byte[], String)} reverses it.</li>
 *   <li>{@link #surrogate(byte[])}: a consistent, format-valid fake: reserved 555-01xx phone numbers, test card
 *       ranges that pass Luhn, example.com addresses, TEST-NET IPs, documentation MACs, valid-checksum IBANs,
 *       resident IDs and NHS numbers in test ranges, fake names; the same value always gets the same fake under
 *       the same key.</li>
 * </ul>
 */
public final class Operators {
    private Operators() {
    }

    public static Operator replace() {
        return Replace.INSTANCE;
    }

    public static Operator redact() {
        return new Simple("redact") {
            @Override
            public String apply(String type, String value, PiiVault vault) {
                return "";
            }
        };
    }

    /**
     * Keeps the last {@code keepLast} letters/digits, but never more than a quarter of them; the others become
     * {@code maskChar}; separators stay.
     */
    public static Operator mask(int keepLast, char maskChar) {
        if (keepLast < 0) {
            throw new IllegalArgumentException("mask keepLast must be >= 0, got " + keepLast);
        }
        return new Simple("mask") {
            @Override
            public String apply(String type, String value, PiiVault vault) {
                char[] c = value.toCharArray();
                int alnum = 0;
                for (char ch : c) {
                    if (Character.isLetterOrDigit(ch)) {
                        alnum++;
                    }
                }
                int keep = Math.min(keepLast, alnum / 4); // never more than a quarter: a short value is masked whole
                int kept = 0;
                for (int i = c.length - 1; i >= 0; i--) {
                    if (Character.isLetterOrDigit(c[i])) {
                        if (kept < keep) {
                            kept++;
                        } else {
                            c[i] = maskChar;
                        }
                    }
                }
                return new String(c);
            }
        };
    }

    /** HMAC-SHA-256 with {@code key} (at least 16 bytes), lower-case hex. */
    public static Operator hash(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < 16) {
            throw new IllegalArgumentException("hash key must have at least 16 bytes, got " + key.length);
        }
        SecretKeySpec k = new SecretKeySpec(key.clone(), "HmacSHA256");
        return new Simple("hash") {
            @Override
            public String apply(String type, String value, PiiVault vault) {
                return hmacHex(k, value);
            }
        };
    }

    /** AES-GCM with a 16-, 24- or 32-byte key. */
    public static Operator encrypt(byte[] key) {
        SecretKey k = aesKey(key);
        SecureRandom random = new SecureRandom();
        return new Simple("encrypt") {
            @Override
            public String apply(String type, String value, PiiVault vault) {
                byte[] nonce = new byte[12];
                synchronized (random) {
                    random.nextBytes(nonce);
                }
                try {
                    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                    c.init(Cipher.ENCRYPT_MODE, k, new GCMParameterSpec(128, nonce));
                    byte[] ct = c.doFinal(value.getBytes(StandardCharsets.UTF_8));
                    ByteBuffer b = ByteBuffer.allocate(12 + ct.length).put(nonce).put(ct);
                    return "enc:" + Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("AES-GCM encryption failed", e);
                }
            }
        };
    }

    /** Reverses {@link #encrypt(byte[])}; throws when the key is wrong or the token was changed. */
    public static String decrypt(byte[] key, String token) {
        Objects.requireNonNull(token, "token");
        if (!token.startsWith("enc:")) {
            throw new IllegalArgumentException("not an encrypted value (expected the prefix 'enc:')");
        }
        SecretKey k = aesKey(key);
        byte[] all;
        try {
            all = Base64.getUrlDecoder().decode(token.substring(4));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("encrypted value is not base64url", e);
        }
        if (all.length < 12 + 16) {
            throw new IllegalArgumentException("encrypted value too short (" + all.length + " bytes)");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, k, new GCMParameterSpec(128, all, 0, 12));
            return new String(c.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot decrypt: wrong key or tampered value", e);
        }
    }

    /** Consistent, format-valid fakes keyed by {@code key} (at least 16 bytes). */
    public static Operator surrogate(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < 16) {
            throw new IllegalArgumentException("surrogate key must have at least 16 bytes, got " + key.length);
        }
        SecretKeySpec k = new SecretKeySpec(key.clone(), "HmacSHA256");
        return new Simple("surrogate") {
            @Override
            public String apply(String type, String value, PiiVault vault) {
                byte[] seed = hmac(k, type + '\u0000' + value);
                return Surrogates.fake(type, value, seed);
            }
        };
    }

    /** The operator named {@code name} ("replace", "redact", "mask", "hash", "encrypt", "surrogate"). */
    public static Operator byName(String name, byte[] key) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "replace":
                return replace();
            case "redact":
                return redact();
            case "mask":
                return mask(4, '*');
            case "hash":
                return hash(key);
            case "encrypt":
                return encrypt(key);
            case "surrogate":
                return surrogate(key);
            default:
                throw new IllegalArgumentException("unknown operator '" + name
                        + "'; known: replace, redact, mask, hash, encrypt, surrogate");
        }
    }

    static SecretKey aesKey(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalArgumentException("AES key must have 16, 24 or 32 bytes, got " + key.length);
        }
        return new SecretKeySpec(key.clone(), "AES");
    }

    static byte[] hmac(SecretKeySpec k, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(k);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 failed", e);
        }
    }

    static String hmacHex(SecretKeySpec k, String value) {
        return HexFormat.of().formatHex(hmac(k, value));
    }

    private abstract static class Simple implements Operator {
        private final String name;

        Simple(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String toString() {
            return "Operator{" + name + "}";
        }
    }

    private static final class Replace implements Operator {
        static final Replace INSTANCE = new Replace();

        @Override
        public String name() {
            return "replace";
        }

        @Override
        public String apply(String type, String value, PiiVault vault) {
            return vault.placeholderFor(type, value);
        }
    }
}
