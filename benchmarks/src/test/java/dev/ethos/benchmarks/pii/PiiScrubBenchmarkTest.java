package dev.ethos.benchmarks.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The benchmark's corpus and body work (the numbers come from JMH, not from here). */
class PiiScrubBenchmarkTest {
    @Test
    void corpusHasTheRequestedSizeAndPii() {
        String c = PiiCorpus.generate(100_000, 42);
        assertEquals(100_000, c.length());
        assertEquals(c, PiiCorpus.generate(100_000, 42));
        PiiScrubBenchmark b = new PiiScrubBenchmark();
        b.size = 10_240;
        b.setup();
        PiiScrubBenchmark.Throughput t = new PiiScrubBenchmark.Throughput();
        String out = b.scrub(t);
        assertTrue(t.mb > 0.01);
        assertFalse(out.contains("4111 1111 1111 1111"));
        assertTrue(out.contains("<CREDIT_CARD_1>") || out.contains("<PERSON_1>"));
    }
}
