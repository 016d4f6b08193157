package dev.ethos.provider.djl;

import ai.djl.ndarray.NDManager;
import dev.ethos.FinishReason;
import dev.ethos.Generation;
import dev.ethos.GenerationRequest;
import dev.ethos.Generator;
import dev.ethos.ModelInfo;
import dev.ethos.ProviderException;
import dev.ethos.StreamListener;
import dev.ethos.StreamListenerException;
import dev.ethos.TokenUsage;
import dev.ethos.provider.djl.internal.DecoderModel;
import dev.ethos.provider.djl.internal.DjlEngine;
import dev.ethos.provider.djl.internal.GptConfig;
import dev.ethos.provider.djl.internal.GptModel;
import dev.ethos.provider.djl.internal.GptRunner;
import dev.ethos.provider.djl.internal.SafeTensors;
import dev.ethos.provider.djl.internal.Tokenizer;
import dev.ethos.provider.djl.internal.TorchScriptGpt;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.concurrent.Semaphore;

/**
 * A local GPT-2-architecture model on DJL's PyTorch engine, fully offline.
 *
 * <p>Open a Hugging Face checkpoint directory ({@code config.json}, {@code model.safetensors} in
 * F32, F16 or BF16, {@code tokenizer.json}) with {@link #open(Path)}, or the small built-in
 * demonstration model with {@link #builtin()}; through the provider SPI these are
 * {@code Generators.open("djl:/path/to/dir")} and {@code Generators.open("djl:builtin")}.
 * Weights are mapped from the file, not copied.
 *
 * <p>Decoding honours every {@link dev.ethos.GenerationOptions} value: greedy when the temperature
 * is 0 (the default unless top-k or top-p is set), temperature, top-k, top-p, repetition penalty,
 * stop sequences, max tokens and the model's end-of-sequence token; the same seed gives the same
 * text. The request's logits processors run at every step. Streaming emits text as tokens arrive
 * and never splits a character; the streamed chunks always concatenate to the batch text.
 *
 * <p>Thread-safe: concurrent calls share the weights, each has its own cache; at most
 * {@link Builder#maxConcurrent(int)} run at once, the others wait. {@link #close()} frees the
 * weights.
 */
public final class DjlGenerator implements Generator, AutoCloseable {
    /** The URI location of the built-in demonstration model. */
    public static final String BUILTIN = "builtin";
    static final String BUILTIN_RESOURCE = "/dev/ethos/provider/djl/builtin/";

    private final NDManager manager;
    private final GptRunner runner;
    private final ModelInfo info;
    private final Semaphore permits;
    private final int maxConcurrent;
    private final Path directory;

    private DjlGenerator(NDManager manager, GptRunner runner, ModelInfo info, int maxConcurrent, Path directory) {
        this.manager = manager;
        this.runner = runner;
        this.info = info;
        this.maxConcurrent = maxConcurrent;
        this.permits = new Semaphore(maxConcurrent, true);
        this.directory = directory;
    }

    /** Opens a checkpoint directory with default settings. */
    public static DjlGenerator open(Path directory) {
        return builder(directory).build();
    }

    /** Opens the built-in demonstration model (shipped in this jar; nothing is downloaded). */
    public static DjlGenerator builtin() {
        return builder(BUILTIN).build();
    }

    /** A builder for a checkpoint directory. */
    public static Builder builder(Path directory) {
        return new Builder(Objects.requireNonNull(directory, "directory"), null);
    }

    /** A builder for a model location as in a {@code djl:} URI: a directory path or {@code builtin}. */
    public static Builder builder(String location) {
        Objects.requireNonNull(location, "location");
        if (location.equals(BUILTIN)) {
            return new Builder(null, BUILTIN);
        }
        if (location.isBlank()) {
            throw new IllegalArgumentException("djl model location is empty: use djl:builtin or djl:/path/to/model-dir");
        }
        return new Builder(Path.of(location), null);
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    /** The model's hyper-parameters as text (layers, width, heads, vocabulary, positions, parameters). */
    public String describe() {
        GptConfig c = runner.model().config();
        return "gpt2 layers=" + c.layers() + " d_model=" + c.dModel() + " heads=" + c.heads() + " vocab="
                + c.vocabSize() + " positions=" + c.maxPositions() + " parameters=" + c.parameterCount();
    }

    public int maxConcurrent() {
        return maxConcurrent;
    }

    /**
     * The model's token ids for {@code text} (no special tokens added), for text-level watermark
     * detection and token counting.
     */
    public int[] encode(String text) {
        Objects.requireNonNull(text, "text");
        return runner.tokenizer().encode(text);
    }

    @Override
    public Generation generate(GenerationRequest request) {
        Objects.requireNonNull(request, "request");
        GptRunner.Result r = run(request, s -> { }, () -> false);
        return toGeneration(r);
    }

    @Override
    public void stream(GenerationRequest request, StreamListener listener) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(listener, "listener");
        GptRunner.Result r;
        try {
            r = run(request, chunk -> {
                try {
                    listener.onText(chunk);
                } catch (RuntimeException e) {
                    throw new StreamListenerException("onText", e);
                }
            }, listener::isCancelled);
        } catch (RuntimeException e) {
            listener.onError(e);
            return;
        }
        listener.onComplete(toGeneration(r));
    }

    private GptRunner.Result run(GenerationRequest request, java.util.function.Consumer<String> onText,
            java.util.function.BooleanSupplier cancelled) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException("interrupted while waiting for a free generation slot", true, e);
        }
        try {
            return runner.run(request, onText, cancelled);
        } catch (IllegalArgumentException | StreamListenerException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ProviderException("djl generation failed on " + info.modelId() + ": " + e.getMessage(), false, e);
        } finally {
            permits.release();
        }
    }

    private Generation toGeneration(GptRunner.Result r) {
        return Generation.builder().text(r.text()).finishReason(r.finishReason())
                .usage(new TokenUsage(r.promptTokens(), r.completionTokens())).model(info)
                .metadata("seed", r.seed()).build();
    }

    /** Frees the weights. Generations must not be running. */
    @Override
    public void close() {
        runner.tokenizer().close();
        manager.close();
    }

    /** The checkpoint directory, or null for the built-in model. */
    Path directory() {
        return directory;
    }

    /** Arrays alive in this generator's managers (weights, caches, step temporaries), for tests. */
    int liveArrays() {
        return manager.getManagedArrays().size();
    }

    GptRunner runner() {
        return runner;
    }

    /** Settings of a {@link DjlGenerator}. */
    public static final class Builder {
        private final Path directory;
        private final String builtin;
        private int maxConcurrent = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);

        private Builder(Path directory, String builtin) {
            this.directory = directory;
            this.builtin = builtin;
        }

        /** At most this many generations run at once; further calls wait. Default: half the cores, at least 1. */
        public Builder maxConcurrent(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxConcurrent must be >= 1, got " + n);
            }
            this.maxConcurrent = n;
            return this;
        }

        public DjlGenerator build() {
            Path dir = directory != null ? directory : extractBuiltin();
            String id = directory != null ? directory.toAbsolutePath().normalize().toString() : BUILTIN;
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("djl model directory not found: " + dir);
            }
            try {
                GptConfig config = GptConfig.read(dir.resolve("config.json"));
                Tokenizer tokenizer = Tokenizer.load(dir.resolve("tokenizer.json"));
                NDManager manager = DjlEngine.newManager();
                try {
                    Path weights = dir.resolve("model.safetensors");
                    Path script = dir.resolve(TorchScriptGpt.FILE_NAME);
                    DecoderModel model;
                    if (Files.isRegularFile(weights)) {
                        model = GptModel.load(config, SafeTensors.open(weights), manager);
                    } else if (Files.isRegularFile(script)) {
                        model = TorchScriptGpt.load(config, script, manager);
                    } else {
                        throw new IllegalArgumentException("model.safetensors not found in " + dir
                                + " (nor a TorchScript " + TorchScriptGpt.FILE_NAME + ")");
                    }
                    GptRunner runner = new GptRunner(model, tokenizer, manager);
                    return new DjlGenerator(manager, runner, new ModelInfo("djl", id), maxConcurrent, directory);
                } catch (RuntimeException e) {
                    manager.close();
                    tokenizer.close();
                    throw e;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read djl model in " + dir + ": " + e.getMessage(), e);
            }
        }

        private static Path extractBuiltin() {
            try {
                Path dir = Files.createTempDirectory("ethos-djl-builtin");
                for (String f : new String[] {"config.json", "tokenizer.json", "model.safetensors"}) {
                    try (InputStream in = DjlGenerator.class.getResourceAsStream(BUILTIN_RESOURCE + f)) {
                        if (in == null) {
                            throw new IllegalStateException("the built-in model is missing from the jar: "
                                    + BUILTIN_RESOURCE + f);
                        }
                        Path target = dir.resolve(f);
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                        target.toFile().deleteOnExit();
                    }
                }
                dir.toFile().deleteOnExit();
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot unpack the built-in model: " + e.getMessage(), e);
            }
        }
    }
}
