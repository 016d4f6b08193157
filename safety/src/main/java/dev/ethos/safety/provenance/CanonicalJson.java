package dev.ethos.safety.provenance;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The canonical serialisation that manifests are signed over: the JSON Canonicalization Scheme
 * (RFC 8785) restricted to what manifests contain: object members sorted by their names' UTF-16
 * code units, no insignificant whitespace, strings with only the mandatory escapes, and integers
 * only (a manifest never carries fractions, so number formatting cannot differ between writers).
 */
final class CanonicalJson {
    private CanonicalJson() {
    }

    static String write(JsonElement e) {
        StringBuilder sb = new StringBuilder(256);
        write(e, sb);
        return sb.toString();
    }

    private static void write(JsonElement e, StringBuilder sb) {
        if (e == null || e.isJsonNull()) {
            sb.append("null");
        } else if (e.isJsonObject()) {
            JsonObject o = e.getAsJsonObject();
            List<String> keys = new ArrayList<>(o.keySet());
            keys.sort(null); // String.compareTo orders by UTF-16 code units, as RFC 8785 asks
            sb.append('{');
            boolean first = true;
            for (String k : keys) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(k, sb);
                sb.append(':');
                write(o.get(k), sb);
            }
            sb.append('}');
        } else if (e.isJsonArray()) {
            JsonArray a = e.getAsJsonArray();
            sb.append('[');
            for (int i = 0; i < a.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                write(a.get(i), sb);
            }
            sb.append(']');
        } else {
            JsonPrimitive p = e.getAsJsonPrimitive();
            if (p.isBoolean()) {
                sb.append(p.getAsBoolean());
            } else if (p.isNumber()) {
                BigDecimal d = p.getAsBigDecimal();
                try {
                    sb.append(d.longValueExact());
                } catch (ArithmeticException ex) {
                    throw new IllegalArgumentException("manifests carry integers only, got " + p.getAsString());
                }
            } else {
                string(p.getAsString(), sb);
            }
        }
    }

    private static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** A deep copy of {@code o} without the members named in {@code drop} (top level only). */
    static JsonObject without(JsonObject o, String... drop) {
        JsonObject copy = o.deepCopy();
        for (String d : drop) {
            copy.remove(d);
        }
        return copy;
    }

    static JsonObject object(Map<String, ? extends JsonElement> members) {
        JsonObject o = new JsonObject();
        members.forEach(o::add);
        return o;
    }
}
