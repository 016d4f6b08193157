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
    private static final String CAP_WORD = "[A-Z][\\p{L}'\\-]{1,20}";
    private static final String CITY_WORD = "[A-Z][\\p{Ll}'\\-]{1,20}";
    private static final Pattern WESTERN = Pattern.compile(
            "(?<![\\p{L}\\d])"
            + "(?:(?:Flat|Apartment|Apt\\.?|Unit|Suite)\\s\\d{1,5}[A-Za-z]?,?\\s)?"
            + "\\d{1,6}[A-Za-z]?(?:-\\d{1,4})?\\s"
            + "(?:(?:\\d{1,3}(?:st|nd|rd|th)|N\\.?|S\\.?|E\\.?|W\\.?|North|South|East|West|" + CAP_WORD + ")\\s){0,3}"
            + "(?:" + CAP_WORD + "\\s)?"
            + "(?:" + SUFFIX + ")\\.?"
            + "(?![\\p{L}])"
            + "(?:,?\\s(?:Apt|Apartment|Suite|Ste|Unit|Flat|Room|Fl|Floor)\\.?\\s?#?[A-Za-z0-9]{1,6})?"
            + "(?:,?\\s#\\d{1,6})?"
            + "(?:,\\s" + CITY_WORD + "(?:\\s" + CITY_WORD + "){0,2})?"
            + "(?:,?\\s(?:[A-Z]{2}\\s\\d{5}(?:-\\d{4})?|" + UK_POSTCODE + ")(?![A-Za-z0-9]))?");
    private static final Pattern GERMAN = Pattern.compile(
            "(?<![\\p{L}\\d])"
            + "(?:[A-ZÄÖÜ][\\p{L}\\-]{0,30}(?:straße|strasse|str\\.|weg|gasse|platz|allee|ring|damm|ufer|chaussee|steig|pfad|markt)"
            + "|(?:[A-ZÄÖÜ][\\p{L}\\-]{1,20}\\s)?(?:Straße|Strasse|Weg|Platz|Allee|Gasse|Ring|Damm))"
            + "\\s\\d{1,4}\\s?[a-z]?(?![\\p{L}\\d])"
            + "(?:,\\s\\d{5}\\s[A-ZÄÖÜ][\\p{L}\\-]{1,30}(?:\\s(?:an\\sder|am|im)\\s[A-ZÄÖÜ][\\p{L}]{1,20})?)?");
    private static final String PROVINCES = "北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南"
            + "|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门";
    private static final String HAN = "[\\u4e00-\\u9fa5]";
    private static final Pattern CHINESE = Pattern.compile(
            "(?:(?:" + PROVINCES + ")(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)?"
            + "(?:" + HAN + "{2,4}?(?:市|州|盟))?"
            + "|(?<=^|[^\\u4e00-\\u9fa5]|到|至|在|于|址|住|寄|往|是|为)[\\u4e00-\\u9fa5&&[^是在于到为的址至往寄住]]{2,3}?市)"
            + "(?:" + HAN + "{1,4}?(?:区|县|旗))?"
            + "(?:" + HAN + "{1,4}?(?:镇|乡|街道))?"
            + "[\\u4e00-\\u9fa5A-Za-z0-9]{1,10}?(?:路|街|大道|大街|巷|道|胡同|弄)"
            + "\\d{1,5}(?:-\\d{1,4})?[号號]"
            + "(?:院|" + HAN + "{1,8}?(?:大厦|中心|广场|大楼|花园|小区|公寓|园区|汇|城|苑|府|公馆|家园)"
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
        boolean hasDigit = false;
        boolean hasHan = false;
        for (int i = 0; i < s.length() && !(hasDigit && hasHan); i++) {
            char c = s.charAt(i);
            hasDigit |= c >= '0' && c <= '9';
            hasHan |= c >= 0x4e00 && c <= 0x9fa5;
        }
        if (!hasDigit) {
            return;
        }
        find(t, WESTERN, out);
        find(t, GERMAN, out);
        if (hasHan) {
            find(t, CHINESE, out);
        }
    }

    private void find(PiiText t, Pattern p, List<PiiCandidate> out) {
        Matcher m = p.matcher(t.normalized());
        while (m.find()) {
            int s = m.start();
            int e = m.end();
            if (e - s < 8) {
                continue;
            }
            double score = Context.before(t, s, 40, POSITIVE) ? 0.95 : 0.85;
            out.add(new PiiCandidate("STREET_ADDRESS", s, e, score, name()));
        }
    }
}
