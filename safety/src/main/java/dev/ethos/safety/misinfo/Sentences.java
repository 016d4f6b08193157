package dev.ethos.safety.misinfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Sentence and clause splitting for English and Chinese. Sentences end at . ! ? (followed by white
 * space or the end, not after an abbreviation, an initial or inside a number), at 。！？ and at line
 * breaks. Clauses further split a sentence at , ; : — and their Chinese forms, and before a
 * contrasting or consequential English conjunction (but, so, although, …); Chinese clauses are
 * marked by punctuation. Stateless.
 */
final class Sentences {
    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr",
            "vs", "etc", "e.g", "i.e", "no", "inc", "ltd", "co", "corp", "dept", "approx", "fig", "mt", "gen",
            "vol", "pp", "p", "al", "ed", "eds", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
            "oct", "nov", "dec", "u.s", "u.k", "a.m", "p.m", "ph.d", "med", "j", "engl", "natl", "sci", "res",
            "oncol", "clin", "biol", "chem", "phys", "lett", "proc", "acad", "soc", "int", "rev", "neurol", "cardiol",
            "pediatr", "epidemiol", "nutr", "psychol", "immunol", "j.am", "am", "assoc", "intern", "exp");
    private static final String[] EN_CLAUSE_WORDS = {" but ", " so ", " although ", " though ", " because ",
        " since ", " while ", " whereas ", " which ", " yet ", " however "};

    /** First letters of {@link #EN_CLAUSE_WORDS}: a cheap pre-check. */
    private static final String CLAUSE_INITIALS = "bsatwyh";

    private Sentences() {
    }

    /** A half-open range of a text. */
    record Range(int start, int end) {
        String of(CharSequence s) {
            return s.subSequence(start, end).toString();
        }
    }

    /** Sentence ranges of {@code text}, trimmed of surrounding white space; empty ones dropped. */
    static List<Range> split(String text) {
        List<Range> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            int cut = -1;
            if (c == '\n') {
                cut = i + 1;
            } else if (c == '。' || c == '！' || c == '？' || c == '!' && isCjkContext(text, i)
                    || c == '?' && isCjkContext(text, i)) {
                cut = skipClosers(text, i + 1);
            } else if (c == '.' || c == '!' || c == '?') {
                int j = i + 1;
                while (j < n && (text.charAt(j) == '.' || text.charAt(j) == '!' || text.charAt(j) == '?')) {
                    j++;
                }
                int k = skipClosers(text, j);
                if (k == n || Character.isWhitespace(text.charAt(k))) {
                    if (!(c == '.' && j == i + 1 && isAbbreviation(text, i))) {
                        cut = k;
                    }
                }
                if (cut < 0) {
                    i = j - 1;
                }
            }
            if (cut > 0) {
                add(out, text, start, cut);
                start = cut;
                i = cut - 1;
            }
        }
        add(out, text, start, n);
        return out;
    }

    private static boolean isCjkContext(String text, int i) {
        return i > 0 && text.charAt(i - 1) >= 0x2E80
                && Character.UnicodeScript.of(text.charAt(i - 1)) == Character.UnicodeScript.HAN;
    }

    private static void add(List<Range> out, String text, int s, int e) {
        while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        if (e > s) {
            out.add(new Range(s, e));
        }
    }

    private static int skipClosers(String s, int j) {
        while (j < s.length() && "\"')]”’」』）》】".indexOf(s.charAt(j)) >= 0) {
            j++;
        }
        return j;
    }

    private static boolean isAbbreviation(String s, int dot) {
        int start = dot;
        while (start > 0 && (Character.isLetter(s.charAt(start - 1)) || s.charAt(start - 1) == '.')) {
            start--;
        }
        if (start == dot) {
            return false;
        }
        String word = s.substring(start, dot);
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return true;
        }
        return ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    /**
     * Clause ranges of {@code sentence} (relative to it), unmodifiable. The store and the health
     * detector both ask for the same sentence's clauses, so each thread remembers its last answer,
     * by identity.
     */
    static List<Range> clauses(String sentence) {
        LastClauses c = LAST_CLAUSES.get();
        if (c.sentence != sentence) {
            c.clauses = java.util.Collections.unmodifiableList(clauseList(sentence));
            c.sentence = sentence;
        }
        return c.clauses;
    }

    /** The last sentence {@link #clauses} was given on this thread, and its answer. */
    private static final class LastClauses {
        String sentence;
        List<Range> clauses;
    }

    private static final ThreadLocal<LastClauses> LAST_CLAUSES = ThreadLocal.withInitial(LastClauses::new);

    private static List<Range> clauseList(String sentence) {
        List<Range> out = new ArrayList<>();
        String lower = sentence.toLowerCase(Locale.ROOT);
        int start = 0;
        int n = sentence.length();
        for (int i = 0; i < n; i++) {
            char c = sentence.charAt(i);
            int cut = -1;
            int next = -1;
            if (c == ',' || c == ';' || c == ':' || c == '—' || c == '–' && spaced(sentence, i)
                    || c == '，' || c == '；' || c == '：' || c == '、' || c == '(' || c == ')'
                    || c == '（' || c == '）') {
                if (c == ',' && i > 0 && i + 1 < n && Character.isDigit(sentence.charAt(i - 1))
                        && Character.isDigit(sentence.charAt(i + 1))) {
                    continue; // 10,000
                }
                cut = i;
                next = i + 1;
            } else if (c == ' ' && i + 3 < n && CLAUSE_INITIALS.indexOf(lower.charAt(i + 1)) >= 0) {
                for (String w : EN_CLAUSE_WORDS) {
                    if (lower.startsWith(w, i)) {
                        cut = i;
                        next = i + 1;
                        break;
                    }
                }
            }
            if (cut >= 0) {
                add(out, sentence, start, cut);
                start = next;
            }
        }
        add(out, sentence, start, n);
        if (out.isEmpty()) {
            out.add(new Range(0, n));
        }
        return out;
    }

    private static boolean spaced(String s, int i) {
        return i > 0 && i + 1 < s.length() && s.charAt(i - 1) == ' ' && s.charAt(i + 1) == ' ';
    }
}
