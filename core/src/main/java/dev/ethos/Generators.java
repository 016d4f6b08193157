package dev.ethos;

import dev.ethos.spi.ModelProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Opens models by URI through the {@link ModelProvider}s on the classpath. */
public final class Generators {
    private Generators() {
    }

    /**
     * Opens {@code scheme:location} with the provider registered for {@code scheme}.
     *
     * @throws IllegalArgumentException if the URI has no scheme, no provider answers it, or several do
     */
    public static Generator open(String uri) {
        return open(uri, Generators.class.getClassLoader());
    }

    public static Generator open(String uri, ClassLoader loader) {
        Objects.requireNonNull(uri, "uri");
        int colon = uri.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("model URI '" + uri + "' needs a provider scheme, e.g. djl:builtin or "
                    + "openai:http://localhost:8080/v1?model=NAME");
        }
        String scheme = uri.substring(0, colon);
        List<ModelProvider> all = new ArrayList<>();
        ServiceLoader.load(ModelProvider.class, loader).forEach(all::add);
        List<ModelProvider> matching = all.stream().filter(p -> p.scheme().equalsIgnoreCase(scheme))
                .collect(Collectors.toList());
        if (matching.isEmpty()) {
            String known = all.stream().map(ModelProvider::scheme).sorted().collect(Collectors.joining(", "));
            throw new IllegalArgumentException("no model provider for scheme '" + scheme + "' on the classpath (found: "
                    + (known.isEmpty() ? "none" : known) + ")");
        }
        if (matching.size() > 1) {
            String names = matching.stream().map(p -> p.getClass().getName()).collect(Collectors.joining(", "));
            throw new IllegalArgumentException("several model providers answer scheme '" + scheme + "': " + names);
        }
        return matching.get(0).open(uri.substring(colon + 1));
    }
}
