package dev.ethos.examples.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.ethos.text.Languages;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;

/**
 * The {@code --jsonl} modes' shared loop. Input lines: {@code {"id": <any JSON>, "text": "...",
 * "lang": "en"|"zh"}} ({@code lang} optional, detected when absent). Each record's output keeps
 * {@code id} and every input key the command does not set itself (other keys are echoed). A
 * malformed line yields {@code {"id"?, "error": "line N: …"}}, processing goes on, and the run
 * returns exit status 1 at the end. Blank lines are skipped.
 */
public final class JsonlProcessor {
    /** One record's work: fill {@code out} from the text. */
    @FunctionalInterface
    public interface RecordHandler {
        void handle(String text, String lang, JsonObject in, JsonObject out);
    }

    static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private JsonlProcessor() {
    }

    /** Processes every line of {@code in}; returns 0, or 1 if any line was malformed or failed. */
    public static int run(BufferedReader in, PrintWriter out, RecordHandler handler) throws IOException {
        int status = 0;
        int lineNo = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            JsonObject result = new JsonObject();
            JsonObject rec = null;
            try {
                JsonElement parsed = JsonParser.parseString(line);
                if (!parsed.isJsonObject()) {
                    throw new IllegalArgumentException("expected a JSON object");
                }
                rec = parsed.getAsJsonObject();
                if (rec.has("id")) {
                    result.add("id", rec.get("id"));
                }
                JsonElement textEl = rec.get("text");
                if (textEl == null || !textEl.isJsonPrimitive() || !textEl.getAsJsonPrimitive().isString()) {
                    throw new IllegalArgumentException("\"text\" must be a string");
                }
                String text = textEl.getAsString();
                String lang;
                JsonElement langEl = rec.get("lang");
                if (langEl == null || langEl.isJsonNull()) {
                    lang = Languages.detect(text);
                } else if (langEl.isJsonPrimitive() && langEl.getAsJsonPrimitive().isString()
                        && (langEl.getAsString().equals("en") || langEl.getAsString().equals("zh"))) {
                    lang = langEl.getAsString();
                } else {
                    throw new IllegalArgumentException("\"lang\" must be \"en\" or \"zh\"");
                }
                JsonObject produced = new JsonObject();
                handler.handle(text, lang, rec, produced);
                for (Map.Entry<String, JsonElement> e : rec.entrySet()) {
                    if (!produced.has(e.getKey()) && !e.getKey().equals("id")) {
                        result.add(e.getKey(), e.getValue());
                    }
                }
                for (Map.Entry<String, JsonElement> e : produced.entrySet()) {
                    result.add(e.getKey(), e.getValue());
                }
            } catch (JsonParseException | IllegalArgumentException | IllegalStateException e) {
                status = 1;
                result = new JsonObject();
                if (rec != null && rec.has("id")) {
                    result.add("id", rec.get("id"));
                }
                result.addProperty("error", "line " + lineNo + ": " + message(e));
            }
            out.println(GSON.toJson(result));
        }
        out.flush();
        return status;
    }

    private static String message(RuntimeException e) {
        if (e instanceof JsonParseException) {
            Throwable c = e.getCause() != null ? e.getCause() : e;
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("column (\\d+)")
                    .matcher(String.valueOf(c.getMessage()));
            return m.find() ? "malformed JSON at column " + m.group(1) : "malformed JSON";
        }
        return e.getMessage();
    }
}
