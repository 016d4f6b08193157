package dev.ethos.benchmarks.misinfo;

import dev.ethos.safety.misinfo.ClaimMatch;
import dev.ethos.safety.misinfo.FactCheck;
import dev.ethos.safety.misinfo.FactCheckStore;
import dev.ethos.safety.misinfo.MisinfoFilter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Misinformation filter throughput, single-threaded, in sentences per second, against fact-check
 * stores of 1k, 10k and 100k generated claims. Claims are 5–10 words drawn Zipf-like from a
 * 20,000-word vocabulary of real and generated words; the sentences checked are 10–20 words from the
 * same distribution (65,536 of them, checked in turn), a quarter of them carrying a stored claim's
 * words in shuffled order (so the verifier runs), the rest ordinary. {@code check} is the whole filter (sentence split, cues,
 * citations, store lookup); {@code lookup} is the store alone. The setup prints the index's estimated
 * and measured heap per claim.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar misinfo -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class MisinfoBenchmark {
    private static final String[] COMMON = ("people water food health study children doctors cancer heart brain "
            + "phone vaccine coffee sugar sleep exercise government company scientists city school money energy "
            + "climate virus disease risk daily drink eat cause cure prevent make give use show find keep night "
            + "year day week blood skin hair eyes memory weight diet milk tea fruit salt oil air light sun moon").split(" ");

    @Param({"1000", "10000", "100000"})
    public int claims;

    /**
     * How many distinct sentences are checked in turn (a power of two). Large enough that a sentence
     * comes round again only after about a second, so per-thread memos of recent sentences and words
     * see roughly what they would on a stream of new text.
     */
    @Param({"65536"})
    public int pool;

    private FactCheckStore store;
    private MisinfoFilter filter;
    private String[] sentences;
    private int next;

    @Setup(Level.Trial)
    public void setup() {
        Random rnd = new Random(42);
        String[] vocab = new String[20_000];
        for (int i = 0; i < vocab.length; i++) {
            vocab[i] = i < COMMON.length ? COMMON[i] : word(rnd);
        }
        double[] cdf = new double[vocab.length];
        double sum = 0;
        for (int i = 0; i < vocab.length; i++) {
            sum += 1.0 / (i + 10);
            cdf[i] = sum;
        }
        for (int i = 0; i < cdf.length; i++) {
            cdf[i] /= sum;
        }
        List<FactCheck> list = new ArrayList<>(claims);
        List<List<String>> claimWords = new ArrayList<>(claims);
        for (int i = 0; i < claims; i++) {
            List<String> w = draw(rnd, vocab, cdf, 5 + rnd.nextInt(6));
            claimWords.add(w);
            FactCheck.Rating r = i % 7 == 0 ? FactCheck.Rating.TRUE : FactCheck.Rating.FALSE;
            list.add(new FactCheck(sentence(w), "en", r, "https://factcheck.example/" + i, "2024-01-01"));
        }
        System.gc();
        long before = usedHeap();
        store = FactCheckStore.of(list);
        System.gc();
        long after = usedHeap();
        System.out.printf(Locale.ROOT, "%nmisinfo index: %d claims, estimated %.0f bytes/claim, measured heap delta "
                + "%.0f bytes/claim (claim records were already on the heap: add ~%.0f for their strings)%n", claims,
                (double) store.estimatedBytes() / claims, (double) (after - before) / claims, 200.0);
        filter = MisinfoFilter.builder().store(store).build();
        if (Integer.bitCount(pool) != 1) {
            throw new IllegalArgumentException("pool must be a power of two, got " + pool);
        }
        sentences = new String[pool];
        for (int i = 0; i < sentences.length; i++) {
            List<String> w;
            if (i % 4 == 0) {
                w = new ArrayList<>(claimWords.get(rnd.nextInt(claims)));
                Collections.shuffle(w, rnd);
                w.addAll(draw(rnd, vocab, cdf, 3));
            } else {
                w = draw(rnd, vocab, cdf, 10 + rnd.nextInt(11));
            }
            sentences[i] = sentence(w);
        }
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String word(Random rnd) {
        StringBuilder sb = new StringBuilder();
        int len = 4 + rnd.nextInt(6);
        for (int k = 0; k < len; k++) {
            sb.append((char) ('a' + rnd.nextInt(26)));
        }
        return sb.toString();
    }

    private static List<String> draw(Random rnd, String[] vocab, double[] cdf, int n) {
        List<String> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            int i = java.util.Arrays.binarySearch(cdf, rnd.nextDouble());
            out.add(vocab[Math.min(vocab.length - 1, i < 0 ? -i - 1 : i)]);
        }
        return out;
    }

    private static String sentence(List<String> w) {
        String s = String.join(" ", w);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
    }

    @Benchmark
    public int check() {
        String s = sentences[next++ & (sentences.length - 1)];
        return filter.check(s, "en", List.of()).findings().size();
    }

    @Benchmark
    public int lookup() {
        String s = sentences[next++ & (sentences.length - 1)];
        List<ClaimMatch> m = store.find(s, "en");
        return m.size();
    }
}
