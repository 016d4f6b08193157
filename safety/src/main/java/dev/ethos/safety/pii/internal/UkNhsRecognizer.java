package dev.ethos.safety.pii.internal;

import dev.ethos.safety.pii.PiiCandidate;
import dev.ethos.safety.pii.PiiText;
import dev.ethos.safety.pii.Recognizer;
import java.util.List;
import java.util.Set;

/**
 * UK NHS numbers: 10 digits, plain or as 3-3-4 groups, valid under the NHS mod-11 check. Without
 * an NHS word nearby the score is 0.45 (plain) or 0.5 (grouped), below the default threshold, since
 * one random number in eleven passes; "NHS", "health service", "patient" … raise it to 0.95.
 */
public final class UkNhsRecognizer implements Recognizer {
    static final String[] POSITIVE = {"nhs", "health service", "national health", "patient", "gp", "surgery",
        "nhs no", "nhs number"};

    @Override
    public String name() {
        return "uk-nhs";
    }

    @Override
    public Set<String> types() {
        return Set.of("UK_NHS_NUMBER");
    }

    @Override
    public void analyze(PiiText t, List<PiiCandidate> out) {
        DigitRun.scan(t, 10, 10, false, run -> {
            if (run.digits.length() != 10 || run.separator == -1) {
                return;
            }
            boolean grouped = run.groups.length == 3 && run.groups[0] == 3 && run.groups[1] == 3 && run.groups[2] == 4;
            if (run.groups.length != 1 && !grouped) {
                return;
            }
            if (!Checksums.nhs(run.digits)) {
                return;
            }
            double score = Context.before(t, run.start, 50, POSITIVE) ? 0.95 : grouped ? 0.5 : 0.45;
            out.add(new PiiCandidate("UK_NHS_NUMBER", run.start, run.end, score, name()));
        });
    }
}
