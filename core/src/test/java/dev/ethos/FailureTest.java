package dev.ethos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ethos.audit.AuditSink;
import dev.ethos.testing.CollectingListener;
import dev.ethos.testing.ScriptedGenerator;
import dev.ethos.testing.TestFilters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Filters, providers and listeners that fail: clear errors naming the source, nothing released lost. */
class FailureTest {
    static final String TEXT = "First sentence. Second one has BOOM inside. Third sentence.";

    private static SafeGenerator.Builder builder(Generator model) {
        return SafeGenerator.builder(model).auditSink(AuditSink.none());
    }

    @Test
    void throwingFilterBlocksFailClosedAndNamesTheFilter() {
        SafeGenerator g = builder(ScriptedGenerator.answering(TEXT)).filter(TestFilters.throwing("fragile", "BOOM")).build();
        Generation r = g.generate(GenerationRequest.of("p"));
        assertTrue(r.blocked());
        assertEquals(FinishReason.BLOCKED, r.finishReason());
        assertEquals("First sentence.", r.text());
        assertTrue(r.report().blockReason().orElseThrow().startsWith("fragile: failed: java.lang.IllegalStateException: boom"));

        CollectingListener l = new CollectingListener();
        g.stream(GenerationRequest.of("p"), l);
        assertEquals("First sentence.", l.text());
        assertTrue(l.completed.blocked());
    }

    @Test
    void throwingFilterWithThrowOnBlockGivesAnExceptionWithTheCause() {
        SafeGenerator g = builder(ScriptedGenerator.answering(TEXT)).filter(TestFilters.throwing("fragile", "BOOM"))
                .throwOnBlock(true).build();
        GenerationBlockedException e = assertThrows(GenerationBlockedException.class, () -> g.generate(GenerationRequest.of("p")));
        FilterException cause = assertInstanceOf(FilterException.class, e.getCause());
        assertEquals("fragile", cause.filterName());
        assertEquals("First sentence.", e.generation().text());

        CollectingListener l = new CollectingListener();
        g.stream(GenerationRequest.of("p"), l);
        assertTrue(l.endedOnce());
        assertInstanceOf(GenerationBlockedException.class, l.error);
        assertEquals("First sentence.", l.text());
    }

    @Test
    void failOpenPassesTextAndRecordsTheFailure() {
        SafeGenerator g = builder(ScriptedGenerator.answering(TEXT))
                .filter(TestFilters.throwing("fragile", "BOOM"), FilterPolicy.defaults().withFailureMode(FilterPolicy.FailureMode.FAIL_OPEN))
                .build();
        Generation r = g.generate(GenerationRequest.of("p"));
        assertEquals(TEXT, r.text());
        assertEquals(Verdict.PASS, r.verdict());
        assertTrue(r.report().outcome("fragile").orElseThrow().note().startsWith("failed open: "));
    }

    @Test
    void providerFailingMidStreamKeepsReleasedTextAndReportsAProviderError() {
        ScriptedGenerator model = ScriptedGenerator.answering(TEXT).chunked(5).failingAfter(6); // 30 chars arrive
        SafeGenerator g = builder(model).filter(TestFilters.flag("flag", "x")).build();
        CollectingListener l = new CollectingListener();
        g.stream(GenerationRequest.of("p"), l);
        assertTrue(l.endedOnce());
        ProviderException e = assertInstanceOf(ProviderException.class, l.error);
        assertTrue(e.retryable());
        assertEquals("First sentence.", l.text());
        assertTrue(e.getSuppressed().length == 1 && e.getSuppressed()[0].getMessage().contains("held back"));

        assertThrows(ProviderException.class, () -> g.generate(GenerationRequest.of("p")));
    }

    @Test
    void providerThrowingIsWrappedAndNamed() {
        Generator broken = new Generator() {
            @Override
            public Generation generate(GenerationRequest request) {
                throw new IllegalStateException("disk on fire");
            }

            @Override
            public void stream(GenerationRequest request, StreamListener listener) {
                listener.onText("Partial. ");
                throw new IllegalStateException("disk on fire");
            }

            @Override
            public ModelInfo info() {
                return new ModelInfo("test", "broken-model");
            }
        };
        SafeGenerator g = builder(broken).filter(TestFilters.flag("flag", "x")).build();
        ProviderException e = assertThrows(ProviderException.class, () -> g.generate(GenerationRequest.of("p")));
        assertTrue(e.getMessage().contains("broken-model") && e.getMessage().contains("disk on fire"), e.getMessage());
        CollectingListener l = new CollectingListener();
        g.stream(GenerationRequest.of("p"), l);
        assertInstanceOf(ProviderException.class, l.error);
        assertEquals("Partial.", l.text());
    }

    @Test
    void plainFilterThatThrowsAfterProceedIsNotMistakenForTheProvider() {
        SafetyFilter bad = new SafetyFilter() {
            @Override
            public String name() {
                return "bad-plain";
            }

            @Override
            public Generation apply(GenerationRequest request, Chain chain) {
                chain.proceed(request);
                throw new UnsupportedOperationException("nope");
            }
        };
        SafeGenerator g = builder(ScriptedGenerator.answering(TEXT)).filter(bad).build();
        Generation r = g.generate(GenerationRequest.of("p"));
        assertTrue(r.blocked());
        assertTrue(r.report().blockReason().orElseThrow().startsWith("bad-plain: failed"));
    }

    @Test
    void listenerThrowingStopsTheStreamWithANamedError() {
        ScriptedGenerator model = ScriptedGenerator.answering(TEXT).chunked(3);
        SafeGenerator g = builder(model).filter(TestFilters.flag("flag", "x")).build();
        List<String> got = new ArrayList<>();
        Throwable[] error = new Throwable[1];
        g.stream(GenerationRequest.of("p"), new StreamListener() {
            @Override
            public void onText(String chunk) {
                got.add(chunk);
                if (got.size() == 2) {
                    throw new IllegalArgumentException("client went away");
                }
            }

            @Override
            public void onComplete(Generation generation) {
                throw new AssertionError("must not complete");
            }

            @Override
            public void onError(Throwable e) {
                error[0] = e;
            }
        });
        StreamListenerException e = assertInstanceOf(StreamListenerException.class, error[0]);
        assertTrue(e.getMessage().contains("onText") && e.getMessage().contains("client went away"));
        assertEquals(List.of("First sentence.", " Second one has BOOM inside."), got);
    }

    @Test
    void builderRejectsBadConfiguration() {
        Generator m = ScriptedGenerator.answering("x");
        assertThrows(IllegalArgumentException.class,
                () -> SafeGenerator.builder(m).filter(TestFilters.flag("a", "x")).filter(TestFilters.flag("a", "y")));
        assertThrows(IllegalArgumentException.class, () -> SafeGenerator.builder(m).holdBack(3));
        assertThrows(NullPointerException.class, () -> SafeGenerator.builder(null));
        assertThrows(IllegalArgumentException.class, () -> GenerationRequest.builder().build());
        assertThrows(IllegalArgumentException.class, () -> GenerationOptions.builder().topP(1.5));
        assertThrows(IllegalArgumentException.class, () -> Generators.open("no-scheme"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Generators.open("nosuch:thing"));
        assertTrue(e.getMessage().contains("no model provider for scheme 'nosuch'"));
    }
}
