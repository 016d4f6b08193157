package dev.ethos.safety.misinfo;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads fact-checks from ClaimReview-style JSON. Accepted layouts:
 * <ul>
 *   <li>JSON Lines: one object per line (blank lines skipped);</li>
 *   <li>a JSON array of objects, or one object, or an object with {@code "@graph"} or
 *       {@code "claims"} holding the array.</li>
 * </ul>
 * Each object is either a schema.org {@code ClaimReview} ({@code claimReviewed},
 * {@code reviewRating.alternateName}, {@code url}, {@code datePublished}, language in {@code lang},
 * {@code inLanguage} or {@code language}; missing language is detected from the claim), or a
 * Google Fact Check Tools claim ({@code text} with a {@code claimReview} array of
 * {@code textualRating}, {@code url}, {@code reviewDate}, {@code languageCode}; one fact-check per
 * review). A malformed record fails with a message naming the file and line.
 */
public final class FactCheckLoader {
    private FactCheckLoader() {
    }

    /** Reads one UTF-8 file. */
    public static List<FactCheck> read(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read fact-check file " + file);
        }
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Parses {@code content}; {@code source} names it in error messages. */
    public static List<FactCheck> parse(String content, String source) {
        String trimmed = content.strip();
        if (trimmed.startsWith("\uFEFF")) {
            trimmed = trimmed.substring(1);
        }
        List<FactCheck> out = new ArrayList<>();
        if (trimmed.isEmpty()) {
            return out;
        }
        if (trimmed.startsWith("[") || looksLikeSingleDocument(trimmed)) {
            JsonElement root;
            try {
                root = JsonParser.parseString(trimmed);
            } catch (JsonParseException e) {
                throw new IllegalArgumentException(source + ": malformed JSON (" + e.getMessage() + ")", e);
            }
            collect(root, source, 0, out);
            return out;
        }
        String[] lines = trimmed.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            JsonElement el;
            try {
                el = JsonParser.parseString(line);
            } catch (JsonParseException e) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": malformed JSON (" + e.getMessage()
                        + ")", e);
            }
            collect(el, source, i + 1, out);
        }
        return out;
    }

    /** A single JSON document spanning several lines (pretty-printed), as opposed to JSON Lines. */
    private static boolean looksLikeSingleDocument(String s) {
        if (!s.startsWith("{")) {
            return false;
        }
        int nl = s.indexOf('\n');
        if (nl < 0) {
            return true;
        }
        try {
            JsonParser.parseString(s.substring(0, nl));
            return false;
        } catch (JsonParseException e) {
            return true;
        }
    }

    private static void collect(JsonElement el, String source, int line, List<FactCheck> out) {
        String where = line > 0 ? source + " line " + line : source;
        if (el.isJsonArray()) {
            for (JsonElement e : el.getAsJsonArray()) {
                collect(e, source, line, out);
            }
            return;
        }
        if (!el.isJsonObject()) {
            throw new IllegalArgumentException(where + ": expected a JSON object, got " + el);
        }
        JsonObject o = el.getAsJsonObject();
        if (o.has("@graph") && o.get("@graph").isJsonArray()) {
            collect(o.get("@graph"), source, line, out);
            return;
        }
        if (o.has("claims") && o.get("claims").isJsonArray()) {
            collect(o.get("claims"), source, line, out);
            return;
        }
        if (o.has("claimReview") && o.get("claimReview").isJsonArray()) {
            String claim = string(o, "text");
            if (claim == null) {
                throw new IllegalArgumentException(where + ": a claim with claimReview needs \"text\"");
            }
            JsonArray reviews = o.getAsJsonArray("claimReview");
            for (JsonElement r : reviews) {
                if (!r.isJsonObject()) {
                    throw new IllegalArgumentException(where + ": claimReview items must be objects");
                }
                JsonObject ro = r.getAsJsonObject();
                out.add(make(where, claim, first(ro, "languageCode", "inLanguage", "lang"),
                        first(ro, "textualRating", "alternateName"), string(ro, "url"),
                        first(ro, "reviewDate", "datePublished")));
            }
            return;
        }
        String claim = string(o, "claimReviewed");
        if (claim == null) {
            throw new IllegalArgumentException(where + ": missing \"claimReviewed\"");
        }
        String rating = null;
        JsonElement rr = o.get("reviewRating");
        if (rr != null && rr.isJsonObject()) {
            rating = first(rr.getAsJsonObject(), "alternateName", "name", "ratingExplanation");
        } else if (rr != null && rr.isJsonPrimitive()) {
            rating = rr.getAsString();
        }
        if (rating == null) {
            throw new IllegalArgumentException(where + ": missing \"reviewRating.alternateName\" for claim '" + claim
                    + "'");
        }
        out.add(make(where, claim, first(o, "lang", "inLanguage", "language"), rating, string(o, "url"),
                string(o, "datePublished")));
    }

    private static FactCheck make(String where, String claim, String lang, String rating, String url, String date) {
        if (lang != null && lang.length() > 2) {
            lang = lang.substring(0, 2); // zh-CN, en-US
        }
        try {
            return new FactCheck(claim, lang, FactCheck.Rating.parse(rating), url, date);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static String first(JsonObject o, String... keys) {
        for (String k : keys) {
            String v = string(o, k);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (e.isJsonObject() && e.getAsJsonObject().has("name")) {
            return string(e.getAsJsonObject(), "name"); // inLanguage: {"name": "en"}
        }
        return e.isJsonPrimitive() ? e.getAsString() : null;
    }
}
