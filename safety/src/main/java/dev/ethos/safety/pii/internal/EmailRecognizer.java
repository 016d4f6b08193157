package dev.ethos.safety.pii.internal;

import dev.ethos.safety.pii.PiiCandidate;
import dev.ethos.safety.pii.PiiText;
import dev.ethos.safety.pii.Recognizer;
import java.util.List;
import java.util.Set;

/**
 * E-mail addresses: found from each {@code @} by bounded scans left (local part, at most 64 chars)
 * and right (domain, at most 253 chars); the domain needs at least two labels, no label may start
 * or end with '-', and the top-level label is 2-24 letters. Linear time, no regular expression.
 */
public final class EmailRecognizer implements Recognizer {
    @Override
    public String name() {
        return "email";
    }

    @Override
    public Set<String> types() {
        return Set.of("EMAIL_ADDRESS");
    }

    private static boolean localChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
                || c == '%' || c == '+' || c == '-' || c == '\'';
    }

    private static boolean domainChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
    }

    @Override
    public void analyze(PiiText t, List<PiiCandidate> out) {
        String s = t.normalized();
        char[] cs = t.chars();
        int at = s.indexOf('@');
        int lastEnd = 0;
        while (at >= 0) {
            int l = at;
            while (l > lastEnd && at - l < 64 && localChar(cs[l - 1])) {
                l--;
            }
            while (l < at && (cs[l] == '.' || cs[l] == '\'' || cs[l] == '-')) {
                l++;
            }
            int r = at + 1;
            while (r < s.length() && r - at < 254 && domainChar(cs[r])) {
                r++;
            }
            while (r > at + 1 && (cs[r - 1] == '.' || cs[r - 1] == '-')) {
                r--;
            }
            if (l < at && r > at + 1 && cs[at - 1] != '.' && validDomain(s, at + 1, r)) {
                out.add(new PiiCandidate("EMAIL_ADDRESS", l, r, 0.95, name()));
                lastEnd = r;
            }
            at = s.indexOf('@', at + 1);
        }
    }

    private static boolean validDomain(String s, int from, int to) {
        int labels = 0;
        int start = from;
        int lastStart = from;
        for (int i = from; i <= to; i++) {
            if (i == to || s.charAt(i) == '.') {
                if (i == start || s.charAt(start) == '-' || s.charAt(i - 1) == '-' || i - start > 63) {
                    return false;
                }
                labels++;
                lastStart = start;
                start = i + 1;
            }
        }
        if (labels < 2) {
            return false;
        }
        int tld = to - lastStart;
        if (tld < 2 || tld > 24) {
            return false;
        }
        for (int i = lastStart; i < to; i++) {
            if (!Character.isLetter(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
