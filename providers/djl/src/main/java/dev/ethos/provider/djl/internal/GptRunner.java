package dev.ethos.provider.djl.internal;

import ai.djl.ndarray.NDManager;
import dev.ethos.FinishReason;
import dev.ethos.GenerationOptions;
import dev.ethos.GenerationRequest;
import dev.ethos.spi.LogitsProcessor;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The decode loop over a {@link GptModel}: prefill the prompt, then one token at a time with the
 * key/value cache. Each generation has its own NDManager (the cache) and each step a sub-manager
 * closed at the end of the step, so memory stays flat however long the generation runs. The
 * request's {@link LogitsProcessor}s run at every step before sampling. Thread-safe: all state of a
 * generation is local to {@link #run}.
 */
public final class GptRunner {
    /** What one generation produced. */
    public record Result(String text, FinishReason finishReason, int promptTokens, int completionTokens, long seed) {
    }

    private final DecoderModel model;
    private final Tokenizer tokenizer;
    private final NDManager parent;

    public GptRunner(DecoderModel model, Tokenizer tokenizer, NDManager parent) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.parent = parent;
    }

    public DecoderModel model() {
        return model;
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    public int[] promptTokens(String prompt) {
        int[] ids = tokenizer.encode(prompt);
        if (ids.length == 0) {
            int eos = model.config().eosTokenId();
            ids = new int[] {eos >= 0 ? eos : 0};
        }
        return ids;
    }

    public Result run(GenerationRequest request, Consumer<String> onText, BooleanSupplier cancelled) {
        GenerationOptions o = request.options();
        boolean sampling = o.topK().isPresent() || o.topP().isPresent();
        double temperature = o.temperature().orElse(sampling ? 1.0 : 0.0);
        long seed = o.seed().orElseGet(() -> ThreadLocalRandom.current().nextLong());
        Sampler sampler = new Sampler(temperature, o.topK().orElse(0), o.topP().orElse(1.0),
                o.repetitionPenalty().orElse(1.0), seed);
        List<LogitsProcessor> processors = request.logitsProcessors();
        int[] prompt = promptTokens(request.promptText());
        GptConfig c = model.config();
        if (prompt.length >= c.maxPositions()) {
            throw new IllegalArgumentException("prompt of " + prompt.length + " tokens does not fit the model's "
                    + c.maxPositions() + " positions");
        }
        TextAssembler text = new TextAssembler(tokenizer, o.stop());
        int[] tokens = Arrays.copyOf(prompt, prompt.length + Math.max(0, o.maxTokens()));
        int count = prompt.length;
        FinishReason reason = FinishReason.LENGTH;
        try (NDManager seq = parent.newSubManager(); DecoderModel.Session session = model.newSession(seq)) {
            float[] logits = session.step(prompt);
            while (true) {
                if (cancelled.getAsBoolean()) {
                    reason = FinishReason.CANCELLED;
                    break;
                }
                if (count - prompt.length >= o.maxTokens()) {
                    reason = FinishReason.LENGTH;
                    break;
                }
                for (LogitsProcessor p : processors) {
                    p.process(Arrays.copyOf(tokens, count), prompt.length, logits);
                }
                int next = sampler.next(logits, tokens, count);
                if (next == c.eosTokenId()) {
                    reason = FinishReason.STOP;
                    break;
                }
                tokens[count++] = next;
                String chunk = text.add(next);
                if (!chunk.isEmpty()) {
                    onText.accept(chunk);
                }
                if (text.stopped()) {
                    reason = FinishReason.STOP_SEQUENCE;
                    break;
                }
                if (count >= c.maxPositions()) {
                    reason = FinishReason.LENGTH;
                    break;
                }
                if (count - prompt.length >= o.maxTokens()) {
                    reason = FinishReason.LENGTH;
                    break;
                }
                logits = session.step(new int[] {next});
            }
        }
        String rest = text.finish();
        if (!rest.isEmpty()) {
            onText.accept(rest);
        }
        return new Result(text.text(), reason, prompt.length, count - prompt.length, seed);
    }
}
