package dev.ethos.safety.misinfo;

import java.util.Locale;
import java.util.Objects;

/**
 * One fact-check: the claim reviewed, its language ("en" or "zh"), the rating, the URL of the
 * review and its publication date (ISO text, may be empty). Immutable.
 */
public record FactCheck(String claim, String lang, Rating rating, String url, String datePublished) {
    public FactCheck {
        if (claim == null || claim.isBlank()) {
            throw new IllegalArgumentException("a fact-check needs a non-blank claim");
        }
        Objects.requireNonNull(rating, "rating");
        lang = lang == null || lang.isBlank() ? dev.ethos.text.Languages.detect(claim) : lang.trim().toLowerCase(Locale.ROOT);
        if (!lang.equals("en") && !lang.equals("zh")) {
            throw new IllegalArgumentException("fact-check language must be en or zh, got '" + lang + "' for claim '"
                    + claim + "'");
        }
        url = url == null ? "" : url;
        datePublished = datePublished == null ? "" : datePublished;
    }

    /** A review's verdict on the claim. */
    public enum Rating {
        TRUE, FALSE, MISLEADING, OTHER;

        /** Only False and Misleading claims make a matching sentence a flag. */
        public boolean flags() {
            return this == FALSE || this == MISLEADING;
        }

        /**
         * Reads a ClaimReview {@code alternateName} ("False", "Mostly false", "Misleading", "True",
         * "Pants on Fire", "错误", "误导", "正确", …); anything else is {@link #OTHER}.
         */
        public static Rating parse(String name) {
            if (name == null) {
                return OTHER;
            }
            String s = name.trim().toLowerCase(Locale.ROOT);
            if (s.isEmpty()) {
                return OTHER;
            }
            if (s.contains("mislead") || s.contains("misleading") || s.contains("误导") || s.contains("half")
                    || s.contains("missing context") || s.contains("out of context") || s.contains("部分")) {
                return MISLEADING;
            }
            if (s.contains("false") || s.contains("fake") || s.contains("pants on fire") || s.contains("incorrect")
                    || s.contains("wrong") || s.contains("错误") || s.contains("不实") || s.contains("谣言")
                    || s.contains("假")) {
                return FALSE;
            }
            if (s.equals("true") || s.equals("correct") || s.equals("mostly true") || s.equals("accurate")
                    || s.contains("正确") || s.equals("真") || s.equals("属实")) {
                return TRUE;
            }
            return OTHER;
        }
    }
}
