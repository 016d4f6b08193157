package dev.ethos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ethos.audit.AuditSink;
import dev.ethos.testing.CollectingListener;
import dev.ethos.testing.ScriptedGenerator;
import dev.ethos.testing.TestFilters;
import org.junit.jupiter.api.Test;

/** A SafeGenerator is a Generator: guarded generators nest, and streaming still equals batch. */
class NestingTest {
    @Test
    void nestedChainsComposeInOrder() {
        ScriptedGenerator model = ScriptedGenerator.answering("Then he left. He is bad.").chunked(2, 5);
        SafeGenerator inner = SafeGenerator.builder(model).auditSink(AuditSink.none())
                .filter(TestFilters.rewrite("inner", "he", "they")).build();
        SafeGenerator outer = SafeGenerator.builder(inner).auditSink(AuditSink.none())
                .filter(TestFilters.endLabel("label", " [AI]"))
                .filter(TestFilters.rewrite("outer", "He", "They")).build();
        Generation batch = outer.generate(GenerationRequest.of("p"));
        assertEquals("Then they left. They is bad. [AI]", batch.text());
        CollectingListener l = new CollectingListener();
        outer.stream(GenerationRequest.of("p"), l);
        assertEquals(batch.text(), l.text());
        assertEquals(Verdict.REWRITE, l.completed.verdict());
    }
}
