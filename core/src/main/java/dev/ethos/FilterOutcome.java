package dev.ethos;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one filter did for one generation: its verdict, its findings, how long it took, and a
 * note (why it blocked, or that it failed open).
 */
public record FilterOutcome(String filter, Verdict verdict, List<Finding> findings, Duration duration,
                            String note) {
    public FilterOutcome {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(verdict, "verdict");
        findings = List.copyOf(findings);
        Objects.requireNonNull(duration, "duration");
    }

    public static FilterOutcome pass(String filter, Duration duration) {
        return new FilterOutcome(filter, Verdict.PASS, List.of(), duration, null);
    }

    public Optional<String> noteText() {
        return Optional.ofNullable(note);
    }
}
