package dev.ethos.examples.cli;

import dev.ethos.Generator;
import dev.ethos.Generators;
import dev.ethos.SafetyFilter;
import dev.ethos.examples.gateway.Gateway;
import dev.ethos.examples.gateway.GatewayConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the guarded OpenAI-compatible gateway until the process is stopped (SIGTERM drains it). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve a model behind the standard safety chain as an OpenAI-compatible API:",
                "POST /v1/chat/completions (JSON or SSE), GET /v1/models, /healthz, /metrics (Prometheus).",
                "Client keys come from ETHOS_API_KEYS (name:key,name:key) unless the config names others."})
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default: the config's, else 8080; 0 picks one).")
    Integer port;

    @Option(names = "--model", paramLabel = "URI", defaultValue = "${env:ETHOS_MODEL}",
            description = "The model, e.g. openai:http://localhost:11434/v1?model=llama3 or djl:builtin "
                    + "(default: the ETHOS_MODEL environment variable).")
    String model;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "Gateway settings (a properties file; see docs/deployment.md).")
    Path config;

    @Option(names = "--host", paramLabel = "ADDR", description = "Address to listen on (default: the config's, else 0.0.0.0).")
    String host;

    @Override
    public Integer call() throws InterruptedException {
        if (model == null || model.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Missing required option: '--model=URI' (or set ETHOS_MODEL)");
        }
        GatewayConfig.Builder cfg = GatewayConfig.load(config, System::getenv).toBuilder();
        if (port != null) {
            cfg.port(port);
        }
        if (host != null) {
            cfg.host(host);
        }
        Generator generator = Generators.open(model);
        Gateway gateway = Gateway.builder(generator).config(cfg.build()).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("ethos serve: draining (up to " + cfg.build().shutdownGrace().toSeconds() + " s)");
            gateway.close();
            stopped.countDown();
        }, "ethos-serve-shutdown"));
        String filters = gateway.generator().filters().stream().map(SafetyFilter::name).collect(Collectors.joining(", "));
        System.err.println("ethos serve: listening on port " + gateway.port() + ", model " + gateway.modelName() + " ("
                + model.replaceAll("\\?.*", "") + "), filters: " + (filters.isEmpty() ? "(none yet)" : filters));
        stopped.await();
        return 0;
    }
}
