package dev.ethos.safety.provenance;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.UUID;

/**
 * An invisible marker of a content id in Unicode variation selectors: 18 selectors (VS1–VS256,
 * one byte each) after a visible character: two magic bytes {@code 0xE7 0x05} and the 16 bytes of
 * the content id's UUID. Variation selectors after a character they do not apply to render as
 * nothing in common fonts, so the marker survives copy and paste in many (not all) applications.
 *
 * <p><b>Fragile by nature:</b> anything that normalises or filters text (some editors, messengers,
 * search indexes, {@code NFKC} folding, "remove invisible characters" sanitisers) removes it, and
 * anyone can strip it on purpose. It is a lookup hint (the content id, to find the manifest in a
 * store) and never evidence on its own; the signed manifest is the evidence.
 */
public final class InvisibleMarker {
    private static final int MAGIC0 = 0xE7;
    private static final int MAGIC1 = 0x05;
    private static final int BYTES = 18;

    private InvisibleMarker() {
    }

    /** The marker for a content id of the form {@code urn:uuid:<uuid>} (or a bare UUID). */
    public static String encode(String contentId) {
        UUID id = uuid(contentId);
        ByteBuffer bb = ByteBuffer.allocate(BYTES);
        bb.put((byte) MAGIC0).put((byte) MAGIC1).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        StringBuilder sb = new StringBuilder(BYTES * 2);
        for (byte b : bb.array()) {
            sb.appendCodePoint(selector(b & 0xFF));
        }
        return sb.toString();
    }

    /** The content id ({@code urn:uuid:…}) of the first marker in {@code text}, if there is one. */
    public static Optional<String> find(CharSequence text) {
        int[] bytes = new int[BYTES];
        int n = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            int v = value(cp);
            if (v < 0) {
                n = 0;
                continue;
            }
            if (n == BYTES) {
                continue; // a longer run of selectors than a marker: keep the first 18
            }
            bytes[n++] = v;
            if (n == BYTES && bytes[0] == MAGIC0 && bytes[1] == MAGIC1) {
                long hi = 0;
                long lo = 0;
                for (int k = 2; k < 10; k++) {
                    hi = hi << 8 | bytes[k];
                }
                for (int k = 10; k < 18; k++) {
                    lo = lo << 8 | bytes[k];
                }
                return Optional.of("urn:uuid:" + new UUID(hi, lo));
            }
        }
        return Optional.empty();
    }

    /** {@code text} without any variation selectors that form a marker. */
    public static String strip(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        int runStart = -1;
        for (int i = 0; i <= text.length(); ) {
            int cp = i < text.length() ? text.codePointAt(i) : -1;
            boolean vs = cp >= 0 && value(cp) >= 0;
            if (vs && runStart < 0) {
                runStart = i;
            } else if (!vs && runStart >= 0) {
                String run = text.substring(runStart, i);
                if (find(run).isEmpty()) {
                    sb.append(run);
                }
                runStart = -1;
            }
            if (!vs && cp >= 0) {
                sb.appendCodePoint(cp);
            }
            i += cp >= 0 ? Character.charCount(cp) : 1;
        }
        return sb.toString();
    }

    static UUID uuid(String contentId) {
        String s = contentId.startsWith("urn:uuid:") ? contentId.substring(9) : contentId;
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("content id must be urn:uuid:<uuid>, got '" + contentId + "'", e);
        }
    }

    private static int selector(int b) {
        return b < 16 ? 0xFE00 + b : 0xE0100 + (b - 16);
    }

    private static int value(int cp) {
        if (cp >= 0xFE00 && cp <= 0xFE0F) {
            return cp - 0xFE00;
        }
        if (cp >= 0xE0100 && cp <= 0xE01EF) {
            return cp - 0xE0100 + 16;
        }
        return -1;
    }
}
