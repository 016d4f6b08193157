package dev.ethos.safety.pii.internal;

import dev.ethos.safety.pii.PiiCandidate;
import dev.ethos.safety.pii.PiiText;
import dev.ethos.safety.pii.Recognizer;
import java.util.List;
import java.util.Set;

/**
 * US Social Security numbers written {@code ddd-dd-dddd} or {@code ddd dd dddd} (one separator
 * throughout): area not 000, 666 or 900-999, group not 00, serial not 0000, and not the well-known
 * advertising number 078-05-1120. Score 0.6; SSN words nearby raise it to 0.95.
 */
public final class UsSsnRecognizer implements Recognizer {
    static final String[] POSITIVE = {"ssn", "social security", "social-security", "ss#", "ss #", "社会安全号",
        "社保号"};

    @Override
    public String name() {
        return "us-ssn";
    }

    @Override
    public Set<String> types() {
        return Set.of("US_SSN");
    }

    @Override
    public void analyze(PiiText t, List<PiiCandidate> out) {
        DigitRun.scan(t, 9, 9, false, run -> {
            if (run.digits.length() != 9 || run.groups.length != 3 || run.groups[0] != 3 || run.groups[1] != 2
                    || run.groups[2] != 4 || run.separator <= 0) {
                return;
            }
            if (!valid(run.digits)) {
                return;
            }
            double score = Context.before(t, run.start, 40, POSITIVE) ? 0.95 : 0.6;
            out.add(new PiiCandidate("US_SSN", run.start, run.end, score, name()));
        });
    }

    static boolean valid(String d) {
        int area = Integer.parseInt(d.substring(0, 3));
        int group = Integer.parseInt(d.substring(3, 5));
        int serial = Integer.parseInt(d.substring(5));
        if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) {
            return false;
        }
        return !d.equals("078051120") && !d.equals("219099999");
    }
}
