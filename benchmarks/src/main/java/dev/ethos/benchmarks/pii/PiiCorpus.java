package dev.ethos.benchmarks.pii;

import dev.ethos.safety.pii.internal.Checksums;
import java.util.Random;

/**
 * A generated mixed English/Chinese corpus: mostly ordinary prose with about one PII value per 200
 * characters (names, e-mails, phones, cards, IBANs, IPs, dates of birth, resident IDs, addresses, SSNs), each value
 * freshly generated so that no cache could help.
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
    private static final String[] GIVEN = {"Maria", "James", "Aisha", "Liam", "Chloe", "Noah", "Priya", "Lukas",
        "Emma", "Oliver", "Sofia", "Ethan", "Hannah", "Mateo", "Grace", "Daniel"};
    private static final String[] FAMILY = {"Gonzalez", "Smith", "Khan", "Murphy", "Dubois", "Walker", "Sharma", "Fischer",
        "Taylor", "Brown", "Rossi", "Nguyen", "Schmidt", "Garcia", "Hopper", "Okafor"};
    private static final String[] ZH_SUR = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
    private static final String[] ZH_GIV = {"建国", "丽", "伟", "芳", "晓明", "静", "磊", "婷", "志强", "雨"};

    private PiiCorpus() {
    }

    private static String digits(Random r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + r.nextInt(10)));
        }
        return sb.toString();
    }

    /** One sentence with one PII value, every value freshly generated (no repeats to cache). */
    static String pii(Random r) {
        String given = GIVEN[r.nextInt(GIVEN.length)];
        String family = FAMILY[r.nextInt(FAMILY.length)];
        switch (r.nextInt(12)) {
            case 0:
                return "Contact " + given + " " + family + " about the renewal. ";
            case 1:
                return "Write to " + given.toLowerCase() + "." + family.toLowerCase() + r.nextInt(100) + "@example.org today. ";
            case 2:
                return "Call +44 20 7946 " + digits(r, 4) + " to reschedule. ";
            case 3: {
                String body = "4" + digits(r, 14);
                String card = body + Checksums.luhnCheckDigit(body);
                return "Card " + card.substring(0, 4) + " " + card.substring(4, 8) + " " + card.substring(8, 12) + " "
                        + card.substring(12) + " was charged. ";
            }
            case 4: {
                String bban = digits(r, 18);
                return "IBAN DE" + Checksums.ibanCheckDigits("DE", bban) + bban + " received the refund. ";
            }
            case 5:
                return "Login from " + (r.nextInt(223) + 1) + "." + r.nextInt(256) + "." + r.nextInt(256) + "."
                        + r.nextInt(256) + " at noon. ";
            case 6:
                return "Dr. " + given + " " + family + " (DOB 19" + (50 + r.nextInt(50)) + "-0" + (1 + r.nextInt(9)) + "-1"
                        + r.nextInt(10) + ") joined the panel. ";
            case 7:
                return "Ship it to " + (1 + r.nextInt(9999)) + " Evergreen Terrace, Springfield, IL 6" + digits(r, 4) + ". ";
            case 8:
                return "请联系" + ZH_SUR[r.nextInt(ZH_SUR.length)] + ZH_GIV[r.nextInt(ZH_GIV.length)] + "先生，电话13"
                        + digits(r, 9) + "。";
            case 9: {
                String first17 = "110101" + (1950 + r.nextInt(50)) + "0" + (1 + r.nextInt(9)) + (10 + r.nextInt(18))
                        + digits(r, 3);
                return "身份证号" + first17 + Checksums.cnIdCheck(first17) + "，请核对。";
            }
            case 10:
                return "收货地址：浙江省杭州市西湖区文三路" + (1 + r.nextInt(999)) + "号。";
            default:
                return "SSN " + (100 + r.nextInt(500)) + "-" + (10 + r.nextInt(89)) + "-" + (1000 + r.nextInt(8999))
                        + " is on the form. ";
        }
    }


    /** About {@code chars} characters of corpus. */
    public static String generate(int chars, long seed) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder(chars + 256);
        int sinceLast = 0;
        while (sb.length() < chars) {
            String s;
            if (sinceLast >= 170) {
                s = pii(r);
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
