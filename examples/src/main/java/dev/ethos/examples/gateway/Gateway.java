package dev.ethos.examples.gateway;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.ethos.Generation;
import dev.ethos.Generator;
import dev.ethos.ProviderException;
import dev.ethos.SafeGenerator;
import dev.ethos.StreamListener;
import dev.ethos.examples.EthosChains;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OpenAI-compatible server that guards any {@link Generator}: {@code POST /v1/chat/completions}
 * (JSON, or server-sent events with {@code "stream": true}), {@code GET /v1/models}, {@code GET /healthz}
 * and {@code GET /metrics} (Prometheus text format, through Micrometer). Built on Javalin (Jetty).
 *
 * <p>Every completion runs through the safety chain (by default {@link EthosChains#standard}). Its
 * report, and the provenance manifest when a filter put one in the generation's metadata, come back
 * in an {@code ethos} object beside {@code choices}: in the JSON body, or in the last event of a
 * stream, before {@code data: [DONE]}. A stream that fails after it started ends with an event
 * {@code {"error": {"message", "type", "code", "retryable"}}}.
 *
 * <p>Clients authenticate with {@code Authorization: Bearer KEY} when keys are configured; each key
 * may have at most {@link GatewayConfig#maxConcurrentPerKey()} requests in flight (more get 429), and
 * bodies above {@link GatewayConfig#maxRequestBytes()} get 413. {@link #close()} drains: new requests
 * get 503 and {@code /healthz} turns 503 while requests in flight finish, up to the grace period.
 * The access log has one JSON object per request with ids, sizes, verdict, finding counts and
 * timings, never prompt or answer text.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final String ANONYMOUS = "anonymous";

    private final GatewayConfig config;
    private final SafeGenerator guarded;
    private final String modelName;
    private final PrometheusMeterRegistry registry;
    private final GatewayMetrics metrics;
    private final Consumer<String> accessLog;
    private final Map<String, String> clientsByKeyHash = new HashMap<>();
    private final ConcurrentHashMap<String, Semaphore> permits = new ConcurrentHashMap<>();
    private final long startedAt = Instant.now().getEpochSecond();
    private final Javalin app;
    private volatile boolean draining;
    private boolean closed;

    private Gateway(Builder b) {
        this.config = b.config;
        this.registry = b.registry != null ? b.registry : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        this.metrics = new GatewayMetrics(registry);
        this.guarded = Objects.requireNonNull(b.chain.apply(metrics.timed(b.model)), "the chain function returned null");
        this.modelName = config.modelName() != null ? config.modelName() : b.model.info().modelId();
        PrintStream stdout = System.out;
        this.accessLog = !config.accessLog() ? line -> { } : b.accessLog != null ? b.accessLog : line -> {
            synchronized (stdout) {
                stdout.println(line);
                stdout.flush();
            }
        };
        config.apiKeys().forEach((name, key) -> clientsByKeyHash.put(sha256(key), name));
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.startupWatcherEnabled = false;
            cfg.http.maxRequestSize = config.maxRequestBytes();
            cfg.http.disableCompression(); // compression would buffer server-sent events
            cfg.jetty.modifyServer(server -> server.setStopAtShutdown(false)); // close() drains first
        });
        app.post("/v1/chat/completions", this::chat);
        app.get("/v1/models", this::models);
        app.get("/healthz", this::health);
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            error(ctx, 500, "internal_error", null, "internal error: " + e.getClass().getSimpleName(), null);
        });
    }

    /** A gateway in front of {@code model}; nothing listens until {@link Builder#start()}. */
    public static Builder builder(Generator model) {
        return new Builder(model);
    }

    /** The port the gateway listens on (useful with port 0). */
    public int port() {
        return app.port();
    }

    /** The guarded generator every request goes through. */
    public SafeGenerator generator() {
        return guarded;
    }

    /** The model id clients see in {@code /v1/models} and name in requests. */
    public String modelName() {
        return modelName;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Requests being served right now. */
    public int inFlight() {
        return metrics.inFlight.get();
    }

    // ------------------------------------------------------------------------------------------
    // Endpoints

    private void health(Context ctx) {
        JsonObject o = new JsonObject();
        o.addProperty("status", draining ? "draining" : "ok");
        o.addProperty("model", modelName);
        o.addProperty("in_flight", metrics.inFlight.get());
        ctx.status(draining ? 503 : 200).contentType("application/json").result(ChatCodec.GSON.toJson(o));
    }

    private void models(Context ctx) {
        if (client(ctx) == null) {
            metrics.rejected("unauthorized");
            error(ctx, 401, "invalid_request_error", null, "missing or unknown API key (send Authorization: Bearer KEY)", null);
            return;
        }
        JsonObject m = new JsonObject();
        m.addProperty("id", modelName);
        m.addProperty("object", "model");
        m.addProperty("created", startedAt);
        m.addProperty("owned_by", "ethos");
        JsonArray data = new JsonArray();
        data.add(m);
        JsonObject o = new JsonObject();
        o.addProperty("object", "list");
        o.add("data", data);
        ctx.contentType("application/json").result(ChatCodec.GSON.toJson(o));
    }

    private void chat(Context ctx) {
        long t0 = System.nanoTime();
        String requestId = requestId(ctx);
        ctx.header("X-Request-Id", requestId);
        JsonObject log = new JsonObject();
        log.addProperty("ts", Instant.now().toString());
        log.addProperty("request_id", requestId);
        log.addProperty("method", "POST");
        log.addProperty("path", ctx.path());
        log.addProperty("remote", ctx.ip());
        metrics.inFlight.incrementAndGet();
        try {
            serveChat(ctx, requestId, log, t0);
        } finally {
            metrics.inFlight.decrementAndGet();
            log.addProperty("status", ctx.res().getStatus());
            log.addProperty("duration_ms", Math.round((System.nanoTime() - t0) / 1e4) / 100.0);
            accessLog.accept(ChatCodec.GSON.toJson(log));
        }
    }

    private void serveChat(Context ctx, String requestId, JsonObject log, long t0) {
        if (draining) {
            reject(ctx, log, 503, "draining", "the gateway is shutting down; retry on another instance");
            return;
        }
        String client = client(ctx);
        if (client == null) {
            reject(ctx, log, 401, "unauthorized", "missing or unknown API key (send Authorization: Bearer KEY)");
            return;
        }
        log.addProperty("client", client);
        String body;
        try {
            body = readBody(ctx);
        } catch (TooLarge e) {
            reject(ctx, log, 413, "too_large", "the request body is larger than " + config.maxRequestBytes() + " bytes");
            return;
        } catch (IOException e) {
            reject(ctx, log, 400, "bad_request", "could not read the request body: " + e.getMessage());
            return;
        }
        log.addProperty("request_bytes", body.length());
        ChatCodec.Parsed parsed;
        try {
            parsed = ChatCodec.parse(body, modelName, config.maxTokens(), requestId, client);
        } catch (ChatCodec.BadRequest e) {
            metrics.rejected("bad_request");
            log.addProperty("rejected", "bad_request");
            error(ctx, e.status, e.type, e.param, e.getMessage(), null);
            return;
        }
        log.addProperty("stream", parsed.stream());
        log.addProperty("messages", parsed.request().messages().size());
        Semaphore s = permits.computeIfAbsent(client, k -> new Semaphore(config.maxConcurrentPerKey()));
        if (!s.tryAcquire()) {
            ctx.header("Retry-After", "1");
            reject(ctx, log, 429, "concurrency", "more than " + config.maxConcurrentPerKey()
                    + " concurrent requests for this API key");
            return;
        }
        try {
            if (parsed.stream()) {
                stream(ctx, requestId, parsed, log, t0);
            } else {
                batch(ctx, requestId, parsed, log, t0);
            }
        } finally {
            s.release();
        }
    }

    private void batch(Context ctx, String requestId, ChatCodec.Parsed parsed, JsonObject log, long t0) {
        Generation g;
        try {
            g = guarded.generate(parsed.request());
        } catch (ProviderException e) {
            int status = upstreamStatus(e);
            log.addProperty("verdict", "error");
            log.addProperty("error", upstreamErrorTag(e));
            metrics.request("error", false, System.nanoTime() - t0);
            if (status == 503) {
                ctx.header("Retry-After", "1");
            }
            error(ctx, status, "upstream_error", null, "the model failed: " + e.getMessage(), e.retryable());
            return;
        }
        metrics.report(g);
        metrics.request(GatewayMetrics.verdict(g), false, System.nanoTime() - t0);
        describe(log, g);
        ctx.status(200).contentType("application/json")
                .result(ChatCodec.GSON.toJson(ChatCodec.completion("chatcmpl-" + requestId, Instant.now().getEpochSecond(),
                        modelName, g)));
    }

    private void stream(Context ctx, String requestId, ChatCodec.Parsed parsed, JsonObject log, long t0) {
        HttpServletResponse res = ctx.res();
        res.setStatus(200);
        res.setContentType("text/event-stream;charset=utf-8");
        res.setHeader("Cache-Control", "no-cache");
        res.setHeader("X-Accel-Buffering", "no");
        String id = "chatcmpl-" + requestId;
        long created = Instant.now().getEpochSecond();
        SseWriter sse;
        try {
            sse = new SseWriter(res.getOutputStream());
        } catch (IOException e) {
            log.addProperty("error", "client_gone");
            return;
        }
        sse.send(ChatCodec.GSON.toJson(ChatCodec.chunk(id, created, modelName, "assistant", "", null)));
        Generation[] done = new Generation[1];
        Throwable[] failed = new Throwable[1];
        guarded.stream(parsed.request(), new StreamListener() {
            @Override
            public void onText(String chunk) {
                sse.send(ChatCodec.GSON.toJson(ChatCodec.chunk(id, created, modelName, null, chunk, null)));
            }

            @Override
            public void onComplete(Generation g) {
                done[0] = g;
                // Metrics first, so that they are complete when the client sees the end.
                metrics.report(g);
                metrics.request(GatewayMetrics.verdict(g), true, System.nanoTime() - t0);
                sse.send(ChatCodec.GSON.toJson(ChatCodec.chunk(id, created, modelName, null, null,
                        ChatCodec.finishReason(g.finishReason()))));
                sse.send(ChatCodec.GSON.toJson(ChatCodec.finalChunk(id, created, modelName, g, parsed.includeUsage())));
                sse.send("[DONE]");
            }

            @Override
            public void onError(Throwable error) {
                failed[0] = error;
                metrics.request("error", true, System.nanoTime() - t0);
                boolean retryable = error instanceof ProviderException && ((ProviderException) error).retryable();
                int code = error instanceof ProviderException ? upstreamStatus((ProviderException) error) : 500;
                sse.send(ChatCodec.GSON.toJson(ChatCodec.error("the model failed: " + error.getMessage(), "upstream_error",
                        null, code, retryable)));
            }

            @Override
            public boolean isCancelled() {
                return sse.gone;
            }
        });
        if (done[0] != null) {
            describe(log, done[0]);
        } else {
            log.addProperty("verdict", "error");
            log.addProperty("error", failed[0] instanceof ProviderException
                    ? upstreamErrorTag((ProviderException) failed[0])
                    : failed[0] == null ? "unknown" : failed[0].getClass().getSimpleName());
        }
        if (sse.gone) {
            log.addProperty("client_gone", true);
        }
    }

    /** Writes server-sent events; remembers when the client has gone so the stream can be cancelled. */
    private static final class SseWriter {
        private final OutputStream out;
        volatile boolean gone;

        SseWriter(OutputStream out) {
            this.out = out;
        }

        void send(String data) {
            if (gone) {
                return;
            }
            try {
                out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                gone = true;
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // Helpers

    private static void describe(JsonObject log, Generation g) {
        log.addProperty("verdict", GatewayMetrics.verdict(g));
        log.addProperty("finish_reason", ChatCodec.finishReason(g.finishReason()));
        Map<String, Integer> byType = new TreeMap<>();
        g.report().findings().forEach(f -> byType.merge(f.type(), 1, Integer::sum));
        JsonObject findings = new JsonObject();
        byType.forEach(findings::addProperty);
        log.add("findings", findings);
        log.addProperty("completion_chars", g.text().length());
        log.addProperty("prompt_tokens", g.usage().promptTokens());
        log.addProperty("completion_tokens", g.usage().completionTokens());
        log.addProperty("model", g.model().provider() + ":" + g.model().modelId());
    }

    private void reject(Context ctx, JsonObject log, int status, String reason, String message) {
        metrics.rejected(reason);
        log.addProperty("rejected", reason);
        error(ctx, status, status == 429 ? "rate_limit_error" : status == 401 ? "authentication_error"
                : status >= 500 ? "server_error" : "invalid_request_error", null, message, status == 429 || status == 503);
    }

    private static void error(Context ctx, int status, String type, String param, String message, Boolean retryable) {
        ctx.status(status).contentType("application/json")
                .result(ChatCodec.GSON.toJson(ChatCodec.error(message, type, param, status, retryable)));
    }

    /** 504 for timeouts, 503 for other failures a retry may fix, 502 for the rest. */
    static int upstreamStatus(ProviderException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException || String.valueOf(t.getMessage()).contains("timed out")) {
                return 504;
            }
        }
        return e.retryable() ? 503 : 502;
    }

    private static String upstreamErrorTag(ProviderException e) {
        // The status and class only: the message may quote the server, which may quote the prompt.
        return "provider" + e.httpStatus().stream().mapToObj(s -> "_http_" + s).findFirst().orElse("")
                + (e.retryable() ? "_retryable" : "");
    }

    /** The client's key name; {@code anonymous} when no keys are configured; {@code null} when refused. */
    private String client(Context ctx) {
        if (clientsByKeyHash.isEmpty()) {
            return ANONYMOUS;
        }
        String h = ctx.header("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return clientsByKeyHash.get(sha256(h.substring(7).strip()));
    }

    private static final class TooLarge extends Exception {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    private String readBody(Context ctx) throws IOException, TooLarge {
        long declared = ctx.req().getContentLengthLong();
        int max = config.maxRequestBytes();
        if (declared > max) {
            throw new TooLarge();
        }
        InputStream in = ctx.req().getInputStream();
        byte[] data = in.readNBytes(max + 1);
        if (data.length > max) {
            throw new TooLarge();
        }
        return new String(data, StandardCharsets.UTF_8);
    }

    private static String requestId(Context ctx) {
        String given = ctx.header("X-Request-Id");
        return given != null && REQUEST_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    static String sha256(String s) {
        return com.google.common.hash.Hashing.sha256().hashString(s, StandardCharsets.UTF_8).toString();
    }

    // ------------------------------------------------------------------------------------------
    // Life cycle

    private Gateway listen() {
        app.start(config.host(), config.port());
        if (config.apiKeys().isEmpty()) {
            LOG.warn("no client API keys configured: the gateway at port {} accepts every request", port());
        }
        return this;
    }

    /**
     * Drains and stops: new completions get 503 and {@code /healthz} answers 503 at once; requests in
     * flight may finish for up to the grace period; then the server stops. Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        draining = true;
        long deadline = System.nanoTime() + config.shutdownGrace().toNanos();
        while (metrics.inFlight.get() > 0 && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (metrics.inFlight.get() > 0) {
            LOG.warn("stopping with {} request(s) still in flight after the {} s grace period", metrics.inFlight.get(),
                    config.shutdownGrace().toSeconds());
        }
        app.stop();
    }

    /** Builds and starts a {@link Gateway}. */
    public static final class Builder {
        private final Generator model;
        private GatewayConfig config = GatewayConfig.defaults();
        private Function<Generator, SafeGenerator> chain = m -> EthosChains.standard(m).build();
        private PrometheusMeterRegistry registry;
        private Consumer<String> accessLog;

        private Builder(Generator model) {
            this.model = Objects.requireNonNull(model, "model");
        }

        public Builder config(GatewayConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * How the model is guarded (default: {@code EthosChains.standard(model).build()}). The function
         * gets the model wrapped for timing and must guard exactly that generator.
         */
        public Builder chain(Function<Generator, SafeGenerator> chain) {
            this.chain = Objects.requireNonNull(chain, "chain");
            return this;
        }

        public Builder registry(PrometheusMeterRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /** Where access-log lines go (default: standard output). */
        public Builder accessLog(Consumer<String> sink) {
            this.accessLog = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /** Starts listening; the returned gateway serves until {@link Gateway#close()}. */
        public Gateway start() {
            return new Gateway(this).listen();
        }
    }
}
