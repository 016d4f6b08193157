package dev.ethos.benchmarks.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A smoke test of the load-run tool itself: a few requests each way, all answered. No timing assertions. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GatewayLoadRunTest {
    @Test
    void aSmallRunAnswersEveryRequestInBatchAndStream() throws Exception {
        for (boolean stream : new boolean[] {false, true}) {
            GatewayLoadRun.Result r = GatewayLoadRun.run(40, 4, stream, 0);
            assertEquals(0, r.errors(), () -> "first error: " + r.firstError());
            assertEquals(40, r.latencies().length);
            assertTrue(r.latencies()[0] > 0);
        }
    }
}
