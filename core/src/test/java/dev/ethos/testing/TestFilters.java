package dev.ethos.testing;

import dev.ethos.Finding;
import dev.ethos.Generation;
import dev.ethos.GenerationRequest;
import dev.ethos.SafetyFilter;
import dev.ethos.SegmentResult;
import dev.ethos.Span;
import dev.ethos.TextFilter;
import dev.ethos.Verdict;
import dev.ethos.text.TextEdit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small, fully specified filters for testing the chain. Test code only. */
public final class TestFilters {
    private TestFilters() {
    }

    /** Rewrites every whole word {@code from} to {@code to}, one finding per edit. */
    public static TextFilter rewrite(String name, String from, String to) {
        Pattern p = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(from) + "(?![\\p{L}\\p{N}])");
        return new TextFilter() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Session open(GenerationRequest request) {
                return (seg, ctx) -> {
                    List<TextEdit> edits = new ArrayList<>();
                    List<Finding> findings = new ArrayList<>();
                    Matcher m = p.matcher(seg);
                    while (m.find()) {
                        edits.add(new TextEdit(m.start(), m.end(), to));
                        findings.add(new Finding("WORD", Span.output(m.start(), m.end()), 1.0, "word " + from, to,
                                null));
                    }
                    return SegmentResult.of(edits, findings);
                };
            }
        };
    }

    /** Flags every occurrence of {@code word}. */
    public static TextFilter flag(String name, String word) {
        return new TextFilter() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Session open(GenerationRequest request) {
                return (seg, ctx) -> {
                    List<Finding> findings = new ArrayList<>();
                    for (int i = seg.indexOf(word); i >= 0; i = seg.indexOf(word, i + 1)) {
                        findings.add(Finding.of("FLAGGED", Span.output(i, i + word.length()), 0.5, "flagged word"));
                    }
                    return SegmentResult.flag(findings, null);
                };
            }
        };
    }

    /** Blocks the output at the first segment that contains {@code word}. */
    public static TextFilter blockOutput(String name, String word) {
        return new TextFilter() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Session open(GenerationRequest request) {
                return (seg, ctx) -> {
                    int i = seg.indexOf(word);
                    return i < 0 ? SegmentResult.PASS
                            : SegmentResult.block(List.of(Finding.of("BLOCKED", Span.output(i, i + word.length()), 1,
                                    "forbidden word")), "forbidden word in output");
                };
            }
        };
    }

    /** Blocks any request whose prompt contains {@code word}, before the model is called. */
    public static TextFilter blockInput(String name, String word) {
        return new TextFilter() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Session open(GenerationRequest request) {
                return new Session() {
                    @Override
                    public InputDecision onRequest(GenerationRequest r) {
                        return r.promptText().contains(word) ? InputDecision.block("forbidden prompt", List.of())
                                : InputDecision.proceed(r);
                    }

                    @Override
                    public SegmentResult onSegment(String segment, CharSequence leftContext) {
                        return SegmentResult.PASS;
                    }
                };
            }
        };
    }

    /** A plain interceptor (whole text): upper-cases the answer. */
    public static SafetyFilter upperCase(String name) {
        return new SafetyFilter() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Generation apply(GenerationRequest request, Chain chain) {
                Generation g = chain.proceed(request);
                return g.withText(g.text().toUpperCase(java.util.Locale.ROOT));
            }
        };
    }

    /** Counts the segments it sees and labels the end; depends on its left context. */
    public static TextFilter endLabel(String name, String label) {
        return new TextFilter() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Session open(GenerationRequest request) {
                return new Session() {
                    @Override
                    public SegmentResult onSegment(String segment, CharSequence leftContext) {
                        return SegmentResult.PASS;
                    }

                    @Override
                    public SegmentResult onEnd(End end) {
                        return SegmentResult.insert(label).withVerdict(Verdict.REWRITE);
                    }
                };
            }
        };
    }

    /** Throws from onSegment when the segment contains {@code word}. */
    public static TextFilter throwing(String name, String word) {
        return new TextFilter() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Session open(GenerationRequest request) {
                return (seg, ctx) -> {
                    if (seg.contains(word)) {
                        throw new IllegalStateException("boom on " + word);
                    }
                    return SegmentResult.PASS;
                };
            }
        };
    }
}
