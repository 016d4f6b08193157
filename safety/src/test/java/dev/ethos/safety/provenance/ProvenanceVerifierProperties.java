package dev.ethos.safety.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.ethos.GenerationRequest;
import dev.ethos.SafeGenerator;
import dev.ethos.testing.ScriptedGenerator;
import java.text.Normalizer;
import java.util.Base64;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** verify(label(x)) holds for any x, and every kind of tampering fails with its own reason. */
class ProvenanceVerifierProperties {
    static final ProvenanceKeys.SigningKey KEY = ProvenanceKeys.SigningKey.of(ProvenanceKeys.generate());
    static final ProvenanceKeys.SigningKey OTHER = ProvenanceKeys.SigningKey.of(ProvenanceKeys.generate());
    static final ProvenanceVerifier VERIFIER = ProvenanceVerifier.trusting(KEY.publicKey());

    static String label(String x, ProvenanceFilter.Position pos, boolean marker) {
        ProvenanceFilter f = ProvenanceFilter.builder().signingKey(KEY).position(pos).invisibleMarker(marker).build();
        return SafeGenerator.builder(ScriptedGenerator.answering(x)).auditSink(dev.ethos.audit.AuditSink.none()).filter(f).build()
                .generate(GenerationRequest.of("prompt")).text();
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(300),
                Arbitraries.strings().all().ofMaxLength(80),
                Arbitraries.strings().withCharRange('\u4e00', '\u4fff').withChars(" 。，\n").ofMaxLength(120),
                Arbitraries.strings().withChars("ae\u0301\u00e9\u212b\u00c5 \n-").ofMaxLength(60),
                Arbitraries.of("", "\n\n", Armor.BEGIN, "x\n\n" + Armor.BEGIN + "\nAAAA\n" + Armor.END + "\n"));
    }

    @Property(tries = 300)
    void labelledTextVerifies(@ForAll("texts") String x, @ForAll ProvenanceFilter.Position pos, @ForAll boolean marker) {
        String labelled = label(x, pos, marker);
        ProvenanceVerifier.Verification v = VERIFIER.verify(labelled);
        assertTrue(v.valid(), () -> v.reason() + ": " + v.detail());
        assertTrue(labelled.contains(x));
    }

    @Property(tries = 300)
    void changingOneCharacterOfTheTextIsAHashMismatch(@ForAll("texts") String x, @ForAll ProvenanceFilter.Position pos,
                                                      @ForAll @IntRange(min = 0, max = 100_000) int where,
                                                      @ForAll char replacement) {
        String labelled = label(x, pos, false);
        String body = ProvenanceVerifier.stripManifest(labelled);
        int i = where % body.length(); // the body always holds at least the label
        Assume.that(body.charAt(i) != replacement);
        String changed = labelled.substring(0, i) + replacement + labelled.substring(i + 1);
        String changedBody = changed.substring(0, body.length());
        // A change to a canonically equivalent character (Å for Å) is the same text after NFC, by design.
        Assume.that(!Normalizer.normalize(changedBody, Normalizer.Form.NFC)
                .equals(Normalizer.normalize(body, Normalizer.Form.NFC)));
        ProvenanceVerifier.Verification v = VERIFIER.verify(changed);
        assertEquals(ProvenanceVerifier.Reason.HASH_MISMATCH, v.reason(), v.detail());
    }

    @Property(tries = 100)
    void changingTheSignatureIsABadSignature(@ForAll("texts") String x, @ForAll @IntRange(min = 0, max = 63) int bit) {
        String labelled = label(x, ProvenanceFilter.Position.START, false);
        Manifest m = Manifest.parse(ProvenanceVerifier.embeddedManifest(labelled).orElseThrow());
        byte[] sig = Base64.getDecoder().decode(m.signatureValue());
        sig[bit % sig.length] ^= (byte) (1 << (bit % 8));
        String forged = m.withSignatureValue(Base64.getEncoder().encodeToString(sig)).toJson();
        String text = ProvenanceVerifier.stripManifest(labelled) + Armor.wrap(forged);
        assertEquals(ProvenanceVerifier.Reason.BAD_SIGNATURE, VERIFIER.verify(text).reason());
        assertEquals(ProvenanceVerifier.Reason.BAD_SIGNATURE,
                VERIFIER.verify(ProvenanceVerifier.stripManifest(labelled), forged).reason());
    }

    @Property(tries = 100)
    void changingTheManifestIsABadSignature(@ForAll("texts") String x, @ForAll("fields") String field) {
        String labelled = label(x, ProvenanceFilter.Position.END, false);
        JsonObject o = Manifest.parse(ProvenanceVerifier.embeddedManifest(labelled).orElseThrow()).toJsonTree();
        switch (field) {
            case "model" -> o.getAsJsonObject("model").addProperty("id", "another-model");
            case "created" -> o.addProperty("created", "2001-01-01T00:00:00Z");
            case "hash" -> o.getAsJsonObject("contentHash").addProperty("value", ContentHash.sha256Hex("forged" + x));
            case "keyId" -> o.getAsJsonObject("signature").addProperty("alg", "Ed448");
            default -> {
                JsonObject f = new JsonObject();
                f.addProperty("name", "pii");
                f.addProperty("verdict", "PASS");
                o.getAsJsonArray("filters").add(f);
            }
        }
        String text = ProvenanceVerifier.stripManifest(labelled) + Armor.wrap(o.toString());
        assertEquals(ProvenanceVerifier.Reason.BAD_SIGNATURE, VERIFIER.verify(text).reason());
    }

    @Provide
    Arbitrary<String> fields() {
        return Arbitraries.of("model", "created", "hash", "keyId", "filters");
    }

    @Property(tries = 100)
    void anotherKeyIsAnUnknownKey(@ForAll("texts") String x) {
        String labelled = label(x, ProvenanceFilter.Position.START, false);
        assertEquals(ProvenanceVerifier.Reason.UNKNOWN_KEY,
                ProvenanceVerifier.trusting(OTHER.publicKey()).verify(labelled).reason());
        // Re-signed by another key: unknown to a verifier that trusts only KEY.
        Manifest m = Manifest.parse(ProvenanceVerifier.embeddedManifest(labelled).orElseThrow());
        JsonObject unsigned = m.toJsonTree();
        unsigned.remove("signature");
        String resigned = Signatures.sign(Manifest.of(unsigned), OTHER).toJson();
        String text = ProvenanceVerifier.stripManifest(labelled) + Armor.wrap(resigned);
        assertEquals(ProvenanceVerifier.Reason.UNKNOWN_KEY, VERIFIER.verify(text).reason());
        assertTrue(ProvenanceVerifier.trusting(KEY.publicKey(), OTHER.publicKey()).verify(text).valid());
    }

    @Property(tries = 100)
    void removingTheManifestIsAMissingManifest(@ForAll("texts") String x) {
        Assume.that(!x.contains(Armor.BEGIN));
        String labelled = label(x, ProvenanceFilter.Position.START, false);
        assertEquals(ProvenanceVerifier.Reason.MISSING_MANIFEST,
                VERIFIER.verify(ProvenanceVerifier.stripManifest(labelled)).reason());
        assertEquals(ProvenanceVerifier.Reason.MISSING_MANIFEST, VERIFIER.verify(x).reason());
    }

    @Property(tries = 200)
    void damagingTheArmourNeverVerifies(@ForAll("texts") String x, @ForAll @IntRange(min = 0, max = 100_000) int where,
                                        @ForAll char replacement) {
        String labelled = label(x, ProvenanceFilter.Position.START, false);
        int from = ProvenanceVerifier.stripManifest(labelled).length() + Armor.SEPARATOR.length();
        int i = from + where % (labelled.length() - from);
        Assume.that(labelled.charAt(i) != replacement && !Character.isWhitespace(replacement)
                && !Character.isWhitespace(labelled.charAt(i)));
        String changed = labelled.substring(0, i) + replacement + labelled.substring(i + 1);
        ProvenanceVerifier.Verification v = VERIFIER.verify(changed);
        assertTrue(!v.valid(), () -> "verified after changing index " + i);
    }
}
