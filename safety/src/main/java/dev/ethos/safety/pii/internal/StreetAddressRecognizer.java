package dev.ethos.safety.pii.internal;

import dev.ethos.safety.pii.PiiCandidate;
import dev.ethos.safety.pii.PiiText;
import dev.ethos.safety.pii.Recognizer;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Street addresses by structure, never by a list of places:
 * <ul>
 *   <li>US/UK: house number, one to four capitalised street words and a street suffix (Street, Rd.,
 *       Lane, Pkwy …), an optional unit (Apt 4B, Suite 200) or a leading "Flat 12,", then optionally
 *       ", City" and a US state + ZIP or a UK postcode.</li>
 *   <li>DE: a street word ending in -straße/-weg/-gasse/-platz/-allee/… (or "X Straße"), a house
 *       number, optionally ", 12345 City".</li>
 *   <li>CN: a province/municipality or a city at a phrase start, then district, a road (路/街/大道/巷)
 *       with a number and 号, and any of 院, 号楼/栋, 单元, building names, 层 and 室.</li>
 * </ul>
 * A lone city or postcode is not an address. Score 0.85 (0.95 with address words nearby).
 */
public final class StreetAddressRecognizer implements Recognizer {
    private static final String SUFFIX = "Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Boulevard|Blvd|Drive|Dr|Court|Ct|Place|Pl"
            + "|Terrace|Ter|Parkway|Pkwy|Way|Circle|Cir|Highway|Hwy|Grove|Close|Crescent|Cres|Square|Sq|Row|Walk"
            + "|Gardens|Hill|Mews|Trail|Trl|Loop|Alley|Path|Pike|Plaza|Park|Green|Rise|View|Vale|Gate|Wharf|Quay"
            + "|Broadway|Embankment|Parade|Esplanade";
    private static final String UK_POSTCODE = "[A-Z]{1,2}\\d[A-Z\\d]?\\s?\\d[A-Z]{2}";
    private static final String CAP_WORD = "[A-Z][\\p{L}'\\-]{1,20}+";
    private static final String CITY_WORD = "[A-Z][\\p{Ll}'\\-]{1,20}";
    static final Pattern WESTERN = Pattern.compile(
            "(?<![\\p{L}\\d])"
            + "(?:(?:Flat|Apartment|Apt\\.?|Unit|Suite)\\s\\d{1,5}[A-Za-z]?,?\\s)?"
            + "\\d{1,6}[A-Za-z]?(?:-\\d{1,4})?\\s"
            + "(?:(?:\\d{1,3}(?:st|nd|rd|th)|N\\.?|S\\.?|E\\.?|W\\.?|North|South|East|West|" + CAP_WORD + ")\\s){0,3}"
            + "(?:" + CAP_WORD + "\\s)?"
            + "(?:" + SUFFIX + ")\\.?"
            + "(?![\\p{L}])"
            + "(?:\\s(?:N|S|E|W|NE|NW|SE|SW)\\.?(?![\\p{L}]))?"
            + "(?:,?\\s(?:Apt|Apartment|Suite|Ste|Unit|Flat|Room|Fl|Floor)\\.?\\s?#?[A-Za-z0-9]{1,6})?"
            + "(?:,?\\s#\\d{1,6})?"
            + "(?:,\\s" + CITY_WORD + "(?:\\s" + CITY_WORD + "){0,2})?"
            + "(?:,?\\s(?:(?:[A-Z]{2}|[A-Z][a-z]{3,13}(?:\\s[A-Z][a-z]{3,13})?)\\s\\d{5}(?:-\\d{4})?|" + UK_POSTCODE
            + ")(?![A-Za-z0-9]))?");
    private static final Pattern GERMAN = Pattern.compile(
            "(?<![\\p{L}\\d])"
            + "(?:[A-ZÄÖÜ][\\p{L}\\-]{0,30}(?:straße|strasse|str\\.|weg|gasse|platz|allee|ring|damm|ufer|chaussee|steig|pfad|markt"
            + "|-(?:Straße|Strasse|Weg|Gasse|Platz|Allee|Ring|Damm|Ufer|Chaussee|Markt))"
            + "|(?:[A-ZÄÖÜ][\\p{L}\\-]{1,20}\\s)?(?:Straße|Strasse|Weg|Platz|Allee|Gasse|Ring|Damm))"
            + "\\s\\d{1,4}(?:\\s?[a-z]|[A-Z])?(?![\\p{L}\\d])"
            + "(?:,?\\s\\d{5}\\s[A-ZÄÖÜ][\\p{L}\\-]{1,30}(?:\\s(?:an\\sder|am|im)\\s[A-ZÄÖÜ][\\p{L}]{1,20})?)?");
    private static final String PROVINCES = "北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南"
            + "|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门";
    private static final String HAN = "[\\u4e00-\\u9fa5]";
    static final Pattern CHINESE = Pattern.compile(
            "(?:(?:" + PROVINCES + ")(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)?"
            + "(?:" + HAN + "{2,4}?(?:市|州|盟))?"
            + "|(?<=^|[^\\u4e00-\\u9fa5]|到|至|在|于|址|住|寄|往|是|为)[\\u4e00-\\u9fa5&&[^是在于到为的址至往寄住]]{2,3}?市"
            + "|(?<=^|[^\\u4e00-\\u9fa5]|到|至|在|于|址|住|寄|往|是|为)[\\u4e00-\\u9fa5&&[^是在于到为的址至往寄住]]{2,6}?[区县])"
            + "(?:" + HAN + "{1,4}?(?:区|县|旗))?"
            + "(?:" + HAN + "{1,4}?(?:镇|乡|街道))?"
            + "[\\u4e00-\\u9fa5A-Za-z0-9]{1,10}?(?:路|街|大道|大街|巷|道|胡同|弄)"
            + "(?:[一二三四五六七八九十0-9]{1,3}[段巷弄])?"
            + "\\d{1,5}(?:-\\d{1,4})?[号號]"
            + "(?:院|(?:[A-Za-z]{1,8})?" + HAN + "{1,8}?(?:大厦|中心|广场|大楼|花园|小区|公寓|园区|汇|城|苑|府|公馆|家园)"
            + "|\\d{1,4}(?:号楼|栋|幢|座|号|单元|层|楼|室|房)|[A-Z]座){0,6}");
    static final String[] POSITIVE = {"address", "addr", "lives at", "live at", "ship to", "mail", "mailing", "post",
        "deliver", "moved to", "registered at", "located at", "地址", "住址", "寄到", "收货", "住在", "邮寄"};

    @Override
    public String name() {
        return "street-address";
    }

    @Override
    public Set<String> types() {
        return Set.of("STREET_ADDRESS");
    }

    @Override
    public void analyze(PiiText t, List<PiiCandidate> out) {
        String s = t.normalized();
        char[] cs = t.chars();
        boolean hasDigit = false;
        boolean hasHan = false;
        for (int i = 0; i < s.length() && !(hasDigit && hasHan); i++) {
            char c = cs[i];
            hasDigit |= c >= '0' && c <= '9';
            hasHan |= c >= 0x4e00 && c <= 0x9fa5;
        }
        if (!hasDigit) {
            return;
        }
        western(t, out);
        if (hasHan) {
            chinese(t, out);
        }
    }

    private static final String[] GERMAN_SUFFIXES = {"straße", "strasse", "str.", "weg", "gasse", "platz", "allee",
        "ring", "damm", "ufer", "chaussee", "steig", "pfad", "markt"};
    private static final String[] UNIT_WORDS = {"Flat ", "Apartment ", "Apt ", "Apt. ", "Unit ", "Suite "};
    private static final Keywords UNIT_KEYWORDS = new Keywords("flat ", "apartment ", "apt ", "apt. ", "unit ", "suite ");

    /** US/UK and German forms, tried only where a house number (or a "Flat 12," prefix) starts. */
    private void western(PiiText t, List<PiiCandidate> out) {
        String s = t.normalized();
        char[] cs = t.chars();
        int n = s.length();
        Matcher w = WESTERN.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
        Matcher g = GERMAN.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
        int covered = 0;
        // Work only happens at the start of a digit run (a digit after a letter or digit is passed over) or
        // where a unit word starts ("Flat ", "Apt " …): the loop jumps from one such position to the next.
        int[] starts = t.digitRunStarts();
        int nextStart = 0;
        // Unit words, found case-insensitively at word starts by the shared keyword pass: a superset of the
        // case-sensitive ones after a non-letter that can start a match.
        int[][] unitHits = {new int[16]};
        int[] unitCount = {0};
        UNIT_KEYWORDS.scan(t.lowerChars(), (k, word) -> {
            if (unitCount[0] == unitHits[0].length) {
                unitHits[0] = java.util.Arrays.copyOf(unitHits[0], unitCount[0] * 2);
            }
            unitHits[0][unitCount[0]++] = k;
        });
        int[] units = unitHits[0];
        int nextUnit = 0;
        for (int i = 0; i < n; i++) {
            while (nextStart < starts.length && starts[nextStart] < i) {
                nextStart++;
            }
            while (nextUnit < unitCount[0] && units[nextUnit] < i) {
                nextUnit++;
            }
            int to = Math.min(nextStart < starts.length ? starts[nextStart] : n, nextUnit < unitCount[0] ? units[nextUnit] : n);
            if (to >= n) {
                break;
            }
            i = to;
            char c = cs[i];
            boolean unit = c == 'F' || c == 'A' || c == 'U' || c == 'S';
            if (!(c >= '0' && c <= '9') && !unit || i < covered) {
                continue;
            }
            if (unit) {
                boolean any = false;
                for (String u : UNIT_WORDS) {
                    any |= i + u.length() <= n && startsWith(cs, i, u);
                }
                if (!any) {
                    continue;
                }
            }
            if (i > 0 && Character.isLetterOrDigit(cs[i - 1])) {
                continue;
            }
            if (!unit && !houseNumberThenWord(cs, i)) {
                if (i >= 2 && cs[i - 1] == ' ') {
                    german(t, g, i, out);
                }
                continue;
            }
            if (suffixAhead(cs, i, Math.min(n, i + 200))) {
                w.region(i, Math.min(n, i + 200));
                if (w.lookingAt() && w.end() - i >= 8) {
                    add(t, i, w.end(), out);
                    covered = w.end();
                    continue;
                }
            }
            if (!unit && i >= 2 && cs[i - 1] == ' ') {
                int e = german(t, g, i, out);
                covered = Math.max(covered, e);
            }
        }
    }

    private static final String[] SUFFIXES = SUFFIX.split("\\|");
    /** Bit c set when some street suffix starts with the ASCII char c. */
    private static final long[] SUFFIX_FIRST = new long[2];

    static {
        for (String suf : SUFFIXES) {
            SUFFIX_FIRST[suf.charAt(0) >>> 6] |= 1L << suf.charAt(0);
        }
    }

    /**
     * Exact prefilter for {@link #WESTERN} at {@code i}: false only when it cannot match there. In that pattern
     * every element before the street suffix (the unit prefix, the house number, up to four street words) is
     * free of white space and followed by exactly one {@code \s}, seven at most, so the suffix starts right
     * after one of the first seven white-space characters from {@code i}, inside the region, and its next character is no letter
     * ({@code (?![\p{L}])}; a '.' is no letter either). A supplementary letter reads as a surrogate here,
     * which is no letter, so the test only errs towards running the pattern.
     */
    static boolean suffixAhead(char[] cs, int i, int regionEnd) {
        int n = cs.length;
        int seen = 0;
        for (int q = i; q + 1 < regionEnd && seen < 7; q++) { // the suffix lies inside the region
            char c = cs[q];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\u000B' && c != '\f' && c != '\r') {
                continue;
            }
            seen++;
            char f = cs[q + 1];
            if (f >= 128 || (SUFFIX_FIRST[f >>> 6] & (1L << f)) == 0) {
                continue;
            }
            for (String suf : SUFFIXES) {
                int e = q + 1 + suf.length();
                if (suf.charAt(0) == f && e <= n && startsWith(cs, q + 1, suf) && (e == n || !Character.isLetter(cs[e]))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean startsWith(char[] cs, int at, String w) {
        for (int k = 0; k < w.length(); k++) {
            if (cs[at + k] != w.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** "12 Main", "12B Main", "12-14 Main", "5 5th" (a number, one space, then a capital or a digit). */
    private static boolean houseNumberThenWord(char[] s, int i) {
        int n = s.length;
        int j = i;
        while (j < n && j - i < 7 && s[j] >= '0' && s[j] <= '9') {
            j++;
        }
        if (j < n && Character.isLetter(s[j]) && j + 1 < n && s[j + 1] == ' ') {
            j++;
        }
        if (j < n && s[j] == '-') {
            j++;
            while (j < n && s[j] >= '0' && s[j] <= '9') {
                j++;
            }
        }
        if (j + 1 >= n || s[j] != ' ') {
            return false;
        }
        char c = s[j + 1];
        return Character.isUpperCase(c) || (c >= '0' && c <= '9');
    }

    /** German: the street word(s) come before the number at {@code i}. Returns the match end or -1. */
    private int german(PiiText t, Matcher g, int i, List<PiiCandidate> out) {
        String s = t.normalized();
        char[] cs = t.chars();
        int n = s.length();
        if (i < 2 || !mayEndGermanSuffix(cs[i - 2])) {
            return -1; // the cheap test of the suffix's last character, before the case-insensitive comparisons
        }
        boolean suffix = false;
        for (String suf : GERMAN_SUFFIXES) {
            int from = i - 1 - suf.length();
            if (from >= 0 && s.regionMatches(true, from, suf, 0, suf.length())) {
                suffix = true;
                break;
            }
        }
        if (!suffix) {
            return -1;
        }
        {
            int ws = i - 1;
            int words = 0;
            while (ws > 0 && words < 2 && i - ws < 50) {
                int k = ws - 1;
                while (k >= 0 && (Character.isLetter(cs[k]) || cs[k] == '-' || cs[k] == '.')) {
                    k--;
                }
                if (k == ws - 1) {
                    break;
                }
                words++;
                int startWord = k + 1;
                if (Character.isUpperCase(cs[startWord])) {
                    g.region(startWord, Math.min(n, startWord + 200));
                    if (g.lookingAt() && g.end() > i) {
                        add(t, startWord, g.end(), out);
                        return g.end();
                    }
                }
                if (k < 0 || cs[k] != ' ') {
                    break;
                }
                ws = k;
            }
        }
        return -1;
    }

    /** {@link #mayEndGermanSuffixSlow} for every char, computed once: the test runs at every number after a space. */
    private static final boolean[] MAY_END_GERMAN_SUFFIX = new boolean[65536];

    static {
        for (int c = 0; c < 65536; c++) {
            MAY_END_GERMAN_SUFFIX[c] = mayEndGermanSuffixSlow((char) c);
        }
    }

    private static boolean mayEndGermanSuffix(char c) {
        return MAY_END_GERMAN_SUFFIX[c];
    }

    /** Whether {@code c} can be the last character of a German street suffix, compared as {@code regionMatches(true, …)} does. */
    private static boolean mayEndGermanSuffixSlow(char c) {
        for (String suf : GERMAN_SUFFIXES) {
            if (String.valueOf(c).regionMatches(true, 0, suf, suf.length() - 1, 1)) {
                return true;
            }
        }
        return false;
    }

    /** Chinese form, tried only around each 号. */
    private void chinese(PiiText t, List<PiiCandidate> out) {
        String s = t.normalized();
        char[] cs = t.chars();
        int n = s.length();
        Matcher m = CHINESE.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
        int covered = 0;
        int[] marks = {s.indexOf('号'), s.indexOf('號')};
        for (int k = nextMark(s, marks, 0); k >= 0; k = nextMark(s, marks, k + 1)) {
            if (k < covered || !roadBefore(s, k) || !adminBefore(s, k)) {
                continue;
            }
            // What m.find() over [k - 45, k + 60) did, trying only the start positions where CHINESE can
            // match (mayStartChinese): the first match starting at or before k that reaches past k is taken;
            // a match that ends before k is skipped, and the search goes on after its end, as find() does.
            int regionEnd = Math.min(n, k + 60);
            int p = Math.max(covered, k - 45);
            while (p <= k) {
                int start = -1;
                for (int q = p; q <= k; q++) {
                    if (mayStartChinese(cs, q)) {
                        m.region(q, regionEnd);
                        if (m.lookingAt()) {
                            start = q;
                            break;
                        }
                    }
                }
                if (start < 0) {
                    break;
                }
                if (m.end() > k) {
                    add(t, start, m.end(), out);
                    covered = m.end();
                    break;
                }
                p = m.end();
            }
        }
    }

    /** True at c when a province or municipality name in {@link #PROVINCES} starts with c. */
    private static final boolean[] PROVINCE_FIRST = new boolean[65536];

    static {
        for (String p : PROVINCES.split("\\|")) {
            PROVINCE_FIRST[p.charAt(0)] = true;
        }
    }

    /**
     * False only when {@link #CHINESE} cannot match at {@code q}. Its first element is one of three
     * alternatives: a province name (so the first char starts one), or a city or district whose first
     * char is a Han char in [\u4e00-\u9fa5] other than 是在于到为的址至往寄住, after the start of the text,
     * a char outside that range, or one of 到至在于址住寄往是为 (the look-behind). With transparent,
     * non-anchoring bounds the pattern sees the same text from a region starting at q as from an earlier
     * one, so lookingAt() at each such q finds what find() finds there.
     */
    static boolean mayStartChinese(char[] cs, int q) {
        char c = cs[q];
        if (PROVINCE_FIRST[c]) {
            return true;
        }
        if (c < 0x4e00 || c > 0x9fa5 || "是在于到为的址至往寄住".indexOf(c) >= 0) {
            return false;
        }
        if (q == 0) {
            return true;
        }
        char b = cs[q - 1];
        return b < 0x4e00 || b > 0x9fa5 || "到至在于址住寄往是为".indexOf(b) >= 0;
    }

    /** The next 号 or 號 at or after {@code from}; {@code marks} caches the next of each (-1: none left). */
    private static int nextMark(String s, int[] marks, int from) {
        if (marks[0] >= 0 && marks[0] < from) {
            marks[0] = s.indexOf('号', from);
        }
        if (marks[1] >= 0 && marks[1] < from) {
            marks[1] = s.indexOf('號', from);
        }
        int a = marks[0];
        int b = marks[1];
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }

    /** A road word (路, 街, 道, 巷, 弄, 胡同) in the 12 chars before the 号, followed by digits. */
    private static boolean roadBefore(String s, int k) {
        int j = k - 1;
        while (j >= 0 && k - j <= 9 && (s.charAt(j) >= '0' && s.charAt(j) <= '9' || s.charAt(j) == '-')) {
            j--;
        }
        if (j == k - 1 || j < 0) {
            return false;
        }
        char c = s.charAt(j);
        return c == '路' || c == '街' || c == '道' || c == '巷' || c == '弄' || c == '同' || c == '段';
    }

    /** A province, city, district or county mark (or a municipality) in the 45 chars before the 号. */
    private static boolean adminBefore(String s, int k) {
        for (int j = Math.max(0, k - 45); j < k; j++) {
            char c = s.charAt(j);
            if (c == '市' || c == '省' || c == '区' || c == '县' || c == '州'
                    || (c == '北' || c == '上' || c == '天' || c == '重') && j + 1 < k && "京海津庆".indexOf(s.charAt(j + 1)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private void add(PiiText t, int s, int e, List<PiiCandidate> out) {
        if (e - s < 8) {
            return;
        }
        double score = Context.before(t, s, 40, POSITIVE) ? 0.95 : 0.85;
        out.add(new PiiCandidate("STREET_ADDRESS", s, e, score, name()));
    }
}
