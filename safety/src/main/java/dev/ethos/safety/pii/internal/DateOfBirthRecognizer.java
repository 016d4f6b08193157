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

    private static final Keywords KEYWORDS = new Keywords(BIRTH);

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
        // Dates are only looked for in the 60 chars after a birth word.
        int n = t.length();
        List<int[]> windows = new ArrayList<>();
        List<Integer> before = new ArrayList<>();
        KEYWORDS.scan(t.lowerChars(), (k, w) -> {
            if (w.charAt(0) < 0x80 && (t.isWordChar(k - 1) || Character.isLetter(w.charAt(w.length() - 1))
                    && t.isWordChar(k + w.length()))) {
                return;
            }
            windows.add(new int[] {k + w.length(), Math.min(n, k + w.length() + 60)});
            if (w.equals("出生") || w.equals("生于")) {
                before.add(k);
            }
        });
        if (windows.isEmpty()) {
            return;
        }
        // Chinese also puts the birth word after the date: "2001年2月7日出生".
        java.util.regex.Matcher mb = Dates.matcher(t);
        for (int k : before) {
            int from = Math.max(0, k - 24);
            int[] d;
            while (from < k && (d = Dates.first(t, mb, from, k)) != null && d[1] <= k) {
                if (d[1] >= k - 1 && (d[1] == k || t.charAt(d[1]) == ' ')) {
                    out.add(new PiiCandidate("DATE_OF_BIRTH", d[0], d[1], 0.9, name()));
                    break;
                }
                from = d[1];
            }
        }
        windows.sort((a, b) -> Integer.compare(a[0], b[0]));
        int done = 0;
        java.util.regex.Matcher m = Dates.matcher(t);
        for (int[] win : windows) {
            int from = Math.max(win[0], done);
            if (from >= win[1]) {
                continue;
            }
            int[] first = Dates.first(t, m, from, win[1]);
            if (first != null && first[0] - win[0] <= 40) {
                out.add(new PiiCandidate("DATE_OF_BIRTH", first[0], first[1], 0.9, name()));
                done = first[1];
            }
        }
    }
}
