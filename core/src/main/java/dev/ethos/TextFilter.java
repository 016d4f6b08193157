package dev.ethos;

import java.util.List;

/**
 * A filter whose output side works on text segments, so that it can guard a stream with bounded
 * hold-back. The chain cuts the model's output into segments at safe points (sentence and paragraph
 * ends in English and Chinese, or a bounded number of characters; see {@link dev.ethos.text.Segmenter})
 * and hands each to {@link Session#onSegment} in order, with the text before it as left context.
 * A non-streaming call goes through the very same segments, so streamed and batch results are equal
 * by construction.
 *
 * <p>A filter whose output side needs the whole text returns {@code true} from {@link #wholeText()}:
 * the chain then hands it everything as one segment at the end, which makes a stream hold all text
 * until the model has finished.
 */
public interface TextFilter extends SafetyFilter {
    /** Opens the per-request state. Called once per request, before the model. */
    Session open(GenerationRequest request);

    /** True when the output side must see the whole text at once (no streaming hold-back bound). */
    default boolean wholeText() {
        return false;
    }

    /** Runs this filter alone around {@code chain}: the same code path as in a {@link SafeGenerator}. */
    @Override
    default Generation apply(GenerationRequest request, Chain chain) {
        return dev.ethos.internal.GuardedRun.applySingle(this, request, chain);
    }

    /** Per-request state of a {@link TextFilter}. Used by one thread at a time. */
    interface Session {
        /** The input side: the request the rest of the chain sees, or a block. Default: unchanged. */
        default InputDecision onRequest(GenerationRequest request) {
            return InputDecision.proceed(request);
        }

        /** Text to emit before anything else: insertions at offset 0 of an empty segment. */
        default SegmentResult onStart() {
            return SegmentResult.PASS;
        }

        /**
         * One segment of this filter's input (the model's output as the inner filters left it).
         *
         * @param segment the segment
         * @param leftContext all of this filter's input before the segment
         */
        SegmentResult onSegment(String segment, CharSequence leftContext);

        /** After the last segment: insertions at offset 0 of an empty segment at the end, and metadata. */
        default SegmentResult onEnd(End end) {
            return SegmentResult.PASS;
        }
    }

    /**
     * What a session knows when the output has ended: everything this filter received
     * ({@link #input()}), everything it released so far ({@link #output()}), and the inner result
     * ({@link #inner()}: model info, usage, finish reason, and the report of the filters inside this one).
     */
    final class End {
        private final String input;
        private final String output;
        private final java.util.function.Supplier<Generation> inner;
        private Generation innerValue;

        public End(String input, String output, java.util.function.Supplier<Generation> inner) {
            this.input = input;
            this.output = output;
            this.inner = inner;
        }

        public String input() {
            return input;
        }

        public String output() {
            return output;
        }

        /** Built on first call. */
        public Generation inner() {
            if (innerValue == null) {
                innerValue = inner.get();
            }
            return innerValue;
        }
    }

    /** The input side's decision: go on with a (possibly changed) request, or block. */
    record InputDecision(GenerationRequest request, boolean blocked, String reason, List<Finding> findings) {
        public InputDecision {
            findings = List.copyOf(findings);
        }

        public static InputDecision proceed(GenerationRequest request) {
            return new InputDecision(request, false, null, List.of());
        }

        /** Go on with {@code request}; {@code findings} point into the prompt. */
        public static InputDecision proceed(GenerationRequest request, List<Finding> findings) {
            return new InputDecision(request, false, null, findings);
        }

        public static InputDecision block(String reason, List<Finding> findings) {
            return new InputDecision(null, true, reason, findings);
        }
    }
}
