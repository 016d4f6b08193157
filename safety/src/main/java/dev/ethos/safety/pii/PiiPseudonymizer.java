package dev.ethos.safety.pii;

import dev.ethos.Finding;
import dev.ethos.GenerationRequest;
import dev.ethos.Message;
import dev.ethos.SegmentResult;
import dev.ethos.Span;
import dev.ethos.TextFilter;
import dev.ethos.text.Languages;
import dev.ethos.text.TextEdit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reversible pseudonymisation around the model call. Before {@code proceed}, every message of the
 * request has its personal data replaced with typed, numbered placeholders ({@code <PERSON_1>}), so the
 * model never sees the originals; the answer then has the placeholders put back, segment by segment,
 * also when the model changed their case or spacing ({@code <person 1>}, {@code [PERSON_1]}). Streams
 * need no special care for placeholders split across chunks: the chain only releases text at safe
 * points, and a placeholder holds none.
 *
 * <p>The placeholder map (the {@link PiiVault}) belongs to the request: a new one is opened for each
 * request and dropped with its session, unless the builder was given a vault supplier, for instance a
 * shared {@link PiiVault#withTtl} vault keyed by conversation. Findings carry type, span, score and
 * operator, never a raw value. Immutable and thread-safe.
 */
public final class PiiPseudonymizer implements TextFilter {
    /** Request attribute under which a caller can pass its own {@link PiiVault} for one request. */
    public static final String ATTR_VAULT = "ethos.pii.vault";

    private final String name;
    private final PiiAnalyzer analyzer;
    private final Function<GenerationRequest, PiiVault> vaults;

    private PiiPseudonymizer(Builder b) {
        this.name = b.name;
        this.analyzer = b.analyzer;
        this.vaults = b.vaults;
    }

    public static PiiPseudonymizer ofDefaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Session open(GenerationRequest request) {
        PiiVault v = request.attribute(ATTR_VAULT, PiiVault.class).orElseGet(() -> vaults.apply(request));
        return new PseudoSession(Objects.requireNonNull(v, "vault supplier returned null"));
    }

    private final class PseudoSession implements Session {
        private final PiiVault vault;

        PseudoSession(PiiVault vault) {
            this.vault = vault;
        }

        @Override
        public InputDecision onRequest(GenerationRequest request) {
            List<Message> messages = request.messages();
            for (Message m : messages) {
                Placeholders.reserveExisting(m.content(), vault);
            }
            List<Message> out = new ArrayList<>(messages.size());
            List<Finding> findings = new ArrayList<>();
            PiiAnonymizer anonymizer = PiiAnonymizer.of(analyzer, Operators.replace());
            boolean changed = false;
            for (int i = 0; i < messages.size(); i++) {
                Message m = messages.get(i);
                String text = m.content();
                PiiAnonymizer.Result r = anonymizer.anonymize(text, Languages.detect(text), vault);
                for (PiiAnonymizer.Replacement rep : r.replacements()) {
                    PiiEntity e = rep.entity();
                    findings.add(new Finding(e.type(), Span.prompt(i, e.start(), e.end()), e.score(),
                            e.type() + " pseudonymised", rep.replacement(),
                            Map.of("operator", rep.operator(), "recognizer", e.recognizer())));
                }
                changed |= !r.replacements().isEmpty();
                out.add(r.replacements().isEmpty() ? m : m.withContent(r.text()));
            }
            return changed ? InputDecision.proceed(request.withMessages(out), findings) : InputDecision.proceed(request);
        }

        @Override
        public SegmentResult onSegment(String segment, CharSequence leftContext) {
            if (vault.size() == 0) {
                return SegmentResult.PASS;
            }
            List<TextEdit> edits = Placeholders.restore(segment, vault);
            if (edits.isEmpty()) {
                return SegmentResult.PASS;
            }
            List<Finding> findings = new ArrayList<>(edits.size());
            for (TextEdit e : edits) {
                findings.add(new Finding("PLACEHOLDER", Span.output(e.start(), e.end()), 1.0,
                        "placeholder restored", null, Map.of("operator", "restore")));
            }
            return SegmentResult.of(edits, findings);
        }
    }

    /** Builds a {@link PiiPseudonymizer}. */
    public static final class Builder {
        private String name = "pii";
        private PiiAnalyzer analyzer = PiiAnalyzer.ofDefaults();
        private Function<GenerationRequest, PiiVault> vaults = r -> PiiVault.inMemory();

        private Builder() {
        }

        public Builder name(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("filter name must be non-blank");
            }
            this.name = name;
            return this;
        }

        public Builder analyzer(PiiAnalyzer analyzer) {
            this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
            return this;
        }

        /** Where each request's vault comes from (default: a new in-memory vault per request). */
        public Builder vaults(Function<GenerationRequest, PiiVault> vaults) {
            this.vaults = Objects.requireNonNull(vaults, "vaults");
            return this;
        }

        public PiiPseudonymizer build() {
            return new PiiPseudonymizer(this);
        }
    }
}
