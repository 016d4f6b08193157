package dev.ethos.safety.provenance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Ed25519 keys for signing manifests, with the JDK's own provider: generation, PEM files (PKCS#8
 * {@code PRIVATE KEY} and X.509 {@code PUBLIC KEY}), and key ids. A key id is the first 16 bytes,
 * in hex, of the SHA-256 of the public key's X.509 encoding, so anyone holding the public key can
 * compute it and nobody can learn the key from it.
 */
public final class ProvenanceKeys {
    private static final String ALG = "Ed25519";
    private static final String PRIVATE_LABEL = "PRIVATE KEY";
    private static final String PUBLIC_LABEL = "PUBLIC KEY";

    private ProvenanceKeys() {
    }

    /** A signing key: the private key, its public key and key id. */
    public record SigningKey(PrivateKey privateKey, PublicKey publicKey, String keyId) {
        public SigningKey {
            Objects.requireNonNull(privateKey, "privateKey");
            Objects.requireNonNull(publicKey, "publicKey");
            Objects.requireNonNull(keyId, "keyId");
        }

        /** The key pair with its id computed from the public key. */
        public static SigningKey of(KeyPair pair) {
            return new SigningKey(pair.getPrivate(), pair.getPublic(), ProvenanceKeys.keyId(pair.getPublic()));
        }

        /** Never the key material. */
        @Override
        public String toString() {
            return "SigningKey[keyId=" + keyId + "]";
        }
    }

    /** A new random Ed25519 key pair. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALG).generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no Ed25519 (Java 15+ has)", e);
        }
    }

    /** The key id of {@code publicKey} (see the class comment). */
    public static String keyId(PublicKey publicKey) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded());
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /**
     * The public key of an Ed25519 private key. The JDK has no public API for this, so it regenerates
     * the pair from the private key's seed (RFC 8032 derives the public key from the seed alone) and
     * checks that the private key came out the same.
     */
    public static PublicKey publicKeyOf(PrivateKey privateKey) {
        if (!(privateKey instanceof EdECPrivateKey ed) || ed.getBytes().isEmpty()) {
            throw new IllegalArgumentException("not an Ed25519 private key: " + privateKey.getAlgorithm());
        }
        byte[] seed = ed.getBytes().get();
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(ALG);
            g.initialize(NamedParameterSpec.ED25519, new FixedSeed(seed));
            KeyPair pair = g.generateKeyPair();
            byte[] again = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
            if (!Arrays.equals(seed, again)) {
                throw new IllegalStateException("could not derive the Ed25519 public key on this JDK");
            }
            return pair.getPublic();
        } catch (NoSuchAlgorithmException | InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("this JDK has no Ed25519 (Java 15+ has)", e);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** Hands out the given seed as the generator's randomness; used once. */
    private static final class FixedSeed extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] seed;

        FixedSeed(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("unexpected request for " + bytes.length + " random bytes");
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // PEM

    public static String privateKeyPem(PrivateKey key) {
        return pem(PRIVATE_LABEL, key.getEncoded());
    }

    public static String publicKeyPem(PublicKey key) {
        return pem(PUBLIC_LABEL, key.getEncoded());
    }

    /** An Ed25519 private key from PKCS#8 PEM text ({@code -----BEGIN PRIVATE KEY-----}). */
    public static PrivateKey parsePrivateKey(String pem) {
        byte[] der = unpem(pem, PRIVATE_LABEL);
        try {
            return KeyFactory.getInstance(ALG).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 PKCS#8 private key: " + e.getMessage(), e);
        }
    }

    /** An Ed25519 public key from X.509 PEM text ({@code -----BEGIN PUBLIC KEY-----}). */
    public static PublicKey parsePublicKey(String pem) {
        byte[] der = unpem(pem, PUBLIC_LABEL);
        try {
            return KeyFactory.getInstance(ALG).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 X.509 public key: " + e.getMessage(), e);
        }
    }

    /** The signing key in a PKCS#8 PEM file, with its public key and key id. */
    public static SigningKey readSigningKey(Path privatePem) throws IOException {
        PrivateKey k = parsePrivateKey(read(privatePem));
        PublicKey pub = publicKeyOf(k);
        return new SigningKey(k, pub, keyId(pub));
    }

    public static PublicKey readPublicKey(Path publicPem) throws IOException {
        return parsePublicKey(read(publicPem));
    }

    /**
     * Writes {@code private.pem} (owner-only permissions where the file system has them) and
     * {@code public.pem} into {@code dir}, creating it; refuses to overwrite existing files.
     */
    public static void write(KeyPair pair, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path priv = dir.resolve("private.pem");
        Path pub = dir.resolve("public.pem");
        for (Path p : new Path[] {priv, pub}) {
            if (Files.exists(p)) {
                throw new FileAlreadyExistsException(p + " exists; not overwriting a key");
            }
        }
        try {
            Files.createFile(priv, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(priv);
        }
        Files.writeString(priv, privateKeyPem(pair.getPrivate()), StandardCharsets.US_ASCII);
        Files.writeString(pub, publicKeyPem(pair.getPublic()), StandardCharsets.US_ASCII);
    }

    private static String read(Path p) throws IOException {
        if (!Files.isReadable(p)) {
            throw new IllegalArgumentException("cannot read key file " + p);
        }
        return Files.readString(p, StandardCharsets.US_ASCII);
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static byte[] unpem(String pem, String label) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int b = pem.indexOf(begin);
        int e = b < 0 ? -1 : pem.indexOf(end, b);
        if (b < 0 || e < 0) {
            throw new IllegalArgumentException("expected a PEM block '" + begin + "'");
        }
        try {
            return Base64.getMimeDecoder().decode(pem.substring(b + begin.length(), e).strip());
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("bad base64 in the PEM block '" + begin + "'", ex);
        }
    }
}
