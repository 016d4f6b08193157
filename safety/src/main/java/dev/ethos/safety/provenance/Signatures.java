package dev.ethos.safety.provenance;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Base64;

/** Ed25519 signing and checking of manifests with the JDK's provider. */
final class Signatures {
    private Signatures() {
    }

    static Manifest sign(Manifest unsigned, ProvenanceKeys.SigningKey key) {
        Manifest header = unsigned.withSignatureHeader(key.keyId());
        try {
            Signature s = Signature.getInstance(Manifest.SIGNATURE_ALG);
            s.initSign(key.privateKey());
            s.update(header.signingInput().getBytes(StandardCharsets.UTF_8));
            return header.withSignatureValue(Base64.getEncoder().encodeToString(s.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign with key " + key.keyId() + ": " + e.getMessage(), e);
        }
    }

    /** True when the manifest's signature is a valid Ed25519 signature by {@code key}. */
    static boolean check(Manifest signed, PublicKey key) {
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(signed.signatureValue());
        } catch (IllegalArgumentException e) {
            return false;
        }
        try {
            Signature s = Signature.getInstance(Manifest.SIGNATURE_ALG);
            s.initVerify(key);
            s.update(signed.signingInput().getBytes(StandardCharsets.UTF_8));
            return s.verify(sig);
        } catch (SignatureException e) {
            return false; // a malformed signature is a bad signature
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not check an Ed25519 signature: " + e.getMessage(), e);
        }
    }
}
