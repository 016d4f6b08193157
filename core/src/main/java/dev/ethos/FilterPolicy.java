package dev.ethos;

import java.util.Objects;

/**
 * How the chain treats one filter: what its findings do, and what happens when it throws.
 * {@link #defaults()}: findings do what the filter decided; a failure blocks the generation.
 */
public record FilterPolicy(FindingAction onFinding, FailureMode onFailure) {
    private static final FilterPolicy DEFAULTS = new FilterPolicy(FindingAction.AS_DECIDED, FailureMode.FAIL_CLOSED);

    public FilterPolicy {
        Objects.requireNonNull(onFinding, "onFinding");
        Objects.requireNonNull(onFailure, "onFailure");
    }

    public static FilterPolicy defaults() {
        return DEFAULTS;
    }

    public FilterPolicy withFindingAction(FindingAction action) {
        return new FilterPolicy(action, onFailure);
    }

    public FilterPolicy withFailureMode(FailureMode mode) {
        return new FilterPolicy(onFinding, mode);
    }

    /** What a filter's findings do. */
    public enum FindingAction {
        /** As the filter decided: its edits are applied and its verdict kept. */
        AS_DECIDED,
        /** Report only: edits are not applied; any finding or edit makes the verdict FLAG. */
        FLAG,
        /** Any finding or edit blocks the generation. */
        BLOCK
    }

    /** What a filter that throws does. */
    public enum FailureMode {
        /** The generation is blocked with a reason naming the filter (the default). */
        FAIL_CLOSED,
        /** The text passes unchanged through this filter; the report records the failure. */
        FAIL_OPEN
    }
}
