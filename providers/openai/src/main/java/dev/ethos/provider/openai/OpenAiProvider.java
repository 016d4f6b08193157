package dev.ethos.provider.openai;

import dev.ethos.Generator;
import dev.ethos.spi.ModelProvider;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The {@code openai} model provider: {@code Generators.open("openai:http://host:port/v1?model=NAME")}.
 *
 * <p>Query parameters (all but {@code model} optional):
 * <ul>
 *   <li>{@code model} — the model name the server knows;</li>
 *   <li>{@code api_key_env} — the environment variable holding the API key (default {@code OPENAI_API_KEY};
 *       when it is unset, no key is sent, as local servers want);</li>
 *   <li>{@code api_key_file} — a file holding the key (a mounted secret), instead of the environment;</li>
 *   <li>{@code timeout_ms}, {@code connect_timeout_ms}, {@code idle_timeout_ms} — see
 *       {@link OpenAiGenerator.Builder};</li>
 *   <li>{@code max_retries}, {@code backoff_ms}, {@code max_backoff_ms} — retries of 429, 5xx and
 *       connection failures;</li>
 *   <li>{@code stream_usage} — {@code true} (default) or {@code false}, for servers that reject
 *       {@code stream_options}.</li>
 * </ul>
 * The key itself never goes in the URI: URIs end up in logs and process lists.
 */
public final class OpenAiProvider implements ModelProvider {
    static final String DEFAULT_KEY_ENV = "OPENAI_API_KEY";
    private static final Set<String> KNOWN = Set.of("model", "api_key_env", "api_key_file", "timeout_ms",
            "connect_timeout_ms", "idle_timeout_ms", "max_retries", "backoff_ms", "max_backoff_ms", "stream_usage");

    private final UnaryOperator<String> env;

    public OpenAiProvider() {
        this(System::getenv);
    }

    /** For tests: reads "environment variables" from {@code env}. */
    OpenAiProvider(UnaryOperator<String> env) {
        this.env = env;
    }

    @Override
    public String scheme() {
        return "openai";
    }

    @Override
    public Generator open(String location) {
        return configure(location).build();
    }

    /** Parses {@code location} into a builder, for callers that want to change more before building. */
    public OpenAiGenerator.Builder configure(String location) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("openai: needs a location such as openai:http://localhost:11434/v1?model=llama3");
        }
        URI uri;
        try {
            uri = new URI(location.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("openai: malformed URI '" + location + "': " + e.getMessage(), e);
        }
        Map<String, String> q = query(uri.getRawQuery(), location);
        for (String k : q.keySet()) {
            if (!KNOWN.contains(k)) {
                throw new IllegalArgumentException("openai: unknown parameter '" + k + "' in '" + location + "' (known: "
                        + String.join(", ", new TreeSet<>(KNOWN)) + ")");
            }
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("openai: '" + location + "' must not have a #fragment");
        }
        String text = location.strip();
        int qm = text.indexOf('?');
        URI base = URI.create(qm < 0 ? text : text.substring(0, qm));
        String model = q.get("model");
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("openai: '" + location + "' names no model; add ?model=NAME");
        }
        OpenAiGenerator.Builder b = OpenAiGenerator.builder(base).model(model);
        b.apiKey(apiKey(q));
        if (q.containsKey("timeout_ms")) {
            b.requestTimeout(millis(q, "timeout_ms"));
        }
        if (q.containsKey("connect_timeout_ms")) {
            b.connectTimeout(millis(q, "connect_timeout_ms"));
        }
        if (q.containsKey("idle_timeout_ms")) {
            b.idleTimeout(millis(q, "idle_timeout_ms"));
        }
        if (q.containsKey("max_retries")) {
            b.maxRetries((int) number(q, "max_retries"));
        }
        if (q.containsKey("backoff_ms") || q.containsKey("max_backoff_ms")) {
            Duration initial = q.containsKey("backoff_ms") ? millis(q, "backoff_ms") : Duration.ofMillis(250);
            Duration max = q.containsKey("max_backoff_ms") ? millis(q, "max_backoff_ms") : Duration.ofSeconds(8);
            b.backoff(initial, max);
        }
        if (q.containsKey("stream_usage")) {
            String v = q.get("stream_usage");
            if (!v.equals("true") && !v.equals("false")) {
                throw new IllegalArgumentException("openai: stream_usage must be true or false, got '" + v + "'");
            }
            b.streamUsage(Boolean.parseBoolean(v));
        }
        return b;
    }

    private String apiKey(Map<String, String> q) {
        if (q.containsKey("api_key_file")) {
            Path p = Path.of(q.get("api_key_file"));
            try {
                String key = Files.readString(p, StandardCharsets.UTF_8).strip();
                if (key.isEmpty()) {
                    throw new IllegalArgumentException("openai: api_key_file " + p + " is empty");
                }
                return key;
            } catch (IOException e) {
                throw new IllegalArgumentException("openai: cannot read api_key_file " + p + ": " + e.getMessage(), e);
            }
        }
        String name = q.getOrDefault("api_key_env", DEFAULT_KEY_ENV);
        String key = env.apply(name);
        if (key == null || key.isBlank()) {
            if (q.containsKey("api_key_env")) {
                throw new IllegalArgumentException("openai: environment variable " + name + " (api_key_env) is not set");
            }
            return null;
        }
        return key.strip();
    }

    private static Map<String, String> query(String raw, String location) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (q.put(k, v) != null) {
                throw new IllegalArgumentException("openai: parameter '" + k + "' given twice in '" + location + "'");
            }
        }
        return q;
    }

    private static long number(Map<String, String> q, String key) {
        try {
            return Long.parseLong(q.get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("openai: " + key + " must be a whole number, got '" + q.get(key) + "'", e);
        }
    }

    private static Duration millis(Map<String, String> q, String key) {
        return Duration.ofMillis(number(q, key));
    }
}
