package dev.ethos;

import dev.ethos.text.OffsetMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@link FilterOutcome} per filter that ran, outermost filter first, and the map from the
 * model's raw output to the delivered text, so every finding can be located in both.
 */
public final class SafetyReport {
    public static final SafetyReport EMPTY = new SafetyReport(List.of(), OffsetMap.identity());

    private final List<FilterOutcome> outcomes;
    private final OffsetMap modelToFinal;

    public SafetyReport(List<FilterOutcome> outcomes, OffsetMap modelToFinal) {
        this.outcomes = List.copyOf(outcomes);
        this.modelToFinal = Objects.requireNonNull(modelToFinal, "modelToFinal");
    }

    public List<FilterOutcome> outcomes() {
        return outcomes;
    }

    public Optional<FilterOutcome> outcome(String filterName) {
        return outcomes.stream().filter(o -> o.filter().equals(filterName)).findFirst();
    }

    /** The most severe verdict of all outcomes; PASS when none ran. */
    public Verdict verdict() {
        Verdict v = Verdict.PASS;
        for (FilterOutcome o : outcomes) {
            v = v.max(o.verdict());
        }
        return v;
    }

    /** Every finding of every filter, in report order. */
    public List<Finding> findings() {
        List<Finding> all = new ArrayList<>();
        outcomes.forEach(o -> all.addAll(o.findings()));
        return all;
    }

    /** Why the generation was blocked: the first blocking filter and its note. */
    public Optional<String> blockReason() {
        return outcomes.stream().filter(o -> o.verdict() == Verdict.BLOCK)
                .map(o -> o.filter() + (o.note() == null ? "" : ": " + o.note())).findFirst();
    }

    /** Maps offsets in the model's raw output to offsets in the delivered text and back. */
    public OffsetMap modelToFinal() {
        return modelToFinal;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SafetyReport{verdict=").append(verdict());
        for (FilterOutcome o : outcomes) {
            sb.append(", ").append(o.filter()).append('=').append(o.verdict()).append('/')
                    .append(o.findings().size());
        }
        return sb.append('}').toString();
    }
}
