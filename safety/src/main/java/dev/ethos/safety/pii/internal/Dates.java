package dev.ethos.safety.pii.internal;

import dev.ethos.safety.pii.PiiText;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds calendar dates in the usual English, ISO and Chinese forms. Every quantifier is bounded. */
final class Dates {
    private static final String MONTHS = "jan(?:uary|\\.)?|feb(?:ruary|\\.)?|mar(?:ch|\\.)?|apr(?:il|\\.)?|may|jun(?:e|\\.)?"
            + "|jul(?:y|\\.)?|aug(?:ust|\\.)?|sep(?:t(?:ember)?|\\.)?|oct(?:ober|\\.)?|nov(?:ember|\\.)?|dec(?:ember|\\.)?";
    static final Pattern DATE = Pattern.compile(
            "(?<![0-9A-Za-z])(?:"
            + "(?:19|20)\\d{2}[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\\d|3[01])"
            + "|(?:0?[1-9]|[12]\\d|3[01])[-/.](?:0?[1-9]|[12]\\d|3[01])[-/.](?:19|20)\\d{2}"
            + "|(?i:" + MONTHS + ")\\s{1,2}(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?,?\\s{1,2}(?:19|20)\\d{2}"
            + "|(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?\\s{1,2}(?:of\\s)?(?i:" + MONTHS + ")\\.?,?\\s{1,2}(?:19|20)\\d{2}"
            + "|(?:19|20)\\d{2}\\s?年\\s?(?:0?[1-9]|1[0-2])\\s?月\\s?(?:0?[1-9]|[12]\\d|3[01])\\s?[日号]"
            + ")(?![0-9A-Za-z])");

    private Dates() {
    }

    interface Sink {
        void date(int start, int end);
    }

    /** The first date starting in [from, to), or null. */
    static int[] first(PiiText t, Matcher m, int from, int to) {
        boolean digit = false;
        for (int i = from; i < Math.min(t.length(), to + 4) && !digit; i++) {
            digit = t.isDigit(i);
        }
        if (!digit) {
            return null;
        }
        m.region(from, Math.min(t.length(), to + 30));
        if (m.find() && m.start() < to) {
            return new int[] {m.start(), m.end()};
        }
        return null;
    }

    static Matcher matcher(PiiText t) {
        return DATE.matcher(t.normalized()).useTransparentBounds(true).useAnchoringBounds(false);
    }

    static void find(PiiText t, Sink sink) {
        Matcher m = DATE.matcher(t.normalized());
        while (m.find()) {
            sink.date(m.start(), m.end());
        }
    }
}
