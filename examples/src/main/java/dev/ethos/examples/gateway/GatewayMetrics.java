package dev.ethos.examples.gateway;

import dev.ethos.FilterOutcome;
import dev.ethos.Finding;
import dev.ethos.FinishReason;
import dev.ethos.Generation;
import dev.ethos.GenerationRequest;
import dev.ethos.Generator;
import dev.ethos.ModelInfo;
import dev.ethos.StreamListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateway's meters (Prometheus names in brackets):
 * <ul>
 *   <li>{@code ethos.gateway.requests} [ethos_gateway_requests_total] by verdict
 *       (pass, rewrite, flag, block, error, cancelled) and stream (true, false);</li>
 *   <li>{@code ethos.gateway.request.duration} [ethos_gateway_request_duration_seconds] histogram by stream;</li>
 *   <li>{@code ethos.gateway.rejected} [ethos_gateway_rejected_total] by reason (unauthorized, too_large,
 *       bad_request, concurrency, draining);</li>
 *   <li>{@code ethos.gateway.in.flight} [ethos_gateway_in_flight] gauge;</li>
 *   <li>{@code ethos.filter.duration} [ethos_filter_duration_seconds] histogram by filter;</li>
 *   <li>{@code ethos.model.duration} [ethos_model_duration_seconds] histogram by model and outcome (ok, error);</li>
 *   <li>{@code ethos.findings} [ethos_findings_total] by filter and finding type.</li>
 * </ul>
 */
final class GatewayMetrics {
    private final MeterRegistry registry;
    final AtomicInteger inFlight = new AtomicInteger();

    GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("ethos.gateway.in.flight", inFlight);
    }

    void request(String verdict, boolean stream, long nanos) {
        Counter.builder("ethos.gateway.requests").description("Chat completion requests by safety verdict")
                .tag("verdict", verdict).tag("stream", Boolean.toString(stream)).register(registry).increment();
        Timer.builder("ethos.gateway.request.duration").description("Chat completion latency at the gateway")
                .tag("stream", Boolean.toString(stream))
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(2))
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    void rejected(String reason) {
        Counter.builder("ethos.gateway.rejected").description("Requests refused before generation")
                .tag("reason", reason).register(registry).increment();
    }

    void report(Generation g) {
        for (FilterOutcome o : g.report().outcomes()) {
            Timer.builder("ethos.filter.duration").description("Time spent in each safety filter per request")
                    .tag("filter", o.filter())
                    .publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(10_000))
                    .maximumExpectedValue(Duration.ofSeconds(30))
                    .register(registry).record(o.duration());
            for (Finding f : o.findings()) {
                Counter.builder("ethos.findings").description("Safety findings by filter and type")
                        .tag("filter", o.filter()).tag("type", f.type()).register(registry).increment();
            }
        }
    }

    void model(ModelInfo model, boolean ok, long nanos) {
        Timer.builder("ethos.model.duration").description("Time the model took per request")
                .tag("model", model.provider() + ":" + model.modelId()).tag("outcome", ok ? "ok" : "error")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(2))
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The safety verdict in lower case, or {@code cancelled} when the client went away first. */
    static String verdict(Generation g) {
        if (g.finishReason() == FinishReason.CANCELLED) {
            return "cancelled";
        }
        return g.verdict().name().toLowerCase(Locale.ROOT);
    }

    /** The model with its calls timed into {@code ethos.model.duration}. */
    Generator timed(Generator model) {
        return new Generator() {
            @Override
            public Generation generate(GenerationRequest request) {
                long t0 = System.nanoTime();
                boolean ok = false;
                try {
                    Generation g = model.generate(request);
                    ok = true;
                    return g;
                } finally {
                    model(model.info(), ok, System.nanoTime() - t0);
                }
            }

            @Override
            public void stream(GenerationRequest request, StreamListener listener) {
                long t0 = System.nanoTime();
                model.stream(request, new StreamListener() {
                    @Override
                    public void onText(String chunk) {
                        listener.onText(chunk);
                    }

                    @Override
                    public void onComplete(Generation generation) {
                        model(model.info(), true, System.nanoTime() - t0);
                        listener.onComplete(generation);
                    }

                    @Override
                    public void onError(Throwable error) {
                        model(model.info(), false, System.nanoTime() - t0);
                        listener.onError(error);
                    }

                    @Override
                    public boolean isCancelled() {
                        return listener.isCancelled();
                    }
                });
            }

            @Override
            public ModelInfo info() {
                return model.info();
            }
        };
    }
}
