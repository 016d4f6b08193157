package dev.ethos.safety.provenance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceKeysTest {
    @Test
    void pemRoundTripAndPublicKeyDerivation(@TempDir Path dir) throws Exception {
        KeyPair pair = ProvenanceKeys.generate();
        ProvenanceKeys.write(pair, dir);
        ProvenanceKeys.SigningKey sk = ProvenanceKeys.readSigningKey(dir.resolve("private.pem"));
        assertArrayEquals(pair.getPublic().getEncoded(), sk.publicKey().getEncoded());
        assertArrayEquals(pair.getPrivate().getEncoded(), sk.privateKey().getEncoded());
        assertEquals(ProvenanceKeys.keyId(pair.getPublic()), sk.keyId());
        assertEquals(ProvenanceKeys.keyId(pair.getPublic()),
                ProvenanceKeys.keyId(ProvenanceKeys.readPublicKey(dir.resolve("public.pem"))));
        assertTrue(Files.readString(dir.resolve("private.pem")).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertTrue(Files.readString(dir.resolve("public.pem")).startsWith("-----BEGIN PUBLIC KEY-----\n"));
        assertFalse(sk.toString().contains(ProvenanceKeys.privateKeyPem(sk.privateKey()).substring(28, 60)));
        assertThrows(FileAlreadyExistsException.class, () -> ProvenanceKeys.write(ProvenanceKeys.generate(), dir));
    }

    @Test
    void keyIdsDifferBetweenKeysAndAre32HexDigits() {
        String a = ProvenanceKeys.keyId(ProvenanceKeys.generate().getPublic());
        String b = ProvenanceKeys.keyId(ProvenanceKeys.generate().getPublic());
        assertNotEquals(a, b);
        assertTrue(a.matches("[0-9a-f]{32}"), a);
    }

    @Test
    void badPemIsRejectedWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProvenanceKeys.parsePrivateKey("hello"));
        assertTrue(e.getMessage().contains("BEGIN PRIVATE KEY"), e.getMessage());
        String pubPem = ProvenanceKeys.publicKeyPem(ProvenanceKeys.generate().getPublic());
        assertThrows(IllegalArgumentException.class, () -> ProvenanceKeys.parsePrivateKey(pubPem));
        assertThrows(IllegalArgumentException.class,
                () -> ProvenanceKeys.parsePublicKey("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"));
    }
}
