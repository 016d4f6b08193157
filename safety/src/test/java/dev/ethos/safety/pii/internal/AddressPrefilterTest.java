package dev.ethos.safety.pii.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The street-address prefilters may only skip a position where the pattern cannot match: wherever
 * {@code WESTERN} or {@code CHINESE} matches, the prefilter must say yes.
 */
class AddressPrefilterTest {
    private static final List<String> WESTERN_TOKENS = List.of("12", "4", "221B", "12-14", "123456", "5th", "N.", "S",
            "West", "Main", "O'Connell", "Saint-Denis", "Elm", "Street", "St", "St.", "Ave.", "Rd", "Pl", "Please",
            "Terrace", "Way", "Walk", "Parade", "Esplanade", "street", "Flat", "Apt", "Apt.", "Suite", "Unit", "Room",
            "#12", "4B", "Springfield", "IL", "62704", "62704-1234", "SW1A 1AA", "London", "NE", "the", "was", "Zoë",
            "Ünter", "Stéphane", "Parkway", "Parkways", "Quay", "Wharf");
    private static final List<String> SEPARATORS = List.of(" ", " ", " ", ", ", ",", "\n", "\t", ". ", "  ", "-", ":",
            "\u000B", "\r");
    private static final List<String> CHINESE_TOKENS = List.of("北京", "北京市", "上海市", "浙江省", "内蒙古自治区", "杭州市",
            "延边朝鲜族自治州", "锡林郭勒盟", "西湖区", "昌平县", "科尔沁右翼前旗", "城关镇", "中关村街道", "文三", "中山", "路", "街",
            "大道", "巷", "胡同", "弄", "二段", "12", "123", "12-3", "号", "號", "院", "3号楼", "A座", "1单元", "12层", "1201室",
            "国贸大厦", "阳光花园", "收货地址：", "住在", "寄到", "到", "在", "于", "是", "的", "，", "。", " ", "A", "市", "区",
            "县", "州", "大", "新");

    @Provide
    Arbitrary<String> westernTexts() {
        Arbitrary<String> token = Arbitraries.of(WESTERN_TOKENS);
        Arbitrary<String> sep = Arbitraries.of(SEPARATORS);
        return token.flatMap(t -> sep.map(s -> t + s)).list().ofMinSize(1).ofMaxSize(14).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> chineseTexts() {
        return Arbitraries.of(CHINESE_TOKENS).list().ofMinSize(1).ofMaxSize(16).map(l -> String.join("", l));
    }

    @Property(tries = 3000)
    void westernPrefilterNeverSkipsAMatch(@ForAll("westernTexts") String text) {
        char[] cs = text.toCharArray();
        Matcher m = StreetAddressRecognizer.WESTERN.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        for (int i = 0; i < cs.length; i++) {
            int end = Math.min(cs.length, i + 200);
            m.region(i, end);
            if (m.lookingAt()) {
                assertTrue(StreetAddressRecognizer.suffixAhead(cs, i, end), "skipped a match at " + i + " in: " + text);
            }
        }
    }

    @Property(tries = 3000)
    void chinesePrefilterNeverSkipsAMatch(@ForAll("chineseTexts") String text) {
        char[] cs = text.toCharArray();
        Matcher m = StreetAddressRecognizer.CHINESE.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        for (int q = 0; q < cs.length; q++) {
            m.region(q, cs.length);
            if (m.lookingAt()) {
                assertTrue(StreetAddressRecognizer.mayStartChinese(cs, q), "skipped a match at " + q + " in: " + text);
            }
        }
    }

    @Test
    void prefiltersPassRealAddressesAndSkipProse() {
        String us = "1600 Pennsylvania Avenue NW, Washington, DC 20500";
        assertTrue(StreetAddressRecognizer.suffixAhead(us.toCharArray(), 0, us.length()));
        String unit = "Flat 12, 221B Baker St. London NW1 6XE";
        assertTrue(StreetAddressRecognizer.suffixAhead(unit.toCharArray(), 0, unit.length()));
        String card = "4111 1111 1111 1111 was charged. Please review the draft.";
        assertFalse(StreetAddressRecognizer.suffixAhead(card.toCharArray(), 0, card.length()));
        String zh = "收货地址：浙江省杭州市西湖区文三路12号";
        assertTrue(StreetAddressRecognizer.mayStartChinese(zh.toCharArray(), 5)); // 浙
        assertFalse(StreetAddressRecognizer.mayStartChinese(zh.toCharArray(), 1)); // 货, after a Han char
    }
}
