package dev.ethos.examples.cli;

import com.google.gson.JsonObject;
import dev.ethos.Generator;
import dev.ethos.Generators;
import dev.ethos.provider.djl.DjlGenerator;
import dev.ethos.safety.provenance.Watermark;
import dev.ethos.safety.provenance.WatermarkDetector;
import dev.ethos.safety.provenance.WatermarkKey;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Tests a text for the green-list watermark of a key, through the model's own tokenizer. */
@Command(name = "detect-watermark", mixinStandardHelpOptions = true,
        description = "Test a text (stdin or --in) for the watermark of --watermark-key, tokenized by the model's "
                + "tokenizer. Prints JSON: tokens, scored, green, z, p, watermarked.")
public final class DetectWatermarkCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "URI", defaultValue = "djl:builtin",
            description = "The local model whose tokenizer produced the text (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--watermark-key", paramLabel = "K", required = true,
            description = "The key used at generation: hex:…, base64:… or a passphrase of 16+ bytes.")
    String watermarkKey;

    @Option(names = "--threshold", paramLabel = "Z", defaultValue = "" + WatermarkDetector.DEFAULT_Z_THRESHOLD,
            description = "z-score at or above which the text counts as watermarked (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Mixin
    TextInput input;

    @Override
    public Integer call() throws Exception {
        if (input.jsonl) {
            throw new IllegalArgumentException("detect-watermark reads plain text; --jsonl is not supported");
        }
        Watermark wm = Watermark.ofDefaults(WatermarkKey.parse(watermarkKey));
        String text = input.readAll();
        Generator g = Generators.open(model);
        try {
            if (!(g instanceof DjlGenerator djl)) {
                throw new IllegalArgumentException("detect-watermark needs a local djl: model (its tokenizer); '" + model
                        + "' is not one");
            }
            WatermarkDetector.Detection d = wm.detector().withThreshold(threshold).detect(text, djl::encode);
            JsonObject o = new JsonObject();
            o.addProperty("tokens", d.tokens());
            o.addProperty("scored", d.scored());
            o.addProperty("green", d.green());
            o.addProperty("z", d.z());
            o.addProperty("p", d.pValue());
            o.addProperty("log10_p", d.log10P());
            o.addProperty("threshold", threshold);
            o.addProperty("watermarked", d.watermarked());
            o.addProperty("scheme", wm.schemeDescription());
            o.addProperty("key_id", wm.keyId());
            PrintWriter out = TextInput.stdout();
            out.println(JsonlProcessor.GSON.toJson(o));
            out.flush();
            return 0;
        } finally {
            if (g instanceof AutoCloseable c) {
                c.close();
            }
        }
    }
}
