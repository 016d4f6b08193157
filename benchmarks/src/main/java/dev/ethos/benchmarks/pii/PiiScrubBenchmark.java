package dev.ethos.benchmarks.pii;

import dev.ethos.safety.pii.PiiAnalyzer;
import dev.ethos.safety.pii.PiiAnonymizer;
import dev.ethos.safety.pii.PiiVault;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-threaded PII scrubbing throughput (detect + replace) on a generated mixed EN/ZH corpus with
 * about one PII value per 200 characters, at 1 KB, 100 KB and 10 MB. JMH reports operations per second
 * and, in the auxiliary {@code mb} row, megabytes (UTF-8 input bytes / 10^6) per second. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar PiiScrub}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class PiiScrubBenchmark {
    @Param({"1024", "102400", "10485760"})
    public int size;

    String text;
    long bytes;
    PiiAnonymizer anonymizer;

    @Setup
    public void setup() {
        text = PiiCorpus.generate(size, 42);
        bytes = text.getBytes(StandardCharsets.UTF_8).length;
        anonymizer = PiiAnonymizer.of(PiiAnalyzer.ofDefaults(), dev.ethos.safety.pii.Operators.replace());
        anonymizer.anonymize("warm up Maria Gonzalez 4111 1111 1111 1111", "en");
    }

    /** MB scrubbed, as an auxiliary counter: JMH divides it by time, giving MB/s. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Throughput {
        /** Megabytes (10^6 UTF-8 bytes of input) scrubbed: JMH reports this per second, i.e. MB/s. */
        public double mb;

        @Setup(Level.Iteration)
        public void reset() {
            mb = 0;
        }
    }

    @Benchmark
    public String scrub(Throughput counter) {
        String out = anonymizer.anonymize(text, null, PiiVault.inMemory()).text();
        counter.mb += bytes / 1e6;
        return out;
    }
}
