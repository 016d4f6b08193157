package dev.ethos.examples.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.ethos.GenerationRequest;
import dev.ethos.Generators;
import dev.ethos.SafeGenerator;
import dev.ethos.provider.openai.OpenAiGenerator;
import dev.ethos.testing.CollectingListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Checks the files in {@code examples/deploy} with what runs here (there is no Docker engine): the
 * manifests parse and agree with each other, the config parses, the dashboard loads and asks only
 * for metrics the gateway really exports, and the image's start command serves when run directly.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DeployFilesTest {
    static final Path DEPLOY = Path.of("deploy");

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o, String... path) {
        Object cur = o;
        for (String p : path) {
            assertTrue(cur instanceof Map, "no object at " + String.join(".", path));
            cur = ((Map<String, Object>) cur).get(p);
        }
        assertTrue(cur instanceof Map, "no object at " + String.join(".", path));
        return (Map<String, Object>) cur;
    }

    private static Map<String, Map<String, Object>> manifests() throws Exception {
        Map<String, Map<String, Object>> byKind = new HashMap<>();
        try (var files = Files.list(DEPLOY.resolve("k8s"))) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                for (Object doc : new Yaml().loadAll(Files.readString(f))) {
                    Map<String, Object> m = map(doc);
                    assertNotNull(m.get("apiVersion"), f + " has no apiVersion");
                    byKind.put((String) m.get("kind"), m);
                }
            }
        }
        return byKind;
    }

    @Test
    @SuppressWarnings("unchecked")
    void theKubernetesManifestsParseAndAgree() throws Exception {
        Map<String, Map<String, Object>> k = manifests();
        assertEquals(Set.of("ConfigMap", "Deployment", "Service", "HorizontalPodAutoscaler"), k.keySet());
        Map<String, Object> dep = k.get("Deployment");
        Map<String, Object> pod = map(dep, "spec", "template");
        Map<String, Object> ann = map(pod, "metadata", "annotations");
        assertEquals("true", ann.get("prometheus.io/scrape"));
        assertEquals("/metrics", ann.get("prometheus.io/path"));
        assertEquals("8080", ann.get("prometheus.io/port"));
        assertEquals(true, map(pod, "spec", "securityContext").get("runAsNonRoot"));
        Map<String, Object> c = (Map<String, Object>) ((List<?>) map(pod, "spec").get("containers")).get(0);
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            assertEquals("/healthz", map(c, probe, "httpGet").get("path"), probe);
        }
        assertEquals(8080, ((Map<String, Object>) ((List<?>) c.get("ports")).get(0)).get("containerPort"));
        assertEquals(false, map(c, "securityContext").get("allowPrivilegeEscalation"));
        // The pod's labels match the Service selector and the Deployment selector.
        Map<String, Object> labels = map(pod, "metadata", "labels");
        assertEquals(labels, map(k.get("Service"), "spec", "selector"));
        assertEquals(labels, map(dep, "spec", "selector", "matchLabels"));
        assertEquals("Deployment", map(k.get("HorizontalPodAutoscaler"), "spec", "scaleTargetRef").get("kind"));
        assertEquals(map(dep, "metadata").get("name"), map(k.get("HorizontalPodAutoscaler"), "spec", "scaleTargetRef").get("name"));
        // The grace period outlasts the gateway's drain.
        int grace = (Integer) map(pod, "spec").get("terminationGracePeriodSeconds");
        String props = (String) map(k.get("ConfigMap"), "data").get("gateway.properties");
        assertTrue(props.contains("shutdown-grace-seconds=20"));
        assertTrue(grace > 20 + 5, "terminationGracePeriodSeconds " + grace);
    }

    @Test
    void theConfigMapsAndTheImagesGatewayPropertiesLoad(@TempDir Path tmp) throws Exception {
        String props = (String) map(manifests().get("ConfigMap"), "data").get("gateway.properties");
        Path f = tmp.resolve("gateway.properties");
        Files.writeString(f, props);
        GatewayConfig fromMap = GatewayConfig.load(f, name -> name.equals("ETHOS_API_KEYS") ? "team-a:0123456789abc" : null);
        assertEquals(8080, fromMap.port());
        assertEquals(Set.of("team-a"), fromMap.apiKeys().keySet());
        GatewayConfig fromImage = GatewayConfig.load(DEPLOY.resolve("gateway.properties"), name -> null);
        assertEquals(fromMap.toString(), fromImage.toBuilder().apiKeys(fromMap.apiKeys()).build().toString(),
                "the image's default settings and the ConfigMap's agree");
        String model = (String) map(manifests().get("ConfigMap"), "data").get("ETHOS_MODEL");
        assertTrue(Generators.open(model) instanceof OpenAiGenerator, "the ConfigMap's model URI opens: " + model);
    }

    @Test
    void theDockerfileIsMultiStageNonRootOnAJre17() throws Exception {
        List<String> lines = Files.readAllLines(DEPLOY.resolve("Dockerfile"));
        List<String> from = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        assertEquals(2, from.size(), "a build stage and a runtime stage");
        assertTrue(from.get(1).matches("FROM eclipse-temurin:17-jre.*"), from.get(1));
        String user = lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElse("USER root");
        assertFalse(user.contains("root") || user.matches("USER 0(:.*)?"), user);
        assertTrue(lines.contains("ENTRYPOINT [\"java\", \"-jar\", \"/app/ethos.jar\", \"serve\"]"));
    }

    @Test
    void theDashboardLoadsAndAsksOnlyForMetricsTheGatewayExports() throws Exception {
        JsonObject dash = JsonParser.parseString(Files.readString(
                DEPLOY.resolve("grafana/ethos-gateway-dashboard.json"))).getAsJsonObject();
        Set<String> asked = new TreeSet<>();
        Matcher m = Pattern.compile("ethos_[a-z_]+").matcher(dash.toString());
        while (m.find()) {
            asked.add(m.group());
        }
        assertTrue(asked.size() >= 6, "metrics in the dashboard: " + asked);
        assertTrue(dash.getAsJsonArray("panels").size() >= 6);
        for (JsonElement p : dash.getAsJsonArray("panels")) {
            assertFalse(p.getAsJsonObject().getAsJsonArray("targets").isEmpty());
        }
        // A real gateway, after one guarded request with findings and one refused request.
        try (FixedModelServer up = FixedModelServer.start();
             Gateway gw = Gateway.builder(Generators.open(up.uri("max_retries=0")))
                     .config(GatewayConfig.builder().host("127.0.0.1").port(0).apiKeys(Map.of("a", GatewayTest.KEY)).build())
                     .chain(model -> SafeGenerator.builder(model).filter(TestFilters.scrubEmails()).build())
                     .accessLog(line -> { }).start()) {
            OpenAiGenerator c = OpenAiGenerator.builder(URI.create("http://127.0.0.1:" + gw.port() + "/v1"))
                    .model(gw.modelName()).apiKey(GatewayTest.KEY).maxRetries(0).build();
            c.stream(GenerationRequest.of(GatewayTest.PII_PROMPT), new CollectingListener());
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gw.port()
                    + "/v1/chat/completions")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.discarding());
            String scrape = gw.registry().scrape();
            for (String metric : asked) {
                assertTrue(scrape.contains(metric), metric + " is not exported; got:\n" + scrape);
            }
        }
    }

    @Test
    void theImagesStartCommandServesWhenRunDirectlyAndDrainsOnSigterm(@TempDir Path tmp) throws Exception {
        try (FixedModelServer up = FixedModelServer.start()) {
            // The image runs: java -jar /app/ethos.jar serve --port 8080 --config /etc/ethos/gateway.properties
            // Here: the same main class and arguments on the test class path, on a free port.
            List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-cp", System.getProperty("java.class.path"), "dev.ethos.examples.cli.EthosCli",
                    "serve", "--port", "0", "--host", "127.0.0.1", "--config", DEPLOY.resolve("gateway.properties").toString()));
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.environment().put("ETHOS_MODEL", up.uri("max_retries=0"));
            pb.environment().put("ETHOS_API_KEYS", "ops:ops-key-0123456789");
            Path stdout = tmp.resolve("stdout");
            Path stderr = tmp.resolve("stderr");
            pb.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            Process p = pb.start();
            try {
                int port = -1;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                Pattern listening = Pattern.compile("listening on port (\\d+)");
                while (port < 0 && p.isAlive() && System.nanoTime() < deadline) {
                    Matcher m = listening.matcher(Files.readString(stderr));
                    if (m.find()) {
                        port = Integer.parseInt(m.group(1));
                    } else {
                        Thread.sleep(50);
                    }
                }
                assertTrue(port > 0, "no port announced: " + Files.readString(stderr));
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/healthz")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, health.statusCode());
                HttpResponse<String> chat = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                + "/v1/chat/completions")).timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer ops-key-0123456789")
                        .POST(HttpRequest.BodyPublishers.ofString(GatewayTest.chatBody("When is the review?", false))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, chat.statusCode(), chat.body());
                assertTrue(chat.body().contains("\"ethos\""));
                p.destroy(); // SIGTERM, as Kubernetes sends
                assertTrue(p.waitFor(15, TimeUnit.SECONDS), "the gateway did not stop on SIGTERM");
                String rest = Files.readString(stderr);
                assertTrue(rest.contains("draining"), rest);
                String out = Files.readString(stdout).strip();
                JsonObject access = JsonParser.parseString(out.lines().reduce((a, b) -> b).orElse("{}")).getAsJsonObject();
                assertEquals("ops", access.get("client").getAsString(), "one JSON access-log line on stdout: " + out);
            } finally {
                p.destroyForcibly();
            }
        }
    }
}
