package dev.ethos.safety.pii.internal;

import dev.ethos.safety.pii.PiiCandidate;
import dev.ethos.safety.pii.PiiText;
import dev.ethos.safety.pii.Recognizer;
import java.time.Year;
import java.util.List;
import java.util.Set;

/**
 * PRC resident identity numbers: 18 characters, a real province code, a real birth date
 * (1900 to this year), and the ISO 7064 MOD 11-2 check character (0-9 or X). Score 0.9; ID words
 * (身份证, resident ID …) raise it to 1.0.
 */
public final class CnResidentIdRecognizer implements Recognizer {
    static final String[] POSITIVE = {"身份证", "身份号码", "证件号", "resident id", "identity card", "id card",
        "id number", "公民身份"};
    private static final String PROVINCES = "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 "
            + "54 61 62 63 64 65 71 81 82 83";

    @Override
    public String name() {
        return "cn-resident-id";
    }

    @Override
    public Set<String> types() {
        return Set.of("CN_RESIDENT_ID");
    }

    @Override
    public void analyze(PiiText t, List<PiiCandidate> out) {
        int maxYear = Year.now().getValue();
        DigitRun.scan(t, 18, 18, true, run -> {
            if (run.digits.length() != 18 || run.groups.length > 1 && !groupedId(run.groups)) {
                return;
            }
            if (!valid(run.digits, maxYear)) {
                return;
            }
            double score = Context.before(t, run.start, 30, POSITIVE) ? 1.0 : 0.9;
            out.add(new PiiCandidate("CN_RESIDENT_ID", run.start, run.end, score, name()));
        });
    }

    private static boolean groupedId(int[] g) {
        return g.length == 3 && g[0] == 6 && g[1] == 8 && g[2] == 4;
    }

    static boolean valid(String id, int maxYear) {
        for (int i = 0; i < 17; i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return false;
            }
        }
        if (!PROVINCES.contains(id.substring(0, 2))) {
            return false;
        }
        int y = Integer.parseInt(id.substring(6, 10));
        int m = Integer.parseInt(id.substring(10, 12));
        int d = Integer.parseInt(id.substring(12, 14));
        if (!Checksums.validDate(y, m, d, maxYear)) {
            return false;
        }
        return Checksums.cnIdCheck(id) == Character.toUpperCase(id.charAt(17));
    }
}
