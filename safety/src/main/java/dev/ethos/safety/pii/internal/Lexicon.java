package dev.ethos.safety.pii.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/** Word lists shipped as resources under {@code dev/ethos/safety/pii/}, loaded once. */
final class Lexicon {
    private Lexicon() {
    }

    static Set<String> lines(String resource) {
        Set<String> set = new HashSet<>();
        try (InputStream in = Lexicon.class.getResourceAsStream("/dev/ethos/safety/pii/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource dev/ethos/safety/pii/" + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    set.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(set);
    }

    static Set<String> words(String spaceSeparated) {
        Set<String> set = new HashSet<>();
        for (String w : spaceSeparated.split("\\s+")) {
            if (!w.isEmpty()) {
                set.add(w);
            }
        }
        return Set.copyOf(set);
    }
}
