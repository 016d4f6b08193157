package dev.ethos.safety.pii.internal;

import dev.ethos.safety.pii.PiiCandidate;
import dev.ethos.safety.pii.PiiText;
import dev.ethos.safety.pii.Recognizer;
import java.util.List;
import java.util.Set;

/** URLs starting with {@code http://}, {@code https://} or {@code www.} (off by default). Score 0.6. */
public final class UrlRecognizer implements Recognizer {
    @Override
    public String name() {
        return "url";
    }

    @Override
    public Set<String> types() {
        return Set.of("URL");
    }

    @Override
    public void analyze(PiiText t, List<PiiCandidate> out) {
        String lower = t.lower();
        String s = t.normalized();
        for (String p : new String[] {"https://", "http://", "www."}) {
            int from = 0;
            int k;
            while ((k = lower.indexOf(p, from)) >= 0) {
                from = k + p.length();
                if (t.isWordChar(k - 1) || (p.equals("www.") && k >= 3 && s.startsWith("://", k - 3))) {
                    continue;
                }
                int j = k + p.length();
                while (j < s.length() && s.charAt(j) > ' ' && s.charAt(j) < 0x7F && "<>\"'`".indexOf(s.charAt(j)) < 0) {
                    j++;
                }
                while (j > k && ".,;:!?)]}".indexOf(s.charAt(j - 1)) >= 0) {
                    j--;
                }
                if (j - k > p.length() + 3) {
                    out.add(new PiiCandidate("URL", k, j, 0.6, name()));
                    from = j;
                }
            }
        }
    }
}
