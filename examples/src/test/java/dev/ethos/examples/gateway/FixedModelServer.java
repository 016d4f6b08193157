package dev.ethos.examples.gateway;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real OpenAI-compatible HTTP server on the loopback interface (the JDK's own server) that serves a
 * fixed model: it answers every chat completion with the same text, as JSON or as server-sent events
 * in small chunks, and records what it was given. Behaviour can be scripted per call (errors, stalls).
 * Also runnable as its own process: see {@link #main}.
 */
final class FixedModelServer implements AutoCloseable {
    static final String ANSWER = "Thanks for asking. The quarterly review is on Monday at noon. Bring the slides.";
    private static final Gson GSON = new Gson();

    /** What to do for one call; {@code null} from {@link Script#before} means "answer normally". */
    @FunctionalInterface
    interface Script {
        /** Handles the call itself and returns true, or returns false to let the server answer normally. */
        boolean before(HttpExchange ex, int call) throws Exception;
    }

    final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger calls = new AtomicInteger();
    private final HttpServer server;
    private final ExecutorService pool;
    private final String answer;
    private final int chunk;
    private volatile Script script = (ex, call) -> false;
    /** Streams stop after this many chunks and the handler then blocks (for kill tests); -1: never. */
    private volatile int stallAfter = -1;
    /** Pause between two streamed chunks. */
    private volatile long chunkDelayMs;
    /** Streams whose client went away before the end (a write failed). */
    final AtomicInteger brokenStreams = new AtomicInteger();
    final AtomicInteger chunksSent = new AtomicInteger();

    FixedModelServer(String answer, int chunk) throws IOException {
        this.answer = answer;
        this.chunk = chunk;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fixed-model");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    static FixedModelServer start() throws IOException {
        return new FixedModelServer(ANSWER, 9);
    }

    FixedModelServer script(Script s) {
        this.script = s;
        return this;
    }

    FixedModelServer stallAfter(int chunks) {
        this.stallAfter = chunks;
        return this;
    }

    FixedModelServer chunkDelay(long ms) {
        this.chunkDelayMs = ms;
        return this;
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The model URI a gateway uses to reach this server. */
    String uri(String extra) {
        return "openai:http://127.0.0.1:" + port() + "/v1?model=fixed" + (extra.isEmpty() ? "" : "&" + extra);
    }

    /** Everything the model has been given so far, as one text. */
    String seen() {
        synchronized (bodies) {
            return String.join("\n", bodies);
        }
    }

    private void handle(HttpExchange ex) {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            bodies.add(body);
            int call = calls.incrementAndGet();
            if (script.before(ex, call)) {
                return;
            }
            JsonObject req = GSON.fromJson(body, JsonObject.class);
            boolean stream = req.has("stream") && req.get("stream").getAsBoolean();
            if (!stream) {
                JsonObject msg = new JsonObject();
                msg.addProperty("role", "assistant");
                msg.addProperty("content", answer);
                JsonObject choice = new JsonObject();
                choice.addProperty("index", 0);
                choice.add("message", msg);
                choice.addProperty("finish_reason", "stop");
                JsonObject o = head("chat.completion");
                JsonArray choices = new JsonArray();
                choices.add(choice);
                o.add("choices", choices);
                o.add("usage", usage());
                json(ex, 200, o);
                return;
            }
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            int n = 0;
            try {
                for (int i = 0; i < answer.length(); i += chunk) {
                    if (stallAfter >= 0 && n == stallAfter) {
                        Thread.sleep(Long.MAX_VALUE);
                    }
                    if (chunkDelayMs > 0) {
                        Thread.sleep(chunkDelayMs);
                    }
                    event(out, delta(answer.substring(i, Math.min(answer.length(), i + chunk)), null));
                    chunksSent.incrementAndGet();
                    n++;
                }
            } catch (IOException clientGone) {
                brokenStreams.incrementAndGet();
                return;
            }
            event(out, delta(null, "stop"));
            JsonObject u = head("chat.completion.chunk");
            u.add("choices", new JsonArray());
            u.add("usage", usage());
            event(out, GSON.toJson(u));
            event(out, "[DONE]");
        } catch (Exception e) {
            // client gone, or the server is stopping
        }
    }

    private JsonObject usage() {
        JsonObject u = new JsonObject();
        u.addProperty("prompt_tokens", 11);
        u.addProperty("completion_tokens", 17);
        return u;
    }

    private static JsonObject head(String object) {
        JsonObject o = new JsonObject();
        o.addProperty("id", "up-1");
        o.addProperty("object", object);
        o.addProperty("model", "fixed");
        return o;
    }

    private static String delta(String text, String finish) {
        JsonObject d = new JsonObject();
        if (text != null) {
            d.addProperty("content", text);
        }
        JsonObject choice = new JsonObject();
        choice.addProperty("index", 0);
        choice.add("delta", d);
        choice.add("finish_reason", finish == null ? JsonNull.INSTANCE : new com.google.gson.JsonPrimitive(finish));
        JsonObject o = head("chat.completion.chunk");
        JsonArray choices = new JsonArray();
        choices.add(choice);
        o.add("choices", choices);
        return GSON.toJson(o);
    }

    static void json(HttpExchange ex, int status, JsonObject o) throws IOException {
        byte[] b = GSON.toJson(o).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

    static JsonObject error(String message) {
        JsonObject e = new JsonObject();
        e.addProperty("message", message);
        JsonObject o = new JsonObject();
        o.add("error", e);
        return o;
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    /**
     * Runs the server as its own process: {@code FixedModelServer [STALL_AFTER_CHUNKS]}. Prints
     * {@code PORT n} on standard output once it listens, then serves until killed.
     */
    public static void main(String[] args) throws Exception {
        FixedModelServer s = start();
        if (args.length > 0) {
            s.stallAfter(Integer.parseInt(args[0]));
        }
        System.out.println("PORT " + s.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
