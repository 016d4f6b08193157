package dev.ethos.safety.pii.internal;

import dev.ethos.safety.pii.PiiCandidate;
import dev.ethos.safety.pii.PiiText;
import dev.ethos.safety.pii.Recognizer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Credentials: AWS access key ids ({@code AKIA}/{@code ASIA} + 16), GitHub tokens ({@code ghp_}, {@code gho_},
 * {@code ghu_}, {@code ghs_}, {@code ghr_} + 36, {@code github_pat_…}), Slack tokens ({@code xoxb-}, {@code xoxp-} …),
 * JWTs (three base64url parts whose header decodes to JSON with "alg"), PEM private-key blocks, the value after
 * {@code password:}/{@code passwd=}/{@code 密码：}-style labels (not the label, not quotes, not placeholders such
 * as {@code ********}), and high-entropy tokens right after key words (api key, secret, token, 密钥, 令牌 …).
 */
public final class SecretRecognizer implements Recognizer {
    private static final String[] PASSWORD_LABELS = {"password", "passwd", "passphrase", "pwd", "pass", "密码", "口令"};
    private static final String[] KEY_LABELS = {"api key", "api_key", "apikey", "api-key", "secret", "secret key",
        "secret_key", "access token", "access_token", "auth token", "token", "client secret", "client_secret",
        "private key", "bearer", "密钥", "令牌", "秘钥", "私钥"};

    private static final Keywords PASSWORD_KEYWORDS = new Keywords(PASSWORD_LABELS);
    private static final Keywords KEY_KEYWORDS = new Keywords(KEY_LABELS);

    /** STARTS[c << 7 | d]: some fixed-prefix secret starts with the ASCII chars c, d. */
    private static final boolean[] STARTS = new boolean[128 * 128];

    static {
        for (String p : new String[] {"AK", "AS", "AI", "gh", "gi", "xo", "ey", "--", "sk", "rk"}) {
            STARTS[p.charAt(0) << 7 | p.charAt(1)] = true;
        }
    }

    @Override
    public String name() {
        return "secret";
    }

    @Override
    public Set<String> types() {
        return Set.of("SECRET");
    }

    private static boolean tokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    @Override
    public void analyze(PiiText t, List<PiiCandidate> out) {
        String s = t.normalized();
        char[] cs = t.chars();
        int n = s.length();
        int nextEnd = -2; // -2: not looked for yet; the next "-----END " at or after the last BEGIN looked at; -1 when there is none
        for (int i = 0; i < n; i++) {
            char c = cs[i];
            // Every prefix below fixes its first two chars (AKIA/ASIA/AIza, gh…/github_pat_, xox…, eyJ, -----BEGIN,
            // sk…/rk…): one table look-up turns away every other position.
            char c1 = i + 1 < n ? cs[i + 1] : 0;
            if ((c | c1) >= 128 || !STARTS[c << 7 | c1]) {
                continue;
            }
            if (t.isWordChar(i - 1) && c != 'e') {
                continue;
            }
            int end = -1;
            if (c == 'A' && i + 20 <= n && (s.startsWith("AKIA", i) || s.startsWith("ASIA", i))) {
                end = run(s, i + 4, 16, true);
                end = end == i + 20 ? end : -1;
            } else if (c == 'g' && i + 40 <= n && s.startsWith("gh", i) && "pousr".indexOf(cs[i + 2]) >= 0
                    && cs[i + 3] == '_') {
                int e = i + 4;
                while (e < n && t.isAsciiAlnum(e)) {
                    e++;
                }
                end = e - i - 4 >= 36 && e - i - 4 <= 255 ? e : -1;
            } else if (c == 'g' && s.startsWith("github_pat_", i)) {
                int e = i + 11;
                while (e < n && (t.isAsciiAlnum(e) || cs[e] == '_')) {
                    e++;
                }
                end = e - i >= 40 ? e : -1;
            } else if (c == 'x' && i + 15 <= n && s.startsWith("xox", i) && "baprse".indexOf(cs[i + 3]) >= 0
                    && cs[i + 4] == '-') {
                int e = i + 5;
                while (e < n && (t.isAsciiAlnum(e) || cs[e] == '-')) {
                    e++;
                }
                end = e - i >= 20 ? e : -1;
            } else if (c == 'A' && s.startsWith("AIza", i)) {
                end = tokenRun(t, i + 4) - i - 4 == 35 ? i + 39 : -1;
            } else if ((c == 's' || c == 'r') && (s.startsWith("sk_live_", i) || s.startsWith("rk_live_", i)
                    || s.startsWith("sk_test_", i))) {
                int e = tokenRun(t, i + 8);
                end = e - i - 8 >= 20 ? e : -1;
            } else if (c == 's' && s.startsWith("sk-", i)) {
                int e = tokenRun(t, i + 3);
                end = e - i - 3 >= 32 && highEntropy(s, i + 3, e) ? e : -1;
            } else if (c == 'e' && s.startsWith("eyJ", i) && !t.isWordChar(i - 1)) {
                end = jwt(t, i);
            } else if (c == '-' && s.startsWith("-----BEGIN ", i)) {
                if (nextEnd == -2 || (nextEnd >= 0 && nextEnd < i)) {
                    nextEnd = s.indexOf("-----END ", i);
                }
                end = nextEnd < 0 ? -1 : pem(s, i, nextEnd);
            }
            if (end > i && !t.isWordChar(end)) {
                out.add(new PiiCandidate("SECRET", i, end, 0.95, name()));
                i = end;
            }
        }
        labelled(t, out, PASSWORD_KEYWORDS, false);
        labelled(t, out, KEY_KEYWORDS, true);
    }

    /** End of the run of letters, digits, '_' and '-' from {@code from}. */
    private static int tokenRun(PiiText t, int from) {
        String s = t.normalized();
        char[] cs = t.chars();
        int e = from;
        while (e < s.length() && e - from < 300 && tokenChar(cs[e])) {
            e++;
        }
        return e;
    }

    private static int run(String s, int from, int len, boolean upperDigits) {
        int e = from;
        while (e < s.length() && e - from < len) {
            char c = s.charAt(e);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                break;
            }
            e++;
        }
        return e;
    }

    private static int jwt(PiiText t, int i) {
        String s = t.normalized();
        char[] cs = t.chars();
        int n = s.length();
        int e = i;
        int dots = 0;
        int partStart = i;
        int headerEnd = -1;
        while (e < n) {
            char c = cs[e];
            if (tokenChar(c)) {
                e++;
            } else if (c == '.' && dots < 2 && e > partStart && e + 1 < n && (tokenChar(cs[e + 1]) || dots == 1)) {
                if (dots == 0) {
                    headerEnd = e;
                }
                dots++;
                e++;
                partStart = e;
            } else {
                break;
            }
        }
        if (dots < 2 || headerEnd < 0) {
            return -1;
        }
        try {
            String header = new String(Base64.getUrlDecoder().decode(pad(s.substring(i, headerEnd))), StandardCharsets.UTF_8);
            return header.contains("\"alg\"") || header.contains("\"typ\"") ? e : -1;
        } catch (IllegalArgumentException ex) {
            return -1;
        }
    }

    private static String pad(String b64) {
        int r = b64.length() % 4;
        return r == 2 ? b64 + "==" : r == 3 ? b64 + "=" : b64;
    }

    /** A PEM private-key block from its BEGIN line at {@code i} to the matching END at {@code end}. */
    private static int pem(String s, int i, int end) {
        int headEnd = -1;
        for (int k = i + 11; k < Math.min(s.length() - 4, i + 71); k++) {
            if (s.startsWith("-----", k)) {
                headEnd = k;
                break;
            }
        }
        if (headEnd < 0) {
            return -1;
        }
        String head = s.substring(i + 11, headEnd);
        if (!head.endsWith("PRIVATE KEY") || end < headEnd || end - i > 20_000
                || !s.startsWith("-----END " + head + "-----", end)) {
            return -1;
        }
        return end + 14 + head.length();
    }

    /** The value after a label and a separator (":", "=", "：", " is "), trimmed of quotes and punctuation. */
    private void labelled(PiiText t, List<PiiCandidate> out, Keywords labels, boolean needsEntropy) {
        char[] lower = t.lowerChars();
        String s = t.normalized();
        char[] cs = t.chars();
        int n = s.length();
        labels.scan(t.lowerChars(), (k, label) -> {
            if (label.charAt(0) < 0x80 && t.isWordChar(k - 1) && !(k > 0 && cs[k - 1] == '_')) {
                return;
            }
            int j = k + label.length();
            // Allow a key name to go on after '_' or '-': PASSWORD_DB, api_key_id … (not "passport").
            if (j < n && (cs[j] == '_' || cs[j] == '-') && t.isAsciiAlnum(j + 1)) {
                while (j < n && j - k < 40 && (t.isAsciiAlnum(j) || cs[j] == '_' || cs[j] == '-')) {
                    j++;
                }
            } else if (label.charAt(0) < 0x80 && t.isAsciiAlnum(j)) {
                return;
            }
            j = skip(s, j, " \t\"'`");
            int sepStart = j;
            if (j < n && (cs[j] == ':' || cs[j] == '=')) {
                j++;
                if (j < n && cs[j] == '=') {
                    j++;
                }
            } else if (j + 3 <= n && lower[j] == 'i' && lower[j + 1] == 's' && lower[j + 2] == ' ') {
                j += 3;
            } else if (j < n && (lower[j] == '为' || lower[j] == '是')) {
                j += 1;
            } else if (!((label.equals("bearer") || needsEntropy) && sepStart > k + label.length())) {
                return;
            }
            while (j < n && (cs[j] == ' ' || cs[j] == '\t')) {
                j++;
            }
            char quote = j < n && "\"'`".indexOf(cs[j]) >= 0 ? cs[j] : 0;
            if (quote != 0) {
                j++;
            }
            int vs = j;
            int ve;
            if (quote != 0) {
                int close = vs;
                while (close < n && close - vs <= 200 && cs[close] != quote && cs[close] != '\n') {
                    close++;
                }
                if (close >= n || cs[close] != quote) {
                    return;
                }
                ve = close;
            } else {
                while (j < n && j - vs < 200 && valueChar(cs[j])) {
                    j++;
                }
                ve = j;
                while (ve > vs && ".,;:!?)]}\"'`".indexOf(cs[ve - 1]) >= 0) {
                    ve--;
                }
            }
            if (ve - vs < 4 || placeholder(s, vs, ve)) {
                return;
            }
            if (needsEntropy && !highEntropy(s, vs, ve)) {
                return;
            }
            if (!needsEntropy && isWordOnly(s, vs, ve)) {
                return;
            }
            out.add(new PiiCandidate("SECRET", vs, ve, needsEntropy ? 0.8 : 0.9, name()));
        });
    }

    private static int skip(String s, int j, String chars) {
        while (j < s.length() && chars.indexOf(s.charAt(j)) >= 0) {
            j++;
        }
        return j;
    }

    private static boolean valueChar(char c) {
        return c > ' ' && c < 0x7F && c != '"' && c != '\'' && c != '`' && c != ',' && c != '<' && c != '>';
    }

    private static boolean placeholder(String s, int vs, int ve) {
        String v = s.substring(vs, ve);
        if (v.chars().allMatch(ch -> ch == '*' || ch == 'x' || ch == 'X' || ch == '•' || ch == '.' || ch == '#' || ch == '-')) {
            return true;
        }
        String l = v.toLowerCase(java.util.Locale.ROOT);
        return l.startsWith("{") || l.startsWith("$") || l.startsWith("<") || l.startsWith("%") || l.equals("redacted")
                || l.equals("none") || l.equals("null") || l.equals("hidden") || l.equals("required")
                || l.equals("changeme") || l.equals("example") || l.startsWith("[") || l.equals("true") || l.equals("false");
    }

    /** A plain word ("password: required", "password is incorrect") is no password. */
    private static boolean isWordOnly(String s, int vs, int ve) {
        for (int i = vs; i < ve; i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    /** At least 16 chars, letters and digits mixed, Shannon entropy >= 3.5 bits per char. */
    static boolean highEntropy(String s, int vs, int ve) {
        int len = ve - vs;
        if (len < 16) {
            return false;
        }
        int[] counts = new int[128];
        boolean digit = false;
        boolean letter = false;
        for (int i = vs; i < ve; i++) {
            char c = s.charAt(i);
            if (c >= 128) {
                return false;
            }
            counts[c]++;
            digit |= c >= '0' && c <= '9';
            letter |= Character.isLetter(c);
        }
        if (!digit || !letter) {
            return false;
        }
        double h = 0;
        for (int k : counts) {
            if (k > 0) {
                double p = (double) k / len;
                h -= p * Math.log(p) / Math.log(2);
            }
        }
        return h >= 3.5;
    }
}
