package dev.ethos.safety.pii.internal;

import dev.ethos.safety.pii.PiiCandidate;
import dev.ethos.safety.pii.PiiText;
import dev.ethos.safety.pii.Recognizer;
import java.util.List;
import java.util.Set;

/**
 * IBANs, compact or in groups of four: a known country code, exactly that country's length, and
 * ISO 7064 mod 97-10 check digits. Score 0.95.
 */
public final class IbanRecognizer implements Recognizer {
    @Override
    public String name() {
        return "iban";
    }

    @Override
    public Set<String> types() {
        return Set.of("IBAN_CODE");
    }

    @Override
    public void analyze(PiiText t, List<PiiCandidate> out) {
        String s = t.normalized();
        char[] cs = t.chars();
        int n = s.length();
        StringBuilder compact = new StringBuilder(40);
        // An IBAN starts two letters before a digit-run start: only those positions are tried, in text order,
        // past the end of the last IBAN found, as the plain loop over every char did.
        int next = 0;
        for (int p : t.digitRunStarts()) {
            int i = p - 2;
            if (i < next || i + 4 >= n) {
                continue;
            }
            next = i + 1;
            char a = cs[i];
            if (a < 'A' || a > 'Z') {
                continue;
            }
            char b = cs[i + 1];
            if (b < 'A' || b > 'Z' || !t.isDigit(i + 2) || !t.isDigit(i + 3) || t.isWordChar(i - 1)) {
                continue;
            }
            Integer len = Checksums.IBAN_LENGTHS.get(s.substring(i, i + 2));
            if (len == null) {
                continue;
            }
            compact.setLength(0);
            int j = i;
            while (j < n && compact.length() < len) {
                char c = cs[j];
                if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                    compact.append(c);
                    j++;
                } else if ((c >= 'a' && c <= 'z')) {
                    compact.append(Character.toUpperCase(c));
                    j++;
                } else if (c == ' ' && j + 1 < n && t.isAsciiAlnum(j + 1) && compact.length() % 4 == 0) {
                    j++;
                } else {
                    break;
                }
            }
            if (compact.length() != len || t.isAsciiAlnum(j) && !(j > 0 && cs[j - 1] == ' ')) {
                continue;
            }
            if (t.isAsciiAlnum(j) && cs[j - 1] != ' ') {
                continue;
            }
            if (Checksums.ibanMod97(compact)) {
                out.add(new PiiCandidate("IBAN_CODE", i, j, 0.95, name()));
                next = j + 1;
            }
        }
    }
}
