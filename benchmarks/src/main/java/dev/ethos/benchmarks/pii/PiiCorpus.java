package dev.ethos.benchmarks.pii;

import java.util.Random;

/**
 * A generated mixed English/Chinese corpus: mostly ordinary prose with about one PII value per 200
 * characters (names, e-mails, phones, cards, IBANs, IPs, dates of birth, resident IDs, addresses, keys).
 * Deterministic for a given seed.
 */
public final class PiiCorpus {
    private static final String[] EN = {
        "The quarterly report shows steady growth across all regions and the team expects more next year. ",
        "Please review the attached draft before the meeting on Thursday and send your comments. ",
        "Our support engineers resolved most tickets within a day, which customers appreciated. ",
        "The new release improves start-up time, fixes several bugs and updates the documentation. ",
        "Shipping costs went up slightly, so the finance group adjusted the budget for the spring. ",
        "Version 4.2.1.7 of the agent is rolling out to all servers over the weekend. ",
        "Order 20250814370214 shipped on 2025-08-14 and should arrive within five working days. ",
    };
    private static final String[] ZH = {
        "本季度的业绩报告显示各地区均保持稳定增长，团队对明年的前景充满信心。",
        "请在周四会议之前审阅附件中的草稿，并把意见发给项目负责人。",
        "新版本缩短了启动时间，修复了若干问题，并更新了使用文档。",
        "由于运费略有上涨，财务部门对春季预算进行了相应调整。",
        "订单号20231021027413已于昨日发货，预计三天内送达。",
    };
    private static final String[] PII = {
        "Contact Maria Gonzalez at maria.gonzalez@example.org. ",
        "Call +44 20 7946 0018 to reschedule. ",
        "Card 4111 1111 1111 1111 was charged. ",
        "IBAN DE89 3704 0044 0532 0130 00 received the refund. ",
        "Login from 203.0.113.45 at noon. ",
        "Dr. Grace Hopper (DOB 1906-12-09) joined the panel. ",
        "Ship it to 742 Evergreen Terrace, Springfield, IL 62704. ",
        "The key AKIAIOSFODNN7EXAMPLE was rotated. ",
        "请联系王建国先生，电话13800138000。",
        "身份证号11010519491231002X，请核对。",
        "收货地址：浙江省杭州市西湖区文三路90号。",
        "SSN 123-45-6789 is on the form. ",
    };

    private PiiCorpus() {
    }

    /** About {@code chars} characters of corpus. */
    public static String generate(int chars, long seed) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder(chars + 256);
        int sinceLast = 0;
        while (sb.length() < chars) {
            String s;
            if (sinceLast >= 170) {
                s = PII[r.nextInt(PII.length)];
                sinceLast = 0;
            } else {
                s = r.nextInt(3) == 0 ? ZH[r.nextInt(ZH.length)] : EN[r.nextInt(EN.length)];
                sinceLast += s.length();
            }
            sb.append(s);
        }
        sb.setLength(chars);
        return sb.toString();
    }
}
