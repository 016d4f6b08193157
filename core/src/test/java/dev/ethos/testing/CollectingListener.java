package dev.ethos.testing;

import dev.ethos.Generation;
import dev.ethos.StreamListener;
import java.util.ArrayList;
import java.util.List;

/** A test listener that keeps every chunk, the completion or the error, and checks the protocol. */
public final class CollectingListener implements StreamListener {
    public final List<String> chunks = new ArrayList<>();
    public Generation completed;
    public Throwable error;
    private int ends;

    @Override
    public void onText(String chunk) {
        if (ends > 0) {
            throw new AssertionError("text after the end");
        }
        if (chunk.isEmpty()) {
            throw new AssertionError("empty chunk");
        }
        chunks.add(chunk);
    }

    @Override
    public void onComplete(Generation generation) {
        ends++;
        completed = generation;
    }

    @Override
    public void onError(Throwable e) {
        ends++;
        error = e;
    }

    public String text() {
        return String.join("", chunks);
    }

    /** Exactly one of onComplete / onError happened. */
    public boolean endedOnce() {
        return ends == 1;
    }
}
