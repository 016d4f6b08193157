package dev.ethos;

/**
 * Thrown (or passed to {@link StreamListener#onError}) when a filter blocked a generation and the
 * guarded generator was built with {@code throwOnBlock(true)}. Carries the blocked generation and
 * its report.
 */
public class GenerationBlockedException extends EthosException {
    private final transient Generation generation;

    public GenerationBlockedException(Generation generation) {
        super("generation blocked: " + generation.report().blockReason().orElse("blocked"));
        this.generation = generation;
    }

    public Generation generation() {
        return generation;
    }

    public SafetyReport report() {
        return generation.report();
    }
}
