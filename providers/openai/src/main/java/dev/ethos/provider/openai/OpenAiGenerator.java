package dev.ethos.provider.openai;

import com.google.gson.JsonParseException;
import dev.ethos.FinishReason;
import dev.ethos.Generation;
import dev.ethos.GenerationRequest;
import dev.ethos.Generator;
import dev.ethos.ModelInfo;
import dev.ethos.ProviderException;
import dev.ethos.StreamListener;
import dev.ethos.TokenUsage;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A model behind any OpenAI-compatible {@code /v1/chat/completions} endpoint (OpenAI, vLLM,
 * llama.cpp's server, Ollama, LM Studio, or an Ethos gateway), over {@code java.net.http}.
 *
 * <h2>Timeouts</h2>
 * {@link Builder#connectTimeout} bounds the TCP connect, {@link Builder#requestTimeout} the wait for
 * the response headers and, for {@link #generate}, the whole answer; {@link Builder#idleTimeout} bounds
 * the silence between two pieces of a body, so an upstream that stalls or dies mid-stream ends the
 * generation with a {@link ProviderException} instead of a hang.
 *
 * <h2>Retries</h2>
 * Up to {@link Builder#maxRetries} more attempts, with exponential backoff and jitter (and at least
 * the server's {@code Retry-After}, capped at the maximum backoff), only for HTTP 429, HTTP 5xx and
 * connection failures, and in a stream only before any text was delivered. Timeouts are not retried
 * (a slow server would only get slower), but their exception says a retry may help.
 *
 * <h2>Errors</h2>
 * Every failure is a {@link ProviderException} naming the endpoint, with the HTTP status and the
 * server's own message when there was an answer, and {@link ProviderException#retryable()} true for
 * 408, 429, 5xx, timeouts and connection failures, unless the error object itself says
 * {@code "retryable": false} (as an Ethos gateway's do): then it is neither retried nor retryable.
 *
 * <h2>Streaming</h2>
 * Server-sent events are parsed as they arrive and every content delta goes to the listener at once.
 * {@link StreamListener#isCancelled()} is polled between events; when it answers true the response
 * body is closed, which aborts the HTTP exchange, and the stream completes with
 * {@link FinishReason#CANCELLED}.
 *
 * <p>Token usage is taken from the {@code usage} object (requested in streams through
 * {@code stream_options.include_usage}). An Ethos gateway's {@code ethos} extension object (its
 * safety report and provenance manifest) is kept in the generation's metadata under
 * {@link #METADATA_ETHOS}. Logits processors cannot run on a remote model: they are not applied, and
 * their number is recorded under {@link #METADATA_IGNORED_LOGITS_PROCESSORS}.
 *
 * <p>Thread-safe; one instance serves any number of concurrent requests over one {@link HttpClient}.
 */
public final class OpenAiGenerator implements Generator {
    /** Metadata key of the {@code ethos} extension object of an Ethos gateway's answer (a {@code Map}). */
    public static final String METADATA_ETHOS = "ethos";
    /** Metadata key holding how many logits processors of the request could not be applied remotely. */
    public static final String METADATA_IGNORED_LOGITS_PROCESSORS = "openai.ignored_logits_processors";
    /** The provider name in {@link ModelInfo}. */
    public static final String PROVIDER = "openai";

    private static final Logger LOG = LoggerFactory.getLogger(OpenAiGenerator.class);
    private static final int MAX_EVENT_CHARS = 4 << 20;
    private static final int MAX_BODY_BYTES = 32 << 20;
    private static final int MAX_ERROR_BYTES = 64 << 10;

    private final URI endpoint;
    private final String model;
    private final String apiKey;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Duration idleTimeout;
    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final boolean streamUsage;
    private final HttpClient client;
    private final ModelInfo info;

    private OpenAiGenerator(Builder b) {
        this.endpoint = chatEndpoint(b.baseUri);
        this.model = b.model;
        this.apiKey = b.apiKey;
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.idleTimeout = b.idleTimeout;
        this.maxRetries = b.maxRetries;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.streamUsage = b.streamUsage;
        this.client = b.client != null ? b.client : HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.info = new ModelInfo(PROVIDER, model);
    }

    /**
     * A builder for the server at {@code baseUri}, the URI that ends before {@code /chat/completions}
     * (such as {@code http://localhost:11434/v1}).
     */
    public static Builder builder(URI baseUri) {
        return new Builder(baseUri);
    }

    /** The URI requests go to ({@code …/chat/completions}). */
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public String toString() {
        // Never the API key.
        return "OpenAiGenerator{endpoint=" + endpoint + ", model=" + model + ", apiKey=" + (apiKey == null ? "none" : "set")
                + ", maxRetries=" + maxRetries + "}";
    }

    // ------------------------------------------------------------------------------------------
    // Batch

    @Override
    public Generation generate(GenerationRequest request) {
        Objects.requireNonNull(request, "request");
        byte[] body = Wire.GSON.toJson(Wire.request(model, request, false, false)).getBytes(StandardCharsets.UTF_8);
        HttpResponse<InputStream> response = open(body, () -> false);
        return completion(response, request);
    }

    /** Reads and maps a whole (non-streamed) completion. */
    private Generation completion(HttpResponse<InputStream> response, GenerationRequest request) {
        String json;
        try (InputStream in = response.body(); Watchdog dog = new Watchdog(in, idleTimeout, requestTimeout)) {
            try {
                json = new String(readBounded(in, MAX_BODY_BYTES, dog), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw bodyFailure(dog.reason(), e, response.statusCode());
            }
            if (dog.reason() != null) {
                throw bodyFailure(dog.reason(), null, response.statusCode());
            }
        } catch (IOException closeFailed) {
            throw new ProviderException(where() + ": could not close the response: " + closeFailed, true, closeFailed);
        }
        Wire.ChatResponse r;
        try {
            r = Wire.GSON.fromJson(json, Wire.ChatResponse.class);
        } catch (JsonParseException e) {
            throw new ProviderException(where() + " sent a malformed completion: " + e.getMessage(), false,
                    response.statusCode(), e);
        }
        if (r == null) {
            throw new ProviderException(where() + " sent an empty completion", false, response.statusCode(), null);
        }
        if (r.error != null && !r.error.isJsonNull()) {
            throw streamError(r);
        }
        if (r.choices == null || r.choices.isEmpty() || r.choices.get(0).message == null) {
            throw new ProviderException(where() + " sent a completion without choices[0].message", false,
                    response.statusCode(), null);
        }
        Wire.Choice c = r.choices.get(0);
        String text = c.message.content == null ? "" : c.message.content;
        Generation.Builder g = Generation.builder().text(text).finishReason(Wire.finishReason(c.finishReason))
                .usage(usage(r.usage)).model(modelInfo(r.model));
        metadata(g, request, r);
        return g.build();
    }

    // ------------------------------------------------------------------------------------------
    // Streaming

    @Override
    public void stream(GenerationRequest request, StreamListener listener) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(listener, "listener");
        byte[] body = Wire.GSON.toJson(Wire.request(model, request, true, streamUsage)).getBytes(StandardCharsets.UTF_8);
        HttpResponse<InputStream> response;
        try {
            response = open(body, listener::isCancelled);
        } catch (ProviderException e) {
            listener.onError(e);
            return;
        }
        if (response == null) { // cancelled before the request was sent
            listener.onComplete(Generation.builder().finishReason(FinishReason.CANCELLED).model(info).build());
            return;
        }
        if (response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT).contains("application/json")) {
            // Some servers ignore "stream": true and answer with one JSON completion: deliver it whole.
            Generation whole;
            try {
                whole = completion(response, request);
            } catch (ProviderException e) {
                listener.onError(e);
                return;
            }
            if (!whole.text().isEmpty()) {
                listener.onText(whole.text());
            }
            listener.onComplete(whole);
            return;
        }
        StringBuilder text = new StringBuilder();
        Wire.Usage usage = null;
        String finish = null;
        String servedModel = null;
        Wire.ChatResponse ethos = null;
        boolean done = false;
        boolean cancelled = false;
        InputStream in = response.body();
        try (Watchdog dog = new Watchdog(in, idleTimeout, null); SseReader sse = new SseReader(in, MAX_EVENT_CHARS)) {
            try {
                SseReader.Event event;
                while (true) {
                    if (listener.isCancelled()) {
                        cancelled = true;
                        break;
                    }
                    event = sse.next();
                    dog.touch();
                    if (event == null) {
                        break;
                    }
                    String data = event.data();
                    if (data.equals("[DONE]")) {
                        done = true;
                        break;
                    }
                    Wire.ChatResponse chunk;
                    try {
                        chunk = Wire.GSON.fromJson(data, Wire.ChatResponse.class);
                    } catch (JsonParseException e) {
                        listener.onError(new ProviderException(where() + " sent a malformed stream event: "
                                + e.getMessage(), false, response.statusCode(), e));
                        return;
                    }
                    if (chunk == null) {
                        continue;
                    }
                    if ("error".equals(event.name()) || (chunk.error != null && !chunk.error.isJsonNull())) {
                        listener.onError(streamError(chunk));
                        return;
                    }
                    if (chunk.model != null) {
                        servedModel = chunk.model;
                    }
                    if (chunk.usage != null) {
                        usage = chunk.usage;
                    }
                    if (chunk.ethos != null && !chunk.ethos.isJsonNull()) {
                        ethos = chunk;
                    }
                    if (chunk.choices != null && !chunk.choices.isEmpty()) {
                        Wire.Choice c = chunk.choices.get(0);
                        if (c.finishReason != null) {
                            finish = c.finishReason;
                        }
                        String delta = c.delta != null ? c.delta.content : c.message != null ? c.message.content : null;
                        if (delta != null && !delta.isEmpty()) {
                            text.append(delta);
                            listener.onText(delta);
                            dog.touch(); // the time the listener took is not the server's silence
                        }
                    }
                }
            } catch (IOException e) {
                if (dog.reason() != null) {
                    listener.onError(new ProviderException(where() + ": stream timed out: " + dog.reason() + " (after "
                            + text.length() + " characters)", true, response.statusCode(), e));
                } else {
                    listener.onError(new ProviderException(where() + ": stream broke after " + text.length()
                            + " characters: " + e, true, response.statusCode(), e));
                }
                return;
            }
            if (!done && !cancelled && dog.reason() != null) {
                listener.onError(new ProviderException(where() + ": stream timed out: " + dog.reason() + " (after "
                        + text.length() + " characters)", true, response.statusCode(), null));
                return;
            }
        } catch (IOException closeFailed) {
            LOG.debug("closing the stream from {} failed: {}", endpoint, closeFailed.toString());
        }
        if (cancelled) {
            listener.onComplete(Generation.builder().text(text.toString()).finishReason(FinishReason.CANCELLED)
                    .usage(usage(usage)).model(modelInfo(servedModel)).build());
            return;
        }
        if (!done && finish == null) {
            listener.onError(new ProviderException(where() + ": stream ended without a finish reason or [DONE] after "
                    + text.length() + " characters (the server closed the connection)", true, response.statusCode(), null));
            return;
        }
        Generation.Builder g = Generation.builder().text(text.toString()).finishReason(Wire.finishReason(finish))
                .usage(usage(usage)).model(modelInfo(servedModel));
        metadata(g, request, ethos);
        listener.onComplete(g.build());
    }

    // ------------------------------------------------------------------------------------------
    // The exchange, with retries

    private interface Cancel {
        boolean now();
    }

    /**
     * Sends the request until a 2xx answer arrives, retrying 429, 5xx and connection failures.
     * Returns {@code null} if {@code cancel} answered true before an attempt.
     */
    private HttpResponse<InputStream> open(byte[] body, Cancel cancel) {
        HttpRequest.Builder rb = HttpRequest.newBuilder(endpoint)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (apiKey != null) {
            rb.header("Authorization", "Bearer " + apiKey);
        }
        HttpRequest httpRequest = rb.build();
        for (int attempt = 0; ; attempt++) {
            if (cancel.now()) {
                return null;
            }
            ProviderException failure;
            Duration retryAfter = null;
            boolean retry;
            try {
                HttpResponse<InputStream> resp = client.send(httpRequest, HttpResponse.BodyHandlers.ofInputStream());
                int status = resp.statusCode();
                if (status >= 200 && status < 300) {
                    return resp;
                }
                String raw = readError(resp);
                String message = Wire.errorMessage(raw);
                // An Ethos gateway says outright whether a retry may help; trust that over the status.
                Boolean said = Wire.retryableFlagOfBody(raw);
                boolean retryable = said != null ? said : status == 408 || status == 429 || status >= 500;
                failure = new ProviderException(where() + " answered HTTP " + status + ": " + message, retryable, status, null);
                retry = (status == 429 || status >= 500) && (said == null || said);
                retryAfter = retryAfter(resp);
            } catch (HttpConnectTimeoutException e) {
                failure = new ProviderException(where() + ": could not connect within " + connectTimeout.toMillis() + " ms",
                        true, e);
                retry = true;
            } catch (HttpTimeoutException e) {
                failure = new ProviderException(where() + ": no response within " + requestTimeout.toMillis() + " ms", true, e);
                retry = false;
            } catch (ConnectException e) {
                failure = new ProviderException(where() + ": connection failed: " + describe(e), true, e);
                retry = true;
            } catch (IOException e) {
                failure = new ProviderException(where() + ": request failed: " + describe(e), true, e);
                retry = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderException(where() + ": interrupted", false, e);
            }
            if (!retry || attempt >= maxRetries) {
                if (attempt > 0) {
                    failure.addSuppressed(new ProviderException("gave up after " + (attempt + 1) + " attempts", false, null));
                }
                throw failure;
            }
            Duration pause = backoff(attempt, retryAfter);
            LOG.debug("{} (attempt {} of {}); retrying in {} ms", failure.getMessage(), attempt + 1, maxRetries + 1,
                    pause.toMillis());
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderException(where() + ": interrupted while waiting to retry", false, e);
            }
        }
    }

    /** Exponential backoff with jitter: a random pause in [d/2, d] for d = initial·2^attempt, capped. */
    Duration backoff(int attempt, Duration retryAfter) {
        long cap = maxBackoff.toMillis();
        long d = Math.min(cap, initialBackoff.toMillis() << Math.min(attempt, 20));
        long jittered = d / 2 + ThreadLocalRandom.current().nextLong(d / 2 + 1);
        if (retryAfter != null) {
            jittered = Math.max(jittered, Math.min(cap, retryAfter.toMillis()));
        }
        return Duration.ofMillis(jittered);
    }

    private static Duration retryAfter(HttpResponse<?> resp) {
        Optional<String> h = resp.headers().firstValue("Retry-After");
        if (h.isPresent()) {
            try {
                long s = Long.parseLong(h.get().trim());
                return s >= 0 ? Duration.ofSeconds(s) : null;
            } catch (NumberFormatException httpDate) {
                return null; // an HTTP date: rare for APIs; use our own backoff
            }
        }
        return null;
    }

    private String readError(HttpResponse<InputStream> resp) {
        try (InputStream in = resp.body(); Watchdog dog = new Watchdog(in, idleTimeout, requestTimeout)) {
            return new String(readBounded(in, MAX_ERROR_BYTES, dog), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no readable body: " + e.getMessage() + ")";
        }
    }

    /** Reads at most {@code limit} bytes; a longer body is cut there (its end is not needed). */
    private static byte[] readBounded(InputStream in, int limit, Watchdog dog) throws IOException {
        byte[] buf = new byte[8192];
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int n;
        while ((n = in.read(buf)) >= 0) {
            dog.touch();
            if (out.size() + n > limit) {
                throw new IOException("response body larger than " + limit + " bytes");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private ProviderException bodyFailure(String watchdogReason, IOException e, int status) {
        if (watchdogReason != null) {
            return new ProviderException(where() + ": response timed out: " + watchdogReason, true, status, e);
        }
        return new ProviderException(where() + ": reading the response failed: " + describe(e), true, status, e);
    }

    private ProviderException streamError(Wire.ChatResponse r) {
        String message = Wire.messageOf(r.error);
        int code = Wire.errorCode(r.error);
        Boolean flag = Wire.retryableFlag(r.error);
        boolean retryable = flag != null ? flag : code == 408 || code == 429 || code >= 500;
        return new ProviderException(where() + " reported an error" + (code > 0 ? " (" + code + ")" : "") + ": "
                + (message == null ? r.error.toString() : message), retryable, code, null);
    }

    private void metadata(Generation.Builder g, GenerationRequest request, Wire.ChatResponse r) {
        if (r != null && r.ethos != null && r.ethos.isJsonObject()) {
            g.metadata(METADATA_ETHOS, Wire.plainObject(r.ethos));
        }
        if (!request.logitsProcessors().isEmpty()) {
            g.metadata(METADATA_IGNORED_LOGITS_PROCESSORS, request.logitsProcessors().size());
        }
    }

    private ModelInfo modelInfo(String served) {
        return served == null || served.isBlank() || served.equals(model) ? info : new ModelInfo(PROVIDER, served);
    }

    private static TokenUsage usage(Wire.Usage u) {
        if (u == null) {
            return TokenUsage.UNKNOWN;
        }
        int p = u.promptTokens == null ? 0 : Math.max(0, u.promptTokens);
        int c = u.completionTokens == null ? 0 : Math.max(0, u.completionTokens);
        return new TokenUsage(p, c);
    }

    private String where() {
        return "openai endpoint " + endpoint;
    }

    private static String describe(Throwable e) {
        if (e == null) {
            return "unknown";
        }
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    static URI chatEndpoint(URI base) {
        String s = base.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.endsWith("/chat/completions")) {
            return URI.create(s);
        }
        return URI.create(s + "/chat/completions");
    }

    /** Builds an {@link OpenAiGenerator}; every value is validated when it is set. */
    public static final class Builder {
        private final URI baseUri;
        private String model;
        private String apiKey;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(120);
        private Duration idleTimeout = Duration.ofSeconds(60);
        private int maxRetries = 2;
        private Duration initialBackoff = Duration.ofMillis(250);
        private Duration maxBackoff = Duration.ofSeconds(8);
        private boolean streamUsage = true;
        private HttpClient client;

        private Builder(URI baseUri) {
            Objects.requireNonNull(baseUri, "baseUri");
            String scheme = baseUri.getScheme() == null ? "" : baseUri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("the base URI must be http:// or https://, got '" + baseUri + "'");
            }
            if (baseUri.getHost() == null) {
                throw new IllegalArgumentException("the base URI has no host: '" + baseUri + "'");
            }
            if (baseUri.getRawQuery() != null || baseUri.getRawFragment() != null) {
                throw new IllegalArgumentException("the base URI must not have a query or fragment: '" + baseUri + "'");
            }
            this.baseUri = baseUri;
        }

        /** The model name the server knows ({@code gpt-4o-mini}, {@code llama3}, …). Required. */
        public Builder model(String model) {
            if (model == null || model.isBlank()) {
                throw new IllegalArgumentException("model must be a non-blank name, got '" + model + "'");
            }
            this.model = model;
            return this;
        }

        /** Sent as {@code Authorization: Bearer KEY}; {@code null} sends none (local servers). */
        public Builder apiKey(String apiKey) {
            if (apiKey != null && (apiKey.isBlank() || apiKey.chars().anyMatch(ch -> ch < 0x21 || ch > 0x7e))) {
                throw new IllegalArgumentException("the API key must be printable ASCII without spaces");
            }
            this.apiKey = apiKey;
            return this;
        }

        public Builder connectTimeout(Duration d) {
            this.connectTimeout = positive(d, "connectTimeout");
            return this;
        }

        /**
         * Bounds the wait for the response headers and, for {@code generate}, again the reading of the
         * whole answer (default 120 s).
         */
        public Builder requestTimeout(Duration d) {
            this.requestTimeout = positive(d, "requestTimeout");
            return this;
        }

        /** The most silence allowed while a body arrives (default 60 s). */
        public Builder idleTimeout(Duration d) {
            this.idleTimeout = positive(d, "idleTimeout");
            return this;
        }

        /** Extra attempts after a 429, 5xx or connection failure (default 2; 0 disables retries). */
        public Builder maxRetries(int n) {
            if (n < 0 || n > 20) {
                throw new IllegalArgumentException("maxRetries must be in [0, 20], got " + n);
            }
            this.maxRetries = n;
            return this;
        }

        /** The first retry waits about {@code initial}; each next one twice as long, at most {@code max}. */
        public Builder backoff(Duration initial, Duration max) {
            positive(initial, "initial backoff");
            positive(max, "max backoff");
            if (max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("max backoff " + max + " is shorter than the initial " + initial);
            }
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        /** Ask for token usage in streams ({@code stream_options.include_usage}; default true). */
        public Builder streamUsage(boolean streamUsage) {
            this.streamUsage = streamUsage;
            return this;
        }

        /** Share an {@link HttpClient} (its connect timeout then applies instead of ours). */
        public Builder httpClient(HttpClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        public OpenAiGenerator build() {
            if (model == null) {
                throw new IllegalArgumentException("no model name: call model(NAME) (URI form: ?model=NAME)");
            }
            return new OpenAiGenerator(this);
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, got " + d);
            }
            return d;
        }
    }
}
