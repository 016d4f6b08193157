package dev.ethos.safety.pii.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.ethos.safety.pii.PiiCandidate;
import dev.ethos.safety.pii.PiiText;
import dev.ethos.safety.pii.Recognizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Phone numbers. A cheap linear prefilter finds stand-alone runs of digits with phone punctuation
 * ({@code + ( ) - . space}) holding 7 to 15 digits that do not look like dates, times, IPs or versions;
 * only those go to libphonenumber, which must call them valid: with their own country code after
 * {@code +}/{@code 00}, or else for one of the default regions (US, GB, CN, DE, FR, IN, AU, CA by default).
 * Score 0.7 (0.6 for an unformatted run of digits without a leading 0, 1 or +), 0.95 with phone words
 * (phone, call, tel, mobile, 电话, 手机, 联系 …) nearby.
 */
public final class PhoneRecognizer implements Recognizer {
    static final String[] POSITIVE = {"phone", "tel", "tel.", "telephone", "mobile", "cell", "call", "fax", "whatsapp",
        "reach", "reached", "contact", "dial", "ring", "text", "sms", "电话", "手机", "联系", "致电", "拨打", "热线",
        "座机", "号码", "phone number", "ph"};
    private static final java.util.regex.Pattern DATE_LIKE = java.util.regex.Pattern.compile("\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}.*");
    private static final java.util.regex.Pattern DATE_LIKE2 = java.util.regex.Pattern.compile("\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}");
    private static final java.util.regex.Pattern IP_LIKE = java.util.regex.Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final java.util.regex.Pattern SSN_LIKE = java.util.regex.Pattern.compile("\\d{3}-\\d{2}-\\d{4}");
    static final String[] NEGATIVE = {"part", "model", "sku", "product", "item", "serial", "order", "invoice",
        "isbn", "ref", "reference", "tracking", "version", "build", "timestamp", "epoch", "lot", "nhs", "ssn", "social security", "passport", "iban", "card", "型号", "编号", "订单", "单号", "发票", "流水号", "产品", "身份证", "护照", "卡号",
        "incident", "ticket", "case", "catalogue", "catalog", "code", "pin", "batch", "receipt", "nr", "nr.",
        "rechnung", "bestellung", "auftrag", "kundennummer", "vorgang", "工单", "批号", "验证码"};
    private static final Context.Words POSITIVE_WORDS = new Context.Words(POSITIVE);
    private static final Context.Words NEGATIVE_WORDS = new Context.Words(NEGATIVE);
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private final List<String> regions;

    public PhoneRecognizer() {
        this(List.of("US", "GB", "CN", "DE", "FR", "IN", "AU", "CA"));
    }

    public PhoneRecognizer(List<String> regions) {
        this.regions = List.copyOf(regions);
    }

    @Override
    public String name() {
        return "phone";
    }

    @Override
    public Set<String> types() {
        return Set.of("PHONE_NUMBER");
    }

    private static boolean phoneChar(char c) {
        return (c >= '0' && c <= '9') || c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/';
    }

    @Override
    public void analyze(PiiText t, List<PiiCandidate> out) {
        String s = t.normalized();
        char[] cs = t.chars();
        int n = s.length();
        Map<Phonenumber.PhoneNumber, Boolean> validity = new HashMap<>();
        int i = 0;
        int[] starts = t.digitRunStarts();
        int next = 0;
        while (i < n) {
            // A number starts at a digit run or at the '+' or '(' right before one. Any position before the next
            // such start is passed over: it starts nothing, and a word skipped from it that takes in that start
            // is one the start itself would be skipped with (a digit glued to the word char before it).
            while (next < starts.length && starts[next] < i) {
                next++;
            }
            if (next == starts.length) {
                break;
            }
            int p = starts[next];
            i = p - 1 >= i && (cs[p - 1] == '+' || cs[p - 1] == '(') ? p - 1 : p;
            if (validity.size() > 4096) {
                validity.clear(); // only a memo: a long text's numbers need not all stay in it
            }
            char c = cs[i];
            boolean startOk = (c >= '0' && c <= '9') || ((c == '+' || c == '(') && t.isDigit(i + 1));
            if (!startOk || t.isWordChar(i - 1) || (i > 0 && (cs[i - 1] == '.' || cs[i - 1] == '-'
                    || cs[i - 1] == '/' || cs[i - 1] == '#' || cs[i - 1] == ':') && t.isWordChar(i - 2)
                    && !Context.before(t, i, 8, "tel:", "tel.:", "phone:", "fax:", "mobile:", "cell:"))) {
                boolean word = t.isWordChar(i);
                i++;
                while (word && i < n && t.isWordChar(i)) {
                    i++;
                }
                continue;
            }
            int j = i + 1;
            int digits = c >= '0' && c <= '9' ? 1 : 0;
            int lastDigit = digits == 1 ? i + 1 : i;
            int seps = 0;
            boolean sepRun = false;
            while (j < n && j - i < 28) {
                char d = cs[j];
                if (d >= '0' && d <= '9') {
                    digits++;
                    lastDigit = j + 1;
                    sepRun = false;
                } else if (phoneChar(d)) {
                    if (sepRun && d != '(' && cs[j - 1] != ')') {
                        break;
                    }
                    sepRun = true;
                    seps++;
                } else {
                    break;
                }
                j++;
            }
            boolean tooLong = j - i >= 28;
            int end = lastDigit;
            if (c == '(' && s.indexOf(')', i) < 0 | s.indexOf(')', i) >= end) {
                i++; // "(020 7260 3422)": the bracket encloses the number, it is not part of it
                c = cs[i];
            }
            if (c != '+' && c != '(' && (cardLayout(cs, i, end) || afterCodeGroup(cs, i))) {
                // Four groups of four digits are a card's layout (one failing Luhn is no phone either);
                // digits right after a group of letters and digits ("1Z 999 AA1 01 2345 6784") continue a code.
                i = Math.max(end, i + 1);
                continue;
            }
            // The whole run first, then shorter prefixes that end at a group boundary ("+44 20 7946 0018 4111 …").
            int found = -1;
            int tries = 0;
            int e = end;
            while (e > i && tries < 4) {
                int d = countDigits(s, i, e);
                if (d < 7) {
                    break;
                }
                boolean cut = e < end;
                if (cut && (cs[e] != ' ' || s.substring(i, end).indexOf('.') >= 0)) {
                    break; // only whole space-separated groups are cut off, never parts of a dotted number
                }
                if (d <= 15 && !t.isWordChar(e) && !(e == end && tooLong) && plausible(s, i, e)) {
                    tries++;
                    double score = validScore(t, i, e, d, validity);
                    if (score > 0) {
                        out.add(new PiiCandidate("PHONE_NUMBER", i, e, score, name()));
                        found = e;
                        break;
                    }
                }
                // Back to the end of the previous digit group.
                int k = e - 1;
                while (k > i && t.isDigit(k)) {
                    k--;
                }
                while (k > i && !t.isDigit(k - 1)) {
                    k--;
                }
                e = k;
            }
            if (found > 0) {
                end = found;
            } else if (tooLong) {
                // A table of digits, not a phone: skip the run up to a '+', which starts a new
                // international number ("4111 1111 1111 1111 +44 20 7946 0018").
                while (j < n && phoneChar(cs[j])) {
                    j++;
                }
                i = j;
                continue;
            }
            i = Math.max(end, i + 1);
            while (i < n && t.isWordChar(i)) {
                i++;
            }
        }
    }

    /** Rejects dates, times, dotted versions and IPs before libphonenumber sees them. */
    private static boolean plausible(String s, int i, int end) {
        String c = s.substring(i, end);
        if (c.indexOf('/') >= 0) {
            return false;
        }
        // Dates, IPs and the SSN layout all hold at least two '-' or '.': most candidates skip the regexes.
        int dashesAndDots = 0;
        for (int k = 0; k < c.length(); k++) {
            if (c.charAt(k) == '-' || c.charAt(k) == '.') {
                dashesAndDots++;
            }
        }
        boolean layouts = dashesAndDots >= 2;
        if (layouts && (DATE_LIKE.matcher(c).matches() || DATE_LIKE2.matcher(c).matches() || IP_LIKE.matcher(c).matches())) {
            return false;
        }
        boolean plain = true;
        int digits = 0;
        for (int k = 0; k < c.length(); k++) {
            char ch = c.charAt(k);
            if (ch >= '0' && ch <= '9') {
                digits++;
            } else {
                plain = false;
            }
        }
        if (plain && !(digits <= 12 && (c.charAt(0) == '0' || c.charAt(0) == '1' || digits == 10))) {
            return false; // a long bare number without a trunk prefix is an order or account number
        }
        int dots = 0;
        for (int k = 0; k < c.length(); k++) {
            if (c.charAt(k) == '.') {
                dots++;
            }
        }
        int lastSep = Math.max(c.lastIndexOf('-'), Math.max(c.lastIndexOf(' '), c.lastIndexOf('.')));
        if (!c.startsWith("+") && lastSep > 0 && c.length() - lastSep - 1 < 3 && c.indexOf('-') > 0) {
            return false; // "8908-287-62": a part number, not a phone layout
        }
        if (layouts && SSN_LIKE.matcher(c).matches()) {
            return false; // the SSN layout
        }
        int open = c.indexOf('(');
        int close = c.indexOf(')');
        return dots <= 3 && (open < 0) == (close < 0) && (open < 0 || open < close);
    }

    private static int countDigits(String s, int from, int to) {
        int d = 0;
        for (int k = from; k < to; k++) {
            char ch = s.charAt(k);
            if (ch >= '0' && ch <= '9') {
                d++;
            }
        }
        return d;
    }

    private static boolean possible(String number) {
        try {
            return UTIL.isPossibleNumber(UTIL.parse(number, "ZZ"));
        } catch (NumberParseException e) {
            return false;
        }
    }

    /**
     * libphonenumber validation. The common layouts (an international number's digits, or a national
     * number with or without its trunk prefix) are turned into a {@code PhoneNumber} directly, which
     * skips {@code parse}'s text handling; only when that says no does the full {@code parse} run.
     */
    private static boolean valid(String number, String region, Map<Phonenumber.PhoneNumber, Boolean> validity) {
        if (fastValid(number, region, validity)) {
            return true;
        }
        if (parseAddsNothing(number, region)) {
            return false;
        }
        try {
            return isValid(UTIL.parse(number, region), validity);
        } catch (NumberParseException e) {
            return false;
        }
    }

    /**
     * {@code isValidNumber}, remembered per number within one text: the regions tried for a candidate
     * often lead to the same number (US and CA share +1; {@code parse} mostly yields what was built).
     */
    private static boolean isValid(Phonenumber.PhoneNumber pn, Map<Phonenumber.PhoneNumber, Boolean> validity) {
        Boolean known = validity.get(pn);
        if (known == null) {
            known = lengthPossible(pn) && UTIL.isValidNumber(pn);
            validity.put(pn, known);
        }
        return known;
    }

    /**
     * False only when no number of this length can be valid: {@code isValidNumber} requires the national
     * number's length to be among the general description's possible lengths, which
     * {@code isPossibleNumberWithReason} checks without any regex. That check reads the country code's main
     * region only, so it is used as is only where every region of the code shares it: a single-region code,
     * or +1 (every NANP region has 10-digit numbers). A code shared by several regions (+44, +7, +262 …)
     * gets the union of its regions' general-description lengths instead. It spares the per-region pattern
     * matching for the many wrong-length readings (a 12-digit card prefix read as a US number).
     */
    static boolean lengthPossible(Phonenumber.PhoneNumber pn) {
        int cc = pn.getCountryCode();
        if (cc != 1 && UTIL.getRegionCodesForCountryCode(cc).size() != 1) {
            // Several regions share the code: the number is valid only if it is valid for one of them, so its
            // length must be among the general-description lengths of one of them.
            boolean[] lengths = SHARED_CODE_LENGTHS.computeIfAbsent(cc, PhoneRecognizer::lengthsOfRegions);
            int len = UTIL.getNationalSignificantNumber(pn).length();
            return lengths.length == 0 || len >= lengths.length || lengths[len];
        }
        PhoneNumberUtil.ValidationResult r = UTIL.isPossibleNumberWithReason(pn);
        return r != PhoneNumberUtil.ValidationResult.TOO_SHORT && r != PhoneNumberUtil.ValidationResult.TOO_LONG
                && r != PhoneNumberUtil.ValidationResult.INVALID_LENGTH;
    }

    /** Per shared country code: the union of its regions' possible lengths; empty when some region lists none. */
    private static final Map<Integer, boolean[]> SHARED_CODE_LENGTHS = new java.util.concurrent.ConcurrentHashMap<>();

    private static boolean[] lengthsOfRegions(int cc) {
        boolean[] lengths = new boolean[18];
        try {
            for (String region : UTIL.getRegionCodesForCountryCode(cc)) {
                com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata md =
                        com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider.getInstance()
                                .getPhoneNumberMetadataSource().getMetadataForRegion(region);
                if (md == null || md.getGeneralDesc().getPossibleLengthCount() == 0) {
                    return new boolean[0];
                }
                for (int len : md.getGeneralDesc().getPossibleLengthList()) {
                    if (len < 0 || len >= lengths.length) {
                        return new boolean[0];
                    }
                    lengths[len] = true;
                }
            }
        } catch (RuntimeException e) {
            return new boolean[0];
        }
        return lengths;
    }

    private static boolean fastValid(String number, String region, Map<Phonenumber.PhoneNumber, Boolean> validity) {
        StringBuilder d = new StringBuilder(16);
        for (int k = 0; k < number.length(); k++) {
            char ch = number.charAt(k);
            if (ch >= '0' && ch <= '9') {
                d.append(ch);
            } else if (ch != ' ' && ch != '-' && ch != '.' && ch != '+' && ch != '(' && ch != ')') {
                return false;
            }
        }
        String digits = d.toString();
        if (number.startsWith("+")) {
            for (int ccLen = 1; ccLen <= 3 && ccLen < digits.length(); ccLen++) {
                int cc = Integer.parseInt(digits.substring(0, ccLen));
                if (!"ZZ".equals(UTIL.getRegionCodeForCountryCode(cc))) {
                    return build(cc, digits.substring(ccLen), validity);
                }
            }
            return false;
        }
        int cc = UTIL.getCountryCodeForRegion(region);
        if (cc == 0) {
            return false;
        }
        if (build(cc, digits, validity)) {
            return true;
        }
        String ndd = UTIL.getNddPrefixForRegion(region, true);
        return ndd != null && !ndd.isEmpty() && digits.startsWith(ndd) && build(cc, digits.substring(ndd.length()), validity);
    }

    /**
     * What {@code parse} may strip from a national-format number of a region: its country code, a match of its
     * international prefix, a match of its national prefix for parsing. {@code null} fields: unknown region, or one
     * with a national-prefix transform rule (which may rewrite the number): never skip parse then.
     */
    private record Prefixes(String countryCode, java.util.regex.Pattern idd, java.util.regex.Pattern nationalPrefix) {
    }

    private static final Map<String, Prefixes> PREFIXES = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Prefixes UNKNOWN = new Prefixes(null, null, null);

    private static Prefixes prefixes(String region) {
        return PREFIXES.computeIfAbsent(region, PhoneRecognizer::readPrefixes);
    }

    private static Prefixes readPrefixes(String region) {
        try {
            com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata md =
                    com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider.getInstance()
                            .getPhoneNumberMetadataSource().getMetadataForRegion(region);
            if (md == null || md.getNationalPrefixTransformRule() != null
                    && !md.getNationalPrefixTransformRule().isEmpty()) {
                return UNKNOWN;
            }
            return new Prefixes(String.valueOf(md.getCountryCode()), compile(md.getInternationalPrefix()),
                    compile(md.getNationalPrefixForParsing()));
        } catch (RuntimeException e) {
            return UNKNOWN;
        }
    }

    private static java.util.regex.Pattern compile(String regex) {
        return regex == null || regex.isEmpty() ? null : java.util.regex.Pattern.compile(regex);
    }

    /**
     * True when {@code parse(number, region)} can only yield the number {@link #fastValid} already built and found
     * invalid, (country code of region, all digits), or throw, so {@code valid} is false without it. parse turns a
     * number without '+' into a national number by normalising it to its digits and then only stripping prefixes:
     * a match of the international prefix (then a country code), the region's own country code, or a non-empty
     * match of the national prefix for parsing (with a carrier code); it sets a leading-zero flag for a leading 0
     * and strips an extension only after a marker (ext, x, #, ',' or ';'), none of which occurs here. So when the
     * digits start with none of those (regions with a transform rule, which may rewrite the number, are never
     * skipped), do not start with 0, and fastValid did build the number (only digits and {@code space - . ( )},
     * 1-17 digits), nothing is left for parse to find. {@code PhoneParseSkipTest} checks this against parse.
     */
    static boolean parseAddsNothing(String number, String region) {
        StringBuilder d = new StringBuilder(20);
        for (int k = 0; k < number.length(); k++) {
            char ch = number.charAt(k);
            if (ch >= '0' && ch <= '9') {
                d.append(ch);
            } else if (ch != ' ' && ch != '-' && ch != '.' && ch != '(' && ch != ')') {
                return false;
            }
        }
        if (d.length() == 0 || d.length() > 17 || d.charAt(0) == '0' || UTIL.getCountryCodeForRegion(region) == 0) {
            return false;
        }
        Prefixes p = prefixes(region);
        if (p.countryCode() == null) {
            return false;
        }
        String digits = d.toString();
        if (digits.startsWith(p.countryCode())) {
            return false;
        }
        if (p.idd() != null && p.idd().matcher(digits).lookingAt()) {
            return false;
        }
        if (p.nationalPrefix() != null) {
            java.util.regex.Matcher m = p.nationalPrefix().matcher(digits);
            if (m.lookingAt() && m.end() > 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean build(int cc, String national, Map<Phonenumber.PhoneNumber, Boolean> validity) {
        if (national.isEmpty() || national.length() > 17 || national.charAt(0) == '0') {
            return false; // leading zeros (Italy) are left to parse()
        }
        Phonenumber.PhoneNumber pn = new Phonenumber.PhoneNumber().setCountryCode(cc)
                .setNationalNumber(Long.parseLong(national));
        return isValid(pn, validity);
    }

    private static boolean cardLayout(char[] cs, int i, int end) {
        if (end - i != 19) {
            return false;
        }
        char sep = cs[i + 4];
        if (sep != ' ' && sep != '-') {
            return false;
        }
        for (int k = 0; k < 19; k++) {
            char ch = cs[i + k];
            if (k % 5 == 4 ? ch != sep : ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }

    /** The token before {@code i} (one space between) mixes letters and digits, e.g. "AA1" in a tracking code. */
    private static boolean afterCodeGroup(char[] cs, int i) {
        if (i < 3 || cs[i - 1] != ' ') {
            return false;
        }
        boolean letter = false;
        boolean digit = false;
        int k = i - 2;
        while (k >= 0 && k > i - 10 && (Character.isLetterOrDigit(cs[k]) && cs[k] < 0x80)) {
            letter |= Character.isLetter(cs[k]);
            digit |= Character.isDigit(cs[k]);
            k--;
        }
        return letter && digit && (k < 0 || cs[k] == ' ') && i - 2 - k <= 6;
    }

    private double validScore(PiiText t, int i, int end, int digits, Map<Phonenumber.PhoneNumber, Boolean> validity) {
        String cand = t.normalized().substring(i, end);
        boolean intl = cand.startsWith("+") || cand.startsWith("00");
        boolean valid;
        if (intl) {
            valid = valid(cand.startsWith("00") ? "+" + cand.substring(2) : cand, "ZZ", validity);
        } else {
            boolean cnFirst = "zh".equals(t.lang()) || (digits == 11 && cand.charAt(0) == '1');
            valid = cnFirst && valid(cand, "CN", validity);
            for (int r = 0; r < regions.size() && !valid; r++) {
                valid = valid(cand, regions.get(r), validity);
            }
        }
        if (!valid && !intl) {
            return 0; // the context words below only matter for valid or international numbers
        }
        boolean yearRef = cand.length() == 9 && cand.charAt(4) == '-' && (cand.startsWith("19") || cand.startsWith("20"));
        // A negative word ("SSN", "order") belongs to the nearest value after it: it does not reach
        // past another number (or a placeholder) to this one. This also keeps scrubbing idempotent,
        // since a placeholder's length cannot move such a word into or out of the window.
        int negFrom = Math.max(0, i - 40);
        for (int k = i - 1; k >= negFrom; k--) {
            char ch = t.chars()[k];
            if ((ch >= '0' && ch <= '9') || ch == '>') {
                negFrom = k + 1;
                break;
            }
        }
        int pos = Context.lastIndexOf(t, i - 40, i, POSITIVE_WORDS);
        int neg = Context.lastIndexOf(t, negFrom, i, NEGATIVE_WORDS);
        if (pos >= 2 && neg >= 0 && neg < pos && pos - neg <= 4 && t.chars()[pos] == '号') {
            pos = -1; // "号码" as the head of a negative compound: 发票号码, 订单号码
        }
        int near = pos < 0 && neg < 0 ? 0 : pos >= neg ? 1 : -1;
        boolean ctx = near > 0;
        if (!valid) {
            // A well-formed international number after a phone word, missing from the metadata's ranges.
            return ctx && possible(cand.startsWith("00") ? "+" + cand.substring(2) : cand) ? 0.6 : 0;
        }
        if (near < 0 || yearRef && !ctx) {
            return 0.3; // yearRef: "2024-0457", a year and a serial (a reference), not a phone without phone words
        }
        boolean formatted = intl || cand.indexOf(' ') > 0 || cand.indexOf('-') > 0 || cand.indexOf('(') >= 0;
        char first = cand.charAt(0);
        if (ctx) {
            return 0.95;
        }
        if (formatted) {
            return 0.7;
        }
        // A bare run of digits is a phone only in context, except the unmistakable CN mobile shape.
        boolean cnMobile = digits == 11 && first == '1' && cand.charAt(1) >= '3';
        return cnMobile || first == '0' ? 0.6 : 0.45;
    }
}
