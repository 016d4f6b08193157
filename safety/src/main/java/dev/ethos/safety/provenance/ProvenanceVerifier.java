package dev.ethos.safety.provenance;

import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a text against its manifest: finds the manifest (embedded at the end of the text, or given
 * beside it), removes an embedded one, and checks, in this order, that the manifest is well formed,
 * that it was signed by a trusted key, that the signature is valid, and that the SHA-256 of the
 * NFC-normalised remaining text equals the manifest's content hash.
 *
 * <pre>{@code
 * ProvenanceVerifier v = ProvenanceVerifier.trusting(ProvenanceKeys.readPublicKey(Path.of("public.pem")));
 * Verification r = v.verify(text);
 * if (!r.valid()) System.out.println(r.reason() + ": " + r.detail());
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class ProvenanceVerifier {
    /** Why a text did or did not verify. */
    public enum Reason {
        /** The manifest is signed by a trusted key and its hash matches the text. */
        VALID,
        /** No manifest is embedded in the text and none was given. */
        MISSING_MANIFEST,
        /** A manifest was found but cannot be read (damaged armour, bad JSON, a member missing). */
        MALFORMED_MANIFEST,
        /** The manifest is signed by a key that is not trusted here. */
        UNKNOWN_KEY,
        /** The manifest is unsigned, or its signature does not match it (the manifest was changed). */
        BAD_SIGNATURE,
        /** The manifest is authentic but the text is not the one it describes (the text was changed). */
        HASH_MISMATCH;

        /** The reason in lower snake case, as the command line prints it. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The answer.
     *
     * @param reason why it is or is not valid
     * @param detail a sentence for humans
     * @param manifest the manifest that was checked, when one could be read (also when invalid:
     *     treat its contents as unverified then)
     */
    public record Verification(Reason reason, String detail, Manifest manifest) {
        public Verification {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        public boolean valid() {
            return reason == Reason.VALID;
        }

        public Optional<Manifest> manifestIfAny() {
            return Optional.ofNullable(manifest);
        }
    }

    private final Map<String, PublicKey> trusted;

    private ProvenanceVerifier(Map<String, PublicKey> trusted) {
        this.trusted = Map.copyOf(trusted);
    }

    /** A verifier that trusts manifests signed by any of {@code keys}. */
    public static ProvenanceVerifier trusting(PublicKey... keys) {
        Map<String, PublicKey> m = new LinkedHashMap<>();
        for (PublicKey k : keys) {
            Objects.requireNonNull(k, "public key");
            if (!"Ed25519".equals(k.getAlgorithm()) && !"EdDSA".equals(k.getAlgorithm())) {
                throw new IllegalArgumentException("trusted keys must be Ed25519, got " + k.getAlgorithm());
            }
            m.put(ProvenanceKeys.keyId(k), k);
        }
        return new ProvenanceVerifier(m);
    }

    /** Verifies a text that carries its manifest embedded at its end. */
    public Verification verify(String text) {
        Objects.requireNonNull(text, "text");
        Optional<Armor.Split> split = Armor.split(text);
        if (split.isEmpty()) {
            return new Verification(Reason.MISSING_MANIFEST, "the text carries no embedded manifest", null);
        }
        Armor.Split s = split.get();
        if (s.manifestJson() == null) {
            return new Verification(Reason.MALFORMED_MANIFEST, s.problem(), null);
        }
        return check(s.body(), s.manifestJson());
    }

    /**
     * Verifies a text against a manifest given beside it. An embedded manifest in the text, if any,
     * is removed first (it is not part of what was hashed) and otherwise ignored.
     */
    public Verification verify(String text, String manifestJson) {
        Objects.requireNonNull(text, "text");
        if (manifestJson == null || manifestJson.isBlank()) {
            return new Verification(Reason.MISSING_MANIFEST, "no manifest was given", null);
        }
        return check(stripManifest(text), manifestJson);
    }

    /** {@code text} without its embedded manifest block: the text the manifest's hash covers. */
    public static String stripManifest(String text) {
        return Armor.split(text).map(Armor.Split::body).orElse(text);
    }

    /** The embedded manifest's JSON, if the text ends with a readable one. */
    public static Optional<String> embeddedManifest(String text) {
        return Armor.split(text).map(Armor.Split::manifestJson);
    }

    private Verification check(String body, String manifestJson) {
        Manifest m;
        try {
            m = Manifest.parse(manifestJson);
        } catch (IllegalArgumentException e) {
            return new Verification(Reason.MALFORMED_MANIFEST, e.getMessage(), null);
        }
        if (!m.signed()) {
            return new Verification(Reason.BAD_SIGNATURE, "the manifest is not signed", m);
        }
        String keyId = m.keyId().orElseThrow();
        PublicKey key = trusted.get(keyId);
        if (key == null) {
            return new Verification(Reason.UNKNOWN_KEY, "signed by key " + keyId + ", which is not trusted here", m);
        }
        if (!Manifest.SIGNATURE_ALG.equals(m.signatureAlg())) {
            return new Verification(Reason.BAD_SIGNATURE, "unsupported signature algorithm " + m.signatureAlg(), m);
        }
        if (!Signatures.check(m, key)) {
            return new Verification(Reason.BAD_SIGNATURE, "the signature does not match the manifest (key " + keyId + ")", m);
        }
        String hash = ContentHash.sha256Hex(body);
        if (!hash.equals(m.contentHash())) {
            return new Verification(Reason.HASH_MISMATCH, "the text's SHA-256 is " + hash + ", the manifest says "
                    + m.contentHash(), m);
        }
        return new Verification(Reason.VALID, "signed by key " + keyId + "; the text is unchanged", m);
    }
}
