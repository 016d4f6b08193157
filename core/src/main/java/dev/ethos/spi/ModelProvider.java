package dev.ethos.spi;

import dev.ethos.Generator;

/**
 * A family of models, found with {@link java.util.ServiceLoader}. {@code Generators.open(uri)} picks
 * the provider whose {@link #scheme()} is the URI's prefix before the first colon
 * ({@code djl:/models/gpt2}, {@code openai:http://localhost:11434/v1?model=llama3}).
 * Register an implementation in {@code META-INF/services/dev.ethos.spi.ModelProvider}.
 */
public interface ModelProvider {
    /** The URI scheme this provider answers, such as {@code "djl"} or {@code "openai"}. */
    String scheme();

    /**
     * Opens a generator for the part of the URI after {@code scheme:}.
     *
     * @throws IllegalArgumentException if the location is malformed, naming what is wrong
     */
    Generator open(String location);
}
