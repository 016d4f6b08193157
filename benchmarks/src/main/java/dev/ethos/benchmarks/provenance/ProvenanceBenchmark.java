package dev.ethos.benchmarks.provenance;

import dev.ethos.FinishReason;
import dev.ethos.Generation;
import dev.ethos.GenerationRequest;
import dev.ethos.Generator;
import dev.ethos.ModelInfo;
import dev.ethos.SafeGenerator;
import dev.ethos.StreamListener;
import dev.ethos.TokenUsage;
import dev.ethos.audit.AuditSink;
import dev.ethos.safety.provenance.ProvenanceFilter;
import dev.ethos.safety.provenance.ProvenanceKeys;
import dev.ethos.safety.provenance.ProvenanceVerifier;
import dev.ethos.safety.provenance.Watermark;
import dev.ethos.safety.provenance.WatermarkDetector;
import dev.ethos.safety.provenance.WatermarkKey;
import java.util.SplittableRandom;
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
 * Provenance costs per text size: labelling + signing a generation through the filter (the whole
 * guarded path around a model that answers instantly), verifying a labelled text, and the watermark's
 * per-step logits work and per-text detection. Divide by {@code kb} for the per-KB figure.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar ProvenanceBenchmark -f 1 -wi 1 -i 2 -w 1s -r 1s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ProvenanceBenchmark {
    @Param({"1", "16"})
    int kb;

    private SafeGenerator labeller;
    private ProvenanceVerifier verifier;
    private String labelled;
    private GenerationRequest request;
    private Watermark watermark;
    private WatermarkDetector detector;
    private float[] logits;
    private int[] context;
    private int[] tokens;

    @Setup
    public void setup() {
        String text = text(kb * 1024);
        ProvenanceKeys.SigningKey key = ProvenanceKeys.SigningKey.of(ProvenanceKeys.generate());
        Generator model = new Generator() {
            final ModelInfo info = new ModelInfo("bench", "echo");

            @Override
            public ModelInfo info() {
                return info;
            }

            @Override
            public Generation generate(GenerationRequest r) {
                return Generation.of(text, FinishReason.STOP, TokenUsage.UNKNOWN, info);
            }

            @Override
            public void stream(GenerationRequest r, StreamListener l) {
                l.onText(text);
                l.onComplete(generate(r));
            }
        };
        labeller = SafeGenerator.builder(model).auditSink(AuditSink.none()).filter(ProvenanceFilter.signing(key)).build();
        request = GenerationRequest.of("Write something.");
        labelled = labeller.generate(request).text();
        verifier = ProvenanceVerifier.trusting(key.publicKey());
        if (!verifier.verify(labelled).valid()) {
            throw new IllegalStateException("benchmark setup: labelled text does not verify");
        }
        watermark = Watermark.ofDefaults(WatermarkKey.parse("benchmark-watermark-key-0001"));
        detector = watermark.detector();
        logits = new float[50257];
        context = new int[] {11, 22, 33, 44, 55, 66};
        SplittableRandom rng = new SplittableRandom(1);
        tokens = new int[200 * kb]; // ~200 GPT-2 tokens per KB of English
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = rng.nextInt(50257);
        }
    }

    static String text(int chars) {
        String s = "The committee met on Tuesday to review the budget, and agreed to publish its findings next month. "
                + "委员会周二开会审议预算，并同意下月公布结果。 ";
        StringBuilder sb = new StringBuilder(chars);
        while (sb.length() < chars) {
            sb.append(s);
        }
        sb.setLength(chars);
        return sb.toString();
    }

    /** A generation labelled, hashed, signed and embedded by the provenance filter. */
    @Benchmark
    public Generation labelAndSign() {
        return labeller.generate(request);
    }

    @Benchmark
    public ProvenanceVerifier.Verification verify() {
        return verifier.verify(labelled);
    }

    /** One decoding step's watermark work over a GPT-2-sized vocabulary (independent of kb). */
    @Benchmark
    public float[] watermarkStep() {
        watermark.process(context, 2, logits);
        return logits;
    }

    /** Detection over ~200 tokens per KB. */
    @Benchmark
    public WatermarkDetector.Detection detect() {
        return detector.detect(tokens);
    }
}
