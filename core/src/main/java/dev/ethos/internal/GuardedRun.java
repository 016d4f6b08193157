package dev.ethos.internal;

import dev.ethos.EthosException;
import dev.ethos.FilterException;
import dev.ethos.FilterOutcome;
import dev.ethos.FilterPolicy;
import dev.ethos.FinishReason;
import dev.ethos.Finding;
import dev.ethos.Generation;
import dev.ethos.GenerationRequest;
import dev.ethos.Generator;
import dev.ethos.ProviderException;
import dev.ethos.SafetyFilter;
import dev.ethos.SafetyReport;
import dev.ethos.SegmentResult;
import dev.ethos.Span;
import dev.ethos.StreamListener;
import dev.ethos.StreamListenerException;
import dev.ethos.TextFilter;
import dev.ethos.TextTarget;
import dev.ethos.Verdict;
import dev.ethos.text.OffsetMap;
import dev.ethos.text.Segmenter;
import dev.ethos.text.TextEdit;
import dev.ethos.text.TextEdits;
import java.nio.CharBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One guarded generation, batch or streamed, through a fixed list of filters and a model. Batch and
 * stream share every step: the model's text is cut by the same {@link Segmenter} and every segment
 * flows through the same layers, so the two give the same result for the same raw output.
 *
 * <p>Layer 0 is the outermost filter; layer {@code n} is the model. Not thread-safe: one per request.
 */
public final class GuardedRun {
    /** A filter with the policy it runs under. */
    public record Slot(SafetyFilter filter, FilterPolicy policy) {
        public Slot {
            Objects.requireNonNull(filter, "filter");
            Objects.requireNonNull(policy, "policy");
        }
    }

    /** Receives the output of one layer, segment by segment. */
    private interface Sink {
        void segment(String text);
    }

    private final List<Slot> slots;
    private final Generator model;
    private final Segmenter segmenter;
    private final StreamListener listener; // null in batch mode
    private final Layer[] layers;
    private final StringBuilder released = new StringBuilder();

    private boolean stopped;
    private boolean cancelled;
    private int blockedBy = -1;
    private Throwable blockCause;
    private RuntimeException providerError;
    private RuntimeException listenerError;
    private Generation modelResult;

    public GuardedRun(List<Slot> slots, Generator model, Segmenter segmenter, StreamListener listener) {
        this.slots = slots;
        this.model = model;
        this.segmenter = segmenter;
        this.listener = listener;
        this.layers = new Layer[slots.size()];
        for (int i = 0; i < layers.length; i++) {
            layers[i] = new Layer(slots.get(i));
        }
    }

    /** The outcome of a run: the generation, or the failure that ended it, and the block's cause. */
    public record Result(Generation generation, RuntimeException providerError, RuntimeException listenerError,
                         Throwable blockCause) {
    }

    public Result run(GenerationRequest request) {
        Sink top = text -> {
            if (text.isEmpty()) {
                return;
            }
            released.append(text);
            if (listener != null && listenerError == null) {
                try {
                    listener.onText(text);
                } catch (RuntimeException e) {
                    listenerError = new StreamListenerException("onText", e);
                    stopped = true;
                }
            }
        };
        try {
            runFrom(0, request, top);
        } catch (ProviderFailure f) {
            // providerError is set; fall through to assemble what we have for the report.
        }
        return new Result(assemble(), providerError, listenerError, blockCause);
    }

    /** Thrown through filter code to unwind a provider failure; never escapes this class. */
    private static final class ProviderFailure extends RuntimeException {
        ProviderFailure() {
            super(null, null, false, false);
        }
    }

    // ------------------------------------------------------------------------------------------
    // The layers

    private void runFrom(int i, GenerationRequest request, Sink out) {
        if (i == layers.length) {
            runModel(request, out);
        } else if (slots.get(i).filter() instanceof TextFilter) {
            runTextFilter(i, (TextFilter) slots.get(i).filter(), request, out);
        } else {
            runPlainFilter(i, request, out);
        }
    }

    private void runModel(GenerationRequest request, Sink out) {
        if (listener == null) {
            Generation g;
            try {
                g = model.generate(request);
            } catch (RuntimeException e) {
                throw providerFailed(e);
            }
            if (g == null) {
                throw providerFailed(new IllegalStateException("the model returned no generation"));
            }
            modelResult = g;
            String text = g.text();
            int pos = 0;
            while (pos < text.length() && !stopped) {
                int len = segmenter.next(CharBuffer.wrap(text, pos, text.length()), true);
                out.segment(text.substring(pos, pos + len));
                pos += len;
            }
            return;
        }
        StringBuilder held = new StringBuilder();
        Generation[] done = new Generation[1];
        RuntimeException[] failed = new RuntimeException[1];
        try {
            model.stream(request, new StreamListener() {
                @Override
                public void onText(String chunk) {
                    if (stopped || chunk == null || chunk.isEmpty()) {
                        return;
                    }
                    held.append(chunk);
                    drain(held, false, out);
                }

                @Override
                public void onComplete(Generation generation) {
                    done[0] = generation;
                }

                @Override
                public void onError(Throwable error) {
                    failed[0] = error instanceof RuntimeException ? (RuntimeException) error
                            : new ProviderException("model stream failed: " + error, false, error);
                }

                @Override
                public boolean isCancelled() {
                    if (!stopped && listener.isCancelled()) {
                        cancelled = true;
                    }
                    return stopped || cancelled;
                }
            });
        } catch (RuntimeException e) {
            failed[0] = e;
        }
        if (failed[0] != null) {
            throw providerFailed(failed[0], held.length());
        }
        if (done[0] == null && !stopped && !cancelled) {
            throw providerFailed(new IllegalStateException("the model's stream ended without completing"), held.length());
        }
        modelResult = done[0] != null ? done[0]
                : Generation.builder().text("").finishReason(FinishReason.CANCELLED).model(model.info()).build();
        drain(held, true, out);
    }

    private void drain(StringBuilder held, boolean ended, Sink out) {
        int len;
        while (!stopped && (len = segmenter.next(held, ended)) > 0) {
            String seg = held.substring(0, len);
            held.delete(0, len);
            out.segment(seg);
        }
    }

    private ProviderFailure providerFailed(RuntimeException e) {
        return providerFailed(e, 0);
    }

    private ProviderFailure providerFailed(RuntimeException e, int withheld) {
        RuntimeException err = e instanceof EthosException ? e
                : new ProviderException("model '" + model.info().modelId() + "' failed: " + e, false, e);
        if (withheld > 0 && listener != null) {
            err.addSuppressed(new EthosException(withheld + " chars held back for checking were not released"));
        }
        providerError = err;
        stopped = true;
        return new ProviderFailure();
    }

    private void runTextFilter(int i, TextFilter filter, GenerationRequest request, Sink out) {
        Layer layer = layers[i];
        layer.ran = true;
        TextFilter.Session session;
        TextFilter.InputDecision decision;
        long t0 = System.nanoTime();
        try {
            session = filter.open(request);
            decision = session.onRequest(request);
            if (decision == null) {
                throw new IllegalStateException("onRequest returned null");
            }
        } catch (RuntimeException e) {
            layer.nanos += System.nanoTime() - t0;
            if (!failed(i, e)) {
                return;
            }
            // Fail-open: the filter is skipped for this request.
            runFrom(i + 1, request, out);
            return;
        }
        layer.nanos += System.nanoTime() - t0;
        layer.promptFindings.addAll(decision.findings());
        if (decision.blocked()) {
            layer.verdict = Verdict.BLOCK;
            layer.note(decision.reason());
            block(i, null);
            return;
        }
        if (!decision.findings().isEmpty()) {
            layer.verdict = layer.verdict.max(Verdict.REWRITE);
        }
        Stage stage = new Stage(i, session, out, filter.wholeText());
        stage.insertion(session::onStart, 0);
        if (stopped) {
            return;
        }
        runFrom(i + 1, decision.request(), stage);
        stage.finish();
    }

    /** The output side of one text filter. */
    private final class Stage implements Sink {
        private final int index;
        private final Layer layer;
        private final TextFilter.Session session;
        private final Sink out;
        private final boolean wholeText;
        private final StringBuilder pending;

        Stage(int index, TextFilter.Session session, Sink out, boolean wholeText) {
            this.index = index;
            this.layer = layers[index];
            this.session = session;
            this.out = out;
            this.wholeText = wholeText;
            this.pending = wholeText ? new StringBuilder() : null;
        }

        @Override
        public void segment(String text) {
            if (stopped || text.isEmpty()) {
                return;
            }
            if (wholeText) {
                pending.append(text);
            } else {
                process(text);
            }
        }

        private void process(String seg) {
            SegmentResult r;
            long t0 = System.nanoTime();
            try {
                r = Objects.requireNonNull(session.onSegment(seg, layer.input), "onSegment returned null");
                checkEdits(r.edits(), seg.length());
            } catch (RuntimeException e) {
                layer.nanos += System.nanoTime() - t0;
                if (failed(index, e)) {
                    passThrough(seg);
                }
                return;
            }
            layer.nanos += System.nanoTime() - t0;
            accept(seg, r, layer.input.length());
        }

        private void passThrough(String seg) {
            layer.input.append(seg);
            layer.outputLength += seg.length();
            out.segment(seg);
        }

        /** Applies a result for {@code seg} (already checked) found at input offset {@code at}. */
        private void accept(String seg, SegmentResult r, int at) {
            FilterPolicy.FindingAction action = layer.slot.policy().onFinding();
            Verdict v = r.verdict();
            List<TextEdit> edits = r.edits();
            boolean any = !edits.isEmpty() || !r.findings().isEmpty();
            if (action == FilterPolicy.FindingAction.FLAG) {
                edits = List.of();
                v = any || v != Verdict.PASS ? Verdict.FLAG : Verdict.PASS;
            } else if (action == FilterPolicy.FindingAction.BLOCK && (any || v != Verdict.PASS)) {
                v = Verdict.BLOCK;
            }
            for (Finding f : r.findings()) {
                if (f.span().target() == TextTarget.PROMPT) {
                    layer.promptFindings.add(f);
                } else {
                    layer.inputFindings.add(f.withSpan(Span.output(f.span().start() + at, f.span().end() + at)));
                }
            }
            layer.verdict = layer.verdict.max(v);
            layer.note(r.note());
            layer.metadata.putAll(r.metadata());
            if (v == Verdict.BLOCK) {
                layer.input.append(seg);
                block(index, null);
                return;
            }
            String text = edits.isEmpty() ? seg : TextEdits.apply(seg, edits).text();
            for (TextEdit e : edits) {
                layer.edits.add(e.shift(at));
            }
            layer.input.append(seg);
            layer.outputLength += text.length();
            out.segment(text);
        }

        /** onStart / onEnd: insertions into an empty segment at input offset {@code at}. */
        void insertion(java.util.function.Supplier<SegmentResult> call, int at) {
            SegmentResult r;
            long t0 = System.nanoTime();
            try {
                r = Objects.requireNonNull(call.get(), "onStart/onEnd returned null");
                checkEdits(r.edits(), 0);
            } catch (RuntimeException e) {
                layer.nanos += System.nanoTime() - t0;
                failed(index, e);
                return;
            }
            layer.nanos += System.nanoTime() - t0;
            if (r == SegmentResult.PASS) {
                return;
            }
            int outAt = layer.outputLength;
            for (Finding f : r.findings()) {
                layer.outputFindings.add(f.withSpan(Span.finalOutput(f.span().start() + outAt, f.span().end() + outAt)));
            }
            accept("", new SegmentResult(r.verdict(), r.edits(), List.of(), r.note(), r.metadata()), at);
        }

        void finish() {
            if (wholeText && !stopped && pending.length() > 0) {
                process(pending.toString());
            }
            if (stopped) {
                return;
            }
            String in = layer.input.toString();
            TextFilter.End end = new TextFilter.End(in, layer.output(in), () -> Generation.builder().text(in)
                    .finishReason(modelResult == null ? FinishReason.STOP : modelResult.finishReason())
                    .usage(modelResult == null ? dev.ethos.TokenUsage.UNKNOWN : modelResult.usage())
                    .model(modelResult == null ? model.info() : modelResult.model())
                    .report(new SafetyReport(outcomes(index + 1), OffsetMap.identity())).build());
            insertion(() -> session.onEnd(end), layer.input.length());
        }
    }

    private static void checkEdits(List<TextEdit> edits, int length) {
        TextEdit prev = null;
        for (TextEdit e : edits) {
            if (e.end() > length) {
                throw new IllegalStateException("edit [" + e.start() + ", " + e.end() + ") lies outside a segment of "
                        + length + " chars");
            }
            if (prev != null && e.start() < prev.end()) {
                throw new IllegalStateException("edits are unsorted or overlap at " + e.start());
            }
            prev = e;
        }
    }

    private void runPlainFilter(int i, GenerationRequest request, Sink out) {
        Layer layer = layers[i];
        layer.ran = true;
        PlainChain chain = new PlainChain(i, request);
        Generation g;
        long t0 = System.nanoTime();
        try {
            g = Objects.requireNonNull(slots.get(i).filter().apply(request, chain), "apply returned null");
        } catch (ProviderFailure f) {
            throw f;
        } catch (RuntimeException e) {
            if (e == providerError) {
                throw new ProviderFailure();
            }
            layer.nanos += System.nanoTime() - t0 - chain.innerNanos;
            if (failed(i, e)) {
                if (!chain.proceeded) {
                    chain.proceed(request);
                }
                layer.input.setLength(0);
                layer.input.append(chain.collected);
                layer.outputLength = chain.collected.length();
                out.segment(chain.collected.toString());
            }
            return;
        }
        layer.nanos += System.nanoTime() - t0 - chain.innerNanos;
        if (chain.blocked || stopped) {
            return;
        }
        String in = chain.collected.toString();
        String text = g.text();
        layer.input.append(in);
        layer.outputLength = text.length();
        layer.edits.addAll(diff(in, text));
        layer.metadata.putAll(g.metadata());
        if (!chain.recorded && !text.equals(in)) {
            layer.verdict = layer.verdict.max(Verdict.REWRITE);
        }
        FilterPolicy.FindingAction action = layer.slot.policy().onFinding();
        if (action == FilterPolicy.FindingAction.BLOCK && layer.verdict != Verdict.PASS) {
            layer.verdict = Verdict.BLOCK;
            block(i, null);
            return;
        }
        out.segment(text);
    }

    /** The chain a plain {@link SafetyFilter} sees. */
    private final class PlainChain implements SafetyFilter.Chain {
        private final int index;
        private final GenerationRequest request;
        private final StringBuilder collected = new StringBuilder();
        private boolean proceeded;
        private boolean recorded;
        private boolean blocked;
        private long innerNanos;

        PlainChain(int index, GenerationRequest request) {
            this.index = index;
            this.request = request;
        }

        @Override
        public GenerationRequest request() {
            return request;
        }

        @Override
        public Generation proceed(GenerationRequest next) {
            Objects.requireNonNull(next, "request");
            if (proceeded) {
                throw new IllegalStateException("filter '" + layers[index].slot.filter().name()
                        + "' called proceed() twice");
            }
            proceeded = true;
            long t0 = System.nanoTime();
            try {
                runFrom(index + 1, next, collected::append);
            } catch (ProviderFailure f) {
                throw providerError;
            } finally {
                innerNanos += System.nanoTime() - t0;
            }
            return Generation.builder().text(collected.toString())
                    .finishReason(modelResult == null ? FinishReason.STOP : modelResult.finishReason())
                    .usage(modelResult == null ? dev.ethos.TokenUsage.UNKNOWN : modelResult.usage())
                    .model(modelResult == null ? model.info() : modelResult.model())
                    .report(new SafetyReport(outcomes(index + 1), OffsetMap.identity())).build();
        }

        @Override
        public void record(Verdict verdict, List<Finding> findings, String note) {
            Layer layer = layers[index];
            recorded = true;
            layer.verdict = layer.verdict.max(Objects.requireNonNull(verdict, "verdict"));
            for (Finding f : findings) {
                if (f.span().target() == TextTarget.PROMPT) {
                    layer.promptFindings.add(f);
                } else if (f.span().target() == TextTarget.FINAL_OUTPUT) {
                    layer.outputFindings.add(f);
                } else {
                    layer.inputFindings.add(f);
                }
            }
            layer.note(note);
        }

        @Override
        public Generation block(String reason, List<Finding> findings) {
            record(Verdict.BLOCK, findings, reason);
            blocked = true;
            GuardedRun.this.block(index, null);
            return Generation.builder().text("").finishReason(FinishReason.BLOCKED).model(model.info()).build();
        }
    }

    /** Common prefix and suffix: the one edit that turns {@code a} into {@code b}. */
    static List<TextEdit> diff(String a, String b) {
        if (a.equals(b)) {
            return List.of();
        }
        int p = 0;
        int max = Math.min(a.length(), b.length());
        while (p < max && a.charAt(p) == b.charAt(p)) {
            p++;
        }
        int s = 0;
        while (s < max - p && a.charAt(a.length() - 1 - s) == b.charAt(b.length() - 1 - s)) {
            s++;
        }
        return List.of(new TextEdit(p, a.length() - s, b.substring(p, b.length() - s)));
    }

    // ------------------------------------------------------------------------------------------
    // Blocks and failures

    private void block(int layer, Throwable cause) {
        if (blockedBy < 0) {
            blockedBy = layer;
            blockCause = cause;
        }
        stopped = true;
    }

    /**
     * Records a filter failure. Fail-closed blocks and returns false; fail-open records a note and
     * returns true (the caller passes the text through).
     */
    private boolean failed(int i, RuntimeException e) {
        Layer layer = layers[i];
        String name = layer.slot.filter().name();
        if (layer.slot.policy().onFailure() == FilterPolicy.FailureMode.FAIL_OPEN) {
            layer.note("failed open: " + e);
            layer.failedOpen = true;
            return true;
        }
        layer.verdict = Verdict.BLOCK;
        layer.note("failed: " + e);
        block(i, new FilterException(name, e));
        return false;
    }

    // ------------------------------------------------------------------------------------------
    // Assembling the result

    /** Per-layer bookkeeping. */
    private static final class Layer {
        final Slot slot;
        boolean ran;
        boolean failedOpen;
        Verdict verdict = Verdict.PASS;
        long nanos;
        final StringBuilder input = new StringBuilder();
        /** The length of what this layer released; the text itself is input + edits. */
        int outputLength;
        final List<TextEdit> edits = new ArrayList<>();
        final List<Finding> promptFindings = new ArrayList<>();
        final List<Finding> inputFindings = new ArrayList<>();
        final List<Finding> outputFindings = new ArrayList<>();
        final Map<String, Object> metadata = new LinkedHashMap<>();
        private StringBuilder notes;

        Layer(Slot slot) {
            this.slot = slot;
        }

        void note(String n) {
            if (n == null || n.isEmpty()) {
                return;
            }
            if (notes == null) {
                notes = new StringBuilder(n);
            } else if (notes.indexOf(n) < 0) {
                notes.append("; ").append(n);
            }
        }

        /** Edits arrive in text order (onStart, segments, onEnd), so the list is already sorted. */
        OffsetMap map() {
            return OffsetMap.of(input.length(), edits);
        }

        /** What this layer released: its input with its edits applied. */
        String output(String in) {
            if (edits.isEmpty()) {
                return in;
            }
            StringBuilder sb = new StringBuilder(outputLength);
            int pos = 0;
            for (TextEdit e : edits) {
                sb.append(in, pos, e.start()).append(e.replacement());
                pos = e.end();
            }
            return sb.append(in, pos, in.length()).toString();
        }
    }

    /** Outcomes of the layers from {@code from} inward that ran, spans in their own input coordinates. */
    private List<FilterOutcome> outcomes(int from) {
        List<FilterOutcome> list = new ArrayList<>();
        for (int i = from; i < layers.length; i++) {
            Layer l = layers[i];
            if (l.ran) {
                List<Finding> fs = new ArrayList<>(l.promptFindings);
                fs.addAll(l.inputFindings);
                list.add(new FilterOutcome(l.slot.filter().name(), l.verdict, fs, Duration.ofNanos(Math.max(0, l.nanos)),
                        l.notes == null ? null : l.notes.toString()));
            }
        }
        return list;
    }

    private Generation assemble() {
        int n = layers.length;
        OffsetMap[] maps = new OffsetMap[n];
        for (int i = 0; i < n; i++) {
            maps[i] = layers[i].map();
        }
        // rawToInput[i]: from the model's raw text to layer i's input (maps[n-1], then … maps[i+1]).
        OffsetMap[] rawToInput = new OffsetMap[n];
        if (n > 0) {
            rawToInput[n - 1] = OffsetMap.identity();
            for (int i = n - 2; i >= 0; i--) {
                rawToInput[i] = rawToInput[i + 1].andThen(maps[i + 1]);
            }
        }
        OffsetMap modelToFinal = n == 0 ? OffsetMap.identity() : rawToInput[0].andThen(maps[0]);

        List<FilterOutcome> outcomes = new ArrayList<>();
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (modelResult != null) {
            metadata.putAll(modelResult.metadata());
        }
        for (int i = n - 1; i >= 0; i--) {
            metadata.putAll(layers[i].metadata);
        }
        for (int i = 0; i < n; i++) {
            Layer l = layers[i];
            if (!l.ran) {
                continue;
            }
            List<Finding> fs = new ArrayList<>(l.promptFindings);
            for (Finding f : l.inputFindings) {
                fs.add(f.withSpan(mapBack(f.span(), rawToInput[i])));
            }
            for (Finding f : l.outputFindings) {
                Span s = f.span();
                int start = s.start();
                int end = s.end();
                for (int j = i - 1; j >= 0; j--) {
                    start = maps[j].toEdited(Math.min(start, layers[j].input.length()));
                    end = maps[j].toEditedEnd(Math.min(end, layers[j].input.length()));
                }
                fs.add(f.withSpan(Span.finalOutput(start, Math.max(start, end))));
            }
            outcomes.add(new FilterOutcome(l.slot.filter().name(), l.verdict, fs, Duration.ofNanos(Math.max(0, l.nanos)),
                    l.notes == null ? null : l.notes.toString()));
        }
        FinishReason reason = blockedBy >= 0 ? FinishReason.BLOCKED
                : cancelled ? FinishReason.CANCELLED
                : modelResult != null ? modelResult.finishReason() : FinishReason.STOP;
        Generation.Builder b = Generation.builder().text(released.toString()).finishReason(reason)
                .report(new SafetyReport(outcomes, modelToFinal));
        if (modelResult != null) {
            b.usage(modelResult.usage()).model(modelResult.model());
        } else {
            b.model(model.info());
        }
        metadata.forEach(b::metadata);
        return b.build();
    }

    private static Span mapBack(Span s, OffsetMap rawToInput) {
        int start = rawToInput.toOriginal(s.start());
        int end = rawToInput.toOriginalEnd(s.end());
        return Span.output(start, Math.max(start, end));
    }

    // ------------------------------------------------------------------------------------------
    // A text filter applied on its own around an outside chain

    /** {@link TextFilter#apply}: the filter alone, around {@code chain}, with the default segmenter. */
    public static Generation applySingle(TextFilter filter, GenerationRequest request, SafetyFilter.Chain chain) {
        Generator inner = new Generator() {
            @Override
            public Generation generate(GenerationRequest r) {
                return chain.proceed(r);
            }

            @Override
            public void stream(GenerationRequest r, StreamListener l) {
                throw new UnsupportedOperationException("not streamed");
            }
        };
        GuardedRun run = new GuardedRun(List.of(new Slot(filter, FilterPolicy.defaults())), inner,
                Segmenter.ofDefaults(), null);
        Result result = run.run(request);
        if (result.providerError() != null) {
            throw result.providerError();
        }
        Generation g = result.generation();
        FilterOutcome o = g.report().outcomes().get(0);
        if (o.verdict() == Verdict.BLOCK && run.modelResult == null) {
            return chain.block(o.note() == null ? "blocked by " + filter.name() : o.note(), o.findings());
        }
        chain.record(o.verdict(), o.findings(), o.note());
        Generation.Builder b = (run.modelResult == null ? g : run.modelResult).toBuilder().text(g.text());
        g.metadata().forEach(b::metadata);
        if (o.verdict() == Verdict.BLOCK) {
            b.finishReason(FinishReason.BLOCKED);
        }
        return b.build();
    }
}
