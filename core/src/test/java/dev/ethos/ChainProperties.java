package dev.ethos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ethos.audit.AuditSink;
import dev.ethos.testing.CollectingListener;
import dev.ethos.testing.ScriptedGenerator;
import dev.ethos.testing.TestFilters;
import dev.ethos.text.OffsetMap;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Invariants of the guarded chain for any model output and any chunking of its stream. */
class ChainProperties {

    @Provide
    Arbitrary<String> outputs() {
        Arbitrary<String> token = Arbitraries.of("he", "He", "bad", "word", "the", "3.14", "Dr.", "e.g.", ". ", "! ",
                "? ", "\n", "\n\n", " ", " ", " ", "。", "！", "他", "你好", "”", "\"", "NOPE", "x", "😀", "-", ",");
        return token.list().ofMinSize(0).ofMaxSize(120).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<int[]> chunkings() {
        // A list mapped to an array: jqwik 1.9 cannot shrink primitive arrays.
        return Arbitraries.integers().between(1, 40).list().ofMinSize(1).ofMaxSize(8)
                .map(l -> l.stream().mapToInt(Integer::intValue).toArray());
    }

    private static SafeGenerator chain(ScriptedGenerator model, int holdBack, SafetyFilter... filters) {
        SafeGenerator.Builder b = SafeGenerator.builder(model).holdBack(holdBack).auditSink(AuditSink.none());
        for (SafetyFilter f : filters) {
            b.filter(f);
        }
        return b.build();
    }

    private static List<SafetyFilter> mixedFilters() {
        return List.of(
                TestFilters.endLabel("label", " [AI]"),
                TestFilters.flag("flag", "bad"),
                TestFilters.blockOutput("block", "NOPE"),
                TestFilters.rewrite("rewrite", "he", "they"));
    }

    @Property(tries = 300)
    void streamEqualsBatchForAnyChunking(@ForAll("outputs") String raw, @ForAll("chunkings") int[] chunks,
                                         @ForAll @IntRange(min = 16, max = 64) int holdBack) {
        ScriptedGenerator model = ScriptedGenerator.answering(raw).chunked(chunks);
        SafeGenerator g = chain(model, holdBack, mixedFilters().toArray(new SafetyFilter[0]));
        Generation batch = g.generate(GenerationRequest.of("prompt"));
        CollectingListener l = new CollectingListener();
        g.stream(GenerationRequest.of("prompt"), l);
        assertTrue(l.endedOnce());
        assertNull(l.error);
        assertEquals(batch.text(), l.text());
        assertEquals(batch.text(), l.completed.text());
        assertEquals(batch.verdict(), l.completed.verdict());
        assertEquals(batch.report().findings(), l.completed.report().findings());
        assertEquals(raw.contains("NOPE"), batch.blocked());
    }

    @Property(tries = 200)
    void streamEqualsBatchWithWholeTextFilters(@ForAll("outputs") String raw, @ForAll("chunkings") int[] chunks) {
        ScriptedGenerator model = ScriptedGenerator.answering(raw).chunked(chunks);
        SafeGenerator g = chain(model, 16, TestFilters.rewrite("outer", "HE", "THEY"), TestFilters.upperCase("upper"),
                TestFilters.rewrite("inner", "bad", "good"));
        Generation batch = g.generate(GenerationRequest.of("p"));
        CollectingListener l = new CollectingListener();
        g.stream(GenerationRequest.of("p"), l);
        assertEquals(batch.text(), l.text());
        assertEquals(batch.report().findings(), l.completed.report().findings());
    }

    @Property(tries = 300)
    void releasedChunksRespectTheBound(@ForAll("outputs") String raw, @ForAll("chunkings") int[] chunks,
                                       @ForAll @IntRange(min = 16, max = 48) int holdBack) {
        ScriptedGenerator model = ScriptedGenerator.answering(raw).chunked(chunks);
        SafeGenerator g = chain(model, holdBack, TestFilters.flag("flag", "bad"));
        CollectingListener l = new CollectingListener();
        g.stream(GenerationRequest.of("p"), l);
        for (String c : l.chunks) {
            // Longer than the bound only inside one run without white space (never split).
            assertTrue(c.length() <= holdBack || c.chars().limit(holdBack).noneMatch(Character::isWhitespace),
                    () -> "released " + c.length() + " > " + holdBack);
        }
        assertEquals(raw, l.text());
    }

    @Property(tries = 300)
    void findingsMapBackAndTextOutsideThemIsUnchanged(@ForAll("outputs") String raw, @ForAll("chunkings") int[] chunks) {
        ScriptedGenerator model = ScriptedGenerator.answering(raw).chunked(chunks);
        SafeGenerator g = chain(model, 32, TestFilters.flag("flag", "bad"), TestFilters.rewrite("a", "he", "they"),
                TestFilters.rewrite("b", "He", "They"));
        CollectingListener l = new CollectingListener();
        g.stream(GenerationRequest.of("p"), l);
        Generation out = l.completed;
        String fin = out.text();
        OffsetMap map = out.report().modelToFinal();
        boolean[] inFinding = new boolean[raw.length()];
        for (Finding f : out.report().findings()) {
            assertEquals(TextTarget.MODEL_OUTPUT, f.span().target());
            String found = raw.substring(f.span().start(), f.span().end());
            if (f.type().equals("WORD")) {
                assertTrue(found.equals("he") || found.equals("He"), found);
                int s = map.toEdited(f.span().start());
                int e = map.toEditedEnd(f.span().end());
                assertEquals(f.replacement(), fin.substring(s, e));
            } else {
                assertEquals("bad", found);
            }
            for (int i = f.span().start(); i < f.span().end(); i++) {
                inFinding[i] = true;
            }
        }
        for (int i = 0; i < raw.length(); i++) {
            if (!inFinding[i]) {
                int j = map.toEdited(i);
                assertEquals(raw.charAt(i), fin.charAt(j), "char " + i + " changed");
                assertEquals(i, map.toOriginal(j));
            }
        }
    }

    @Property(tries = 100)
    void blockBeforeProceedNeverCallsTheModel(@ForAll @Size(max = 30) List<@IntRange(min = 0, max = 3) Integer> words,
                                              @ForAll boolean streamed) {
        String[] vocab = {"hello", "forbidden", "world", "x"};
        StringBuilder prompt = new StringBuilder("p");
        words.forEach(w -> prompt.append(' ').append(vocab[w]));
        ScriptedGenerator model = ScriptedGenerator.answering("fine.");
        SafeGenerator g = chain(model, 32, TestFilters.flag("flag", "bad"), TestFilters.blockInput("gate", "forbidden"));
        Generation result;
        if (streamed) {
            CollectingListener l = new CollectingListener();
            g.stream(GenerationRequest.of(prompt.toString()), l);
            result = l.completed;
            assertTrue(l.chunks.isEmpty() || !prompt.toString().contains("forbidden"));
        } else {
            result = g.generate(GenerationRequest.of(prompt.toString()));
        }
        boolean forbidden = prompt.toString().contains("forbidden");
        assertEquals(forbidden ? 0 : 1, model.calls());
        assertEquals(forbidden, result.blocked());
        if (forbidden) {
            assertEquals("", result.text());
            assertEquals(FinishReason.BLOCKED, result.finishReason());
            assertEquals("gate: forbidden prompt", result.report().blockReason().orElseThrow());
        }
    }
}
