package dev.ethos.benchmarks.core;

import dev.ethos.FinishReason;
import dev.ethos.Generation;
import dev.ethos.GenerationRequest;
import dev.ethos.Generator;
import dev.ethos.ModelInfo;
import dev.ethos.SafeGenerator;
import dev.ethos.SafetyFilter;
import dev.ethos.SegmentResult;
import dev.ethos.StreamListener;
import dev.ethos.TextFilter;
import dev.ethos.TokenUsage;
import dev.ethos.audit.AuditSink;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The chain's own cost: a trivial model (a constant one-sentence answer) behind N no-op filters.
 * Per-filter overhead = (time at N filters - time at 0) / N. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar ChainOverhead}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ChainOverheadBenchmark {
    @Param({"0", "1", "4", "16"})
    public int filters;

    /** "text": segment-wise no-op TextFilters; "plain": no-op interceptors. */
    @Param({"text", "plain"})
    public String kind;

    private SafeGenerator guarded;
    private GenerationRequest request;

    static final Generation ANSWER = Generation.of("The answer is forty-two.", FinishReason.STOP, TokenUsage.UNKNOWN,
            new ModelInfo("bench", "constant"));

    static final class ConstantModel implements Generator {
        @Override
        public Generation generate(GenerationRequest r) {
            return ANSWER;
        }

        @Override
        public void stream(GenerationRequest r, StreamListener l) {
            l.onText(ANSWER.text());
            l.onComplete(ANSWER);
        }
    }

    static TextFilter noOpText(String name) {
        TextFilter.Session session = (seg, ctx) -> SegmentResult.PASS;
        return new TextFilter() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Session open(GenerationRequest r) {
                return session;
            }
        };
    }

    static SafetyFilter noOpPlain(String name) {
        return new SafetyFilter() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Generation apply(GenerationRequest r, Chain chain) {
                return chain.proceed(r);
            }
        };
    }

    @Setup
    public void setup() {
        SafeGenerator.Builder b = SafeGenerator.builder(new ConstantModel()).auditSink(AuditSink.none());
        for (int i = 0; i < filters; i++) {
            b.filter(kind.equals("text") ? noOpText("f" + i) : noOpPlain("f" + i));
        }
        guarded = b.build();
        request = GenerationRequest.builder().id("bench").user("What is the answer?").build();
    }

    @Benchmark
    public Generation generate() {
        return guarded.generate(request);
    }
}
