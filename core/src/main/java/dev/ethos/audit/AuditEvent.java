package dev.ethos.audit;

import dev.ethos.ModelInfo;
import dev.ethos.SafetyReport;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One generation as an auditor sees it: ids, SHA-256 hashes of the prompt and of the delivered
 * text (never the text itself), the model, the report and the time taken. {@code attributes} holds
 * the request's string attributes such as user and tenant ids.
 */
public record AuditEvent(String requestId, Instant at, Map<String, String> attributes, String promptSha256,
                         String outputSha256, ModelInfo model, SafetyReport report, Duration duration,
                         boolean streamed, String error) {
    public AuditEvent {
        attributes = Map.copyOf(attributes);
    }
}
