package dev.ethos.benchmarks.gateway;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ethos.Generation;
import dev.ethos.GenerationRequest;
import dev.ethos.Generators;
import dev.ethos.SafetyFilter;
import dev.ethos.StreamListener;
import dev.ethos.examples.gateway.Gateway;
import dev.ethos.examples.gateway.GatewayConfig;
import dev.ethos.provider.openai.OpenAiGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * A bounded load run of the gateway over loopback, not a unit test: N chat completions at
 * concurrency C through the whole path — the {@code openai} provider as client, the gateway with
 * {@code EthosChains.standard}, the {@code openai} provider again, and a fast fixed-answer upstream
 * (the JDK's HTTP server). Prints errors, throughput and latency percentiles.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.ethos.benchmarks.gateway.GatewayLoadRun [N] [C] [batch|stream]</pre>
 */
public final class GatewayLoadRun {
    static final String ANSWER = "Thanks for asking. The quarterly review is on Monday at noon. Bring the slides. "
            + "The agenda covers revenue, hiring and the roadmap for next year.";
    private static final Gson GSON = new Gson();

    private GatewayLoadRun() {
    }

    /** What one load run measured. Latencies are sorted, in nanoseconds. */
    public record Result(String chain, int requests, int errors, Throwable firstError, double seconds, long[] latencies) {
        public double throughput() {
            return requests / seconds;
        }

        public double percentileMs(double p) {
            return pct(latencies, p);
        }

        @Override
        public String toString() {
            return String.format("requests=%d errors=%d wall=%.2fs throughput=%.0f req/s p50=%.2fms p90=%.2fms "
                            + "p99=%.2fms max=%.2fms", requests, errors, seconds, throughput(), percentileMs(0.50),
                    percentileMs(0.90), percentileMs(0.99), latencies[latencies.length - 1] / 1e6);
        }
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        boolean stream = args.length > 2 && args[2].equals("stream");
        System.out.printf("gateway load run: %d %s requests at concurrency %d; %d cores; Java %s%n",
                n, stream ? "streaming" : "batch", concurrency, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        Result r = run(n, concurrency, stream, Math.min(n, 300));
        System.out.println("chain: [" + r.chain() + "]");
        System.out.println(r);
        if (r.firstError() != null) {
            System.out.println("first error: " + r.firstError());
        }
        System.exit(0);
    }

    /** Starts an upstream and a gateway on loopback, warms up, runs {@code n} requests, stops both. */
    public static Result run(int n, int concurrency, boolean stream, int warmup) throws Exception {
        HttpServer upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        upstream.setExecutor(Executors.newFixedThreadPool(32));
        upstream.createContext("/v1/chat/completions", GatewayLoadRun::answer);
        upstream.start();
        String key = "load-key-0123456789";
        Gateway gw = Gateway.builder(Generators.open("openai:http://127.0.0.1:" + upstream.getAddress().getPort()
                        + "/v1?model=fixed&max_retries=0"))
                .config(GatewayConfig.builder().host("127.0.0.1").port(0).apiKeys(Map.of("load", key))
                        .maxConcurrentPerKey(concurrency * 2).accessLog(false).build())
                .start();
        OpenAiGenerator client = OpenAiGenerator.builder(URI.create("http://127.0.0.1:" + gw.port() + "/v1"))
                .model(gw.modelName()).apiKey(key).maxRetries(0).requestTimeout(Duration.ofSeconds(30)).build();
        String filters = gw.generator().filters().stream().map(SafetyFilter::name).collect(Collectors.joining(", "));
        try {
            if (warmup > 0) {
                runInto(client, warmup, concurrency, stream, new long[warmup], new AtomicInteger(), new AtomicReference<>());
            }
            long[] lat = new long[n];
            AtomicInteger errors = new AtomicInteger();
            AtomicReference<Throwable> firstError = new AtomicReference<>();
            long t0 = System.nanoTime();
            runInto(client, n, concurrency, stream, lat, errors, firstError);
            double secs = (System.nanoTime() - t0) / 1e9;
            Arrays.sort(lat);
            return new Result(filters, n, errors.get(), firstError.get(), secs, lat);
        } finally {
            gw.close();
            upstream.stop(0);
            ((ExecutorService) upstream.getExecutor()).shutdownNow();
        }
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static void runInto(OpenAiGenerator client, int n, int concurrency, boolean stream, long[] lat,
                                AtomicInteger errors, AtomicReference<Throwable> firstError) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        Thread[] workers = new Thread[concurrency];
        for (int w = 0; w < concurrency; w++) {
            workers[w] = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    GenerationRequest req = GenerationRequest.of("Request " + i + ": when is the quarterly review?");
                    long t = System.nanoTime();
                    try {
                        String text;
                        if (stream) {
                            StringBuilder sb = new StringBuilder();
                            Throwable[] err = new Throwable[1];
                            client.stream(req, new StreamListener() {
                                @Override
                                public void onText(String chunk) {
                                    sb.append(chunk);
                                }

                                @Override
                                public void onComplete(Generation generation) {
                                }

                                @Override
                                public void onError(Throwable error) {
                                    err[0] = error;
                                }
                            });
                            if (err[0] != null) {
                                throw new IllegalStateException(err[0]);
                            }
                            text = sb.toString();
                        } else {
                            text = client.generate(req).text();
                        }
                        if (text.isEmpty()) {
                            throw new IllegalStateException("empty answer");
                        }
                    } catch (RuntimeException e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e);
                    }
                    lat[i] = System.nanoTime() - t;
                }
            }, "load-" + w);
            workers[w].start();
        }
        for (Thread t : workers) {
            t.join();
        }
    }

    /** The fast upstream: a fixed answer at once, as JSON or as a few server-sent events. */
    private static void answer(HttpExchange ex) throws IOException {
        try (ex) {
            JsonObject req = GSON.fromJson(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    JsonObject.class);
            boolean stream = req.has("stream") && req.get("stream").getAsBoolean();
            if (!stream) {
                JsonObject msg = new JsonObject();
                msg.addProperty("role", "assistant");
                msg.addProperty("content", ANSWER);
                byte[] b = GSON.toJson(envelope(msg, "message", "stop")).getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(200, b.length);
                ex.getResponseBody().write(b);
                return;
            }
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            for (int i = 0; i < ANSWER.length(); i += 24) {
                JsonObject d = new JsonObject();
                d.addProperty("content", ANSWER.substring(i, Math.min(ANSWER.length(), i + 24)));
                event(out, GSON.toJson(envelope(d, "delta", null)));
            }
            event(out, GSON.toJson(envelope(new JsonObject(), "delta", "stop")));
            event(out, "[DONE]");
        }
    }

    private static JsonObject envelope(JsonObject body, String field, String finish) {
        JsonObject choice = new JsonObject();
        choice.addProperty("index", 0);
        choice.add(field, body);
        if (finish != null) {
            choice.addProperty("finish_reason", finish);
        }
        JsonArray choices = new JsonArray();
        choices.add(choice);
        JsonObject o = new JsonObject();
        o.addProperty("id", "up");
        o.addProperty("model", "fixed");
        o.add("choices", choices);
        return o;
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
