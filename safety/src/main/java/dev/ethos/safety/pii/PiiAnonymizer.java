package dev.ethos.safety.pii;

import dev.ethos.text.TextEdit;
import dev.ethos.text.TextEdits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds personal data with a {@link PiiAnalyzer} and replaces each value with an {@link Operator}
 * chosen per type (default: {@link Operators#replace()}). Immutable and thread-safe; the vault passed in
 * carries the per-request state.
 */
public final class PiiAnonymizer {
    /** One replaced value: what was found (no raw value), the operator, and what replaced it. */
    public record Replacement(PiiEntity entity, String operator, String replacement) {
    }

    /** The anonymised text with its replacements and the edits that turned the input into it. */
    public record Result(String text, List<Replacement> replacements, List<TextEdit> edits) {
        public Result {
            replacements = List.copyOf(replacements);
            edits = List.copyOf(edits);
        }
    }

    private final PiiAnalyzer analyzer;
    private final Operator defaultOperator;
    private final Map<String, Operator> operators;

    private PiiAnonymizer(PiiAnalyzer analyzer, Operator defaultOperator, Map<String, Operator> operators) {
        this.analyzer = analyzer;
        this.defaultOperator = defaultOperator;
        this.operators = Map.copyOf(operators);
    }

    public static PiiAnonymizer of(PiiAnalyzer analyzer, Operator defaultOperator) {
        return new PiiAnonymizer(Objects.requireNonNull(analyzer, "analyzer"),
                Objects.requireNonNull(defaultOperator, "operator"), Map.of());
    }

    public static PiiAnonymizer ofDefaults() {
        return of(PiiAnalyzer.ofDefaults(), Operators.replace());
    }

    /** The same anonymizer with {@code operator} for {@code type}. */
    public PiiAnonymizer withOperator(String type, Operator operator) {
        Map<String, Operator> m = new HashMap<>(operators);
        m.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(operator, "operator"));
        return new PiiAnonymizer(analyzer, defaultOperator, m);
    }

    public PiiAnalyzer analyzer() {
        return analyzer;
    }

    public Operator operatorFor(String type) {
        return operators.getOrDefault(type, defaultOperator);
    }

    /** Anonymises {@code text} with a fresh vault. */
    public Result anonymize(String text, String lang) {
        return anonymize(text, lang, PiiVault.inMemory());
    }

    public Result anonymize(String text, String lang, PiiVault vault) {
        Objects.requireNonNull(text, "text");
        return apply(text, analyzer.analyze(text, lang), vault);
    }

    /** Replaces the given entities (found in {@code text}) with their operators' output. */
    public Result apply(String text, List<PiiEntity> entities, PiiVault vault) {
        List<Replacement> reps = new ArrayList<>(entities.size());
        List<TextEdit> edits = new ArrayList<>(entities.size());
        for (PiiEntity e : entities) {
            Operator op = operatorFor(e.type());
            String r = op.apply(e.type(), e.valueIn(text), vault);
            reps.add(new Replacement(e, op.name(), r));
            edits.add(new TextEdit(e.start(), e.end(), r));
        }
        String out = edits.isEmpty() ? text : applyEdits(text, edits);
        return new Result(out, reps, edits);
    }

    /**
     * {@code TextEdits.apply(text, edits).text()}, written straight into one buffer of the final size when the
     * edits are already in order and do not overlap (as the analyzer's findings are); otherwise, or when an edit
     * is invalid, TextEdits does the work (and throws its errors).
     */
    private static String applyEdits(String text, List<TextEdit> edits) {
        int size = text.length();
        int prevEnd = 0;
        for (TextEdit e : edits) {
            if (e.start() < prevEnd || e.start() == e.end() || e.end() > text.length()) {
                return TextEdits.apply(text, edits).text();
            }
            prevEnd = e.end();
            size += e.replacement().length() - (e.end() - e.start());
        }
        char[] buf = new char[size];
        int pos = 0;
        int at = 0;
        for (TextEdit e : edits) {
            text.getChars(pos, e.start(), buf, at);
            at += e.start() - pos;
            String r = e.replacement();
            r.getChars(0, r.length(), buf, at);
            at += r.length();
            pos = e.end();
        }
        text.getChars(pos, text.length(), buf, at);
        return new String(buf);
    }
}
