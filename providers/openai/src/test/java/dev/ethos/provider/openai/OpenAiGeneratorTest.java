package dev.ethos.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.ethos.FinishReason;
import dev.ethos.Generation;
import dev.ethos.GenerationOptions;
import dev.ethos.GenerationRequest;
import dev.ethos.Generator;
import dev.ethos.Generators;
import dev.ethos.ProviderException;
import dev.ethos.TokenUsage;
import dev.ethos.testing.CollectingListener;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class OpenAiGeneratorTest {
    private static OpenAiGenerator.Builder client(FakeUpstream up) {
        return OpenAiGenerator.builder(up.base()).model("m").apiKey("sk-test")
                .connectTimeout(Duration.ofSeconds(2)).requestTimeout(Duration.ofSeconds(5))
                .idleTimeout(Duration.ofSeconds(5)).backoff(Duration.ofMillis(10), Duration.ofMillis(50));
    }

    @Test
    void batchSendsMessagesAndOptionsAndMapsTheAnswer() throws Exception {
        try (FakeUpstream up = FakeUpstream.start((ex, body, call) ->
                FakeUpstream.json(ex, 200, FakeUpstream.completion("Hello there.", "length", 12, 3)))) {
            GenerationRequest req = GenerationRequest.builder().system("Be brief.").user("Hi")
                    .options(GenerationOptions.builder().maxTokens(40).temperature(0.5).seed(7).stop("END").build())
                    .attribute(GenerationRequest.ATTR_USER, "u-1").build();
            Generation g = client(up).build().generate(req);
            assertEquals("Hello there.", g.text());
            assertEquals(FinishReason.LENGTH, g.finishReason());
            assertEquals(new TokenUsage(12, 3), g.usage());
            assertEquals("openai", g.model().provider());
            assertEquals("Bearer sk-test", up.authorizations.get(0));
            JsonObject sent = JsonParser.parseString(up.bodies.get(0)).getAsJsonObject();
            assertEquals("m", sent.get("model").getAsString());
            assertEquals(2, sent.getAsJsonArray("messages").size());
            assertEquals("system", sent.getAsJsonArray("messages").get(0).getAsJsonObject().get("role").getAsString());
            assertEquals("Hi", sent.getAsJsonArray("messages").get(1).getAsJsonObject().get("content").getAsString());
            assertEquals(40, sent.get("max_tokens").getAsInt());
            assertEquals(0.5, sent.get("temperature").getAsDouble());
            assertEquals(7, sent.get("seed").getAsLong());
            assertEquals("END", sent.getAsJsonArray("stop").get(0).getAsString());
            assertEquals("u-1", sent.get("user").getAsString());
            assertFalse(sent.has("stream"));
            assertFalse(sent.has("top_k"), "non-standard parameters are sent only when set");
        }
    }

    @Test
    void streamDeliversDeltasAsTheyArriveAndMapsUsageAndTheEthosExtension() throws Exception {
        CountDownLatch firstSeen = new CountDownLatch(1);
        try (FakeUpstream up = FakeUpstream.start((ex, body, call) -> {
            OutputStream out = FakeUpstream.sse(ex);
            FakeUpstream.event(out, FakeUpstream.delta("Hello"));
            // The rest is sent only after the client has handed the first delta to its listener:
            // proof that events are parsed as they arrive, not after the body ends.
            if (!firstSeen.await(5, TimeUnit.SECONDS)) {
                return;
            }
            FakeUpstream.event(out, FakeUpstream.delta(", world."));
            FakeUpstream.event(out, FakeUpstream.finish("stop"));
            FakeUpstream.event(out, "{\"choices\":[],\"usage\":{\"prompt_tokens\":4,\"completion_tokens\":2},"
                    + "\"ethos\":{\"verdict\":\"pass\",\"provenance\":{\"generator\":\"x\"}}}");
            FakeUpstream.event(out, "[DONE]");
        })) {
            Probe probe = new Probe(p -> firstSeen.countDown(), () -> false);
            CollectingListener l = probe.got;
            client(up).build().stream(GenerationRequest.of("Hi"), probe);
            assertTrue(l.endedOnce());
            assertNull(l.error);
            assertEquals(java.util.List.of("Hello", ", world."), l.chunks);
            assertEquals("Hello, world.", l.completed.text());
            assertEquals(FinishReason.STOP, l.completed.finishReason());
            assertEquals(new TokenUsage(4, 2), l.completed.usage());
            Map<?, ?> ethos = l.completed.metadata(OpenAiGenerator.METADATA_ETHOS, Map.class).orElseThrow();
            assertEquals("pass", ethos.get("verdict"));
            assertInstanceOf(Map.class, ethos.get("provenance"));
            JsonObject sent = JsonParser.parseString(up.bodies.get(0)).getAsJsonObject();
            assertTrue(sent.get("stream").getAsBoolean());
            assertTrue(sent.getAsJsonObject("stream_options").get("include_usage").getAsBoolean());
        }
    }

    @Test
    void aServerThatIgnoresStreamTrueAndAnswersJsonIsStillStreamedWhole() throws Exception {
        try (FakeUpstream up = FakeUpstream.start((ex, body, call) ->
                FakeUpstream.json(ex, 200, FakeUpstream.completion("All at once.", "stop", 2, 3)))) {
            CollectingListener l = new CollectingListener();
            client(up).build().stream(GenerationRequest.of("Hi"), l);
            assertNull(l.error);
            assertEquals(java.util.List.of("All at once."), l.chunks);
            assertEquals(new TokenUsage(2, 3), l.completed.usage());
        }
    }

    @Test
    void a429IsRetriedHonouringRetryAfter() throws Exception {
        try (FakeUpstream up = FakeUpstream.start((ex, body, call) -> {
            if (call == 1) {
                ex.getResponseHeaders().set("Retry-After", "0");
                FakeUpstream.json(ex, 429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"rate_limit\"}}");
            } else {
                FakeUpstream.json(ex, 200, FakeUpstream.completion("ok", "stop", 1, 1));
            }
        })) {
            Generation g = client(up).build().generate(GenerationRequest.of("Hi"));
            assertEquals("ok", g.text());
            assertEquals(2, up.calls.get());
        }
    }

    @Test
    void a400IsNotRetriedAndCarriesStatusAndServerMessage() throws Exception {
        try (FakeUpstream up = FakeUpstream.start((ex, body, call) ->
                FakeUpstream.json(ex, 400, "{\"error\":{\"message\":\"max_tokens is too large\",\"type\":\"invalid_request_error\"}}"))) {
            ProviderException e = assertThrows(ProviderException.class,
                    () -> client(up).maxRetries(3).build().generate(GenerationRequest.of("Hi")));
            assertEquals(1, up.calls.get());
            assertEquals(400, e.httpStatus().orElse(-1));
            assertFalse(e.retryable());
            assertTrue(e.getMessage().contains("max_tokens is too large"), e.getMessage());
            assertTrue(e.getMessage().contains(up.base().toString()), e.getMessage());
        }
    }

    @Test
    void a5xxIsRetriedUntilTheBudgetIsSpentThenReportedAsRetryable() throws Exception {
        try (FakeUpstream up = FakeUpstream.start((ex, body, call) ->
                FakeUpstream.json(ex, 503, "{\"error\":\"model is loading\"}"))) {
            CollectingListener l = new CollectingListener();
            client(up).maxRetries(2).build().stream(GenerationRequest.of("Hi"), l);
            assertTrue(l.endedOnce());
            ProviderException e = assertInstanceOf(ProviderException.class, l.error);
            assertEquals(3, up.calls.get());
            assertEquals(503, e.httpStatus().orElse(-1));
            assertTrue(e.retryable());
            assertTrue(e.getMessage().contains("model is loading"), e.getMessage());
        }
    }

    @Test
    void aConnectionFailureIsRetryable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        OpenAiGenerator g = OpenAiGenerator.builder(URI.create("http://127.0.0.1:" + port + "/v1")).model("m")
                .maxRetries(1).backoff(Duration.ofMillis(5), Duration.ofMillis(10)).build();
        ProviderException e = assertThrows(ProviderException.class, () -> g.generate(GenerationRequest.of("Hi")));
        assertTrue(e.retryable());
        assertTrue(e.httpStatus().isEmpty());
    }

    @Test
    void aSlowUpstreamHitsTheTimeoutAndIsNotRetried() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (FakeUpstream up = FakeUpstream.start((ex, body, call) -> release.await(10, TimeUnit.SECONDS))) {
            long t0 = System.nanoTime();
            ProviderException e = assertThrows(ProviderException.class, () -> client(up)
                    .requestTimeout(Duration.ofMillis(300)).maxRetries(3).build().generate(GenerationRequest.of("Hi")));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            release.countDown();
            assertTrue(e.getMessage().contains("no response within 300 ms"), e.getMessage());
            assertTrue(e.retryable());
            assertTrue(ms < 5000, "took " + ms + " ms");
            assertEquals(1, up.calls.get());
        }
    }

    @Test
    void aStreamThatStallsEndsWithAnErrorAfterTheIdleTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (FakeUpstream up = FakeUpstream.start((ex, body, call) -> {
            OutputStream out = FakeUpstream.sse(ex);
            FakeUpstream.event(out, FakeUpstream.delta("Half an ans"));
            release.await(10, TimeUnit.SECONDS);
        })) {
            CollectingListener l = new CollectingListener();
            client(up).idleTimeout(Duration.ofMillis(300)).build().stream(GenerationRequest.of("Hi"), l);
            release.countDown();
            assertTrue(l.endedOnce());
            ProviderException e = assertInstanceOf(ProviderException.class, l.error);
            assertTrue(e.getMessage().contains("no data from the server for 300 ms"), e.getMessage());
            assertEquals("Half an ans", l.text());
        }
    }

    @Test
    void aStreamCutWithoutAnEndIsAnError() throws Exception {
        try (FakeUpstream up = FakeUpstream.start((ex, body, call) -> {
            OutputStream out = FakeUpstream.sse(ex);
            FakeUpstream.event(out, FakeUpstream.delta("Half"));
            // the handler returns: the body ends cleanly, but with neither finish_reason nor [DONE]
        })) {
            CollectingListener l = new CollectingListener();
            client(up).build().stream(GenerationRequest.of("Hi"), l);
            ProviderException e = assertInstanceOf(ProviderException.class, l.error);
            assertTrue(e.getMessage().contains("ended without"), e.getMessage());
            assertTrue(e.retryable());
        }
    }

    @Test
    void anErrorEventInTheStreamIsReportedWithItsMessageAndFlag() throws Exception {
        try (FakeUpstream up = FakeUpstream.start((ex, body, call) -> {
            OutputStream out = FakeUpstream.sse(ex);
            FakeUpstream.event(out, FakeUpstream.delta("Hi. "));
            FakeUpstream.event(out, "{\"error\":{\"message\":\"upstream died\",\"type\":\"upstream_error\",\"code\":502,"
                    + "\"retryable\":true}}");
        })) {
            CollectingListener l = new CollectingListener();
            client(up).build().stream(GenerationRequest.of("Hi"), l);
            ProviderException e = assertInstanceOf(ProviderException.class, l.error);
            assertTrue(e.getMessage().contains("upstream died"), e.getMessage());
            assertEquals(502, e.httpStatus().orElse(-1));
            assertTrue(e.retryable());
        }
    }

    @Test
    void cancellingTheListenerAbortsTheExchange() throws Exception {
        CountDownLatch serverSawClose = new CountDownLatch(1);
        try (FakeUpstream up = FakeUpstream.start((ex, body, call) -> {
            OutputStream out = FakeUpstream.sse(ex);
            try {
                for (int i = 0; i < 2000; i++) {
                    FakeUpstream.event(out, FakeUpstream.delta("word" + i + " "));
                    Thread.sleep(5);
                }
            } catch (IOException closed) {
                serverSawClose.countDown();
            }
        })) {
            AtomicBoolean cancel = new AtomicBoolean();
            Probe l = new Probe(p -> {
                if (p.got.chunks.size() == 3) {
                    cancel.set(true);
                }
            }, cancel::get);
            CollectingListener inner = l.got;
            client(up).build().stream(GenerationRequest.of("Hi"), l);
            assertTrue(inner.endedOnce());
            assertNotNull(inner.completed, () -> String.valueOf(inner.error));
            assertEquals(FinishReason.CANCELLED, inner.completed.finishReason());
            assertEquals(3, inner.chunks.size());
            assertTrue(serverSawClose.await(5, TimeUnit.SECONDS), "the server should see the connection closed");
        }
    }

    @Test
    void theProviderIsFoundByItsSchemeAndValidatesItsUri() {
        Generator g = Generators.open("openai:http://127.0.0.1:9/v1?model=llama3&max_retries=0&timeout_ms=500");
        OpenAiGenerator o = assertInstanceOf(OpenAiGenerator.class, g);
        assertEquals(URI.create("http://127.0.0.1:9/v1/chat/completions"), o.endpoint());
        assertEquals("llama3", o.info().modelId());
        IllegalArgumentException noModel = assertThrows(IllegalArgumentException.class,
                () -> Generators.open("openai:http://127.0.0.1:9/v1"));
        assertTrue(noModel.getMessage().contains("?model=NAME"), noModel.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Generators.open("openai:http://127.0.0.1:9/v1?model=m&temprature=1"));
        assertTrue(unknown.getMessage().contains("'temprature'"), unknown.getMessage());
        IllegalArgumentException notHttp = assertThrows(IllegalArgumentException.class,
                () -> Generators.open("openai:ftp://127.0.0.1/v1?model=m"));
        assertTrue(notHttp.getMessage().contains("ftp://127.0.0.1/v1"), notHttp.getMessage());
    }

    @Test
    void theApiKeyComesFromTheNamedEnvironmentVariableAndNeverShowsInToString() throws Exception {
        OpenAiProvider p = new OpenAiProvider(name -> name.equals("MY_KEY") ? "sk-secret" : null);
        try (FakeUpstream up = FakeUpstream.start((ex, body, call) ->
                FakeUpstream.json(ex, 200, FakeUpstream.completion("ok", "stop", 1, 1)))) {
            Generator g = p.open(up.base() + "?model=m&api_key_env=MY_KEY");
            g.generate(GenerationRequest.of("Hi"));
            assertEquals("Bearer sk-secret", up.authorizations.get(0));
            assertFalse(g.toString().contains("sk-secret"));
            Generator none = p.open(up.base() + "?model=m");
            none.generate(GenerationRequest.of("Hi"));
            assertEquals("null", up.authorizations.get(1), "no key configured: no Authorization header");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.open("http://127.0.0.1:9/v1?model=m&api_key_env=MISSING"));
        assertTrue(e.getMessage().contains("MISSING"), e.getMessage());
    }

    @Test
    void backoffGrowsWithJitterAndRespectsTheCap() {
        OpenAiGenerator g = OpenAiGenerator.builder(URI.create("http://127.0.0.1:9/v1")).model("m")
                .backoff(Duration.ofMillis(100), Duration.ofMillis(1000)).build();
        for (int i = 0; i < 50; i++) {
            long b0 = g.backoff(0, null).toMillis();
            long b3 = g.backoff(3, null).toMillis();
            long b9 = g.backoff(9, null).toMillis();
            assertTrue(b0 >= 50 && b0 <= 100, "attempt 0: " + b0);
            assertTrue(b3 >= 400 && b3 <= 800, "attempt 3: " + b3);
            assertTrue(b9 >= 500 && b9 <= 1000, "attempt 9: " + b9);
            assertEquals(1000, g.backoff(0, Duration.ofSeconds(30)).toMillis(), "Retry-After is capped");
        }
    }
}
