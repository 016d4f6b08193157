package dev.ethos.safety.misinfo;

import java.util.Locale;

/**
 * What a misinformation flag says about a sentence. The order is the policy's precedence: when
 * several apply, the earlier one is listed first.
 */
public enum MisinfoCategory {
    /** Matches a claim that the fact-check store rates False or Misleading. */
    KNOWN_FALSE,
    /** A citation that looks invented: malformed DOI or URL, impossible year, volume, date or pages. */
    FABRICATED_CITATION,
    /** A product or practice claimed to cure or prevent a serious condition, or to replace treatment. */
    HEALTH_CURE,
    /** A secret, coordinated cover-up presented as fact. */
    CONSPIRACY,
    /** A precise-looking number or "studies show" without a checkable source. */
    UNSUPPORTED_STATISTIC,
    /** A manipulative call to action together with a sensational claim. */
    CLICKBAIT_LURE,
    /** A sentence whose numbers or names the request's source documents do not support. */
    UNSUPPORTED_BY_SOURCES;

    /** The lower-case name used in findings and JSON ({@code health_cure}, …). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The category named {@code id} (case-insensitive, '-' or ' ' for '_'). */
    public static MisinfoCategory of(String id) {
        if (id == null) {
            throw new IllegalArgumentException("category must not be null");
        }
        String key = id.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (MisinfoCategory c : values()) {
            if (c.name().equals(key)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown misinformation category '" + id + "'");
    }
}
