package dev.ethos.safety.provenance;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The measurement behind docs/provenance.md's watermark table (run by hand; not a test):
 * detection rates at z ≥ 4 of 200-token generations of {@link SyntheticLm}, with and without the
 * watermark, and after replacing 10% and 25% of the tokens with random ones.
 *
 * <pre>java -cp … dev.ethos.safety.provenance.WatermarkEvaluation [generations] [vocab:sigma …]</pre>
 */
public final class WatermarkEvaluation {
    private WatermarkEvaluation() {
    }

    public static void main(String[] args) {
        int gens = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        String[] configs = args.length > 1 ? java.util.Arrays.copyOfRange(args, 1, args.length)
                : new String[] {"1000:2.5", "8192:2.5", "50257:2.5", "8192:4.0"};
        Watermark wm = Watermark.ofDefaults(WatermarkKey.of("evaluation-key-0123456789".getBytes(StandardCharsets.UTF_8)));
        WatermarkDetector d = wm.detector();
        System.out.println("| vocab | sigma | entropy (nats) | unwatermarked | watermarked | 10% replaced | 25% replaced | mean z (0% / 10% / 25%) |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (String c : configs) {
            int vocab = Integer.parseInt(c.split(":")[0]);
            double sigma = Double.parseDouble(c.split(":")[1]);
            SyntheticLm lm = new SyntheticLm(vocab, sigma, 42);
            SplittableRandom rng = new SplittableRandom(2023);
            int neg = 0;
            int[] pos = new int[3];
            double[] zsum = new double[3];
            double[] fractions = {0, 0.10, 0.25};
            for (int i = 0; i < gens; i++) {
                int[] prompt = lm.randomPrompt(4, rng);
                if (d.detect(lm.generate(prompt, 200, null, rng)).watermarked()) {
                    neg++;
                }
                int[] marked = lm.generate(prompt, 200, wm, rng);
                for (int k = 0; k < 3; k++) {
                    WatermarkDetector.Detection r = d.detect(k == 0 ? marked : lm.replace(marked, fractions[k], rng));
                    pos[k] += r.watermarked() ? 1 : 0;
                    zsum[k] += r.z();
                }
            }
            System.out.printf(Locale.ROOT, "| %d | %.1f | %.2f | %s | %s | %s | %s | %.1f / %.1f / %.1f |%n", vocab, sigma,
                    lm.entropy(), pct(neg, gens), pct(pos[0], gens), pct(pos[1], gens), pct(pos[2], gens),
                    zsum[0] / gens, zsum[1] / gens, zsum[2] / gens);
        }
    }

    private static String pct(int n, int of) {
        return String.format(Locale.ROOT, "%.1f%% (%d/%d)", 100.0 * n / of, n, of);
    }
}
