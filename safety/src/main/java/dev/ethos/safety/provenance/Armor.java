package dev.ethos.safety.provenance;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The armoured block a manifest travels in at the end of a text, in the manner of PEM and of C2PA's
 * manifests in text formats:
 *
 * <pre>
 * …the text…
 *
 * -----BEGIN ETHOS PROVENANCE MANIFEST-----
 * eyJjb250ZW50SGFzaCI6…   (base64 of the canonical JSON, 64 columns)
 * -----END ETHOS PROVENANCE MANIFEST-----
 * </pre>
 *
 * The block starts with its own blank-line separator, so removing it gives back exactly the text
 * that was hashed.
 */
final class Armor {
    static final String BEGIN = "-----BEGIN ETHOS PROVENANCE MANIFEST-----";
    static final String END = "-----END ETHOS PROVENANCE MANIFEST-----";
    static final String SEPARATOR = "\n\n";

    private Armor() {
    }

    static String wrap(String manifestJson) {
        String b64 = Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(manifestJson.getBytes(StandardCharsets.UTF_8));
        return SEPARATOR + BEGIN + "\n" + b64 + "\n" + END + "\n";
    }

    /**
     * A text split at its embedded manifest.
     *
     * @param body the text without the block (what the signer hashed)
     * @param manifestJson the decoded manifest, or null when the block is damaged
     * @param problem why the block could not be read, or null
     */
    record Split(String body, String manifestJson, String problem) {
    }

    /** The last armoured block, if the text ends with one (trailing whitespace allowed). */
    static Optional<Split> split(String text) {
        int b = text.lastIndexOf(BEGIN);
        if (b < 0 || (b > 0 && text.charAt(b - 1) != '\n')) {
            return Optional.empty();
        }
        String body = text.substring(0, b);
        if (body.endsWith(SEPARATOR)) {
            body = body.substring(0, body.length() - SEPARATOR.length());
        }
        int e = text.indexOf(END, b + BEGIN.length());
        if (e < 0) {
            return Optional.of(new Split(body, null, "the armoured manifest has no end line"));
        }
        if (!text.substring(e + END.length()).isBlank()) {
            return Optional.empty(); // the block is quoted inside the text, not appended to it
        }
        String payload = text.substring(b + BEGIN.length(), e);
        for (int i = 0; i < payload.length(); i++) {
            char c = payload.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '+' || c == '/' || c == '=' || c == '\n' || c == '\r' || c == ' ' || c == '\t';
            if (!ok) {
                return Optional.of(new Split(body, null, "the armoured manifest holds a non-base64 character at "
                        + (b + BEGIN.length() + i)));
            }
        }
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(payload.strip());
            return Optional.of(new Split(body, new String(bytes, StandardCharsets.UTF_8), null));
        } catch (IllegalArgumentException ex) {
            return Optional.of(new Split(body, null, "the armoured manifest is not valid base64: " + ex.getMessage()));
        }
    }
}
