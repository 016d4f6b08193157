package dev.ethos.examples.cli;

import com.google.gson.JsonObject;
import dev.ethos.safety.provenance.ProvenanceKeys;
import dev.ethos.safety.provenance.ProvenanceVerifier;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ethos verify --pubkey public.pem [--manifest FILE]}: checks a labelled text's provenance. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check a text against its signed provenance manifest (embedded at its end, or --manifest).",
            "Prints {\"valid\": true|false, \"reason\": valid|missing_manifest|malformed_manifest|unknown_key|"
                + "bad_signature|hash_mismatch, \"detail\": …}; exit status 0 when valid, 1 when not."})
public final class VerifyCommand implements Callable<Integer> {
    @Mixin
    TextInput input;

    @Option(names = "--pubkey", required = true, paramLabel = "PEM",
            description = "Trusted Ed25519 public key (X.509 PEM); repeat to trust several.")
    List<Path> pubkeys;

    @Option(names = "--manifest", paramLabel = "FILE", description = "The manifest JSON, when it is not embedded in the text.")
    Path manifest;

    @Override
    public Integer call() throws Exception {
        PublicKey[] keys = new PublicKey[pubkeys.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = ProvenanceKeys.readPublicKey(pubkeys.get(i));
        }
        ProvenanceVerifier verifier = ProvenanceVerifier.trusting(keys);
        String manifestJson = null;
        if (manifest != null) {
            if (!Files.isReadable(manifest)) {
                throw new IllegalArgumentException("cannot read --manifest " + manifest);
            }
            if (input.jsonl) {
                throw new IllegalArgumentException("--manifest cannot be used with --jsonl");
            }
            manifestJson = Files.readString(manifest, StandardCharsets.UTF_8);
        }
        PrintWriter out = TextInput.stdout();
        if (input.jsonl) {
            boolean[] allValid = {true};
            int status;
            try (var reader = input.reader()) {
                status = JsonlProcessor.run(reader, out, (text, lang, rec, result) -> {
                    ProvenanceVerifier.Verification v = verifier.verify(text);
                    allValid[0] &= v.valid();
                    fill(result, v);
                });
            }
            return status != 0 || !allValid[0] ? 1 : 0;
        }
        String text = input.readAll();
        ProvenanceVerifier.Verification v = manifestJson == null ? verifier.verify(text) : verifier.verify(text, manifestJson);
        JsonObject o = new JsonObject();
        fill(o, v);
        out.println(JsonlProcessor.GSON.toJson(o));
        out.flush();
        return v.valid() ? 0 : 1;
    }

    private static void fill(JsonObject o, ProvenanceVerifier.Verification v) {
        o.addProperty("valid", v.valid());
        o.addProperty("reason", v.reason().code());
        o.addProperty("detail", v.detail());
        v.manifestIfAny().ifPresent(m -> {
            o.addProperty("contentId", m.contentId());
            m.keyId().ifPresent(k -> o.addProperty("keyId", k));
        });
    }
}
