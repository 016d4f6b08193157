package dev.ethos.audit;

/**
 * Receives one {@link AuditEvent} per guarded generation. Must be thread-safe and fast; a sink that
 * throws is logged and ignored (auditing never breaks a generation).
 */
@FunctionalInterface
public interface AuditSink {
    void record(AuditEvent event);

    /** A sink that drops everything. */
    static AuditSink none() {
        return e -> { };
    }
}
