package dev.ethos.provider.djl.internal;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A {@code tokenizer.json} through DJL's {@link HuggingFaceTokenizer} (the Rust tokenizers library,
 * whose native code ships in the tokenizers jar), with truncation and padding off: its defaults
 * would silently cut a prompt to 512 tokens. Thread-safe.
 */
public final class Tokenizer implements AutoCloseable {
    private final HuggingFaceTokenizer hf;

    private Tokenizer(HuggingFaceTokenizer hf) {
        this.hf = hf;
    }

    public static Tokenizer load(Path tokenizerJson) throws IOException {
        if (!Files.isRegularFile(tokenizerJson)) {
            throw new IllegalArgumentException("tokenizer.json not found: " + tokenizerJson);
        }
        DjlEngine.init(); // offline switches before any DJL code runs
        HuggingFaceTokenizer hf = HuggingFaceTokenizer.builder()
                .optTokenizerPath(tokenizerJson)
                .optTruncation(false)
                .optPadding(false)
                .optAddSpecialTokens(false)
                .build();
        return new Tokenizer(hf);
    }

    public int[] encode(String text) {
        long[] ids = hf.encode(text, false, false).getIds();
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = Math.toIntExact(ids[i]);
        }
        return out;
    }

    /** The text of {@code ids[from, to)}; incomplete UTF-8 at the end decodes to U+FFFD. */
    public String decode(int[] ids, int from, int to) {
        long[] l = new long[to - from];
        for (int i = from; i < to; i++) {
            l[i - from] = ids[i];
        }
        return l.length == 0 ? "" : hf.decode(l, true);
    }

    @Override
    public void close() {
        hf.close();
    }
}
