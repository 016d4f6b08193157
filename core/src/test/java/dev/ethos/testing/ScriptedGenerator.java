package dev.ethos.testing;

import dev.ethos.FinishReason;
import dev.ethos.Generation;
import dev.ethos.GenerationRequest;
import dev.ethos.Generator;
import dev.ethos.ModelInfo;
import dev.ethos.ProviderException;
import dev.ethos.StreamListener;
import dev.ethos.TokenUsage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A test double: answers every request with a scripted text (fixed, or computed from the request),
 * streamed in the given chunk sizes, and records what it was asked. Can fail mid-stream.
 * Test code only: shared with other modules through ethos-core's test-jar, never shipped.
 */
public final class ScriptedGenerator implements Generator {
    public static final ModelInfo INFO = new ModelInfo("scripted", "scripted-1");

    private final Function<GenerationRequest, String> script;
    private final int[] chunkSizes;
    private final int failAfterChunks;
    private final List<GenerationRequest> seen = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger calls = new AtomicInteger();

    private ScriptedGenerator(Function<GenerationRequest, String> script, int[] chunkSizes, int failAfterChunks) {
        this.script = script;
        this.chunkSizes = chunkSizes;
        this.failAfterChunks = failAfterChunks;
    }

    /** Always answers {@code text}, streamed in chunks of 7 characters. */
    public static ScriptedGenerator answering(String text) {
        return new ScriptedGenerator(r -> text, new int[] {7}, -1);
    }

    /** Answers {@code script.apply(request)}. */
    public static ScriptedGenerator answering(Function<GenerationRequest, String> script) {
        return new ScriptedGenerator(script, new int[] {7}, -1);
    }

    /** The same script streamed in these chunk sizes (cycled; each at least 1). */
    public ScriptedGenerator chunked(int... sizes) {
        if (sizes.length == 0) {
            throw new IllegalArgumentException("give at least one chunk size");
        }
        return new ScriptedGenerator(script, sizes.clone(), failAfterChunks);
    }

    /** Streams {@code n} chunks, then fails with a retryable {@link ProviderException}; generate fails at once. */
    public ScriptedGenerator failingAfter(int n) {
        return new ScriptedGenerator(script, chunkSizes, n);
    }

    /** Every request the model was given, in order. */
    public List<GenerationRequest> requests() {
        return List.copyOf(seen);
    }

    public int calls() {
        return calls.get();
    }

    @Override
    public ModelInfo info() {
        return INFO;
    }

    @Override
    public Generation generate(GenerationRequest request) {
        calls.incrementAndGet();
        seen.add(request);
        if (failAfterChunks >= 0) {
            throw new ProviderException("scripted failure", true, null);
        }
        String text = script.apply(request);
        return Generation.of(text, FinishReason.STOP, new TokenUsage(request.promptText().length(), text.length()), INFO);
    }

    @Override
    public void stream(GenerationRequest request, StreamListener listener) {
        calls.incrementAndGet();
        seen.add(request);
        String text = script.apply(request);
        int pos = 0;
        int k = 0;
        while (pos < text.length()) {
            if (listener.isCancelled()) {
                listener.onComplete(Generation.of(text.substring(0, pos), FinishReason.CANCELLED, TokenUsage.UNKNOWN, INFO));
                return;
            }
            if (failAfterChunks >= 0 && k == failAfterChunks) {
                listener.onError(new ProviderException("scripted failure after " + k + " chunks", true, null));
                return;
            }
            int size = Math.max(1, chunkSizes[k % chunkSizes.length]);
            int end = Math.min(text.length(), pos + size);
            listener.onText(text.substring(pos, end));
            pos = end;
            k++;
        }
        if (failAfterChunks >= 0 && k <= failAfterChunks) {
            listener.onError(new ProviderException("scripted failure at the end", true, null));
            return;
        }
        listener.onComplete(Generation.of(text, FinishReason.STOP,
                new TokenUsage(request.promptText().length(), text.length()), INFO));
    }
}
