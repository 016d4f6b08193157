package dev.ethos.safety.misinfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a text sentence by sentence and decides the flags: citations first (form is checked in any
 * stance), then, for sentences that assert rather than question, debunk, report or imagine, the
 * fact-check store, health cures, conspiracies and unsupported statistics; clickbait looks at the
 * sentence with the one before; grounding runs when sources were given. Immutable and thread-safe.
 */
final class Analyzer {
    /** One flag on a text: category, range in the analysed text, score, reason and details. */
    record Flag(MisinfoCategory category, int start, int end, double score, String reason,
                Map<String, String> details) {
    }

    private final FactCheckStore store;
    private final Citations citations;

    Analyzer(FactCheckStore store, Citations citations) {
        this.store = store;
        this.citations = citations;
    }

    /**
     * The flags of {@code text}.
     *
     * @param left the text before (for the previous sentence's context); may be empty
     * @param grounding the request's sources, or null
     */
    List<Flag> analyze(String text, String lang, CharSequence left, Grounding grounding) {
        List<Flag> out = new ArrayList<>();
        List<Sentences.Range> ranges = Sentences.split(text);
        String prev = lastSentence(left);
        for (int i = 0; i < ranges.size(); i++) {
            Sentences.Range r = ranges.get(i);
            String s = r.of(text);
            String sl = lang != null ? lang : dev.ethos.text.Languages.detect(s);
            String next = i + 1 < ranges.size() ? ranges.get(i + 1).of(text) : "";
            analyzeSentence(s, sl, prev, next, r.start(), grounding, out);
            prev = s;
        }
        out.sort(Comparator.comparingInt((Flag f) -> f.start()).thenComparing(f -> f.category().ordinal()));
        return out;
    }

    private static String lastSentence(CharSequence left) {
        if (left == null || left.length() == 0) {
            return "";
        }
        String tail = left.subSequence(Math.max(0, left.length() - 600), left.length()).toString();
        List<Sentences.Range> rs = Sentences.split(tail);
        return rs.isEmpty() ? "" : rs.get(rs.size() - 1).of(tail);
    }

    private void analyzeSentence(String s, String lang, String prev, String next, int at, Grounding grounding,
                                 List<Flag> out) {
        int end = at + s.length();
        for (Citations.Problem p : citations.check(s, prev)) {
            out.add(new Flag(MisinfoCategory.FABRICATED_CITATION, at, end, p.score(), p.rule(),
                    Map.of("rule", p.rule(), "citationStart", String.valueOf(at + p.start()),
                            "citationEnd", String.valueOf(at + p.end()))));
            break;
        }
        Stance st = Stance.of(s, lang, prev);
        // A debunk in the next sentence ("Some say X. That is a myth.") also takes the assertion back.
        boolean takenBack = !next.isEmpty() && startsDebunk(next, lang);
        boolean assertive = !st.nonAssertive() && !takenBack;
        boolean trueClaim = false;
        if (assertive && !st.opinion()) {
            List<ClaimMatch> matches = store.find(s, lang);
            double bestTrue = -1;
            for (ClaimMatch m : matches) {
                if (m.asserted() && m.factCheck().rating() == FactCheck.Rating.TRUE) {
                    bestTrue = Math.max(bestTrue, m.score());
                }
            }
            trueClaim = bestTrue >= 0;
            // A hedged sentence that also says the evidence is weak ("might raise the risk …, but the
            // evidence is inconclusive") states no claim; plain "may" or "can" alone still asserts one.
            boolean caveated = st.hedged() && !matches.isEmpty() && evidenceCaveat(s, lang);
            for (ClaimMatch m : caveated ? List.<ClaimMatch>of() : matches) {
                if (m.asserted() && m.factCheck().rating().flags() && m.score() > bestTrue) {
                    FactCheck fc = m.factCheck();
                    Map<String, String> d = new LinkedHashMap<>();
                    d.put("url", fc.url());
                    d.put("rating", fc.rating().name());
                    d.put("claim", fc.claim());
                    d.put("match", String.format(java.util.Locale.ROOT, "%.2f", m.score()));
                    out.add(new Flag(MisinfoCategory.KNOWN_FALSE, at, end, Math.min(1.0, 0.6 + 0.4 * m.score()),
                            "matches a claim rated " + fc.rating().name().toLowerCase(java.util.Locale.ROOT)
                                    + (fc.url().isEmpty() ? "" : " by " + fc.url()), d));
                    break;
                }
            }
        }
        if (assertive && !trueClaim && !st.opinion()) {
            Cues.Hit h = Cues.health(s, lang, Sentences.clauses(s), st);
            if (h != null) {
                out.add(new Flag(MisinfoCategory.HEALTH_CURE, at, end, h.score(), h.rule(), Map.of("rule", h.rule())));
            }
            Cues.Hit c = Cues.conspiracy(s, lang, st);
            if (c != null) {
                out.add(new Flag(MisinfoCategory.CONSPIRACY, at, end, c.score(), c.rule(), Map.of("rule", c.rule())));
            }
            Cues.Hit u = Cues.statistic(s, lang, st);
            if (u != null) {
                out.add(new Flag(MisinfoCategory.UNSUPPORTED_STATISTIC, at, end, u.score(), u.rule(),
                        Map.of("rule", u.rule())));
            }
        }
        if (!st.fiction() && !st.debunk()) {
            Cues.Hit k = Cues.clickbait(s, prev, lang);
            if (k != null) {
                out.add(new Flag(MisinfoCategory.CLICKBAIT_LURE, at, end, k.score(), k.rule(), Map.of("rule", k.rule())));
            }
        }
        if (grounding != null && !grounding.isEmpty() && !st.question()) {
            Grounding.Unsupported g = grounding.check(s, lang);
            if (g != null) {
                Map<String, String> d = new LinkedHashMap<>();
                d.put("source", String.valueOf(g.source()));
                d.put("sourceStart", String.valueOf(g.sourceStart()));
                d.put("sourceEnd", String.valueOf(g.sourceEnd()));
                d.put("overlap", String.format(java.util.Locale.ROOT, "%.2f", g.overlap()));
                out.add(new Flag(MisinfoCategory.UNSUPPORTED_BY_SOURCES, at, end, g.score(),
                        g.reason() + "; closest source " + g.source() + " [" + g.sourceStart() + ", " + g.sourceEnd()
                                + ")", d));
            }
        }
    }

    private static final java.util.regex.Pattern EN_TAKE_BACK = java.util.regex.Pattern.compile(
            "^((but |however,? )?(that|this|it|the claim|the rumou?r|this claim|that claim)('s| is| was| has been)? "
                    + "(a myth|false|not true|untrue|wrong|incorrect|debunked|baseless|a hoax|misleading|a misconception)"
                    + "|(is|was) (that|this|it) (right|true|correct|so|real|accurate)\\b|(really|true|seriously)\\?)");
    private static final java.util.regex.Pattern ZH_TAKE_BACK = java.util.regex.Pattern.compile(
            "^(但|然而|其实|事实上)?[，,]?(这|这种说法|此说法|该说法|这个说法)?(是|属于|纯属)?(谣言|误区|错误的|不实|假的|伪科学)"
                    + "|^(这|这是|这个说法|这种说法)?(是)?真的吗|^(真的吗|靠谱吗|对吗)");

    /** Says outright that the evidence is weak or mixed; run only on a sentence that matched a claim. */
    private static final java.util.regex.Pattern EN_CAVEAT = java.util.regex.Pattern.compile(
            "\\b(evidence|results|findings|data|research|studies|science) (is|are|was|were|remains?|has been) "
                    + "(still )?(mixed|inconclusive|limited|weak|unclear|conflicting|thin|lacking)|inconclusive|"
                    + "no (clear|solid|strong|consistent) (evidence|link)|not (been )?(proven|established|confirmed)|"
                    + "more research is needed|(have|has) (failed|not been able) to (confirm|replicate)");
    private static final java.util.regex.Pattern ZH_CAVEAT = java.util.regex.Pattern.compile(
            "证据(并)?不(一致|充分|足)|证据有限|尚无定论|尚不明确|尚不清楚|有待(进一步)?(研究|证实)|需要更多研究|没有定论");

    private static boolean evidenceCaveat(String s, String lang) {
        return ("zh".equals(lang) || Terms.hasHan(s) ? ZH_CAVEAT : EN_CAVEAT).matcher(Terms.lower(s)).find();
    }

    private static boolean startsDebunk(String next, String lang) {
        return ("zh".equals(lang) ? ZH_TAKE_BACK : EN_TAKE_BACK).matcher(Terms.lower(next.strip())).find();
    }
}
