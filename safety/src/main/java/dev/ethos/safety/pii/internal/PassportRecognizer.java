package dev.ethos.safety.pii.internal;

import dev.ethos.safety.pii.PiiCandidate;
import dev.ethos.safety.pii.PiiText;
import dev.ethos.safety.pii.Recognizer;
import java.util.List;
import java.util.Set;

/**
 * Passport numbers, only in context: the first token of 6-10 upper-case letters and digits (at least
 * five digits, or letters and digits mixed) within 30 characters after a passport word (passport,
 * 护照, pasaporte, Reisepass …), skipping filler such as "number", "no.", ":", "(" and "is". The word
 * itself is not part of the span. Score 0.85.
 */
public final class PassportRecognizer implements Recognizer {
    static final String[] WORDS = {"passport", "passports", "护照", "reisepass", "passeport", "pasaporte", "passaporto"};

    private static final Keywords KEYWORDS = new Keywords(WORDS);

    @Override
    public String name() {
        return "passport";
    }

    @Override
    public Set<String> types() {
        return Set.of("PASSPORT_NUMBER");
    }

    @Override
    public void analyze(PiiText t, List<PiiCandidate> out) {
        String s = t.normalized();
        KEYWORDS.scan(t.lowerChars(), (k, w) -> {
            if (w.charAt(0) < 0x80 && (t.isWordChar(k - 1) || t.isWordChar(k + w.length()))) {
                return;
            }
            int limit = Math.min(s.length(), k + w.length() + 30);
            int i = k + w.length();
            while (i < limit) {
                if (!t.isAsciiAlnum(i)) {
                    i++;
                    continue;
                }
                int j = i;
                while (j < s.length() && t.isAsciiAlnum(j) && j - i <= 11) {
                    j++;
                }
                if (!t.isAsciiAlnum(j) && token(s, i, j)) {
                    out.add(new PiiCandidate("PASSPORT_NUMBER", i, j, 0.85, name()));
                    return;
                }
                while (j < s.length() && t.isAsciiAlnum(j)) {
                    j++;
                }
                i = j;
            }
        });
    }

    private static boolean token(String s, int i, int j) {
        int len = j - i;
        if (len < 6 || len > 10) {
            return false;
        }
        int digits = 0;
        int upper = 0;
        for (int k = i; k < j; k++) {
            char c = s.charAt(k);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c >= 'A' && c <= 'Z') {
                upper++;
            } else {
                return false;
            }
        }
        return digits >= 5 || (digits >= 1 && upper >= 1);
    }
}
