package dev.ethos.examples.cli;

import dev.ethos.safety.provenance.ProvenanceKeys;
import dev.ethos.safety.provenance.WatermarkKey;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ethos keygen --out DIR}: a new Ed25519 key pair for signing provenance manifests. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = {"Create an Ed25519 key pair for signing provenance manifests: DIR/private.pem (PKCS#8, "
                + "keep it secret) and DIR/public.pem (X.509, give it to verifiers).",
            "Existing files are never overwritten."})
public final class KeygenCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write the keys into (created if missing).")
    Path out;

    @Option(names = "--watermark", description = "Also write DIR/watermark.key: a random 32-byte watermark key (hex:…).")
    boolean watermark;

    @Override
    public Integer call() throws Exception {
        Path wmFile = out.resolve("watermark.key");
        if (watermark && Files.exists(wmFile)) {
            throw new FileAlreadyExistsException(wmFile + " exists; not overwriting a key");
        }
        KeyPair pair = ProvenanceKeys.generate();
        ProvenanceKeys.write(pair, out);
        PrintWriter pw = TextInput.stdout();
        pw.println("wrote " + out.resolve("private.pem") + " (keep secret) and " + out.resolve("public.pem"));
        pw.println("key id " + ProvenanceKeys.keyId(pair.getPublic()));
        if (watermark) {
            byte[] k = new byte[32];
            new java.security.SecureRandom().nextBytes(k);
            Files.writeString(wmFile, "hex:" + HexFormat.of().formatHex(k) + "\n", StandardCharsets.US_ASCII);
            pw.println("wrote " + wmFile + " (keep secret); watermark key id " + WatermarkKey.of(k).keyId());
        }
        pw.flush();
        return 0;
    }
}
