package dev.ethos.examples.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.ethos.Generation;
import dev.ethos.GenerationRequest;
import dev.ethos.Generators;
import dev.ethos.ProviderException;
import dev.ethos.SafeGenerator;
import dev.ethos.SafetyFilter;
import dev.ethos.examples.EthosChains;
import dev.ethos.provider.openai.OpenAiGenerator;
import dev.ethos.testing.CollectingListener;
import dev.ethos.testing.ScriptedGenerator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The gateway end to end over loopback: the {@code openai} provider as the client, the gateway, and a
 * real HTTP server serving a fixed model behind it (the gateway reaches it with the same provider).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GatewayTest {
    static final String KEY = "alice-key-0123456789";
    static final String PII_PROMPT = "Please draft a note to Jane Doe (jane.doe@example.com, +1 415 555 0199) about the review.";
    private static final Gson GSON = new Gson();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<String> accessLog = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void closeAll() throws Exception {
        Collections.reverse(open);
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private FixedModelServer upstream() throws Exception {
        FixedModelServer up = FixedModelServer.start();
        open.add(up);
        return up;
    }

    private Gateway gateway(String modelUri, Function<GatewayConfig.Builder, GatewayConfig.Builder> cfg,
                            Function<dev.ethos.Generator, SafeGenerator> chain) {
        Gateway.Builder b = Gateway.builder(Generators.open(modelUri))
                .config(cfg.apply(GatewayConfig.builder().host("127.0.0.1").port(0).apiKeys(Map.of("alice", KEY))
                        .shutdownGrace(Duration.ofSeconds(5))).build())
                .accessLog(accessLog::add);
        if (chain != null) {
            b.chain(chain);
        }
        Gateway gw = b.start();
        open.add(gw);
        return gw;
    }

    private Gateway standardGateway(FixedModelServer up) {
        return gateway(up.uri("max_retries=0"), c -> c, null);
    }

    private static SafeGenerator testChain(dev.ethos.Generator model) {
        return SafeGenerator.builder(model).filter(TestFilters.stampProvenance()).filter(TestFilters.scrubEmails()).build();
    }

    private static OpenAiGenerator client(Gateway gw) {
        return OpenAiGenerator.builder(URI.create("http://127.0.0.1:" + gw.port() + "/v1")).model(gw.modelName())
                .apiKey(KEY).maxRetries(0).requestTimeout(Duration.ofSeconds(10)).idleTimeout(Duration.ofSeconds(10)).build();
    }

    private static HttpResponse<String> post(Gateway gw, String key, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gw.port() + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            r.header("Authorization", "Bearer " + key);
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(Gateway gw, String path, String key) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gw.port() + path))
                .timeout(Duration.ofSeconds(10)).GET();
        if (key != null) {
            r.header("Authorization", "Bearer " + key);
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String chatBody(String prompt, boolean stream) {
        JsonObject m = new JsonObject();
        m.addProperty("role", "user");
        m.addProperty("content", prompt);
        JsonArray msgs = new JsonArray();
        msgs.add(m);
        JsonObject o = new JsonObject();
        o.addProperty("model", "fixed");
        o.add("messages", msgs);
        o.addProperty("stream", stream);
        return GSON.toJson(o);
    }

    private static boolean hasFilter(SafeGenerator g, String name) {
        return g.filters().stream().map(SafetyFilter::name).anyMatch(name::equals);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> ethos(Generation g) {
        return g.metadata(OpenAiGenerator.METADATA_ETHOS, Map.class).orElseThrow(
                () -> new AssertionError("no ethos extension in " + g.metadata().keySet()));
    }

    // ------------------------------------------------------------------------------------------
    // End to end: provider -> gateway -> provider -> fixed model

    @Test
    void batchAndStreamingEndToEndCarryTheSafetyReport() throws Exception {
        FixedModelServer up = upstream();
        Gateway gw = standardGateway(up);
        OpenAiGenerator c = client(gw);

        Generation batch = c.generate(GenerationRequest.of("When is the review?"));
        CollectingListener l = new CollectingListener();
        c.stream(GenerationRequest.of("When is the review?"), l);

        assertNull(l.error, () -> String.valueOf(l.error));
        assertTrue(l.endedOnce());
        assertEquals(l.text(), l.completed.text(), "the chunks add up to the completion");
        assertFalse(batch.text().isEmpty());
        if (gw.generator().filters().isEmpty()) {
            assertEquals(FixedModelServer.ANSWER, batch.text());
            assertEquals(FixedModelServer.ANSWER, l.text());
        }
        // (With filters, batch and stream may differ where a filter labels each answer uniquely.)
        assertEquals(2, up.calls.get());
        for (Generation g : List.of(batch, l.completed)) {
            Map<String, Object> ethos = ethos(g);
            assertNotNull(ethos.get("verdict"));
            List<?> filters = (List<?>) ethos.get("filters");
            assertEquals(gw.generator().filters().size(), filters.size(), "one outcome per filter of the standard chain");
        }
        assertEquals(28, batch.usage().totalTokens(), "usage travels from the model through the gateway");
    }

    @Test
    void thePiiInAPromptNeverReachesTheModelThroughTheGatewaysChain() throws Exception {
        // Plumbing: whatever the chain does to the prompt is what the model gets.
        FixedModelServer up = upstream();
        Gateway gw = gateway(up.uri("max_retries=0"), cfg -> cfg, GatewayTest::testChain);
        OpenAiGenerator c = client(gw);
        Generation g = c.generate(GenerationRequest.of(PII_PROMPT));
        CollectingListener l = new CollectingListener();
        c.stream(GenerationRequest.of(PII_PROMPT), l);
        assertNull(l.error);
        assertEquals(2, up.calls.get());
        assertFalse(up.seen().contains("jane.doe@example.com"), "the model was given: " + up.seen());
        assertTrue(up.seen().contains("<EMAIL>"));
        List<?> filters = (List<?>) ethos(g).get("filters");
        assertTrue(GSON.toJson(filters).contains("EMAIL_ADDRESS"));
        assertFalse(GSON.toJson(ethos(g)).contains("jane.doe@example.com"), "findings never carry the raw value");
    }

    @Test
    void withTheStandardChainThePiiInAPromptNeverReachesTheModel() throws Exception {
        FixedModelServer up = upstream();
        Gateway gw = standardGateway(up);
        assertTrue(hasFilter(gw.generator(), "pii"), "the standard chain holds the PII filter");
        OpenAiGenerator c = client(gw);
        c.generate(GenerationRequest.of(PII_PROMPT));
        CollectingListener l = new CollectingListener();
        c.stream(GenerationRequest.of(PII_PROMPT), l);
        assertTrue(l.endedOnce());
        // Pseudonymised or blocked before the model: either way the raw values never arrive.
        for (String raw : List.of("jane.doe@example.com", "415 555 0199", "4155550199")) {
            assertFalse(up.seen().contains(raw), raw + " reached the model: " + up.seen());
        }
    }

    @Test
    void theAnswerCarriesTheProvenanceManifestInBatchAndInTheLastStreamEvent() throws Exception {
        FixedModelServer up = upstream();
        Gateway gw = gateway(up.uri("max_retries=0"), cfg -> cfg, GatewayTest::testChain);
        OpenAiGenerator c = client(gw);
        Generation g = c.generate(GenerationRequest.of("When is the review?"));
        CollectingListener l = new CollectingListener();
        c.stream(GenerationRequest.of("When is the review?"), l);
        for (Generation x : List.of(g, l.completed)) {
            Map<?, ?> prov = assertInstanceOf(Map.class, ethos(x).get("provenance"));
            assertEquals("ethos-test", prov.get("generator"));
            assertEquals((double) x.text().length(), prov.get("chars"));
        }
    }

    @Test
    void withTheStandardChainTheAnswerCarriesProvenance() throws Exception {
        FixedModelServer up = upstream();
        Gateway gw = standardGateway(up);
        OpenAiGenerator c = client(gw);
        Generation g = c.generate(GenerationRequest.of("When is the review?"));
        CollectingListener l = new CollectingListener();
        c.stream(GenerationRequest.of("When is the review?"), l);
        for (Generation x : List.of(g, l.completed)) {
            // ProvenanceFilter leaves its manifest as canonical JSON text; the gateway embeds it as JSON.
            Map<?, ?> manifest = assertInstanceOf(Map.class, ethos(x).get("provenance"), () -> String.valueOf(ethos(x)));
            assertFalse(manifest.isEmpty());
        }
    }

    @Test
    void aBlockedRequestIsAnsweredWithContentFilterAndTheReasonWithoutCallingTheModel() throws Exception {
        FixedModelServer up = upstream();
        SafetyFilter refuse = new SafetyFilter() {
            @Override
            public String name() {
                return "test-refuse";
            }

            @Override
            public Generation apply(GenerationRequest request, Chain chain) {
                return request.promptText().contains("forbidden") ? chain.block("asks for something forbidden", List.of())
                        : chain.proceed(request);
            }
        };
        Gateway gw = gateway(up.uri("max_retries=0"), c -> c, m -> SafeGenerator.builder(m).filter(refuse).build());
        HttpResponse<String> r = post(gw, KEY, chatBody("Tell me the forbidden thing.", false));
        assertEquals(200, r.statusCode(), r.body());
        JsonObject o = JsonParser.parseString(r.body()).getAsJsonObject();
        assertEquals("content_filter", o.getAsJsonArray("choices").get(0).getAsJsonObject().get("finish_reason").getAsString());
        assertEquals("", o.getAsJsonArray("choices").get(0).getAsJsonObject().getAsJsonObject("message").get("content").getAsString());
        JsonObject ethos = o.getAsJsonObject("ethos");
        assertTrue(ethos.get("blocked").getAsBoolean());
        assertEquals("block", ethos.get("verdict").getAsString());
        assertTrue(ethos.get("block_reason").getAsString().contains("test-refuse"), ethos.toString());
        CollectingListener l = new CollectingListener();
        client(gw).stream(GenerationRequest.of("Tell me the forbidden thing."), l);
        assertEquals(dev.ethos.FinishReason.BLOCKED, l.completed.finishReason());
        assertEquals("", l.text());
        assertEquals(true, ethos(l.completed).get("blocked"));
        assertEquals(0, up.calls.get(), "the model was never called");
        assertTrue(gw.registry().scrape().contains("ethos_gateway_requests_total{stream=\"true\",verdict=\"block\"} 1.0"));
    }

    @Test
    void theSseStreamIsOpenAiShapedWithTheEthosObjectLast() throws Exception {
        FixedModelServer up = upstream();
        Gateway gw = standardGateway(up);
        HttpResponse<String> r = post(gw, KEY, chatBody("When is the review?", true));
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        List<String> data = new ArrayList<>();
        for (String block : r.body().split("\n\n")) {
            assertTrue(block.startsWith("data: "), block);
            data.add(block.substring(6));
        }
        assertEquals("[DONE]", data.get(data.size() - 1));
        JsonObject last = JsonParser.parseString(data.get(data.size() - 2)).getAsJsonObject();
        assertTrue(last.has("ethos"));
        assertEquals(0, last.getAsJsonArray("choices").size());
        JsonObject first = JsonParser.parseString(data.get(0)).getAsJsonObject();
        assertEquals("assistant", first.getAsJsonArray("choices").get(0).getAsJsonObject()
                .getAsJsonObject("delta").get("role").getAsString());
        assertEquals("chat.completion.chunk", first.get("object").getAsString());
    }

    // ------------------------------------------------------------------------------------------
    // Failures of the model

    @Test
    void anUpstreamKilledMidStreamGivesTheClientAnErrorEventNotAHang() throws Exception {
        String cp = System.getProperty("java.class.path");
        Process upstream = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp", cp,
                FixedModelServer.class.getName(), "3").redirectErrorStream(true).start();
        try {
            String line = new java.io.BufferedReader(new java.io.InputStreamReader(upstream.getInputStream())).readLine();
            assertNotNull(line, "the upstream process printed nothing");
            int port = Integer.parseInt(line.replace("PORT ", "").trim());
            Gateway gw = gateway("openai:http://127.0.0.1:" + port + "/v1?model=fixed&max_retries=0", c -> c,
                    m -> SafeGenerator.builder(m).build());
            OpenAiGenerator c = client(gw);
            CollectingListener l = new CollectingListener();
            CompletableFuture<Void> run = CompletableFuture.runAsync(() -> c.stream(GenerationRequest.of("Hi"), l));
            // The upstream sends 3 chunks, then stalls; kill it while the stream is open.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (up(gw) && gw.inFlight() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(200);
            upstream.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            run.get(10, TimeUnit.SECONDS);
            assertTrue(l.endedOnce());
            ProviderException e = assertInstanceOf(ProviderException.class, l.error, () -> "completed: " + l.completed);
            assertTrue(e.getMessage().contains("the model failed"), e.getMessage());
            assertTrue(e.retryable(), e.getMessage());
            assertTrue(gw.registry().scrape().contains("verdict=\"error\""));
        } finally {
            upstream.destroyForcibly();
        }
    }

    private static boolean up(Gateway gw) {
        return gw.port() > 0;
    }

    @Test
    void aClientThatGoesAwayCancelsTheUpstreamRequest() throws Exception {
        String longAnswer = "This is one sentence of a long answer. ".repeat(60);
        FixedModelServer up = new FixedModelServer(longAnswer, 9).chunkDelay(10);
        open.add(up);
        Gateway gw = gateway(up.uri("max_retries=0"), c -> c, m -> SafeGenerator.builder(m).build());
        java.util.concurrent.atomic.AtomicBoolean cancel = new java.util.concurrent.atomic.AtomicBoolean();
        CollectingListener got = new CollectingListener();
        client(gw).stream(GenerationRequest.of("Hi"), new dev.ethos.StreamListener() {
            @Override
            public void onText(String chunk) {
                got.onText(chunk);
                cancel.set(true);
            }

            @Override
            public void onComplete(Generation generation) {
                got.onComplete(generation);
            }

            @Override
            public void onError(Throwable error) {
                got.onError(error);
            }

            @Override
            public boolean isCancelled() {
                return cancel.get();
            }
        });
        assertEquals(dev.ethos.FinishReason.CANCELLED, got.completed.finishReason());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (up.brokenStreams.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1, up.brokenStreams.get(), "the gateway closed its request to the model");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!gw.registry().scrape().contains("verdict=\"cancelled\"") && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertTrue(gw.registry().scrape().contains("ethos_gateway_requests_total{stream=\"true\",verdict=\"cancelled\"} 1.0"));
        int total = (longAnswer.length() + 8) / 9;
        assertTrue(up.chunksSent.get() < total, up.chunksSent.get() + " of " + total + " chunks were sent");
    }

    @Test
    void aSlowUpstreamHitsTheTimeoutAndTheClientGets504() throws Exception {
        FixedModelServer up = upstream();
        CountDownLatch release = new CountDownLatch(1);
        up.script((ex, call) -> release.await(10, TimeUnit.SECONDS));
        Gateway gw = gateway(up.uri("max_retries=0&timeout_ms=300"), c -> c, null);
        try {
            long t0 = System.nanoTime();
            HttpResponse<String> r = post(gw, KEY, chatBody("Hi", false));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(504, r.statusCode(), r.body());
            assertTrue(r.body().contains("no response within 300 ms"), r.body());
            assertTrue(ms < 5000, ms + " ms");
            ProviderException e = org.junit.jupiter.api.Assertions.assertThrows(ProviderException.class,
                    () -> client(gw).generate(GenerationRequest.of("Hi")));
            assertEquals(504, e.httpStatus().orElse(-1));
            assertTrue(e.retryable());
        } finally {
            release.countDown();
        }
    }

    @Test
    void anUpstream429IsRetriedAndA400IsNot() throws Exception {
        FixedModelServer up = upstream();
        up.script((ex, call) -> {
            if (call == 1) {
                ex.getResponseHeaders().set("Retry-After", "0");
                FixedModelServer.json(ex, 429, FixedModelServer.error("slow down"));
                return true;
            }
            return false;
        });
        Gateway gw = gateway(up.uri("max_retries=2&backoff_ms=10&max_backoff_ms=50"), c -> c, null);
        Generation g = client(gw).generate(GenerationRequest.of("Hi"));
        assertEquals(FixedModelServer.ANSWER.length() > 0, !g.text().isEmpty());
        assertEquals(2, up.calls.get(), "one 429, one success");

        FixedModelServer bad = upstream();
        bad.script((ex, call) -> {
            FixedModelServer.json(ex, 400, FixedModelServer.error("context length exceeded"));
            return true;
        });
        Gateway gw2 = gateway(bad.uri("max_retries=2&backoff_ms=10&max_backoff_ms=50"), c -> c, null);
        ProviderException e = org.junit.jupiter.api.Assertions.assertThrows(ProviderException.class,
                () -> client(gw2).generate(GenerationRequest.of("Hi")));
        assertEquals(1, bad.calls.get(), "a 400 is not retried");
        assertEquals(502, e.httpStatus().orElse(-1));
        assertFalse(e.retryable());
        assertTrue(e.getMessage().contains("context length exceeded"), e.getMessage());
    }

    // ------------------------------------------------------------------------------------------
    // The HTTP surface: auth, limits, health, metrics, logs, shutdown

    @Test
    void clientsNeedAKnownBearerKey() throws Exception {
        Gateway gw = gateway("openai:http://127.0.0.1:9/v1?model=fixed", c -> c, null);
        assertEquals(401, post(gw, null, chatBody("Hi", false)).statusCode());
        HttpResponse<String> wrong = post(gw, "mallory-key-000000", chatBody("Hi", false));
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("authentication_error"));
        assertEquals(401, get(gw, "/v1/models", null).statusCode());
        HttpResponse<String> models = get(gw, "/v1/models", KEY);
        assertEquals(200, models.statusCode());
        assertEquals("fixed", JsonParser.parseString(models.body()).getAsJsonObject().getAsJsonArray("data").get(0)
                .getAsJsonObject().get("id").getAsString());
        assertEquals(200, get(gw, "/healthz", null).statusCode());
    }

    @Test
    void badRequestsGetClearErrors() throws Exception {
        Gateway gw = gateway("openai:http://127.0.0.1:9/v1?model=fixed", c -> c.maxRequestBytes(2048), null);
        HttpResponse<String> notJson = post(gw, KEY, "{not json");
        assertEquals(400, notJson.statusCode());
        assertTrue(notJson.body().contains("not valid JSON"), notJson.body());
        HttpResponse<String> noMessages = post(gw, KEY, "{\"model\":\"fixed\",\"messages\":[]}");
        assertEquals(400, noMessages.statusCode());
        assertTrue(noMessages.body().contains("messages"), noMessages.body());
        HttpResponse<String> otherModel = post(gw, KEY, "{\"model\":\"gpt-9\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
        assertEquals(404, otherModel.statusCode());
        assertTrue(otherModel.body().contains("'gpt-9'"), otherModel.body());
        HttpResponse<String> badTemp = post(gw, KEY,
                "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"temperature\":-1}");
        assertEquals(400, badTemp.statusCode());
        assertTrue(badTemp.body().contains("temperature"), badTemp.body());
        HttpResponse<String> big = post(gw, KEY, chatBody("x".repeat(5000), false));
        assertEquals(413, big.statusCode());
    }

    @Test
    void eachKeyHasAConcurrencyLimit() throws Exception {
        FixedModelServer up = upstream();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        up.script((ex, call) -> {
            if (call == 1) {
                entered.countDown();
                release.await(10, TimeUnit.SECONDS);
            }
            return false;
        });
        Gateway gw = gateway(up.uri("max_retries=0"), c -> c.maxConcurrentPerKey(1), null);
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> {
            try {
                return post(gw, KEY, chatBody("Hi", false));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        HttpResponse<String> second = post(gw, KEY, chatBody("Hi", false));
        assertEquals(429, second.statusCode(), second.body());
        assertEquals("1", second.headers().firstValue("Retry-After").orElse(null));
        release.countDown();
        assertEquals(200, first.get(10, TimeUnit.SECONDS).statusCode());
        assertEquals(200, post(gw, KEY, chatBody("Hi", false)).statusCode(), "the permit is given back");
    }

    @Test
    void metricsCountVerdictsFindingsAndTimeFiltersAndTheModel() throws Exception {
        FixedModelServer up = upstream();
        Gateway gw = gateway(up.uri("max_retries=0"), c -> c, GatewayTest::testChain);
        OpenAiGenerator c = client(gw);
        c.generate(GenerationRequest.of(PII_PROMPT));
        c.stream(GenerationRequest.of("When is the review?"), new CollectingListener());
        post(gw, null, chatBody("Hi", false));
        HttpResponse<String> m = get(gw, "/metrics", null);
        assertEquals(200, m.statusCode());
        assertTrue(m.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        String text = m.body();
        assertTrue(text.contains("ethos_gateway_requests_total{stream=\"false\",verdict=\"rewrite\"} 1.0"), text);
        assertTrue(text.contains("ethos_gateway_requests_total{stream=\"true\",verdict=\"pass\"} 1.0"), text);
        assertTrue(text.contains("ethos_findings_total{filter=\"test-email\",type=\"EMAIL_ADDRESS\"} 1.0"), text);
        assertTrue(text.contains("ethos_filter_duration_seconds_bucket{filter=\"test-email\""), text);
        assertTrue(text.contains("ethos_model_duration_seconds_bucket{model=\"openai:fixed\",outcome=\"ok\""), text);
        assertTrue(text.contains("ethos_gateway_request_duration_seconds_bucket"), text);
        assertTrue(text.contains("ethos_gateway_rejected_total{reason=\"unauthorized\"} 1.0"), text);
    }

    @Test
    void theAccessLogIsJsonAndNeverHoldsPromptOrAnswerText() throws Exception {
        FixedModelServer up = upstream();
        Gateway gw = gateway(up.uri("max_retries=0"), c -> c, GatewayTest::testChain);
        OpenAiGenerator c = client(gw);
        c.generate(GenerationRequest.of(PII_PROMPT));
        c.stream(GenerationRequest.of(PII_PROMPT), new CollectingListener());
        // The line is written once the exchange is over, which may be just after the client saw [DONE].
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (accessLog.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(2, accessLog.size());
        for (String line : accessLog) {
            JsonObject o = JsonParser.parseString(line).getAsJsonObject();
            assertEquals(200, o.get("status").getAsInt());
            assertEquals("alice", o.get("client").getAsString());
            assertEquals("rewrite", o.get("verdict").getAsString());
            assertEquals(1, o.getAsJsonObject("findings").get("EMAIL_ADDRESS").getAsInt());
            assertTrue(o.has("request_id") && o.has("duration_ms"));
            for (String text : List.of("jane.doe", "Jane Doe", "415 555", "review", "quarterly", "slides", KEY)) {
                assertFalse(line.contains(text), "'" + text + "' in access log line " + line);
            }
        }
    }

    @Test
    void closingDrainsRequestsInFlightAndRefusesNewOnes() throws Exception {
        FixedModelServer up = upstream();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        up.script((ex, call) -> {
            if (call == 1) {
                entered.countDown();
                release.await(10, TimeUnit.SECONDS);
            }
            return false;
        });
        Gateway gw = gateway(up.uri("max_retries=0"), c -> c, null);
        OpenAiGenerator c = client(gw);
        CollectingListener l = new CollectingListener();
        CompletableFuture<Void> inFlight = CompletableFuture.runAsync(() -> c.stream(GenerationRequest.of("Hi"), l));
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        CompletableFuture<Void> closing = CompletableFuture.runAsync(gw::close);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        int health = 0;
        while (System.nanoTime() < deadline && (health = get(gw, "/healthz", null).statusCode()) != 503) {
            Thread.sleep(10);
        }
        assertEquals(503, health, "/healthz says draining");
        assertEquals(503, post(gw, KEY, chatBody("Hi", false)).statusCode(), "new requests are refused");
        assertFalse(closing.isDone(), "close waits for the request in flight");
        release.countDown();
        inFlight.get(10, TimeUnit.SECONDS);
        closing.get(10, TimeUnit.SECONDS);
        assertNull(l.error, () -> String.valueOf(l.error));
        assertTrue(l.text().contains(FixedModelServer.ANSWER), "the request in flight finished whole: " + l.text());
        assertEquals(dev.ethos.FinishReason.STOP, l.completed.finishReason());
    }

    @Test
    void endToEndThroughTheBuiltinDjlModel() throws Exception {
        // provider -> gateway (standard chain) -> djl:builtin, recording what the model is given.
        dev.ethos.Generator djl = Generators.open("djl:builtin");
        List<GenerationRequest> given = java.util.Collections.synchronizedList(new ArrayList<>());
        dev.ethos.Generator recording = new dev.ethos.Generator() {
            @Override
            public Generation generate(GenerationRequest r) {
                given.add(r);
                return djl.generate(r);
            }

            @Override
            public void stream(GenerationRequest r, dev.ethos.StreamListener listener) {
                given.add(r);
                djl.stream(r, listener);
            }

            @Override
            public dev.ethos.ModelInfo info() {
                return djl.info();
            }
        };
        Gateway gw = Gateway.builder(recording).config(GatewayConfig.builder().host("127.0.0.1").port(0).build())
                .accessLog(accessLog::add).chain(m -> EthosChains.standard(m).build()).start();
        open.add(gw);
        open.add((AutoCloseable) djl);
        OpenAiGenerator c = OpenAiGenerator.builder(URI.create("http://127.0.0.1:" + gw.port() + "/v1"))
                .model(gw.modelName()).maxRetries(0).requestTimeout(Duration.ofSeconds(60)).build();
        String prompt = "Write a job ad for a software engineer. Applications go to jane.doe@example.com.";
        GenerationRequest req = GenerationRequest.builder().user(prompt)
                .options(dev.ethos.GenerationOptions.builder().maxTokens(40).build()).build();
        Generation batch = c.generate(req);
        CollectingListener l = new CollectingListener();
        c.stream(req, l);
        assertNull(l.error, () -> String.valueOf(l.error));
        assertEquals(l.text(), l.completed.text());
        assertEquals(2, given.size());
        for (GenerationRequest r : given) {
            assertFalse(r.promptText().contains("jane.doe@example.com"), "the model was given: " + r.promptText());
        }
        for (Generation g : List.of(batch, l.completed)) {
            assertTrue(g.text().startsWith("AI-generated content"), g.text());
            assertInstanceOf(Map.class, ethos(g).get("provenance"));
        }
    }

    @Test
    void aScriptedInProcessModelCanBeServedToo() throws Exception {
        ScriptedGenerator model = ScriptedGenerator.answering("Fixed answer. Second sentence.");
        Gateway gw = Gateway.builder(model).config(GatewayConfig.builder().host("127.0.0.1").port(0).build())
                .accessLog(accessLog::add).chain(m -> EthosChains.standard(m).build()).start();
        open.add(gw);
        OpenAiGenerator c = OpenAiGenerator.builder(URI.create("http://127.0.0.1:" + gw.port() + "/v1"))
                .model(gw.modelName()).maxRetries(0).build();
        CollectingListener l = new CollectingListener();
        c.stream(GenerationRequest.of("Hi"), l);
        assertNull(l.error);
        assertEquals(l.text(), l.completed.text());
        assertFalse(c.generate(GenerationRequest.of("Hi")).text().isEmpty());
        assertEquals(2, model.calls());
    }
}
