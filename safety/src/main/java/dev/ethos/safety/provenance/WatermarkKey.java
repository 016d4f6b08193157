package dev.ethos.safety.provenance;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret key of a {@link Watermark}: at least 16 bytes. Only its key id (an HMAC of a fixed
 * label under the key, 16 hex digits) ever appears in output; {@link #toString()} shows the id only.
 */
public final class WatermarkKey {
    static final String HMAC = "HmacSHA256";
    private static final int MIN_BYTES = 16;

    private final byte[] key;
    private final String keyId;

    private WatermarkKey(byte[] key) {
        if (key.length < MIN_BYTES) {
            throw new IllegalArgumentException("a watermark key needs at least " + MIN_BYTES + " bytes, got " + key.length);
        }
        this.key = key.clone();
        this.keyId = HexFormat.of().formatHex(hmac(key, "ethos/watermark/key-id".getBytes(StandardCharsets.UTF_8)), 0, 8);
    }

    public static WatermarkKey of(byte[] key) {
        return new WatermarkKey(Objects.requireNonNull(key, "key"));
    }

    /** A new random 32-byte key. */
    public static WatermarkKey generate() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return new WatermarkKey(b);
    }

    /**
     * A key from text: {@code hex:<hex digits>}, {@code base64:<base64>}, or otherwise the UTF-8
     * bytes of the text itself (a passphrase of at least 16 bytes; prefer random keys).
     */
    public static WatermarkKey parse(String text) {
        Objects.requireNonNull(text, "watermark key");
        try {
            if (text.startsWith("hex:")) {
                return of(HexFormat.of().parseHex(text.substring(4).strip()));
            }
            if (text.startsWith("base64:")) {
                return of(Base64.getDecoder().decode(text.substring(7).strip()));
            }
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("a watermark key")) {
                throw e;
            }
            throw new IllegalArgumentException("cannot decode the watermark key (" + text.substring(0, text.indexOf(':'))
                    + "): " + e.getMessage(), e);
        }
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A public, stable id of this key (never the key). */
    public String keyId() {
        return keyId;
    }

    /** A fresh HMAC-SHA256 keyed with this key. */
    Mac newMac() {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + HMAC, e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + HMAC, e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WatermarkKey k && MessageDigest.isEqual(k.key, key);
    }

    @Override
    public int hashCode() {
        return keyId.hashCode();
    }

    @Override
    public String toString() {
        return "WatermarkKey[keyId=" + keyId + "]";
    }

    /** For tests of the no-leak rule: the raw key bytes. */
    byte[] bytes() {
        return Arrays.copyOf(key, key.length);
    }
}
