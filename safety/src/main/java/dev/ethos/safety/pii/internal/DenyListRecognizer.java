package dev.ethos.safety.pii.internal;

import dev.ethos.safety.pii.PiiCandidate;
import dev.ethos.safety.pii.PiiText;
import dev.ethos.safety.pii.Recognizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Values that are always reported as their type (case-insensitive, at word boundaries). Score 1.0. */
public final class DenyListRecognizer implements Recognizer {
    private final Map<String, Set<String>> values;

    public DenyListRecognizer(Map<String, Set<String>> valuesByType) {
        this.values = Map.copyOf(valuesByType);
    }

    @Override
    public String name() {
        return "deny-list";
    }

    @Override
    public Set<String> types() {
        return values.keySet();
    }

    @Override
    public void analyze(PiiText t, List<PiiCandidate> out) {
        String lower = t.lower();
        values.forEach((type, set) -> {
            for (String v : set) {
                String lv = v.toLowerCase(Locale.ROOT);
                int from = 0;
                int k;
                while (!lv.isEmpty() && (k = lower.indexOf(lv, from)) >= 0) {
                    from = k + 1;
                    if (t.isWordChar(k - 1) && t.isWordChar(k) || t.isWordChar(k + lv.length()) && t.isWordChar(k + lv.length() - 1)) {
                        continue;
                    }
                    out.add(new PiiCandidate(type, k, k + lv.length(), 1.0, name()));
                }
            }
        });
    }
}
