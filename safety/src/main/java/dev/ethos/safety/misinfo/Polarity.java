package dev.ethos.safety.misinfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a clause is negated. English: not, no, never, cannot, n't, nothing, none, neither, nor
 * (but not "not only", and not a clause-initial prohibition such as "don't", "never" or "stop",
 * which is advice that agrees with a claim rather than a denial of it). Chinese: 不, 没, 没有, 并非,
 * 未, 无法, 否认 outside common compounds (不仅, 不过, 不断, 不少, …) and outside prohibitions
 * (千万不能, 不要, 别, 切勿). Stateless.
 */
final class Polarity {
    private Polarity() {
    }

    private static final Pattern LEADING_CONJUNCTION = Pattern.compile("^(and|or|so|but|because|since|yet|then|which|that)\\s+");
    private static final Pattern EN_PROHIBIT = Pattern.compile(
            "^(please\\s+)?(don't|do not|never|stop|avoid|quit)\\b|^(you\\s+)?(should|must)\\s+(not|never)\\b");
    private static final Pattern ZH_PROHIBIT = Pattern.compile("千万(不能|不要|别|不可)|不要|别|切勿|勿|不可以|禁止");
    private static final Pattern ZH_NOT_NEG = Pattern.compile(
            "不仅|不过|不断|不少|不错|不同|不久|不管|不论|不得不|不安|不适|不良|不停|不已|不一定|非常|无非|不想让你知道|不愿意|"
                    + "不知道|都不知道|别人|特别|区别|差别|分别|类别|识别|告别|级别|性别|鉴别|不看后悔|不为人知");
    private static final Pattern ZH_NEG = Pattern.compile("不|没|并非|未|无法|否认|从未|毫无|无关");

    /**
     * The runs of a-z and apostrophes in {@code s}: the non-empty pieces of
     * {@code s.split("[^a-z']+")}, without the regex.
     */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : ' ';
            boolean in = c >= 'a' && c <= 'z' || c == '\'';
            if (in && start < 0) {
                start = i;
            } else if (!in && start >= 0) {
                out.add(s.substring(start, i));
                start = -1;
            }
        }
        return out;
    }

    /** True when {@code clause} states the negation of what it says. */
    static boolean negated(String clause, String lang) {
        if (Terms.hasHan(clause)) {
            String s = ZH_PROHIBIT.matcher(clause).replaceAll("");
            s = ZH_NOT_NEG.matcher(s).replaceAll("");
            return ZH_NEG.matcher(s).find();
        }
        String s = clause.toLowerCase(Locale.ROOT).replace('’', '\'').trim();
        s = LEADING_CONJUNCTION.matcher(s).replaceFirst("");
        if (EN_PROHIBIT.matcher(s).lookingAt()) {
            return false;
        }
        List<String> words = words(s);
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String nextWord = i + 1 < words.size() ? words.get(i + 1) : "";
            if (w.endsWith("n't")) {
                return true;
            }
            switch (w) {
                case "not":
                    if (!nextWord.equals("only") && !nextWord.equals("just") && !nextWord.equals("merely")) {
                        return true;
                    }
                    break;
                case "no":
                    if (!nextWord.equals("doubt") && !nextWord.equals("wonder") && !nextWord.equals("matter")) {
                        return true;
                    }
                    break;
                case "never":
                    if (!nextWord.equals("been") && !nextWord.equals("before")) {
                        return true;
                    }
                    break;
                case "cannot": case "nothing": case "none": case "neither": case "nor": case "nobody":
                    return true;
                default:
                    break;
            }
        }
        return false;
    }
}
