package dev.ethos.safety.misinfo;

import dev.ethos.Finding;
import dev.ethos.GenerationRequest;
import dev.ethos.SegmentResult;
import dev.ethos.Span;
import dev.ethos.TextFilter;
import dev.ethos.Verdict;
import dev.ethos.text.Languages;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Flags misinformation in model output, sentence by sentence, in English and Chinese: claims a
 * fact-check store rates False or Misleading ({@code known_false}, matched by meaning through
 * MinHash-LSH), miracle health cures, conspiracy claims, statistics without a checkable source,
 * clickbait lures, invented citations, and, when the request carries source documents
 * ({@link #SOURCES_ATTRIBUTE}), sentences the sources do not support. Cues are read in context:
 * questions, fiction, debunks, reports of what others claim, opinions and hedges do not assert, so
 * they are not flagged. See {@code docs/misinfo.md}.
 *
 * <p>Actions per category ({@link Builder#action}): {@link MisinfoAction#FLAG} reports;
 * {@link MisinfoAction#ANNOTATE} reports and appends a short warning in the text's language (with
 * the fact-check links) when the output ends; {@link MisinfoAction#BLOCK} blocks when a finding's
 * score reaches the category's threshold (below it the finding is annotated). Findings have type
 * {@link MisinfoCategory#id()} and details {@code category}, {@code rule} or {@code url}/{@code rating}.
 *
 * <p>Streaming: each segment is read with the sentence before it as context, so hold-back stays
 * bounded; with {@link Builder#wholeText(boolean)} the filter sees the whole output at once and can
 * also use a following sentence that takes a claim back ("… That is a myth."). Immutable and
 * thread-safe; per-request state lives in the session.
 */
public final class MisinfoFilter implements TextFilter {
    /** Request attribute holding the source documents: a {@code String} or a {@code List<String>}. */
    public static final String SOURCES_ATTRIBUTE = "ethos.misinfo.sources";
    /** This filter's name in reports. */
    public static final String NAME = "misinfo";

    private final FactCheckStore store;
    private final Map<MisinfoCategory, MisinfoAction> actions;
    private final Map<MisinfoCategory, Double> blockAt;
    private final boolean wholeText;
    private final Analyzer analyzer;

    private MisinfoFilter(Builder b) {
        this.store = b.store;
        this.actions = new EnumMap<>(b.actions);
        this.blockAt = new EnumMap<>(b.blockAt);
        this.wholeText = b.wholeText;
        this.analyzer = new Analyzer(store, new Citations(Set.copyOf(b.allowedDomains), b.currentYear));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** No fact-check store, default actions. */
    public static MisinfoFilter ofDefaults() {
        return builder().build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean wholeText() {
        return wholeText;
    }

    /** The fact-check store this filter matches against. */
    public FactCheckStore store() {
        return store;
    }

    /** The action for {@code category}. */
    public MisinfoAction action(MisinfoCategory category) {
        return actions.get(category);
    }

    /**
     * Checks one whole text outside a chain: the same analysis a session runs on a whole-text
     * segment.
     *
     * @param text the text
     * @param lang "en", "zh" or null to detect
     * @param sources source documents for grounding (empty for none)
     */
    public Result check(String text, String lang, List<String> sources) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sources, "sources");
        Grounding g = sources.isEmpty() ? null : new Grounding(sources);
        String l = lang == null ? Languages.detect(text) : checkLang(lang);
        List<Finding> findings = new ArrayList<>();
        Verdict v = decide(analyzer.analyze(text, l, "", g), findings, new LinkedHashSet<>(), new LinkedHashSet<>());
        String annotation = null;
        if (v != Verdict.BLOCK && !findings.isEmpty()) {
            Set<String> urls = new LinkedHashSet<>();
            Set<String> cats = new LinkedHashSet<>();
            for (Finding f : findings) {
                if (action(MisinfoCategory.of(f.type())) != MisinfoAction.FLAG) {
                    cats.add(f.type());
                    String u = f.details().get("url");
                    if (u != null && !u.isEmpty()) {
                        urls.add(u);
                    }
                }
            }
            annotation = cats.isEmpty() ? null : annotation(l, cats, urls);
        }
        return new Result(v, findings, annotation);
    }

    private static String checkLang(String lang) {
        if (!lang.equals("en") && !lang.equals("zh")) {
            throw new IllegalArgumentException("lang must be en or zh, got '" + lang + "'");
        }
        return lang;
    }

    /**
     * The outcome of {@link #check}: the verdict ({@code PASS}, {@code FLAG} or {@code BLOCK}), the
     * findings with spans into the text, best category first within a sentence, and the warning an
     * annotating chain would append (null if none).
     */
    public record Result(Verdict verdict, List<Finding> findings, String annotation) {
        public Result {
            findings = List.copyOf(findings);
        }
    }

    /** Turns flags into findings; returns the verdict and collects what to annotate. */
    private Verdict decide(List<Analyzer.Flag> flags, List<Finding> out, Set<String> annotateCats,
                           Set<String> annotateUrls) {
        Verdict v = Verdict.PASS;
        for (Analyzer.Flag f : flags) {
            Map<String, String> d = new LinkedHashMap<>();
            d.put("category", f.category().id());
            d.putAll(f.details());
            MisinfoAction a = actions.get(f.category());
            boolean block = a == MisinfoAction.BLOCK && f.score() >= blockAt.get(f.category());
            d.put("action", block ? "block" : a == MisinfoAction.FLAG ? "flag" : "annotate");
            out.add(new Finding(f.category().id(), Span.output(f.start(), f.end()), f.score(), f.reason(), null, d));
            if (block) {
                v = Verdict.BLOCK;
            } else {
                v = v.max(Verdict.FLAG);
                if (a != MisinfoAction.FLAG) {
                    annotateCats.add(f.category().id());
                    String url = f.details().get("url");
                    if (url != null && !url.isEmpty()) {
                        annotateUrls.add(url);
                    }
                }
            }
        }
        return v;
    }

    private static final Map<String, String> ZH_NAMES = Map.of("known_false", "经核查不实的说法", "health_cure",
            "夸大的疗效", "conspiracy", "阴谋论", "unsupported_statistic", "无可靠来源的数据", "clickbait_lure", "诱导点击",
            "fabricated_citation", "可疑的引用", "unsupported_by_sources", "来源不支持的内容");

    /** The short warning appended in the text's language. */
    static String annotation(String lang, Collection<String> categories, Collection<String> urls) {
        if ("zh".equals(lang)) {
            List<String> names = new ArrayList<>();
            for (String c : categories) {
                names.add(ZH_NAMES.getOrDefault(c, c));
            }
            return "\n\n【提示】以上内容可能包含不实或误导性信息（" + String.join("、", names) + "）。"
                    + (urls.isEmpty() ? "" : "事实核查：" + String.join(" ", urls));
        }
        return "\n\n[Note: this text may contain false or misleading information ("
                + String.join(", ", categories).replace('_', ' ') + ")."
                + (urls.isEmpty() ? "" : " Fact-check: " + String.join(" ", urls)) + "]";
    }

    @Override
    public Session open(GenerationRequest request) {
        Objects.requireNonNull(request, "request");
        return new MisinfoSession(sources(request));
    }

    private static Grounding sources(GenerationRequest request) {
        Object v = request.attributes().get(SOURCES_ATTRIBUTE);
        if (v == null) {
            return null;
        }
        List<String> docs = new ArrayList<>();
        if (v instanceof String) {
            docs.add((String) v);
        } else if (v instanceof Collection<?>) {
            for (Object o : (Collection<?>) v) {
                if (!(o instanceof String)) {
                    throw new IllegalArgumentException("attribute " + SOURCES_ATTRIBUTE
                            + " must hold strings, found " + (o == null ? "null" : o.getClass().getName()));
                }
                docs.add((String) o);
            }
        } else {
            throw new IllegalArgumentException("attribute " + SOURCES_ATTRIBUTE
                    + " must be a String or a List<String>, found " + v.getClass().getName());
        }
        return docs.isEmpty() ? null : new Grounding(docs);
    }

    /** Per-request state: the sources, the text's language, what to annotate at the end. */
    private final class MisinfoSession implements Session {
        private final Grounding grounding;
        private final Set<String> annotateCats = new LinkedHashSet<>();
        private final Set<String> annotateUrls = new LinkedHashSet<>();
        private String lang;

        MisinfoSession(Grounding grounding) {
            this.grounding = grounding;
        }

        @Override
        public SegmentResult onSegment(String segment, CharSequence leftContext) {
            if (lang == null || leftContext.length() < 40) {
                lang = Languages.detect(leftContext.length() < 200 ? leftContext + segment : segment);
            }
            List<Finding> findings = new ArrayList<>();
            Verdict v = decide(analyzer.analyze(segment, lang, leftContext, grounding), findings, annotateCats,
                    annotateUrls);
            if (v == Verdict.BLOCK) {
                return SegmentResult.block(findings, "misinformation: " + findings.stream()
                        .filter(f -> "block".equals(f.details().get("action"))).map(Finding::type).distinct()
                        .reduce((a, b) -> a + ", " + b).orElse(""));
            }
            return SegmentResult.flag(findings, null);
        }

        @Override
        public SegmentResult onEnd(End end) {
            if (annotateCats.isEmpty()) {
                return SegmentResult.PASS;
            }
            return SegmentResult.insert(annotation(lang == null ? Languages.detect(end.input()) : lang, annotateCats,
                    annotateUrls));
        }
    }

    /** Builds a {@link MisinfoFilter}; validates as it goes. */
    public static final class Builder {
        private FactCheckStore store = FactCheckStore.empty();
        private final Map<MisinfoCategory, MisinfoAction> actions = new EnumMap<>(MisinfoCategory.class);
        private final Map<MisinfoCategory, Double> blockAt = new EnumMap<>(MisinfoCategory.class);
        private final Set<String> allowedDomains = new LinkedHashSet<>();
        private boolean wholeText;
        private int currentYear = Year.now().getValue();

        private Builder() {
            for (MisinfoCategory c : MisinfoCategory.values()) {
                actions.put(c, MisinfoAction.FLAG);
                blockAt.put(c, 0.8);
            }
            actions.put(MisinfoCategory.KNOWN_FALSE, MisinfoAction.ANNOTATE);
            actions.put(MisinfoCategory.HEALTH_CURE, MisinfoAction.ANNOTATE);
            actions.put(MisinfoCategory.CONSPIRACY, MisinfoAction.ANNOTATE);
        }

        /** The fact-check store (default: empty, so no {@code known_false} flags). */
        public Builder store(FactCheckStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** What {@code category}'s findings do (defaults: annotate known_false, health_cure, conspiracy; flag the rest). */
        public Builder action(MisinfoCategory category, MisinfoAction action) {
            actions.put(Objects.requireNonNull(category, "category"), Objects.requireNonNull(action, "action"));
            return this;
        }

        /** Block {@code category}'s findings whose score is at least {@code minScore} (in [0, 1]). */
        public Builder blockAbove(MisinfoCategory category, double minScore) {
            Objects.requireNonNull(category, "category");
            if (!(minScore >= 0 && minScore <= 1)) {
                throw new IllegalArgumentException("block threshold must be in [0, 1], got " + minScore);
            }
            actions.put(category, MisinfoAction.BLOCK);
            blockAt.put(category, minScore);
            return this;
        }

        /** Only URLs on these domains (or their subdomains) count as well-sourced citations. */
        public Builder allowedDomains(Collection<String> domains) {
            for (String d : domains) {
                if (d == null || d.isBlank() || d.contains("/") || d.contains(" ")) {
                    throw new IllegalArgumentException("not a domain name: '" + d + "'");
                }
                allowedDomains.add(d.trim().toLowerCase(Locale.ROOT));
            }
            return this;
        }

        /** See the whole output at once (no streaming hold-back bound) for context on both sides. */
        public Builder wholeText(boolean wholeText) {
            this.wholeText = wholeText;
            return this;
        }

        /** The year citations are checked against (default: this year); for reproducible runs. */
        public Builder currentYear(int year) {
            if (year < 1900 || year > 3000) {
                throw new IllegalArgumentException("current year out of range: " + year);
            }
            this.currentYear = year;
            return this;
        }

        public MisinfoFilter build() {
            return new MisinfoFilter(this);
        }
    }
}
