package dev.ethos.examples;

import dev.ethos.Generator;
import dev.ethos.SafeGenerator;
import dev.ethos.safety.bias.BiasFilter;
import dev.ethos.safety.misinfo.MisinfoFilter;
import dev.ethos.safety.provenance.ProvenanceFilter;
import dev.ethos.safety.provenance.Watermark;
import dev.ethos.safety.pii.PiiOutputScrubber;
import dev.ethos.safety.pii.PiiPseudonymizer;

/**
 * The chains the command line and the gateway use. One place decides which filters guard a model
 * and in what order (outermost first; see {@link SafeGenerator}).
 */
public final class EthosChains {
    private EthosChains() {
    }

    /** Every built-in filter, in the recommended order. */
    public static SafeGenerator.Builder standard(Generator model) {
        return standard(model, null);
    }

    /**
     * The standard chain; with a watermark, the provenance filter hands it to the model as a logits
     * processor (local models apply it; remote ones cannot) and records it in the manifest.
     */
    public static SafeGenerator.Builder standard(Generator model, Watermark watermark) {
        SafeGenerator.Builder b = SafeGenerator.builder(model);
        // Outermost first: provenance (labels the final text), misinformation, bias, then PII
        // pseudonymisation innermost so the model never sees personal data.
        // Provenance runs without a key here: a visible label and an unsigned manifest in the
        // metadata. Configure ProvenanceFilter.builder().signingKey(...) to sign and embed manifests.
        b.filter(watermark == null ? ProvenanceFilter.ofDefaults() : ProvenanceFilter.builder().watermark(watermark).build());
        b.filter(MisinfoFilter.ofDefaults()); // flags and annotates; no fact-check store by default
        b.filter(BiasFilter.ofDefaults());
        b.filter(PiiOutputScrubber.ofDefaults()); // PII the model made up itself (the user's own passes)
        b.filter(PiiPseudonymizer.ofDefaults()); // innermost: placeholders in, originals back out
        return b;
    }
}
