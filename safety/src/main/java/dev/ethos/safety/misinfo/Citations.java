package dev.ethos.safety.misinfo;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the citations in a sentence for signs of invention: a DOI that is not {@code 10.NNNN/…},
 * a malformed URL ({@code http//…}, {@code ..org}, one slash, a bad host), a PubMed id that is not a
 * number, and, in a sentence that reads as a citation (journal, volume, pages, DOI, "et al.",
 * 《…》, 卷/期), a year after next year or before 1600, volume or issue 0 or negative, an impossible
 * date (February 30, month 13, 2月30日) or a descending page range (455-421). With an allow-list,
 * URLs on other domains are reported too. Immutable and thread-safe.
 */
final class Citations {
    /** One problem: where in the sentence, what rule, how sure. */
    record Problem(int start, int end, String rule, double score) {
    }

    private static final Pattern DOI_LABELLED = Pattern.compile("(?<![/\\w.])doi(?:\\s*[:：]\\s*|\\s+)([^\\s，。；、,;]+)");
    private static final Pattern DOI_BARE = Pattern.compile("(?<![\\w./])10\\.[^\\s，。；、,;]*/[^\\s，。；、,;]+");
    private static final Pattern DOI_VALID = Pattern.compile("10\\.\\d{4,9}(\\.\\d+)*/[\\x21-\\x7E]+");
    private static final Pattern URL = Pattern.compile("\\b((?:https?|ftp|h[a-z]{1,5}(?=:?//))[:/]*[^\\s，。；、,;)）\"'”]*|www\\.[^\\s，。；、,;)）\"'”]+"
            + "|[a-z0-9-]+(?:\\.{1,3}[a-z0-9-]+)*\\.{2,}(?:org|com|net|gov|edu|cn|io|uk)\\b[^\\s，。；、,;)）]*)");
    private static final Pattern HOST = Pattern.compile("([a-z0-9\\p{L}]([a-z0-9\\p{L}-]{0,61}[a-z0-9\\p{L}])?\\.)+"
            + "[a-z\\p{L}]{2,63}");
    private static final Pattern PMID = Pattern.compile("\\bpmid\\s*[:：]?\\s*(\\S+)");
    /** Words that make a sentence read as a citation (gated: most sentences have none of them). */
    private static final Gate CITATION_WORDS = Gate.of("\\b(doi|volume|issue|pages?|journal|proceedings|lancet|"
            + "nature|science|bmj|jama|nejm|reference|references|published|cited|citation|preprint|arxiv|pmid)\\b");
    private static final Pattern CITATION_MARKS = Pattern.compile("\\b(et al|vol\\.?|pp\\.?|n engl j med)(\\b|\\.)"
            + "|《[^》]+》|杂志|期刊|学报|论文|第\\s*-?\\d+\\s*[卷期]");
    private static final Pattern AUTHOR_YEAR = Pattern.compile("[A-Z][a-z]+,? (?:[A-Z]\\.\\s*)+\\(\\d{4}\\)");
    private static final Pattern YEAR = Pattern.compile("(?<![\\d.,:/-])(\\d{4})(?![\\d%])");
    private static final Pattern VOLUME = Pattern.compile("\\b(vol(?:ume)?\\.?|issue|no\\.|number)\\s*(-?\\d+)\\b"
            + "|第\\s*(-?\\d+)\\s*([卷期])|(?<![\\d.])(-?\\d+)\\((-?\\d+)\\)");
    private static final Pattern PAGES = Pattern.compile("(?:\\bpp?\\.?\\s*|\\bpages?\\s+|[,:;]\\s*)(\\d{1,6})\\s*[-–—]"
            + "\\s*(\\d{1,6})(?![\\d/-])");
    private static final Pattern EN_DATE = Pattern.compile("\\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|"
            + "may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?\\s+(\\d{1,2})"
            + "(?:st|nd|rd|th)?\\b(?:,?\\s*(\\d{4}))?");
    private static final Pattern MONTH_N = Pattern.compile("\\bmonth\\s+(\\d{1,2})\\b|(\\d{1,2})\\s*月(?:(\\d{1,2})\\s*日)?"
            + "|(?<![\\d.])(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?!\\d)");

    private final Set<String> allowedDomains;
    private final int currentYear;

    Citations(Set<String> allowedDomains, int currentYear) {
        this.allowedDomains = allowedDomains;
        this.currentYear = currentYear;
    }

    /** Problems in {@code sentence}; patterns run on its lower-cased copy (same offsets). */
    List<Problem> check(String sentence) {
        return check(sentence, "");
    }

    /** As {@link #check(String)}, with the sentence before as context (a citation cut by "Oncol." stays one). */
    List<Problem> check(String sentence, String previous) {
        List<Problem> out = new ArrayList<>();
        String s = Terms.lower(sentence);
        if (s.contains("doi") || s.contains("10.")) {
            checkDois(s, out);
        }
        if (s.contains("http") || s.contains("www") || s.contains("ftp") || s.contains("..")) {
            checkUrls(s, out);
        }
        Matcher pm = PMID.matcher(s);
        while (s.contains("pmid") && pm.find()) {
            String id = trimTrailing(pm.group(1));
            if (!id.matches("\\d{1,8}")) {
                out.add(new Problem(pm.start(1), pm.start(1) + id.length(), "malformed PubMed id", 0.9));
            }
        }
        if (!hasDigit(s)) {
            return out;
        }
        if (!citationContext(s) && !AUTHOR_YEAR.matcher(sentence).find()
                && (previous.isEmpty() || !citationContext(Terms.lower(previous)))) {
            return out;
        }
        Matcher y = YEAR.matcher(s);
        while (y.find()) {
            int year = Integer.parseInt(y.group(1));
            if (year > currentYear + 1 && year < 3000) {
                out.add(new Problem(y.start(1), y.end(1), "impossible publication year " + year, 0.9));
            }
        }
        Matcher v = VOLUME.matcher(s);
        while (v.find()) {
            if (v.group(2) != null) {
                int n = number(v.group(2));
                if (n <= 0) {
                    out.add(new Problem(v.start(), v.end(), "impossible " + v.group(1).toLowerCase(Locale.ROOT)
                            .replace(".", "") + " " + n, 0.9));
                }
            } else if (v.group(3) != null) {
                int n = number(v.group(3));
                if (n <= 0) {
                    out.add(new Problem(v.start(), v.end(), "impossible " + ("卷".equals(v.group(4)) ? "volume" : "issue")
                            + " " + n, 0.9));
                }
            } else if (v.group(5) != null) {
                int vol = number(v.group(5));
                int iss = number(v.group(6));
                if ((vol <= 0 || iss <= 0) && !(vol >= 1000)) {
                    out.add(new Problem(v.start(), v.end(), "impossible volume(issue) " + vol + "(" + iss + ")", 0.85));
                }
            }
        }
        Matcher p = PAGES.matcher(s);
        while (p.find()) {
            String a = p.group(1);
            String b = p.group(2);
            if (a.length() == 4 && b.length() == 4 && a.startsWith("1") | a.startsWith("2")
                    && Integer.parseInt(a) > 1500 && Integer.parseInt(a) < 2100 && Integer.parseInt(b) < 2100) {
                continue; // a year range
            }
            long first = Long.parseLong(a);
            String full = b.length() < a.length() ? a.substring(0, a.length() - b.length()) + b : b;
            long last = Long.parseLong(full);
            if (last < first) {
                out.add(new Problem(p.start(1), p.end(2), "descending page range " + a + "-" + b, 0.85));
            }
        }
        Matcher d = EN_DATE.matcher(s);
        while (d.find()) {
            int month = monthOf(d.group(1));
            int day = Integer.parseInt(d.group(2));
            int year = d.group(3) != null ? Integer.parseInt(d.group(3)) : 2024; // a leap year: Feb 29 is possible
            if (day < 1 || month > 0 && day > YearMonth.of(Math.max(1, year), month).lengthOfMonth()) {
                out.add(new Problem(d.start(), d.end(), "impossible date", 0.9));
            }
        }
        Matcher mn = MONTH_N.matcher(s);
        while (mn.find()) {
            int month;
            int day = 0;
            int year = 2024;
            if (mn.group(1) != null) {
                month = Integer.parseInt(mn.group(1));
            } else if (mn.group(2) != null) {
                month = Integer.parseInt(mn.group(2));
                day = mn.group(3) != null ? Integer.parseInt(mn.group(3)) : 0;
            } else {
                year = Integer.parseInt(mn.group(4));
                month = Integer.parseInt(mn.group(5));
                day = Integer.parseInt(mn.group(6));
            }
            if (month < 1 || month > 12 || day > 0 && day > YearMonth.of(year, month).lengthOfMonth()) {
                out.add(new Problem(mn.start(), mn.end(), "impossible date", 0.9));
            }
        }
        return out;
    }

    /**
     * A signed run of digits as an int, saturated: any run past nine digits ("number
     * 5610627047095877", a card or reference number) counts as 999,999,999 with its sign, which is
     * all the volume and issue checks need (they only ask whether it is above zero).
     */
    static int number(String digits) {
        boolean negative = digits.startsWith("-");
        int len = digits.length() - (negative ? 1 : 0);
        int n = len > 9 ? 999_999_999 : Integer.parseInt(negative ? digits.substring(1) : digits);
        return negative ? -n : n;
    }

    private static boolean citationContext(String lower) {
        return CITATION_WORDS.find(lower, Gate.mask(lower)) || CITATION_MARKS.matcher(lower).find();
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static int monthOf(String name) {
        String m = name.toLowerCase(Locale.ROOT).substring(0, 3);
        int i = "janfebmaraprmayjunjulaugsepoctnovdec".indexOf(m);
        return i < 0 ? 0 : i / 3 + 1;
    }

    private static void checkDois(String s, List<Problem> out) {
        Matcher m = DOI_LABELLED.matcher(s);
        List<int[]> seen = new ArrayList<>();
        while (m.find()) {
            String doi = trimTrailing(m.group(1));
            if (doi.toLowerCase(Locale.ROOT).startsWith("https://doi.org/")) {
                doi = doi.substring("https://doi.org/".length());
            }
            seen.add(new int[] {m.start(1), m.start(1) + doi.length()});
            if (!DOI_VALID.matcher(doi).matches()) {
                out.add(new Problem(m.start(1), m.start(1) + doi.length(), "malformed DOI (needs 10.NNNN/…)", 0.9));
            }
        }
        Matcher b = DOI_BARE.matcher(s);
        while (b.find()) {
            boolean covered = false;
            for (int[] r : seen) {
                covered |= b.start() >= r[0] && b.start() < r[1];
            }
            String doi = trimTrailing(b.group());
            if (!covered && !DOI_VALID.matcher(doi).matches()) {
                out.add(new Problem(b.start(), b.start() + doi.length(), "malformed DOI (needs 10.NNNN/…)", 0.9));
            }
        }
    }

    private void checkUrls(String s, List<Problem> out) {
        Matcher m = URL.matcher(s);
        while (m.find()) {
            String url = trimTrailing(m.group(1));
            int start = m.start(1);
            int end = start + url.length();
            String lower = url.toLowerCase(Locale.ROOT);
            String rest;
            if (lower.matches("h[a-z]{1,5}:?//.*") && !lower.startsWith("http://") && !lower.startsWith("https://")
                    && !lower.startsWith("http//") && !lower.startsWith("https//")) {
                out.add(new Problem(start, end, "malformed URL scheme", 0.9));
                continue;
            }
            if (lower.startsWith("http") || lower.startsWith("ftp")) {
                int scheme = lower.startsWith("https") ? 5 : lower.startsWith("http") ? 4 : 3;
                if (!lower.startsWith("://", scheme)) {
                    out.add(new Problem(start, end, "malformed URL scheme", 0.9));
                    continue;
                }
                rest = url.substring(scheme + 3);
            } else {
                rest = url;
            }
            int cut = rest.length();
            for (char c : new char[] {'/', '?', '#', ':'}) {
                int i = rest.indexOf(c);
                if (i >= 0 && i < cut) {
                    cut = i;
                }
            }
            String host = rest.substring(0, cut);
            if (host.isEmpty() || !HOST.matcher(host).matches()) {
                out.add(new Problem(start, end, "malformed URL host", 0.9));
                continue;
            }
            if (allowedDomains != null && !allowedDomains.isEmpty() && !allowed(host.toLowerCase(Locale.ROOT))) {
                out.add(new Problem(start, end, "domain not on the allow-list", 0.6));
            }
        }
    }

    private boolean allowed(String host) {
        String h = host;
        while (true) {
            if (allowedDomains.contains(h)) {
                return true;
            }
            int dot = h.indexOf('.');
            if (dot < 0) {
                return false;
            }
            h = h.substring(dot + 1);
        }
    }

    /** Drops trailing sentence punctuation and an unbalanced closing bracket. */
    private static String trimTrailing(String s) {
        String t = s;
        while (!t.isEmpty()) {
            char c = t.charAt(t.length() - 1);
            if (".,;:!?。，；：！？'\"”’".indexOf(c) >= 0) {
                t = t.substring(0, t.length() - 1);
            } else if ((c == ')' || c == '）') && count(t, '(') + count(t, '（') < count(t, ')') + count(t, '）')) {
                t = t.substring(0, t.length() - 1);
            } else {
                break;
            }
        }
        return t;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
