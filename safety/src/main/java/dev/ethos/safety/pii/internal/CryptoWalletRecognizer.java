package dev.ethos.safety.pii.internal;

import dev.ethos.safety.pii.PiiCandidate;
import dev.ethos.safety.pii.PiiText;
import dev.ethos.safety.pii.Recognizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Crypto wallet addresses. Bitcoin: legacy/P2SH Base58Check (leading 1 or 3, 25-34 chars, version
 * byte 0x00 or 0x05, valid double-SHA-256 checksum) and SegWit bech32 / Taproot bech32m ({@code bc1…},
 * valid BCH checksum of the right variant for the witness version). Ethereum: {@code 0x} + exactly 40
 * hex digits (a 64-digit transaction hash is not an address); a mixed-case address that fails the
 * EIP-55 checksum (Keccak-256) scores 0.6 instead of 0.95.
 */
public final class CryptoWalletRecognizer implements Recognizer {
    @Override
    public String name() {
        return "crypto-wallet";
    }

    @Override
    public Set<String> types() {
        return Set.of("CRYPTO_WALLET");
    }

    private static boolean b58(char c) {
        return (c >= '1' && c <= '9') || (c >= 'A' && c <= 'Z' && c != 'I' && c != 'O')
                || (c >= 'a' && c <= 'z' && c != 'l');
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    @Override
    public void analyze(PiiText t, List<PiiCandidate> out) {
        String s = t.normalized();
        char[] cs = t.chars();
        int n = s.length();
        // Every form starts at a digit-run start (0x…, 1…, 3… after a non-word char) or two chars before one
        // (bc1…): only those positions are tried, in text order, each once, as the plain loop over every char did.
        int next = 0;
        for (int p : t.digitRunStarts()) {
            for (int i = p >= 2 ? p - 2 : p; i <= p; i += 2) {
                if (i >= next) {
                    next = tryAt(t, i, out) + 1;
                }
            }
        }
    }

    /** The plain loop's work at {@code i}; returns where it left i (the end of a wallet, or i itself). */
    private int tryAt(PiiText t, int i, List<PiiCandidate> out) {
        String s = t.normalized();
        char[] cs = t.chars();
        int n = s.length();
        {
            char c = cs[i];
            if (c != '0' && c != '1' && c != '3' && c != 'b' && c != 'B' || t.isWordChar(i - 1)) {
                return i;
            }
            if (c == '0' && i + 42 <= n && (cs[i + 1] == 'x' || cs[i + 1] == 'X')) {
                int j = i + 2;
                while (j < n && hex(cs[j]) && j - i <= 43) {
                    j++;
                }
                if (j - i == 42 && !t.isWordChar(j)) {
                    // A mixed-case address that fails EIP-55 is likely mistyped, but still someone's address.
                    double score = eip55Ok(s.substring(i + 2, j)) ? 0.95 : 0.6;
                    out.add(new PiiCandidate("CRYPTO_WALLET", i, j, score, name()));
                    i = j;
                }
            } else if ((c == '1' || c == '3') && i + 25 <= n) {
                int j = i;
                while (j < n && b58(cs[j]) && j - i <= 35) {
                    j++;
                }
                int len = j - i;
                if (len >= 25 && len <= 34 && !t.isWordChar(j)) {
                    byte[] payload = Checksums.base58Check(s.substring(i, j));
                    if (payload != null && payload.length == 21 && (payload[0] == 0 || payload[0] == 5)) {
                        out.add(new PiiCandidate("CRYPTO_WALLET", i, j, 0.95, name()));
                        i = j;
                    }
                }
            } else if ((c == 'b' || c == 'B') && i + 14 <= n && (cs[i + 1] == 'c' || cs[i + 1] == 'C')
                    && cs[i + 2] == '1') {
                int j = i + 3;
                while (j < n && t.isAsciiAlnum(j) && j - i <= 91) {
                    j++;
                }
                if (!t.isWordChar(j) && j - i >= 14 && j - i <= 90) {
                    String cand = s.substring(i, j);
                    if (!cand.equals(cand.toLowerCase(Locale.ROOT)) && !cand.equals(cand.toUpperCase(Locale.ROOT))) {
                        return i;
                    }
                    cand = cand.toLowerCase(Locale.ROOT);
                    int variant = Checksums.bech32(cand);
                    char wv = cand.charAt(3);
                    if (variant == 1 && wv == 'q' || variant == 2 && wv != 'q') {
                        out.add(new PiiCandidate("CRYPTO_WALLET", i, j, 0.95, name()));
                        i = j;
                    }
                }
            }
        }
        return i;
    }

    /** All-lower or all-upper hex passes; mixed case must match EIP-55 (Keccak-256 of the lower-case hex). */
    static boolean eip55Ok(String hex40) {
        String lower = hex40.toLowerCase(Locale.ROOT);
        if (hex40.equals(lower) || hex40.equals(hex40.toUpperCase(Locale.ROOT))) {
            return true;
        }
        byte[] h = Keccak.keccak256(lower.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        for (int i = 0; i < 40; i++) {
            char c = hex40.charAt(i);
            if (Character.isLetter(c)) {
                int nibble = (h[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xF;
                if ((nibble >= 8) != Character.isUpperCase(c)) {
                    return false;
                }
            }
        }
        return true;
    }
}
