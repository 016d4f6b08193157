package dev.ethos.safety.bias;

import dev.ethos.Finding;
import java.util.List;
import java.util.Objects;

/**
 * What {@link BiasFilter#rewrite} did to one text: the text delivered (rewritten, or unchanged in
 * flag-only mode), the edits in input order (empty in flag-only mode), and the findings: one per
 * proposed edit (with its replacement and rule) and one {@code STEREOTYPE} per flagged sentence,
 * all with spans into the input.
 */
public record BiasResult(String text, List<BiasEdit> edits, List<Finding> findings) {
    public BiasResult {
        Objects.requireNonNull(text, "text");
        edits = List.copyOf(edits);
        findings = List.copyOf(findings);
    }

    /** True when a stereotype generalisation was flagged. */
    public boolean flagged() {
        return findings.stream().anyMatch(f -> f.type().equals(BiasFilter.STEREOTYPE));
    }
}
