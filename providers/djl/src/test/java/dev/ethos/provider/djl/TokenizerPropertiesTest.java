package dev.ethos.provider.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ethos.provider.djl.internal.BpeTrainer;
import dev.ethos.provider.djl.internal.TextAssembler;
import dev.ethos.provider.djl.internal.Tokenizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.constraints.StringLength;

/** The byte-level BPE made by {@link BpeTrainer}, read by DJL's tokenizer, and the streaming text assembly. */
class TokenizerPropertiesTest {
    static Path dir;
    static Tokenizer tok;

    @BeforeContainer
    static void setUp() throws Exception {
        dir = Files.createTempDirectory("ethos-tok");
        Files.writeString(dir.resolve("tokenizer.json"), BpeTrainer.train(TinyGpt.TEXT, 300), StandardCharsets.UTF_8);
        tok = Tokenizer.load(dir.resolve("tokenizer.json"));
    }

    @AfterContainer
    static void tearDown() {
        tok.close();
    }

    @Property(tries = 200)
    void encodeDecodeRoundTrips(@ForAll @StringLength(max = 40) String s) {
        String valid = new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        int[] ids = tok.encode(valid);
        assertEquals(valid, tok.decode(ids, 0, ids.length));
    }

    @Property(tries = 200)
    void streamedChunksConcatenateToTheTextAndNeverSplitCharacters(@ForAll @StringLength(max = 30) String s,
            @ForAll @StringLength(min = 1, max = 3) String stop) {
        String valid = new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
        TextAssembler a = new TextAssembler(tok, List.of(stop));
        StringBuilder streamed = new StringBuilder();
        for (byte b : bytes) {
            String chunk = a.add(BpeTrainer.byteTokenId(b & 0xff));
            if (!valid.contains("\uFFFD")) {
                assertFalse(chunk.contains("\uFFFD"), "a chunk split a character");
            }
            streamed.append(chunk);
            if (a.stopped()) {
                break;
            }
        }
        streamed.append(a.finish());
        assertEquals(a.text(), streamed.toString());
        int at = valid.indexOf(stop);
        assertEquals(at >= 0 ? valid.substring(0, at) : valid, a.text());
        assertTrue(a.stopped() == (at >= 0));
    }
}
