package dev.ethos.benchmarks.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The benchmark's setup and body work (the numbers come from JMH, not from here). */
class ChainOverheadBenchmarkTest {
    @Test
    void everyConfigurationRuns() {
        for (String kind : new String[] {"text", "plain"}) {
            for (int n : new int[] {0, 1, 16}) {
                ChainOverheadBenchmark b = new ChainOverheadBenchmark();
                b.kind = kind;
                b.filters = n;
                b.setup();
                assertEquals("The answer is forty-two.", b.generate().text());
            }
        }
    }
}
