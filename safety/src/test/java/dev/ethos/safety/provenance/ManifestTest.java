package dev.ethos.safety.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class ManifestTest {
    static final String VALID = "{\"spec\":\"ethos-provenance/1\",\"contentId\":\"urn:uuid:4e9c03ce-5296-4b06-96f0-153f6a843e82\","
            + "\"created\":\"2026-01-01T00:00:00Z\",\"contentHash\":{\"alg\":\"SHA-256\",\"normalization\":\"NFC\","
            + "\"value\":\"" + "a".repeat(64) + "\"},\"model\":{\"provider\":\"p\",\"id\":\"m\"},"
            + "\"generator\":{\"name\":\"ethos\",\"version\":\"1\"},\"filters\":[{\"name\":\"pii\",\"verdict\":\"PASS\","
            + "\"findings\":{\"EMAIL_ADDRESS\":2}}],\"note\":\"é\\n\\u0001\"}";

    @Test
    void canonicalFormSortsKeysAndDropsWhitespace() {
        Manifest m = Manifest.parse(VALID);
        String canon = m.toJson();
        assertTrue(canon.startsWith("{\"contentHash\":{\"alg\":\"SHA-256\",\"normalization\":\"NFC\""), canon);
        assertTrue(canon.contains("\"note\":\"é\\n\\u0001\""), canon);
        // Re-parsing a reformatted copy gives the same canonical form.
        String pretty = new com.google.gson.GsonBuilder().setPrettyPrinting().create().toJson(JsonParser.parseString(VALID));
        assertEquals(canon, Manifest.parse(pretty).toJson());
        assertEquals(2, m.filters().get(0).findings().get("EMAIL_ADDRESS"));
    }

    @Test
    void malformedManifestsAreRejectedWithTheMemberNamed() {
        assertThrows(IllegalArgumentException.class, () -> Manifest.parse("not json {"));
        assertThrows(IllegalArgumentException.class, () -> Manifest.parse("[]"));
        for (String member : new String[] {"spec", "contentId", "created", "contentHash", "model", "generator"}) {
            JsonObject o = JsonParser.parseString(VALID).getAsJsonObject();
            o.remove(member);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Manifest.parse(o.toString()));
            assertTrue(e.getMessage().contains(member) || e.getMessage().contains("spec"), e.getMessage());
        }
        JsonObject frac = JsonParser.parseString(VALID).getAsJsonObject();
        frac.addProperty("x", 0.5);
        assertThrows(IllegalArgumentException.class, () -> Manifest.parse(frac.toString()));
        JsonObject badFilters = JsonParser.parseString(VALID).getAsJsonObject();
        badFilters.add("filters", JsonParser.parseString("[1]"));
        assertThrows(IllegalArgumentException.class, () -> Manifest.parse(badFilters.toString()));
    }

    @Test
    void verifierReportsMalformedEmbeddedManifests() {
        ProvenanceVerifier v = ProvenanceVerifier.trusting(ProvenanceKeys.generate().getPublic());
        assertEquals(ProvenanceVerifier.Reason.MALFORMED_MANIFEST,
                v.verify("text\n\n" + Armor.BEGIN + "\n!!!\n" + Armor.END + "\n").reason());
        assertEquals(ProvenanceVerifier.Reason.MALFORMED_MANIFEST, v.verify("text\n\n" + Armor.BEGIN + "\nAAAA\n").reason());
        assertEquals(ProvenanceVerifier.Reason.MALFORMED_MANIFEST, v.verify("text" + Armor.wrap("{\"a\":1}")).reason());
        assertEquals(ProvenanceVerifier.Reason.MISSING_MANIFEST, v.verify("text", " ").reason());
        // A block quoted in the middle of a text is not its manifest.
        assertEquals(ProvenanceVerifier.Reason.MISSING_MANIFEST,
                v.verify("a" + Armor.wrap(VALID) + "and more text after it").reason());
    }

    @Test
    void contentHashIsUtf8OfNfcAndSeparatesUnpairedSurrogates() {
        assertEquals(ContentHash.sha256Hex("\u00c5"), ContentHash.sha256Hex("A\u030a"));
        assertEquals("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", ContentHash.sha256Hex("hello"));
        assertTrue(!ContentHash.sha256Hex("\ud800").equals(ContentHash.sha256Hex("\ud801")));
    }

    @Test
    void invisibleMarkerRoundTrips() {
        String id = "urn:uuid:4e9c03ce-5296-4b06-96f0-153f6a843e82";
        String m = InvisibleMarker.encode(id);
        assertEquals(18, m.codePointCount(0, m.length()));
        String text = "Label" + m + "\n\nBody";
        assertEquals(id, InvisibleMarker.find(text).orElseThrow());
        assertEquals("Label\n\nBody", InvisibleMarker.strip(text));
        assertEquals("a\ufe0fb", InvisibleMarker.strip("a\ufe0fb"), "ordinary variation selectors stay");
        assertThrows(IllegalArgumentException.class, () -> InvisibleMarker.encode("not-a-uuid"));
    }
}
