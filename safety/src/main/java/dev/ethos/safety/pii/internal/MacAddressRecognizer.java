package dev.ethos.safety.pii.internal;

import dev.ethos.safety.pii.PiiCandidate;
import dev.ethos.safety.pii.PiiText;
import dev.ethos.safety.pii.Recognizer;
import java.util.List;
import java.util.Set;

/**
 * MAC addresses: six two-hex-digit groups joined by one consistent ':' or '-', or Cisco's three
 * four-digit groups joined by '.'. Score 0.85 (0.95 with "MAC"/"设备" nearby); all-digit forms
 * without a MAC word get 0.5.
 */
public final class MacAddressRecognizer implements Recognizer {
    static final String[] POSITIVE = {"mac", "mac address", "hardware address", "ethernet", "wifi", "wi-fi",
        "网卡", "物理地址", "设备"};

    @Override
    public String name() {
        return "mac-address";
    }

    @Override
    public Set<String> types() {
        return Set.of("MAC_ADDRESS");
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    @Override
    public void analyze(PiiText t, List<PiiCandidate> out) {
        String s = t.normalized();
        char[] cs = t.chars();
        int n = s.length();
        for (int i = 0; i + 14 <= n; i++) {
            char c2 = cs[i + 2];
            // Both layouts start with two hex digits: that test comes before the word-char one.
            if (c2 != ':' && c2 != '-' && cs[i + 4] != '.' || !hex(cs[i]) || !hex(cs[i + 1]) || t.isWordChar(i - 1)) {
                continue;
            }
            int end = -1;
            if (i + 17 <= n) {
                char sep = cs[i + 2];
                if (sep == ':' || sep == '-') {
                    boolean ok = true;
                    for (int g = 0; g < 6 && ok; g++) {
                        int p = i + g * 3;
                        ok = hex(cs[p]) && hex(cs[p + 1]) && (g == 5 || cs[p + 2] == sep);
                    }
                    if (ok) {
                        end = i + 17;
                    }
                }
            }
            if (end < 0 && cs[i + 4] == '.') {
                boolean ok = true;
                for (int g = 0; g < 3 && ok; g++) {
                    int p = i + g * 5;
                    ok = hex(cs[p]) && hex(cs[p + 1]) && hex(cs[p + 2]) && hex(cs[p + 3])
                            && (g == 2 || cs[p + 4] == '.');
                }
                if (ok) {
                    end = i + 14;
                }
            }
            if (end < 0 || t.isWordChar(end) || (end < n && (cs[end] == ':' || cs[end] == '-')
                    && end + 1 < n && hex(cs[end + 1]))) {
                continue;
            }
            boolean letters = false;
            for (int k = i; k < end; k++) {
                letters |= Character.isLetter(cs[k]);
            }
            boolean ctx = Context.before(t, i, 40, POSITIVE);
            double score = ctx ? 0.95 : letters ? 0.85 : 0.5;
            out.add(new PiiCandidate("MAC_ADDRESS", i, end, score, name()));
            i = end;
        }
    }
}
