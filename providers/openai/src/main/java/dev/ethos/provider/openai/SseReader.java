package dev.ethos.provider.openai;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads server-sent events incrementally from a byte stream, one event per {@link #next()} call, as
 * soon as the blank line that ends it has arrived (the W3C EventSource parsing rules: {@code data}
 * lines joined by newlines, {@code event} names the event, comment lines start with a colon, lines
 * end with LF, CRLF or CR, and an unterminated event at the end of the stream is dropped).
 * Not thread-safe.
 */
final class SseReader implements Closeable {
    /** One event: its name ({@code null} when it had no {@code event:} field) and its data. */
    record Event(String name, String data) {
    }

    private final BufferedReader in;
    private final int maxEventChars;

    SseReader(InputStream in, int maxEventChars) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 8192);
        this.maxEventChars = maxEventChars;
    }

    /** The next complete event, or {@code null} at the end of the stream. Blocks until one has arrived. */
    Event next() throws IOException {
        StringBuilder data = null;
        String name = null;
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null) {
                    return new Event(name, data.toString());
                }
                name = null;
                continue;
            }
            if (line.charAt(0) == ':') {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = "";
            if (colon >= 0) {
                int from = colon + 1;
                if (from < line.length() && line.charAt(from) == ' ') {
                    from++;
                }
                value = line.substring(from);
            }
            if (field.equals("data")) {
                if (data == null) {
                    data = new StringBuilder(value.length());
                } else {
                    data.append('\n');
                }
                data.append(value);
                if (data.length() > maxEventChars) {
                    throw new IOException("server-sent event longer than " + maxEventChars + " characters");
                }
            } else if (field.equals("event")) {
                name = value;
            }
            // "id" and "retry" do not matter to a single request.
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
