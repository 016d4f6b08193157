package dev.ethos.safety.provenance;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/**
 * The content hash of a manifest: SHA-256 over the UTF-8 bytes of the NFC-normalised text. An
 * unpaired surrogate (not valid Unicode, but a Java string may hold one) is encoded as its own
 * three-byte sequence (WTF-8), so that no two different texts share their bytes; for valid
 * Unicode text this is exactly UTF-8.
 */
final class ContentHash {
    static final String ALGORITHM = "SHA-256";
    static final String NORMALIZATION = "NFC";

    private ContentHash() {
    }

    static String sha256Hex(CharSequence text) {
        return HexFormat.of().formatHex(sha256(text));
    }

    static byte[] sha256(CharSequence text) {
        try {
            MessageDigest md = MessageDigest.getInstance(ALGORITHM);
            return md.digest(wtf8(Normalizer.normalize(text, Normalizer.Form.NFC)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    static byte[] wtf8(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i); // an unpaired surrogate comes back as itself
            i += Character.charCount(cp);
            if (cp < 0x80) {
                out.write(cp);
            } else if (cp < 0x800) {
                out.write(0xC0 | (cp >> 6));
                out.write(0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
                out.write(0xE0 | (cp >> 12));
                out.write(0x80 | ((cp >> 6) & 0x3F));
                out.write(0x80 | (cp & 0x3F));
            } else {
                out.write(0xF0 | (cp >> 18));
                out.write(0x80 | ((cp >> 12) & 0x3F));
                out.write(0x80 | ((cp >> 6) & 0x3F));
                out.write(0x80 | (cp & 0x3F));
            }
        }
        return out.toByteArray();
    }
}
