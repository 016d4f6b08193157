package dev.ethos.examples.cli;

import dev.ethos.provider.djl.internal.GenerationBench;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Decoding speed of a GPT-2-small-shaped model on the djl provider, beside the memory-bandwidth
 * bound measured in the same run.
 */
@Command(name = "bench-generate", mixinStandardHelpOptions = true,
        description = "Tokens per second of a GPT-2-small-shaped model (124M parameters, random F32 weights made "
                + "in-process) at batch 1 with prefill latency, beside the memory-bandwidth bound "
                + "(model bytes read per token / measured copy bandwidth, bytes copied per second), and the stricter "
                + "bound against the read bandwidth on the line before. Last line: "
                + "tokens_per_s=... bound_tokens_per_s=... ratio=...")
public final class BenchGenerateCommand implements Callable<Integer> {
    @Option(names = "--prompt-tokens", paramLabel = "N", defaultValue = "32", description = "Prompt length (default: ${DEFAULT-VALUE}).")
    int promptTokens;

    @Option(names = "--tokens", paramLabel = "N", defaultValue = "48", description = "Tokens decoded per run (default: ${DEFAULT-VALUE}).")
    int tokens;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "3", description = "Timed runs after one warm-up; the best counts (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the random weights and prompts.")
    long seed;

    @Option(names = "--threads", paramLabel = "N", description = "PyTorch intra-op threads (default: the djl "
            + "provider's, 1, unless -Dai.djl.pytorch.num_threads is set). More can help on a quiet machine.")
    Integer threads;

    @Override
    public Integer call() {
        if (threads != null) {
            if (threads < 1) {
                throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
            }
            // Read by DJL when the engine starts, which is below.
            System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(threads));
        }
        if (promptTokens < 1 || tokens < 1 || runs < 1) {
            throw new IllegalArgumentException("--prompt-tokens, --tokens and --runs must be >= 1");
        }
        PrintWriter out = TextInput.stdout();
        GenerationBench.Result r = GenerationBench.run(GenerationBench.gpt2Small(), promptTokens, tokens, runs, seed,
                line -> {
                    out.println(line);
                    out.flush();
                });
        out.printf("parameters=%d bytes_per_token=%d threads=%d prefill_ms=%.1f (%d tokens) copy_gb_s=%.2f read_gb_s=%.2f%n",
                r.parameters(), r.bytesPerToken(), r.threads(), r.prefillMillis(), r.promptTokens(),
                r.copyBytesPerSecond() / 1e9, r.readBytesPerSecond() / 1e9);
        // The stricter bound: reading alone (a sum) is faster than copying, which writes too.
        out.printf("read_bound_tokens_per_s=%.2f read_ratio=%.2f%n", r.readBoundTokensPerSecond(), r.readRatio());
        out.printf("tokens_per_s=%.2f bound_tokens_per_s=%.2f ratio=%.2f%n", r.tokensPerSecond(),
                r.boundTokensPerSecond(), r.ratio());
        out.flush();
        return 0;
    }
}
