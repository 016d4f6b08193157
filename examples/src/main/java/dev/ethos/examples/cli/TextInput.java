package dev.ethos.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every text command shares: where text comes from. A picocli mixin. */
public final class TextInput {
    @Option(names = "--in", paramLabel = "FILE", description = "Read from FILE instead of standard input.")
    Path in;

    @Option(names = "--jsonl", description = "Read JSON Lines records ({\"id\", \"text\", \"lang\"}) and write one "
            + "result record per line.")
    boolean jsonl;

    public BufferedReader reader() throws IOException {
        if (in != null) {
            if (!Files.isReadable(in)) {
                throw new IllegalArgumentException("cannot read --in " + in);
            }
            return Files.newBufferedReader(in, StandardCharsets.UTF_8);
        }
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }

    /** Everything from the input, as one text. */
    public String readAll() throws IOException {
        try (BufferedReader r = reader()) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            int n;
            while ((n = r.read(buf)) > 0) {
                sb.append(buf, 0, n);
            }
            return sb.toString();
        }
    }

    public static PrintWriter stdout() {
        return new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
    }
}
