package dev.ethos.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class SseReaderPropertyTest {
    /** Hands out at most {@code max} bytes per read, as a network does. */
    static final class Trickle extends InputStream {
        private final byte[] data;
        private final int max;
        private int pos;

        Trickle(byte[] data, int max) {
            this.data = data;
            this.max = max;
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, max), data.length - pos);
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    @Provide
    Arbitrary<SseReader.Event> events() {
        Arbitrary<String> line = Arbitraries.of("a", "b", " ", "{", "}", "\"", ":", ",", "é", "中", "😀", "data: x", "[DONE]")
                .list().ofMaxSize(8).map(parts -> String.join("", parts));
        Arbitrary<String> data = line.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("\n", l));
        Arbitrary<String> name = Arbitraries.of("message", "error", "").injectNull(0.6);
        return Combinators.combine(name, data).as((n, d) -> new SseReader.Event(n == null || n.isEmpty() ? null : n, d));
    }

    @Property(tries = 300)
    void eventsSurviveAnySplittingAndLineEnding(@ForAll @Size(max = 8) List<SseReader.@From("events") Event> events,
                                                @ForAll @IntRange(min = 1, max = 7) int bytesPerRead,
                                                @ForAll("endings") String eol) throws IOException {
        StringBuilder wire = new StringBuilder(": a comment" + eol);
        for (SseReader.Event e : events) {
            if (e.name() != null) {
                wire.append("event: ").append(e.name()).append(eol);
            }
            for (String l : e.data().split("\n", -1)) {
                wire.append("data: ").append(l).append(eol);
            }
            wire.append("id: 1").append(eol).append(eol);
        }
        wire.append("data: unterminated, dropped");
        byte[] bytes = wire.toString().getBytes(StandardCharsets.UTF_8);
        List<SseReader.Event> read = new ArrayList<>();
        try (SseReader r = new SseReader(new Trickle(bytes, bytesPerRead), 1 << 20)) {
            SseReader.Event e;
            while ((e = r.next()) != null) {
                read.add(e);
            }
            assertNull(r.next());
        }
        assertEquals(events, read);
    }

    @Provide
    Arbitrary<String> endings() {
        return Arbitraries.of("\n", "\r\n", "\r");
    }

    @Property(tries = 20)
    void theSpaceAfterTheColonIsOptional(@ForAll @IntRange(min = 1, max = 5) int bytesPerRead) throws IOException {
        byte[] b = "data:x\ndata:  y\n\n".getBytes(StandardCharsets.UTF_8);
        try (SseReader r = new SseReader(new Trickle(b, bytesPerRead), 100)) {
            assertEquals(new SseReader.Event(null, "x\n y"), r.next());
        }
    }
}
