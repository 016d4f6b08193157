package dev.ethos.safety.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ethos.Finding;
import dev.ethos.Generation;
import dev.ethos.GenerationRequest;
import dev.ethos.SafeGenerator;
import dev.ethos.SegmentResult;
import dev.ethos.Span;
import dev.ethos.TextFilter;
import dev.ethos.Verdict;
import dev.ethos.audit.AuditSink;
import dev.ethos.testing.CollectingListener;
import dev.ethos.testing.ScriptedGenerator;
import dev.ethos.text.TextEdit;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ProvenanceFilterTest {
    static final ProvenanceKeys.SigningKey KEY = ProvenanceKeys.SigningKey.of(ProvenanceKeys.generate());
    static final String ANSWER = "Write to jane.doe@example.com today. The meeting is at noon.";

    /** A stand-in for the PII filter: replaces e-mail addresses with a placeholder. */
    static final class EmailFilter implements TextFilter {
        private static final Pattern EMAIL = Pattern.compile("[\\w.]+@[\\w.]+\\w");

        @Override
        public String name() {
            return "email";
        }

        @Override
        public Session open(GenerationRequest request) {
            return (segment, left) -> {
                Matcher m = EMAIL.matcher(segment);
                List<TextEdit> edits = new ArrayList<>();
                List<Finding> findings = new ArrayList<>();
                while (m.find()) {
                    edits.add(new TextEdit(m.start(), m.end(), "<EMAIL_1>"));
                    findings.add(Finding.of("EMAIL_ADDRESS", Span.output(m.start(), m.end()), 0.99, "an e-mail address"));
                }
                return SegmentResult.of(edits, findings);
            };
        }
    }

    static SafeGenerator guarded(ProvenanceFilter p, String answer) {
        return SafeGenerator.builder(ScriptedGenerator.answering(answer)).filter(p).auditSink(AuditSink.none()).filter(new EmailFilter()).build();
    }

    @Test
    void labelsAtStartSignsAndEmbedsAManifestThatVerifies() {
        Generation g = guarded(ProvenanceFilter.signing(KEY), ANSWER).generate(GenerationRequest.of("Write a note."));
        assertTrue(g.text().startsWith("AI-generated content\n\nWrite to <EMAIL_1> today."), g.text());
        assertTrue(g.text().contains(Armor.BEGIN));
        assertEquals(Verdict.REWRITE, g.report().outcome("provenance").orElseThrow().verdict());
        String json = g.metadata(ProvenanceFilter.METADATA_MANIFEST, String.class).orElseThrow();
        Manifest m = Manifest.parse(json);
        assertEquals(g.metadata(ProvenanceFilter.METADATA_CONTENT_ID, String.class).orElseThrow(), m.contentId());
        assertEquals("scripted", m.provider());
        assertEquals("scripted-1", m.modelId());
        assertEquals("ethos", m.generatorName());
        assertEquals(Manifest.DIGITAL_SOURCE_TYPE, m.digitalSourceType());
        assertEquals(KEY.keyId(), m.keyId().orElseThrow());
        assertEquals("default", m.policyId().orElseThrow());
        assertEquals(List.of(new Manifest.FilterRecord("email", "REWRITE", java.util.Map.of("EMAIL_ADDRESS", 1))), m.filters());
        assertFalse(json.contains("jane.doe"), "no raw PII in the manifest");
        String body = ProvenanceVerifier.stripManifest(g.text());
        assertEquals(ContentHash.sha256Hex(body), m.contentHash());
        assertTrue(ProvenanceVerifier.trusting(KEY.publicKey()).verify(g.text()).valid());
        assertTrue(ProvenanceVerifier.trusting(KEY.publicKey()).verify(body, json).valid());
    }

    @Test
    void labelAtEndInChineseWithModelPlaceholder() {
        ProvenanceFilter p = ProvenanceFilter.builder().signingKey(KEY).position(ProvenanceFilter.Position.END)
                .template("zh", "本内容由人工智能生成（{model}）").build();
        Generation g = guarded(p, "今天天气很好。我们去公园散步吧。").generate(GenerationRequest.of("写一句话"));
        String body = ProvenanceVerifier.stripManifest(g.text());
        assertEquals("今天天气很好。我们去公园散步吧。\n\n本内容由人工智能生成（scripted-1）", body);
        assertTrue(ProvenanceVerifier.trusting(KEY.publicKey()).verify(g.text()).valid());
    }

    @Test
    void defaultChineseLabelFollowsThePromptLanguageOrTheLangAttribute() {
        Generation g = guarded(ProvenanceFilter.ofDefaults(), "好的。").generate(GenerationRequest.of("请写一句话。"));
        assertTrue(g.text().startsWith("本内容由人工智能生成\n\n"), g.text());
        Generation e = guarded(ProvenanceFilter.ofDefaults(), "好的。")
                .generate(GenerationRequest.builder().user("请写一句话。").attribute("lang", "en").build());
        assertTrue(e.text().startsWith("AI-generated content\n\n"), e.text());
    }

    @Test
    void streamEmitsTheLabelFirstAndEqualsBatch() {
        for (ProvenanceFilter.Position pos : ProvenanceFilter.Position.values()) {
            Clock fixed = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
            ProvenanceFilter p = ProvenanceFilter.builder().signingKey(KEY).position(pos).clock(fixed).build();
            SafeGenerator g = SafeGenerator.builder(ScriptedGenerator.answering(ANSWER).chunked(3, 5)).auditSink(AuditSink.none())
                    .filter(p).filter(new EmailFilter()).build();
            CollectingListener l = new CollectingListener();
            g.stream(GenerationRequest.of("Write."), l);
            assertTrue(l.endedOnce());
            if (pos == ProvenanceFilter.Position.START) {
                assertEquals("AI-generated content\n\n", l.chunks.get(0));
            } else {
                assertTrue(l.chunks.get(l.chunks.size() - 1).startsWith("\n\nAI-generated content\n\n" + Armor.BEGIN));
            }
            assertEquals(l.text(), l.completed.text());
            assertTrue(ProvenanceVerifier.trusting(KEY.publicKey()).verify(l.text()).valid());
            // Same text as batch, apart from the content id and signature.
            Generation batch = g.generate(GenerationRequest.of("Write."));
            assertEquals(ProvenanceVerifier.stripManifest(batch.text()), ProvenanceVerifier.stripManifest(l.text()));
        }
    }

    @Test
    void withoutAKeyItLabelsAndKeepsAnUnsignedManifestInTheMetadata() {
        Generation g = guarded(ProvenanceFilter.ofDefaults(), ANSWER).generate(GenerationRequest.of("Write."));
        assertFalse(g.text().contains(Armor.BEGIN));
        Manifest m = Manifest.parse(g.metadata(ProvenanceFilter.METADATA_MANIFEST, String.class).orElseThrow());
        assertFalse(m.signed());
        assertEquals(ContentHash.sha256Hex(g.text()), m.contentHash());
        ProvenanceVerifier.Verification v = ProvenanceVerifier.trusting(KEY.publicKey()).verify(g.text(), m.toJson());
        assertEquals(ProvenanceVerifier.Reason.BAD_SIGNATURE, v.reason());
        assertThrows(IllegalArgumentException.class, () -> ProvenanceFilter.builder().embedManifest(true).build());
    }

    @Test
    void invisibleMarkerCarriesTheContentIdAndIsHashed() {
        ProvenanceFilter p = ProvenanceFilter.builder().signingKey(KEY).invisibleMarker(true).build();
        Generation g = guarded(p, ANSWER).generate(GenerationRequest.of("Write."));
        String id = g.metadata(ProvenanceFilter.METADATA_CONTENT_ID, String.class).orElseThrow();
        assertEquals(id, InvisibleMarker.find(g.text()).orElseThrow());
        assertTrue(ProvenanceVerifier.trusting(KEY.publicKey()).verify(g.text()).valid());
        String stripped = InvisibleMarker.strip(g.text());
        assertTrue(InvisibleMarker.find(stripped).isEmpty());
        assertEquals(ProvenanceVerifier.Reason.HASH_MISMATCH,
                ProvenanceVerifier.trusting(KEY.publicKey()).verify(stripped).reason());
        assertTrue(stripped.startsWith("AI-generated content\n\n"));
    }

    @Test
    void watermarkIsAddedToTheRequestAndNamedInTheManifestWithoutItsKey() {
        WatermarkKey wk = WatermarkKey.generate();
        Watermark wm = Watermark.ofDefaults(wk);
        ScriptedGenerator model = ScriptedGenerator.answering(ANSWER);
        SafeGenerator g = SafeGenerator.builder(model).auditSink(AuditSink.none())
                .filter(ProvenanceFilter.builder().signingKey(KEY).watermark(wm).build()).build();
        Generation out = g.generate(GenerationRequest.of("Write."));
        assertTrue(model.requests().get(0).logitsProcessors().contains(wm));
        Manifest m = Manifest.parse(out.metadata(ProvenanceFilter.METADATA_MANIFEST, String.class).orElseThrow());
        assertEquals(Watermark.SCHEME, m.watermark().orElseThrow().get("scheme"));
        assertEquals(wk.keyId(), m.watermark().orElseThrow().get("keyId"));
        String hexKey = java.util.HexFormat.of().formatHex(wk.bytes());
        assertFalse(out.text().contains(hexKey));
        assertFalse(m.toJson().contains(hexKey));
        assertFalse(m.toJson().contains(java.util.Base64.getEncoder().encodeToString(wk.bytes())));
        assertFalse(wm.toString().contains(hexKey));
    }

    @Test
    void withNothingToAddItPassesAndStillReportsTheManifest() {
        ProvenanceFilter p = ProvenanceFilter.builder().label(false).policyId(null).build();
        Generation g = guarded(p, "Plain text.").generate(GenerationRequest.of("Write."));
        assertEquals("Plain text.", g.text());
        assertEquals(Verdict.PASS, g.report().outcome("provenance").orElseThrow().verdict());
        Manifest m = Manifest.parse(g.metadata(ProvenanceFilter.METADATA_MANIFEST, String.class).orElseThrow());
        assertEquals(ContentHash.sha256Hex("Plain text."), m.contentHash());
        assertTrue(m.policyId().isEmpty());
    }

    @Test
    void policyIdComesFromTheRequestWhenGiven() {
        Generation g = guarded(ProvenanceFilter.ofDefaults(), "x.")
                .generate(GenerationRequest.builder().user("w").attribute(ProvenanceFilter.ATTR_POLICY_ID, "strict-7").build());
        Manifest m = Manifest.parse(g.metadata(ProvenanceFilter.METADATA_MANIFEST, String.class).orElseThrow());
        assertEquals("strict-7", m.policyId().orElseThrow());
    }

    @Test
    void badConfigurationIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ProvenanceFilter.builder().template("{model} made this").build());
        assertThrows(IllegalArgumentException.class, () -> ProvenanceFilter.builder().language("fr").build());
        assertThrows(IllegalArgumentException.class, () -> ProvenanceFilter.builder().template("en", " "));
        assertNotNull(ProvenanceFilter.builder().template("fr", "Contenu généré par IA").language("fr").build());
    }
}
