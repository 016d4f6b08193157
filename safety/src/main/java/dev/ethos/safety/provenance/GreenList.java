package dev.ethos.safety.provenance;

import javax.crypto.Mac;

/**
 * The keyed vocabulary split of the watermark. The seed of a position is HMAC-SHA256 under the
 * watermark key of its context (the previous {@code h} token ids, 4 bytes each, big-endian; fewer at
 * the very start of a sequence), truncated to 64 bits. Token {@code t} is green under seed {@code s}
 * when a 64-bit mix (SplitMix64's finaliser) of {@code s} and {@code t}, read as a fraction in
 * [0, 1), is below γ. Without the key, membership is indistinguishable from a coin with bias γ, which
 * is all the detector's null hypothesis needs; the green list's size varies around γ·|V| instead of
 * being exactly γ·|V| as in the paper's permutation, which costs nothing in power and lets the
 * detector test one token without touching the vocabulary.
 */
final class GreenList {
    private final WatermarkKey key;
    private final double gamma;
    private final long threshold; // green iff (mix >>> 11) < threshold, for 53-bit fractions
    private final int contextWidth;
    private final ThreadLocal<Mac> macs;

    GreenList(WatermarkKey key, double gamma, int contextWidth) {
        this.key = key;
        this.gamma = gamma;
        this.threshold = (long) Math.floor(gamma * (1L << 53));
        this.contextWidth = contextWidth;
        this.macs = ThreadLocal.withInitial(key::newMac);
    }

    double gamma() {
        return gamma;
    }

    int contextWidth() {
        return contextWidth;
    }

    /** The seed for the position after {@code tokens[0, end)}: a keyed hash of the last h tokens. */
    long seed(int[] tokens, int end) {
        int from = Math.max(0, end - contextWidth);
        byte[] buf = new byte[4 * (end - from)];
        for (int i = from, j = 0; i < end; i++, j += 4) {
            int t = tokens[i];
            buf[j] = (byte) (t >>> 24);
            buf[j + 1] = (byte) (t >>> 16);
            buf[j + 2] = (byte) (t >>> 8);
            buf[j + 3] = (byte) t;
        }
        Mac mac = macs.get();
        byte[] d = mac.doFinal(buf); // doFinal resets the Mac for the next use
        long s = 0;
        for (int i = 0; i < 8; i++) {
            s = s << 8 | (d[i] & 0xFF);
        }
        return s;
    }

    boolean green(long seed, int token) {
        return (mix(seed + 0x9E3779B97F4A7C15L * (token + 1L)) >>> 11) < threshold;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    WatermarkKey key() {
        return key;
    }
}
