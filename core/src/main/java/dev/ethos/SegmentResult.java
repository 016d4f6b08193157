package dev.ethos;

import dev.ethos.text.TextEdit;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link TextFilter.Session} decided about one segment: edits relative to the segment,
 * findings with spans relative to the segment (target {@link TextTarget#MODEL_OUTPUT}: the chain
 * maps them back to the model's raw text), the verdict, a note, and metadata for the final
 * {@link Generation} (only read from {@link TextFilter.Session#onEnd}).
 */
public record SegmentResult(Verdict verdict, List<TextEdit> edits, List<Finding> findings, String note,
                            Map<String, Object> metadata) {
    public static final SegmentResult PASS = new SegmentResult(Verdict.PASS, List.of(), List.of(), null, Map.of());

    public SegmentResult {
        Objects.requireNonNull(verdict, "verdict");
        edits = List.copyOf(edits);
        findings = List.copyOf(findings);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** Edits with their findings: REWRITE when there are edits, FLAG when only findings, else PASS. */
    public static SegmentResult of(List<TextEdit> edits, List<Finding> findings) {
        Verdict v = !edits.isEmpty() ? Verdict.REWRITE : findings.isEmpty() ? Verdict.PASS : Verdict.FLAG;
        return new SegmentResult(v, edits, findings, null, Map.of());
    }

    public static SegmentResult flag(List<Finding> findings, String note) {
        return new SegmentResult(findings.isEmpty() ? Verdict.PASS : Verdict.FLAG, List.of(), findings, note, Map.of());
    }

    public static SegmentResult block(List<Finding> findings, String reason) {
        return new SegmentResult(Verdict.BLOCK, List.of(), findings, reason, Map.of());
    }

    /** Text to add at the segment's start (for {@code onStart}) or end (for {@code onEnd}). */
    public static SegmentResult insert(String text) {
        return new SegmentResult(Verdict.REWRITE, List.of(TextEdit.insert(0, text)), List.of(), null, Map.of());
    }

    public SegmentResult withVerdict(Verdict v) {
        return new SegmentResult(v, edits, findings, note, metadata);
    }

    public SegmentResult withMetadata(Map<String, Object> newMetadata) {
        return new SegmentResult(verdict, edits, findings, note, newMetadata);
    }
}
