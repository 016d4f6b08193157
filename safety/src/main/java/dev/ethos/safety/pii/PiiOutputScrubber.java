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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Scrubs personal data that the model produced by itself. Each output segment is analysed and every
 * finding is replaced with the configured {@link Operator} (default: typed placeholders). Values the
 * caller's own prompt contained are left alone: giving users back their own data is no leak, and it
 * lets this filter sit outside a {@link PiiPseudonymizer} that restores them. Immutable and thread-safe.
 */
public final class PiiOutputScrubber implements TextFilter {
    private final String name;
    private final PiiAnonymizer anonymizer;
    private final boolean allowPromptValues;

    private PiiOutputScrubber(Builder b) {
        this.name = b.name;
        this.anonymizer = b.anonymizer;
        this.allowPromptValues = b.allowPromptValues;
    }

    public static PiiOutputScrubber ofDefaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return name;
    }

    static String key(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    @Override
    public Session open(GenerationRequest request) {
        Set<String> own = new HashSet<>();
        if (allowPromptValues) {
            for (Message m : request.messages()) {
                String text = m.content();
                for (PiiEntity e : anonymizer.analyzer().analyze(text, Languages.detect(text))) {
                    own.add(key(e.valueIn(text)));
                }
            }
        }
        PiiVault vault = PiiVault.inMemory();
        return new Session() {
            @Override
            public SegmentResult onSegment(String segment, CharSequence leftContext) {
                List<PiiEntity> found = anonymizer.analyzer().analyze(segment, Languages.detect(segment));
                if (found.isEmpty()) {
                    return SegmentResult.PASS;
                }
                List<PiiEntity> scrub = new ArrayList<>(found.size());
                for (PiiEntity e : found) {
                    if (!own.contains(key(e.valueIn(segment)))) {
                        scrub.add(e);
                    }
                }
                PiiAnonymizer.Result r = anonymizer.apply(segment, scrub, vault);
                List<Finding> findings = new ArrayList<>();
                List<TextEdit> edits = new ArrayList<>(r.edits());
                for (PiiAnonymizer.Replacement rep : r.replacements()) {
                    PiiEntity e = rep.entity();
                    findings.add(new Finding(e.type(), Span.output(e.start(), e.end()), e.score(),
                            e.type() + " produced by the model, scrubbed", rep.replacement(),
                            Map.of("operator", rep.operator(), "recognizer", e.recognizer())));
                }
                return SegmentResult.of(edits, findings);
            }
        };
    }

    /** Builds a {@link PiiOutputScrubber}. */
    public static final class Builder {
        private String name = "pii-output";
        private PiiAnonymizer anonymizer = PiiAnonymizer.ofDefaults();
        private boolean allowPromptValues = true;

        private Builder() {
        }

        public Builder name(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("filter name must be non-blank");
            }
            this.name = name;
            return this;
        }

        public Builder anonymizer(PiiAnonymizer anonymizer) {
            this.anonymizer = Objects.requireNonNull(anonymizer, "anonymizer");
            return this;
        }

        /** Whether values found in the prompt may appear in the answer (default true). */
        public Builder allowPromptValues(boolean allow) {
            this.allowPromptValues = allow;
            return this;
        }

        public PiiOutputScrubber build() {
            return new PiiOutputScrubber(this);
        }
    }
}
