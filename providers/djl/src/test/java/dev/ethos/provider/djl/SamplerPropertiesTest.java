package dev.ethos.provider.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ethos.provider.djl.internal.Sampler;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class SamplerPropertiesTest {
    static int argmax(float[] l) {
        int b = 0;
        for (int i = 1; i < l.length; i++) {
            if (l[i] > l[b]) {
                b = i;
            }
        }
        return b;
    }

    @Property(tries = 200)
    void topKOneAndGreedyPickTheArgmax(@ForAll @Size(min = 2, max = 50) float[] logits,
            @ForAll @DoubleRange(min = 0.1, max = 5) double temperature, @ForAll long seed) {
        float[] clean = sanitize(logits);
        int best = argmax(clean);
        assertEquals(best, new Sampler(0, 0, 1, 1, seed).next(clean.clone(), new int[0], 0));
        // With top-k 1 only the best token survives (ties keep all equal maxima).
        int k1 = new Sampler(temperature, 1, 1, 1, seed).next(clean.clone(), new int[0], 0);
        assertTrue(clean[best] == clean[k1], "top-k 1 picked a lower logit");
    }

    @Property(tries = 200)
    void neverPicksAMaskedTokenAndStaysInTheNucleus(@ForAll @Size(min = 3, max = 50) float[] logits,
            @ForAll @IntRange(min = 0, max = 49) int masked, @ForAll @DoubleRange(min = 0.05, max = 1) double topP,
            @ForAll long seed) {
        float[] clean = sanitize(logits);
        int m = masked % clean.length;
        clean[m] = Float.NEGATIVE_INFINITY;
        if (argmax(clean) == m) {
            return; // everything masked is not this property's case
        }
        int t = new Sampler(1.0, 0, topP, 1, seed).next(clean.clone(), new int[0], 0);
        assertNotEquals(m, t);
        // The chosen token belongs to the smallest set of most probable tokens reaching topP.
        double max = Double.NEGATIVE_INFINITY;
        for (float f : clean) {
            max = Math.max(max, f);
        }
        double[] p = new double[clean.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(clean[i] - max);
            sum += p[i];
        }
        double above = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > p[t]) {
                above += p[i] / sum;
            }
        }
        assertTrue(above < topP + 1e-9, "token " + t + " lies outside the nucleus: mass above it " + above);
    }

    @Property(tries = 100)
    void sameSeedSameDraws(@ForAll @Size(min = 2, max = 30) float[] logits, @ForAll long seed) {
        float[] clean = sanitize(logits);
        Sampler a = new Sampler(1.3, 5, 0.9, 1.1, seed);
        Sampler b = new Sampler(1.3, 5, 0.9, 1.1, seed);
        int[] seen = {0, 1};
        for (int i = 0; i < 20; i++) {
            assertEquals(a.next(clean.clone(), seen, 2), b.next(clean.clone(), seen, 2));
        }
    }

    @Property(tries = 100)
    void repetitionPenaltyNeverRaisesASeenToken(@ForAll @Size(min = 2, max = 30) float[] logits,
            @ForAll @FloatRange(min = 1.01f, max = 5) float penalty) {
        float[] clean = sanitize(logits);
        float[] before = clean.clone();
        int[] seen = {0};
        new Sampler(0, 0, 1, penalty, 1).next(clean, seen, 1);
        assertTrue(clean[0] <= before[0], Arrays.toString(before) + " -> " + Arrays.toString(clean));
        for (int i = 1; i < clean.length; i++) {
            assertEquals(before[i], clean[i]);
        }
    }

    static float[] sanitize(float[] l) {
        float[] c = new float[l.length];
        for (int i = 0; i < l.length; i++) {
            c[i] = Float.isFinite(l[i]) ? Math.max(-30, Math.min(30, l[i] % 60)) : 0;
        }
        return c;
    }
}
