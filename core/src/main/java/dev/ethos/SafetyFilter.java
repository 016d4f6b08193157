package dev.ethos;

import java.util.List;

/**
 * One link of a guarded generator's chain, in the shape of OkHttp's interceptors: a filter can
 * rewrite the request before {@link Chain#proceed} (scrub PII out of what the model sees), rewrite
 * or flag the result after it, or short-circuit with {@link Chain#block} without calling the model.
 *
 * <p>A filter that only implements this interface sees the whole answer at once, so in a stream it
 * holds everything until the model has finished. Filters whose output side can work sentence by
 * sentence implement {@link TextFilter} instead, and then stream with bounded hold-back.
 *
 * <p>Filters are thread-safe and reusable; per-request state lives in local variables (or in a
 * {@link TextFilter.Session}).
 */
public interface SafetyFilter {
    /** A short, stable name used in reports, metrics and error messages ({@code "pii"}, {@code "bias"}). */
    String name();

    Generation apply(GenerationRequest request, Chain chain);

    /** The rest of the chain as seen from one filter. */
    interface Chain {
        /** The request as this filter received it. */
        GenerationRequest request();

        /** Runs the next filter, or the model when this is the last one, and returns its result. */
        Generation proceed(GenerationRequest request);

        /**
         * Records what this filter found and decided. Spans that point into the model output are in
         * the coordinates of the text {@link #proceed} returned. Without a call, the outcome is PASS, or
         * REWRITE if the filter changed the text.
         */
        void record(Verdict verdict, List<Finding> findings, String note);

        /** Ends the request here with a BLOCK outcome; the model is not called if it was not yet. */
        Generation block(String reason, List<Finding> findings);
    }
}
