package dev.ethos.provider.openai;

import dev.ethos.Generation;
import dev.ethos.StreamListener;
import dev.ethos.testing.CollectingListener;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** A {@link CollectingListener} with a hook on every chunk and a cancellation switch. */
final class Probe implements StreamListener {
    final CollectingListener got = new CollectingListener();
    private final Consumer<Probe> onChunk;
    private final BooleanSupplier cancelled;

    Probe(Consumer<Probe> onChunk, BooleanSupplier cancelled) {
        this.onChunk = onChunk;
        this.cancelled = cancelled;
    }

    @Override
    public void onText(String chunk) {
        got.onText(chunk);
        onChunk.accept(this);
    }

    @Override
    public void onComplete(Generation generation) {
        got.onComplete(generation);
    }

    @Override
    public void onError(Throwable error) {
        got.onError(error);
    }

    @Override
    public boolean isCancelled() {
        return cancelled.getAsBoolean();
    }
}
