package dev.ethos.testing;

import dev.ethos.Generator;
import dev.ethos.spi.ModelProvider;

/** Test-only provider: {@code scripted:TEXT} answers TEXT. Registered only on test classpaths. */
public final class ScriptedProvider implements ModelProvider {
    @Override
    public String scheme() {
        return "scripted";
    }

    @Override
    public Generator open(String location) {
        if (location.isEmpty()) {
            throw new IllegalArgumentException("scripted: needs the answer text after the colon");
        }
        return ScriptedGenerator.answering(location);
    }
}
