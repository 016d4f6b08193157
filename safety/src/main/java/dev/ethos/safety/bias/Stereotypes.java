package dev.ethos.safety.bias;

import static dev.ethos.safety.bias.EnglishRewriter.NUM;
import static dev.ethos.safety.bias.EnglishRewriter.PUNCT;
import static dev.ethos.safety.bias.EnglishRewriter.WORD;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Stereotype generalisations about a gender ("women are bad at maths", "男人天生…"): these cannot be
 * rewritten into neutral language without changing what the text claims, so they are flagged
 * (finding type {@code STEREOTYPE}) and left as they are. A sentence is one when a bare plural
 * gender group (or "a woman", "every man") is the subject of a generalising predicate about
 * ability, nature or place. A sentence that discusses the stereotype ("a myth", "stereotype") is not.
 */
final class Stereotypes {
    /** An immutable set that tolerates repeated words in the lists below. */
    static Set<String> set(String... words) {
        return Set.copyOf(java.util.Arrays.asList(words));
    }

    static final String TYPE = "STEREOTYPE";

    private static final Set<String> GROUPS = set("women", "men", "girls", "boys", "females", "males", "ladies",
            "guys", "wives", "husbands", "mothers", "fathers", "woman", "man", "girl", "boy", "female", "male");
    private static final Set<String> SINGULAR_GROUPS = set("woman", "man", "girl", "boy", "female", "male");
    private static final Set<String> SPECIFIC_BEFORE = set("the", "these", "those", "my", "our", "your", "his",
            "her", "their", "some", "many", "two", "three", "several", "few", "young", "older", "of", "for", "to",
            "with", "and", "both");
    private static final Set<String> GENERALISERS = set("are", "aren't", "can't", "cannot", "should",
            "shouldn't", "don't", "never", "always", "naturally", "belong", "tend", "lack", "just", "simply",
            "is", "isn't", "can", "must", "were", "will", "won't", "make", "do", "all", "inherently", "by",
            "generally", "really", "need", "only", "have", "think", "talk", "cry", "get", "love", "hate");
    private static final Set<String> EVALUATIVE = set("bad", "worse", "worst", "better", "best", "good",
            "weak", "weaker", "strong", "stronger", "emotional", "rational", "logical", "irrational", "smarter",
            "dumber", "stupid", "naturally", "belong", "suited", "unsuited", "capable", "incapable", "cry",
            "lead", "leaders", "math", "maths", "mathematics", "science", "engineering", "drive", "drivers",
            "driving", "kitchen", "home", "nurturing", "aggressive", "hysterical", "bossy", "inferior", "superior",
            "nature", "innately", "inherently", "biologically", "cannot", "can't", "shouldn't", "never",
            "always", "worse", "technical", "programming", "sensitive", "gossip", "nag", "dramatic", "tough",
            "caring", "fragile", "handle", "understand", "ability", "brains");
    private static final Set<String> META = set("myth", "stereotype", "stereotypes", "stereotypical",
            "misconception", "false", "untrue", "prejudice", "bias", "biased", "sexist", "claim", "wrong");

    private static final Pattern ZH = Pattern.compile(
            "(男人|女人|男性|女性|男生|女生|女孩子?|男孩子?|女的|男的|女司机|女人家|男人家)"
                    + "[^，。！？；,.!?]{0,4}?(天生|天性|本来就|生来|就该|就应该|不适合|不擅长|不如|更适合|只适合|学不好|做不好|"
                    + "开不好|注定|都不会|都不行|都很差|都不擅长|都开不好|比[^，。！？；]{0,4}(更|差|强|好|擅长|理性|感性))");
    private static final Pattern ZH_META = Pattern.compile("(刻板印象|偏见|误解|谬论|并非|不是事实|歧视)");

    private Stereotypes() {
    }

    /** Is the English sentence in tokens {@code [from, to)} a stereotype generalisation? */
    static boolean english(EnglishRewriter.Tokens t, String text, int from, int to) {
        boolean group = false;
        for (int i = from; i < to; i++) {
            if (t.kind[i] == WORD && GROUPS.contains(t.lower[i])) {
                group = true;
                break;
            }
        }
        if (!group) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (t.kind[i] == WORD && META.contains(t.lower[i])) {
                return false;
            }
        }
        for (int i = from; i < to; i++) {
            if (t.kind[i] != WORD || !GROUPS.contains(t.lower[i])) {
                continue;
            }
            String g = t.lower[i];
            int p = prevWord(t, i, from);
            String before = p >= 0 ? t.lower[p] : null;
            if (SINGULAR_GROUPS.contains(g)) {
                // only "a woman", "every man", "any girl" generalise
                if (before == null || !(before.equals("a") || before.equals("every") || before.equals("any"))) {
                    continue;
                }
            } else if (before != null && SPECIFIC_BEFORE.contains(before)) {
                continue;
            }
            int k = nextWord(t, i, to);
            if (k < 0 || !GENERALISERS.contains(t.lower[k])) {
                continue;
            }
            for (int j = k; j < to; j++) {
                if (t.kind[j] == WORD && EVALUATIVE.contains(t.lower[j])) {
                    return true;
                }
                if (t.kind[j] == NUM) {
                    break;
                }
            }
        }
        return false;
    }

    private static int prevWord(EnglishRewriter.Tokens t, int i, int from) {
        for (int k = i - 1; k >= from; k--) {
            if (t.kind[k] == WORD) {
                return k;
            }
            if (t.kind[k] == PUNCT || t.kind[k] == NUM) {
                return -1;
            }
        }
        return -1;
    }

    private static int nextWord(EnglishRewriter.Tokens t, int i, int to) {
        for (int k = i + 1; k < to; k++) {
            if (t.kind[k] == WORD) {
                return k;
            }
            if (t.kind[k] == PUNCT || t.kind[k] == NUM) {
                return -1;
            }
        }
        return -1;
    }

    /** Is the Chinese sentence {@code s} a stereotype generalisation? */
    static boolean chinese(String s) {
        return ZH.matcher(s).find() && !ZH_META.matcher(s).find();
    }
}
