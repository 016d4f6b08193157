package dev.ethos.audit;

import dev.ethos.FilterOutcome;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default sink: one INFO line per generation on logger {@code dev.ethos.audit} with ids,
 * hashes, verdicts, finding counts by type and timings. Never raw text.
 */
public final class Slf4jAuditSink implements AuditSink {
    private static final Logger LOG = LoggerFactory.getLogger("dev.ethos.audit");

    @Override
    public void record(AuditEvent e) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        String filters = e.report().outcomes().stream().map(Slf4jAuditSink::describe)
                .collect(Collectors.joining(","));
        LOG.info("generation id={} attrs={} model={}/{} verdict={} filters=[{}] prompt_sha256={} output_sha256={} "
                        + "ms={} streamed={}{}",
                e.requestId(), e.attributes(), e.model().provider(), e.model().modelId(), e.report().verdict(), filters,
                e.promptSha256(), e.outputSha256(), e.duration().toMillis(), e.streamed(),
                e.error() == null ? "" : " error=" + e.error());
    }

    private static String describe(FilterOutcome o) {
        String types = o.findings().stream().collect(Collectors.groupingBy(f -> f.type(), java.util.TreeMap::new,
                Collectors.counting())).toString();
        return o.filter() + ":" + o.verdict() + types + ":" + o.duration().toNanos() / 1000 + "us";
    }
}
