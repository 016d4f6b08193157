package dev.ethos.safety.bias;

import dev.ethos.Finding;
import dev.ethos.SegmentResult;
import dev.ethos.Span;
import dev.ethos.TextFilter;
import dev.ethos.Verdict;
import dev.ethos.text.TextEdit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The per-request state of a {@link BiasFilter}: the people of recent sentences, and the start of
 * a sentence left incomplete at the end of the last segment (analysed again, with the next
 * segment, so that a forced cut inside a sentence changes nothing). One thread at a time.
 */
final class BiasSession implements TextFilter.Session {
    /** Longest incomplete sentence carried over to the next segment. */
    private static final int MAX_CARRY = 1536;
    /** How much earlier text to read again when the session did not see it itself. */
    private static final int RESEED = 2048;

    private final BiasFilter.Mode mode;
    private Discourse state = new Discourse();
    private String carry = "";
    private long seen;

    BiasSession(BiasFilter.Mode mode) {
        this.mode = mode;
    }

    @Override
    public SegmentResult onSegment(String segment, CharSequence leftContext) {
        if (leftContext != null && leftContext.length() != seen) {
            reseed(leftContext);
        }
        seen += segment.length();
        if (segment.isEmpty()) {
            return SegmentResult.PASS;
        }
        String text = carry.isEmpty() ? segment : carry + segment;
        int from = carry.length();
        List<Edit> edits = new ArrayList<>();
        List<int[]> stereotypes = new ArrayList<>();
        int c1 = EnglishRewriter.process(text, from, state.en, edits, stereotypes);
        int c2 = hasHan(text) ? ChineseRewriter.process(text, from, state.zh, edits, stereotypes) : text.length();
        int cut = Math.min(c1, c2);
        carry = text.length() - cut > MAX_CARRY ? "" : text.substring(cut);
        if (edits.isEmpty() && stereotypes.isEmpty()) {
            return SegmentResult.PASS;
        }
        edits.sort(Comparator.comparingInt(Edit::start));
        List<TextEdit> textEdits = new ArrayList<>(edits.size());
        List<Finding> findings = new ArrayList<>(edits.size() + stereotypes.size());
        for (Edit e : edits) {
            Edit s = e.shift(-from);
            textEdits.add(new TextEdit(s.start(), s.end(), s.replacement()));
            findings.add(new Finding(s.type(), Span.output(s.start(), s.end()), score(s.type()), reason(s.type()),
                    s.replacement(), Map.of("rule", s.rule())));
        }
        for (int[] st : stereotypes) {
            int a = Math.max(st[0], from) - from;
            int b = st[1] - from;
            if (b <= a) {
                continue;
            }
            findings.add(new Finding(Stereotypes.TYPE, Span.output(a, b), 0.7,
                    "a generalisation about a gender that cannot be rewritten neutrally", null,
                    Map.of("rule", stereotypeRule(text, st[0]))));
        }
        findings.sort(Comparator.comparingInt((Finding f) -> f.span().start()));
        boolean stereotype = findings.stream().anyMatch(f -> f.type().equals(Stereotypes.TYPE));
        if (mode == BiasFilter.Mode.FLAG) {
            return new SegmentResult(findings.isEmpty() ? Verdict.PASS : Verdict.FLAG, List.of(), findings, null,
                    Map.of());
        }
        Verdict v = stereotype ? Verdict.FLAG : textEdits.isEmpty() ? Verdict.PASS : Verdict.REWRITE;
        return new SegmentResult(v, textEdits, findings, null, Map.of());
    }

    private static String stereotypeRule(String text, int at) {
        return at < text.length() && ChineseRewriter.isHan(firstLetter(text, at)) ? "zh.stereotype" : "en.stereotype";
    }

    private static char firstLetter(String text, int at) {
        for (int k = at; k < text.length(); k++) {
            if (Character.isLetter(text.charAt(k))) {
                return text.charAt(k);
            }
        }
        return ' ';
    }

    /** Rebuilds the state from the tail of text this session did not see (a session fed out of order). */
    private void reseed(CharSequence leftContext) {
        state = new Discourse();
        carry = "";
        int n = leftContext.length();
        int from = Math.max(0, n - RESEED);
        // start after a sentence end, so the first sentence is whole
        for (int k = from; k > 0 && k < n && from > 0; k++) {
            char c = leftContext.charAt(k - 1);
            if (c == '\n' || c == '。' || ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(leftContext.charAt(k)))) {
                from = k;
                break;
            }
        }
        String tail = leftContext.subSequence(from, n).toString();
        List<Edit> ignored = new ArrayList<>();
        List<int[]> ignoredSt = new ArrayList<>();
        int c1 = EnglishRewriter.process(tail, tail.length(), state.en, ignored, ignoredSt);
        int c2 = hasHan(tail) ? ChineseRewriter.process(tail, tail.length(), state.zh, ignored, ignoredSt) : tail.length();
        int cut = Math.min(c1, c2);
        carry = tail.length() - cut > MAX_CARRY ? "" : tail.substring(cut);
        seen = n;
    }

    private static boolean hasHan(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\u3400' && c <= '\u9fff') {
                return true;
            }
        }
        return false;
    }

    private static double score(String type) {
        return type.equals(EnglishRewriter.T_ROLE) ? 0.95 : 0.85;
    }

    private static String reason(String type) {
        return switch (type) {
            case EnglishRewriter.T_ROLE -> "gendered role noun used generically";
            case EnglishRewriter.T_VERB -> "verb agrees with a rewritten pronoun";
            default -> "gendered pronoun with a generic antecedent";
        };
    }
}
