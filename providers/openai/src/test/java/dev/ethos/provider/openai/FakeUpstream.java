package dev.ethos.provider.openai;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on the loopback interface (the JDK's own), answering
 * {@code /v1/chat/completions} with whatever the test scripts. Records every request body and
 * Authorization header.
 */
final class FakeUpstream implements AutoCloseable {
    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange ex, String body, int call) throws Exception;
    }

    final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
    final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger calls = new AtomicInteger();
    private final HttpServer server;
    private final ExecutorService pool;

    private FakeUpstream(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-upstream");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/v1/chat/completions", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            bodies.add(body);
            authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            int call = calls.incrementAndGet();
            try {
                handler.handle(ex, body, call);
            } catch (Exception e) {
                // the client went away, or the test ended: nothing to do
            } finally {
                ex.close();
            }
        });
        server.start();
    }

    static FakeUpstream start(Handler handler) throws IOException {
        return new FakeUpstream(handler);
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    static void json(HttpExchange ex, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

    /** Starts an SSE response; write events with {@link #event}. */
    static OutputStream sse(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.sendResponseHeaders(200, 0);
        return ex.getResponseBody();
    }

    static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static String delta(String text) {
        return "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"m\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"content\":" + Wire.GSON.toJson(text) + "},\"finish_reason\":null}]}";
    }

    static String finish(String reason) {
        return "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"m\",\"choices\":[{\"index\":0,"
                + "\"delta\":{},\"finish_reason\":\"" + reason + "\"}]}";
    }

    static String completion(String text, String reason, int promptTokens, int completionTokens) {
        return "{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"m\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":" + Wire.GSON.toJson(text) + "},\"finish_reason\":\""
                + reason + "\"}],\"usage\":{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":"
                + completionTokens + ",\"total_tokens\":" + (promptTokens + completionTokens) + "}}";
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
