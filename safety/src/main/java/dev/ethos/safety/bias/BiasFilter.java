package dev.ethos.safety.bias;

import dev.ethos.Finding;
import dev.ethos.GenerationRequest;
import dev.ethos.SegmentResult;
import dev.ethos.TextFilter;
import dev.ethos.text.Segmenter;
import dev.ethos.text.TextEdit;
import dev.ethos.text.TextEdits;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Rewrites gender-biased language in a model's output into gender-neutral language, in English and
 * Chinese, following {@code docs/bias.md}: gendered pronouns whose antecedent is a generic person
 * ("a developer … he", "each applicant … his", "如果医生…，他") become they/their/them/theirs/
 * themselves with verb agreement, or TA; doublets ("he or she", "his/her", "s/he", 他或她) become
 * the neutral form; gendered role nouns used generically ("chairman", "firemen", 女司机, 空姐) become
 * neutral terms. Named people, kin, people whose specific identity is known, quotations and titles
 * are left alone. Stereotype generalisations ("women are bad at maths", "男人天生…") cannot be
 * rewritten safely and are flagged (finding type {@link #STEREOTYPE}, verdict FLAG) unchanged.
 *
 * <p>Rules, word lists and light part-of-speech heuristics only: no model, microseconds per
 * sentence. The filter is immutable and thread-safe; each request gets its own {@link Session},
 * which remembers the people of recent sentences so that a pronoun may refer back across segments.
 *
 * <pre>{@code
 * BiasFilter bias = BiasFilter.ofDefaults();
 * BiasResult r = bias.rewrite("A good engineer tests his code before he merges it.");
 * r.text(); // "A good engineer tests their code before they merge it."
 * }</pre>
 */
public final class BiasFilter implements TextFilter {
    /** The filter's name in reports. */
    public static final String NAME = "bias";
    /** Finding type of a flagged stereotype generalisation. */
    public static final String STEREOTYPE = Stereotypes.TYPE;

    /** What the filter does with what it finds. */
    public enum Mode {
        /** Apply the neutral rewrites (verdict REWRITE; FLAG when a stereotype is found too). */
        REWRITE,
        /** Change nothing; report every proposed rewrite as a finding (verdict FLAG). */
        FLAG;

        /** Parses "rewrite" or "flag" (any case). */
        public static Mode parse(String s) {
            Objects.requireNonNull(s, "mode");
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "rewrite" -> REWRITE;
                case "flag" -> FLAG;
                default -> throw new IllegalArgumentException("unknown bias mode '" + s + "' (use rewrite or flag)");
            };
        }
    }

    private static final BiasFilter DEFAULTS = new BiasFilter(Mode.REWRITE);

    private final Mode mode;

    private BiasFilter(Mode mode) {
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    /** Rewrite mode. */
    public static BiasFilter ofDefaults() {
        return DEFAULTS;
    }

    /** A filter in the given mode. */
    public static BiasFilter of(Mode mode) {
        return mode == Mode.REWRITE ? DEFAULTS : new BiasFilter(mode);
    }

    public Mode mode() {
        return mode;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Session open(GenerationRequest request) {
        return new BiasSession(mode);
    }

    /**
     * Runs the filter over a whole text exactly as a guarded generation does (the same segments,
     * the same session), and returns the result with spans into {@code text}.
     */
    public BiasResult rewrite(String text) {
        Objects.requireNonNull(text, "text");
        BiasSession session = new BiasSession(mode);
        Segmenter segmenter = Segmenter.ofDefaults();
        List<TextEdit> edits = new ArrayList<>();
        List<BiasEdit> biasEdits = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        int pos = 0;
        while (pos < text.length()) {
            int len = segmenter.next(java.nio.CharBuffer.wrap(text, pos, text.length()), true);
            String seg = text.substring(pos, pos + len);
            SegmentResult r = session.onSegment(seg, java.nio.CharBuffer.wrap(text, 0, pos));
            for (TextEdit e : r.edits()) {
                edits.add(e.shift(pos));
            }
            for (Finding f : r.findings()) {
                Finding g = f.withSpan(f.span().shift(pos));
                findings.add(g);
                if (mode == Mode.REWRITE && g.replacement() != null) {
                    biasEdits.add(new BiasEdit(g.span().start(), g.span().end(), g.replacement(),
                            g.details().getOrDefault("rule", "")));
                }
            }
            pos += len;
        }
        String out = edits.isEmpty() ? text : TextEdits.apply(text, edits).text();
        return new BiasResult(out, biasEdits, findings);
    }

    @Override
    public String toString() {
        return "BiasFilter[" + mode.name().toLowerCase(Locale.ROOT) + "]";
    }
}
