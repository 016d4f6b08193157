package dev.ethos.safety.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Surname characters that are mostly adverbs, pronouns or common verbs (都, 那, 曾, 于, 来, 安 …) and
 * reduplicated characters (谈谈) must not make a PERSON in PII-free prose, while real names with those
 * surnames in a name slot (label, naming verb, title, role word + common given name) are still found.
 */
class ChineseFunctionSurnameTest {
    private static final PiiAnalyzer ANALYZER = PiiAnalyzer.ofDefaults();

    private static List<String> persons(String text) {
        return ANALYZER.analyze(text, "zh").stream().filter(e -> e.type().equals("PERSON"))
                .map(e -> e.valueIn(text)).collect(Collectors.toList());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "所有员工都应按时提交周报。",
        "每位会员都可以免费停车。",
        "这些学生都不喜欢早起。",
        "患者曾在去年接受过手术。",
        "那位作者的观点很有意思。",
        "我们想和老师谈谈这个问题。",
        "用户向客服反映了问题。",
        "请核实这条消息的来源。",
        "该疫苗是安全的。",
        "这个谣言后来被一名大学生揭穿。",
        "他常常加班到深夜。",
        "所有用户都应更新密码。",
        "每位用户都可以报名。",
        "新来的同事都不认识他。",
        "用户曾在论坛发帖。",
        "客户那边还没回复。",
        "我想找老师谈谈。",
        "申请人应于周五前补交材料。",
    })
    void functionWordsAreNotNames(String text) {
        assertEquals(List.of(), persons(text), text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "姓名：都丽华|都丽华",
        "联系人：曾文斌，电话见附件。|曾文斌",
        "请把合同交给于晓明。|于晓明",
        "曾国强医生今天值班。|曾国强",
        "客户安佳怡，会员号已更新。|安佳怡",
        "黄欣怡、谈志远参加了会议。|谈志远",
    })
    void realNamesWithTheseSurnamesAreKept(String spec) {
        String[] p = spec.split("\\|");
        assertTrue(persons(p[0]).contains(p[1]), () -> p[1] + " not in " + persons(p[0]));
    }
}
