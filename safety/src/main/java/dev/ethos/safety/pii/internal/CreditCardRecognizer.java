package dev.ethos.safety.pii.internal;

import dev.ethos.safety.pii.PiiCandidate;
import dev.ethos.safety.pii.PiiText;
import dev.ethos.safety.pii.Recognizer;
import java.util.List;
import java.util.Set;

/**
 * Payment-card numbers: 13-19 digits, plain or in groups joined by one space or hyphen, that pass
 * Luhn and start with an issuer prefix (Visa, Mastercard incl. 2-series, Amex, Discover, JCB, Diners,
 * UnionPay, Maestro). Score 0.8; card words nearby (card, visa, 信用卡, 银行卡, 卡号 …) raise it to
 * 0.95, reference/order/tracking words lower it to 0.3.
 */
public final class CreditCardRecognizer implements Recognizer {
    static final String[] POSITIVE = {"card", "credit", "debit", "visa", "mastercard", "amex", "american express",
        "discover", "payment", "pay", "cc", "信用卡", "银行卡", "卡号", "借记卡", "储蓄卡", "银联", "刷卡"};
    static final String[] NEGATIVE = {"reference", "ref", "order", "invoice", "tracking", "isbn", "serial", "lot",
        "batch", "model", "part", "sku", "barcode", "imei", "timestamp",
        "transaction id", "account number", "订单", "流水号", "单号", "编号", "发票"};

    private static final Context.Words POSITIVE_WORDS = new Context.Words(POSITIVE);
    private static final Context.Words NEGATIVE_WORDS = new Context.Words(NEGATIVE);

    @Override
    public String name() {
        return "credit-card";
    }

    @Override
    public Set<String> types() {
        return Set.of("CREDIT_CARD");
    }

    @Override
    public void analyze(PiiText t, List<PiiCandidate> out) {
        DigitRun.scan(t, 13, 19, false, run -> {
            int digits = run.digits.length();
            if (run.separator == -1 || digits < 13 || !check(run.digits)) {
                return;
            }
            if (run.groups.length > 1 && !plausibleGroups(run.groups, run.groups.length)) {
                return;
            }
            int near = Context.nearer(t, run.start, 40, POSITIVE_WORDS, NEGATIVE_WORDS);
            double score = near > 0 ? 0.95 : near < 0 ? 0.3 : 0.8;
            out.add(new PiiCandidate("CREDIT_CARD", run.start, run.end, score, name()));
        });
    }

    private static boolean plausibleGroups(int[] groups, int g) {
        for (int i = 0; i < g; i++) {
            if (groups[i] < 3 || groups[i] > 6) {
                return false;
            }
        }
        return true;
    }

    static boolean check(String d) {
        return issuer(d) && Checksums.luhn(d);
    }

    static boolean issuer(String d) {
        int n = d.length();
        int p2 = Integer.parseInt(d.substring(0, 2));
        int p4 = Integer.parseInt(d.substring(0, 4));
        char c = d.charAt(0);
        if (c == '4') {
            return n == 13 || n == 16 || n == 19;
        }
        if (p2 >= 51 && p2 <= 55 || p4 >= 2221 && p4 <= 2720) {
            return n == 16;
        }
        if (p2 == 34 || p2 == 37) {
            return n == 15;
        }
        if (p2 == 36 || p2 == 38 || p2 == 39 || (p4 >= 3000 && p4 <= 3059)) {
            return n >= 14 && n <= 19;
        }
        if (p4 >= 3528 && p4 <= 3589) {
            return n >= 16 && n <= 19;
        }
        if (p4 == 6011 || p2 == 65 || (p4 >= 6440 && p4 <= 6499)) {
            return n >= 16 && n <= 19;
        }
        if (p2 == 62 || p2 == 81) {
            return n >= 16 && n <= 19;
        }
        if (p2 == 50 || (p2 >= 56 && p2 <= 58) || p2 == 67 || p2 == 63) {
            return n >= 12 && n <= 19;
        }
        return false;
    }
}
