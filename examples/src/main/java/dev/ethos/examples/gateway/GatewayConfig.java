package dev.ethos.examples.gateway;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * How a {@link Gateway} runs. Immutable; build with {@link #builder()} or read a properties file with
 * {@link #load(Path, UnaryOperator)}.
 *
 * <p>Properties (all optional):
 * <pre>
 * host=0.0.0.0                   # the address to listen on
 * port=8080
 * model-name=                    # the id /v1/models shows and requests must name (default: the model's id)
 * api-keys-env=ETHOS_API_KEYS    # environment variable with client keys, "name:key,name:key"
 * api-keys-file=                 # or a file with one "name:key" per line (a mounted secret)
 * max-request-bytes=1048576      # larger bodies get 413
 * max-concurrent-per-key=16      # more concurrent requests from one key get 429
 * max-tokens=4096                # the most max_tokens a request may ask for
 * shutdown-grace-seconds=20      # how long shutdown waits for requests in flight
 * access-log=true                # one JSON line per request on standard output
 * </pre>
 * With no client keys configured the gateway accepts every request (and says so at start-up).
 */
public final class GatewayConfig {
    static final String DEFAULT_KEYS_ENV = "ETHOS_API_KEYS";
    private static final Set<String> KNOWN = Set.of("host", "port", "model-name", "api-keys-env", "api-keys-file",
            "max-request-bytes", "max-concurrent-per-key", "max-tokens", "shutdown-grace-seconds", "access-log");

    private final String host;
    private final int port;
    private final String modelName;
    private final Map<String, String> apiKeys;
    private final int maxRequestBytes;
    private final int maxConcurrentPerKey;
    private final int maxTokens;
    private final Duration shutdownGrace;
    private final boolean accessLog;

    private GatewayConfig(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.modelName = b.modelName;
        this.apiKeys = Collections.unmodifiableMap(new LinkedHashMap<>(b.apiKeys));
        this.maxRequestBytes = b.maxRequestBytes;
        this.maxConcurrentPerKey = b.maxConcurrentPerKey;
        this.maxTokens = b.maxTokens;
        this.shutdownGrace = b.shutdownGrace;
        this.accessLog = b.accessLog;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static GatewayConfig defaults() {
        return builder().build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = host;
        b.port = port;
        b.modelName = modelName;
        b.apiKeys.putAll(apiKeys);
        b.maxRequestBytes = maxRequestBytes;
        b.maxConcurrentPerKey = maxConcurrentPerKey;
        b.maxTokens = maxTokens;
        b.shutdownGrace = shutdownGrace;
        b.accessLog = accessLog;
        return b;
    }

    /**
     * Reads a properties file (see the class comment); {@code file} may be {@code null} for none.
     * Client keys come from the file named by {@code api-keys-file}, else from the environment
     * variable named by {@code api-keys-env} (default {@value #DEFAULT_KEYS_ENV}), read through {@code env}.
     */
    public static GatewayConfig load(Path file, UnaryOperator<String> env) {
        Properties p = new Properties();
        if (file != null) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read gateway config " + file + ": " + e.getMessage(), e);
            }
        }
        for (String k : p.stringPropertyNames()) {
            if (!KNOWN.contains(k)) {
                throw new IllegalArgumentException("unknown setting '" + k + "' in " + file + " (known: "
                        + String.join(", ", new TreeSet<>(KNOWN)) + ")");
            }
        }
        Builder b = builder();
        String where = file == null ? "defaults" : file.toString();
        if (p.containsKey("host")) {
            b.host(p.getProperty("host").strip());
        }
        if (p.containsKey("port")) {
            b.port(integer(p, "port", where));
        }
        if (p.containsKey("model-name") && !p.getProperty("model-name").isBlank()) {
            b.modelName(p.getProperty("model-name").strip());
        }
        if (p.containsKey("max-request-bytes")) {
            b.maxRequestBytes(integer(p, "max-request-bytes", where));
        }
        if (p.containsKey("max-concurrent-per-key")) {
            b.maxConcurrentPerKey(integer(p, "max-concurrent-per-key", where));
        }
        if (p.containsKey("max-tokens")) {
            b.maxTokens(integer(p, "max-tokens", where));
        }
        if (p.containsKey("shutdown-grace-seconds")) {
            b.shutdownGrace(Duration.ofSeconds(integer(p, "shutdown-grace-seconds", where)));
        }
        if (p.containsKey("access-log")) {
            String v = p.getProperty("access-log").strip();
            if (!v.equals("true") && !v.equals("false")) {
                throw new IllegalArgumentException("access-log must be true or false in " + where + ", got '" + v + "'");
            }
            b.accessLog(Boolean.parseBoolean(v));
        }
        String keyFile = p.getProperty("api-keys-file", "").strip();
        if (!keyFile.isEmpty()) {
            try {
                b.apiKeys(parseKeys(Files.readString(Path.of(keyFile), StandardCharsets.UTF_8), "api-keys-file " + keyFile));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read api-keys-file " + keyFile + ": " + e.getMessage(), e);
            }
        } else {
            String var = p.getProperty("api-keys-env", DEFAULT_KEYS_ENV).strip();
            String value = env.apply(var);
            if (value != null && !value.isBlank()) {
                b.apiKeys(parseKeys(value, "environment variable " + var));
            }
        }
        return b.build();
    }

    /** Parses {@code name:key} entries separated by commas or new lines; a bare key is named key1, key2, … */
    static Map<String, String> parseKeys(String text, String where) {
        Map<String, String> keys = new LinkedHashMap<>();
        int anonymous = 0;
        for (String raw : text.split("[,\\n\\r]+")) {
            String entry = raw.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            int colon = entry.indexOf(':');
            String name = colon < 0 ? "key" + (++anonymous) : entry.substring(0, colon).strip();
            String key = colon < 0 ? entry : entry.substring(colon + 1).strip();
            if (name.isEmpty() || key.isEmpty()) {
                throw new IllegalArgumentException("a client key entry in " + where + " needs the form name:key");
            }
            if (keys.containsKey(name)) {
                throw new IllegalArgumentException("client key name '" + name + "' appears twice in " + where);
            }
            keys.put(name, key);
        }
        return keys;
    }

    private static int integer(Properties p, String key, String where) {
        String v = p.getProperty(key).strip();
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number in " + where + ", got '" + v + "'", e);
        }
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The model id clients see and name; {@code null} means the model's own id. */
    public String modelName() {
        return modelName;
    }

    /** Client key names to keys; empty means no authentication. */
    public Map<String, String> apiKeys() {
        return apiKeys;
    }

    public int maxRequestBytes() {
        return maxRequestBytes;
    }

    public int maxConcurrentPerKey() {
        return maxConcurrentPerKey;
    }

    public int maxTokens() {
        return maxTokens;
    }

    public Duration shutdownGrace() {
        return shutdownGrace;
    }

    public boolean accessLog() {
        return accessLog;
    }

    @Override
    public String toString() {
        // Key names only, never keys.
        return "GatewayConfig{host=" + host + ", port=" + port + ", modelName=" + modelName + ", apiKeys="
                + apiKeys.keySet() + ", maxRequestBytes=" + maxRequestBytes + ", maxConcurrentPerKey="
                + maxConcurrentPerKey + ", maxTokens=" + maxTokens + ", shutdownGrace=" + shutdownGrace
                + ", accessLog=" + accessLog + "}";
    }

    /** Builds a {@link GatewayConfig}; values are validated as they are set. */
    public static final class Builder {
        private String host = "0.0.0.0";
        private int port = 8080;
        private String modelName;
        private final Map<String, String> apiKeys = new LinkedHashMap<>();
        private int maxRequestBytes = 1 << 20;
        private int maxConcurrentPerKey = 16;
        private int maxTokens = 4096;
        private Duration shutdownGrace = Duration.ofSeconds(20);
        private boolean accessLog = true;

        private Builder() {
        }

        public Builder host(String host) {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("host must be a non-blank address, got '" + host + "'");
            }
            this.host = host;
            return this;
        }

        /** The port; 0 picks a free one (see {@link Gateway#port()}). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
            }
            this.port = port;
            return this;
        }

        public Builder modelName(String name) {
            if (name != null && name.isBlank()) {
                throw new IllegalArgumentException("model name must not be blank");
            }
            this.modelName = name;
            return this;
        }

        /** Replaces the client keys (name to key). */
        public Builder apiKeys(Map<String, String> keys) {
            Objects.requireNonNull(keys, "keys");
            keys.forEach((name, key) -> {
                if (name == null || name.isBlank() || key == null || key.length() < 8) {
                    throw new IllegalArgumentException("client key '" + name + "' must have a name and at least 8 characters");
                }
            });
            apiKeys.clear();
            apiKeys.putAll(keys);
            return this;
        }

        public Builder maxRequestBytes(int n) {
            if (n < 1024) {
                throw new IllegalArgumentException("max-request-bytes must be at least 1024, got " + n);
            }
            this.maxRequestBytes = n;
            return this;
        }

        public Builder maxConcurrentPerKey(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("max-concurrent-per-key must be at least 1, got " + n);
            }
            this.maxConcurrentPerKey = n;
            return this;
        }

        public Builder maxTokens(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("max-tokens must be at least 1, got " + n);
            }
            this.maxTokens = n;
            return this;
        }

        public Builder shutdownGrace(Duration d) {
            Objects.requireNonNull(d, "shutdownGrace");
            if (d.isNegative()) {
                throw new IllegalArgumentException("shutdown grace must not be negative, got " + d);
            }
            this.shutdownGrace = d;
            return this;
        }

        public Builder accessLog(boolean on) {
            this.accessLog = on;
            return this;
        }

        public GatewayConfig build() {
            return new GatewayConfig(this);
        }
    }
}
