package dev.ethos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ethos.audit.AuditEvent;
import dev.ethos.testing.CollectingListener;
import dev.ethos.testing.TestFilters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpiAndAuditTest {
    @Test
    void generatorsOpenFindsProvidersByScheme() {
        Generator g = Generators.open("scripted:Hello there.");
        assertEquals("Hello there.", g.generate(GenerationRequest.of("x")).text());
        assertThrows(IllegalArgumentException.class, () -> Generators.open("scripted:"));
    }

    @Test
    void auditEventsCarryIdsHashesAndVerdictsButNoText() {
        List<AuditEvent> events = new ArrayList<>();
        SafeGenerator g = SafeGenerator.builder(Generators.open("scripted:He is secret-answer."))
                .filter(TestFilters.rewrite("rw", "He", "They")).auditSink(events::add).build();
        GenerationRequest req = GenerationRequest.builder().id("r-1").user("secret-prompt")
                .attribute(GenerationRequest.ATTR_USER, "u-7").attribute("blob", new Object()).build();
        g.generate(req);
        g.stream(req, new CollectingListener());
        assertEquals(2, events.size());
        AuditEvent e = events.get(0);
        assertEquals("r-1", e.requestId());
        assertEquals("u-7", e.attributes().get("user"));
        assertFalse(e.attributes().containsKey("blob"));
        assertEquals(SafeGenerator.sha256("secret-prompt"), e.promptSha256());
        assertEquals(SafeGenerator.sha256("They is secret-answer."), e.outputSha256());
        assertEquals(Verdict.REWRITE, e.report().verdict());
        assertTrue(events.get(1).streamed());
        assertFalse(e.toString().contains("secret-answer") || e.toString().contains("secret-prompt"));
    }

    @Test
    void aFailingAuditSinkNeverBreaksAGeneration() {
        SafeGenerator g = SafeGenerator.builder(Generators.open("scripted:ok."))
                .auditSink(ev -> { throw new IllegalStateException("sink down"); }).build();
        assertEquals("ok.", g.generate(GenerationRequest.of("x")).text());
    }

    @Test
    void requestToStringNeverShowsMessageText() {
        GenerationRequest r = GenerationRequest.of("my password is hunter2");
        assertFalse(r.toString().contains("hunter2"));
    }
}
