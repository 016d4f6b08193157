package dev.ethos.safety.pii.internal;

import dev.ethos.safety.pii.PiiCandidate;
import dev.ethos.safety.pii.PiiText;
import dev.ethos.safety.pii.Recognizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Dates of birth: a date (ISO, US/European numeric, "March 15, 1982", "15 March 1982", "1982年3月15日")
 * that follows a birth word (born, DOB, date of birth, birthday, 出生, 生日, 生于 …) within 40
 * characters with no other date in between. Any other date is not reported. Score 0.9.
 */
public final class DateOfBirthRecognizer implements Recognizer {
    static final String[] BIRTH = {"born", "dob", "d.o.b", "d.o.b.", "date of birth", "birth date", "birthdate",
        "birthday", "b.", "出生", "生日", "生于", "出生日期", "出生年月"};

    @Override
    public String name() {
        return "date-of-birth";
    }

    @Override
    public Set<String> types() {
        return Set.of("DATE_OF_BIRTH");
    }

    @Override
    public void analyze(PiiText t, List<PiiCandidate> out) {
        List<int[]> dates = new ArrayList<>();
        Dates.find(t, (s, e) -> dates.add(new int[] {s, e}));
        int prevEnd = 0;
        for (int[] d : dates) {
            int from = Math.max(prevEnd, d[0] - 40);
            int hit = Context.lastIndexOf(t, from, d[0], BIRTH);
            if (hit >= 0) {
                out.add(new PiiCandidate("DATE_OF_BIRTH", d[0], d[1], 0.9, name()));
            }
            prevEnd = d[1];
        }
    }
}
