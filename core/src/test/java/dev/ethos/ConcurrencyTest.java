package dev.ethos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ethos.audit.AuditSink;
import dev.ethos.testing.CollectingListener;
import dev.ethos.testing.ScriptedGenerator;
import dev.ethos.testing.TestFilters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** 16 threads share one SafeGenerator; every result and report belongs to its own request. */
class ConcurrencyTest {
    @Test
    void sixteenThreadsThousandsOfRequests() throws Exception {
        // The model echoes a request-specific number of "he" words; the report must count exactly those.
        ScriptedGenerator model = ScriptedGenerator.answering(r -> {
            int n = Integer.parseInt(r.messages().get(0).content());
            StringBuilder sb = new StringBuilder("Answer " + n + ".");
            for (int i = 0; i < n % 7; i++) {
                sb.append(" Then he said ").append(n).append('.');
            }
            return sb.toString();
        }).chunked(4, 9);
        SafeGenerator g = SafeGenerator.builder(model).auditSink(AuditSink.none())
                .filter(TestFilters.endLabel("label", " [AI]"))
                .filter(TestFilters.rewrite("rewrite", "he", "they")).build();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 250; i++) {
                        int n = thread * 1000 + i;
                        GenerationRequest req = GenerationRequest.builder().id("req-" + n).user(Integer.toString(n)).build();
                        Generation r;
                        if (i % 2 == 0) {
                            r = g.generate(req);
                        } else {
                            CollectingListener l = new CollectingListener();
                            g.stream(req, l);
                            r = l.completed;
                            assertEquals(r.text(), l.text());
                        }
                        String expected = "Answer " + n + "." + (" Then they said " + n + ".").repeat(n % 7) + " [AI]";
                        assertEquals(expected, r.text());
                        assertEquals(n % 7, r.report().outcome("rewrite").orElseThrow().findings().size());
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(16 * 250, model.calls());
    }
}
