package dev.ethos.safety.pii;

import dev.ethos.safety.pii.internal.DenyListRecognizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds personal data in text with a list of {@link Recognizer}s. Immutable and thread-safe.
 *
 * <h2>How a text is analysed</h2>
 * <ol>
 *   <li>The text is normalised ({@link PiiText}): full-width forms folded, special spaces made plain,
 *       zero-width characters dropped, offsets kept for mapping back.</li>
 *   <li>Every recognizer that produces an enabled type adds candidates with scores (its validation and
 *       context words already applied).</li>
 *   <li>Candidates of disabled types, below their type's threshold (default {@link #DEFAULT_THRESHOLD}),
 *       or whose value is on that type's allow-list are dropped. Deny-listed values are added with score 1.</li>
 *   <li><b>Overlaps</b>: candidates are taken greedily by score (higher first), then length (longer first),
 *       then position (earlier first), then type name; a candidate that overlaps one already taken is
 *       dropped. So a validated, context-backed value wins over a weaker reading of the same characters
 *       (an NHS number after "NHS" over a phone reading of the same digits), and among equals the more
 *       complete span wins.</li>
 *   <li>Spans are mapped back to the original text (a zero-width char inside a value stays inside the span).</li>
 * </ol>
 */
public final class PiiAnalyzer {
    public static final double DEFAULT_THRESHOLD = 0.5;

    private final List<Recognizer> recognizers;
    private final Set<String> entities;
    private final double threshold;
    private final Map<String, Double> thresholds;
    private final Map<String, Set<String>> allow;

    private PiiAnalyzer(Builder b) {
        List<Recognizer> rs = new ArrayList<>(b.recognizers);
        if (!b.deny.isEmpty()) {
            rs.add(new DenyListRecognizer(b.deny));
        }
        this.recognizers = List.copyOf(rs);
        this.entities = Set.copyOf(b.entities);
        this.threshold = b.threshold;
        this.thresholds = Map.copyOf(b.thresholds);
        Map<String, Set<String>> a = new HashMap<>();
        b.allow.forEach((k, v) -> a.put(k, Set.copyOf(v)));
        this.allow = Map.copyOf(a);
    }

    /** The built-in recognizers, every type but URL, threshold 0.5. */
    public static PiiAnalyzer ofDefaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Set<String> entities() {
        return entities;
    }

    public double threshold() {
        return threshold;
    }

    /** Finds PII in {@code text}; {@code lang} ("en", "zh" or null) helps phone regions. Sorted by start. */
    public List<PiiEntity> analyze(String text, String lang) {
        return analyze(PiiText.of(text, lang));
    }

    public List<PiiEntity> analyze(String text) {
        return analyze(text, null);
    }

    public List<PiiEntity> analyze(PiiText text) {
        List<PiiCandidate> cands = new ArrayList<>();
        for (Recognizer r : recognizers) {
            boolean wanted = false;
            for (String type : r.types()) {
                wanted |= entities.contains(type);
            }
            if (wanted) {
                r.analyze(text, cands);
            }
        }
        List<PiiCandidate> kept = new ArrayList<>();
        for (PiiCandidate c : cands) {
            if (!entities.contains(c.type()) || c.end() > text.length()) {
                continue;
            }
            if (c.score() < thresholds.getOrDefault(c.type(), threshold)) {
                continue;
            }
            Set<String> al = allow.get(c.type());
            if (al != null && al.contains(text.normalized().substring(c.start(), c.end()).toLowerCase(Locale.ROOT))) {
                continue;
            }
            kept.add(c);
        }
        kept.sort(BY_PRIORITY);
        // Taken spans never overlap, so a candidate overlaps one of them exactly when one of its chars is
        // already covered.
        List<PiiCandidate> taken = new ArrayList<>();
        long[] covered = new long[(text.length() >>> 6) + 1];
        for (PiiCandidate c : kept) {
            if (coveredIn(covered, c.start(), c.end())) {
                continue;
            }
            cover(covered, c.start(), c.end());
            taken.add(c);
        }
        // By start (distinct: the spans are disjoint), sorting (start, index) pairs packed in longs.
        long[] order = new long[taken.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = (long) taken.get(k).start() << 32 | k;
        }
        java.util.Arrays.sort(order);
        List<PiiEntity> result = new ArrayList<>(taken.size());
        for (long o : order) {
            PiiCandidate c = taken.get((int) o);
            int s = text.toOriginalStart(c.start());
            int e = text.toOriginalEnd(c.end());
            result.add(new PiiEntity(c.type(), s, e, round(c.score()), c.recognizer()));
        }
        return result;
    }

    /** Whether a bit of [from, to) is set; only the words under the span are read. */
    private static boolean coveredIn(long[] bits, int from, int to) {
        int w0 = from >>> 6;
        int w1 = (to - 1) >>> 6;
        for (int w = w0; w <= w1; w++) {
            long m = -1L;
            if (w == w0) {
                m &= -1L << (from & 63);
            }
            if (w == w1) {
                m &= -1L >>> (63 - ((to - 1) & 63));
            }
            if ((bits[w] & m) != 0) {
                return true;
            }
        }
        return false;
    }

    private static void cover(long[] bits, int from, int to) {
        for (int k = from; k < to; k++) {
            bits[k >>> 6] |= 1L << k;
        }
    }

    /** Score (higher first), then length (longer first), then start, then type name. */
    private static final Comparator<PiiCandidate> BY_PRIORITY = (a, b) -> {
        int c = Double.compare(b.score(), a.score());
        if (c != 0) {
            return c;
        }
        c = Integer.compare(b.length(), a.length());
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.start(), b.start());
        return c != 0 ? c : a.type().compareTo(b.type());
    };

    private static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }

    /** Builds a {@link PiiAnalyzer}; validates as it goes. */
    public static final class Builder {
        private final List<Recognizer> recognizers = new ArrayList<>(Recognizers.builtIn());
        private final Set<String> entities = new LinkedHashSet<>();
        private double threshold = DEFAULT_THRESHOLD;
        private final Map<String, Double> thresholds = new HashMap<>();
        private final Map<String, Set<String>> allow = new HashMap<>();
        private final Map<String, Set<String>> deny = new HashMap<>();

        private Builder() {
            for (PiiType t : PiiType.defaults()) {
                entities.add(t.name());
            }
        }

        /** Adds a recognizer (its types are enabled too). */
        public Builder recognizer(Recognizer r) {
            Objects.requireNonNull(r, "recognizer");
            recognizers.add(r);
            entities.addAll(r.types());
            return this;
        }

        /** Removes every recognizer (then add your own). */
        public Builder noBuiltIns() {
            recognizers.clear();
            entities.clear();
            return this;
        }

        /** Only these types are reported. Names are checked against the recognizers' types. */
        public Builder entities(Set<String> types) {
            Objects.requireNonNull(types, "types");
            Set<String> known = new HashSet<>();
            recognizers.forEach(r -> known.addAll(r.types()));
            for (String t : types) {
                if (!known.contains(t)) {
                    throw new IllegalArgumentException("unknown PII type '" + t + "'; known: " + new java.util.TreeSet<>(known));
                }
            }
            entities.clear();
            entities.addAll(types);
            return this;
        }

        public Builder enable(PiiType type) {
            entities.add(type.name());
            return this;
        }

        public Builder disable(PiiType type) {
            entities.remove(type.name());
            return this;
        }

        /** The default minimum score, in [0, 1]. */
        public Builder threshold(double t) {
            if (!(t >= 0 && t <= 1)) {
                throw new IllegalArgumentException("threshold must be in [0, 1], got " + t);
            }
            this.threshold = t;
            return this;
        }

        /** The minimum score of one type. */
        public Builder threshold(String type, double t) {
            if (!(t >= 0 && t <= 1)) {
                throw new IllegalArgumentException("threshold for " + type + " must be in [0, 1], got " + t);
            }
            thresholds.put(Objects.requireNonNull(type, "type"), t);
            return this;
        }

        /** Values of {@code type} never reported (case-insensitive exact match of the found span). */
        public Builder allow(String type, String... values) {
            Set<String> set = allow.computeIfAbsent(Objects.requireNonNull(type, "type"), k -> new HashSet<>());
            for (String v : values) {
                set.add(v.toLowerCase(Locale.ROOT));
            }
            return this;
        }

        /** Values always reported as {@code type} (case-insensitive, at word boundaries). */
        public Builder deny(String type, String... values) {
            Set<String> set = deny.computeIfAbsent(Objects.requireNonNull(type, "type"), k -> new HashSet<>());
            for (String v : values) {
                if (v == null || v.isBlank()) {
                    throw new IllegalArgumentException("deny-list values must be non-blank");
                }
                set.add(v);
            }
            entities.add(type);
            return this;
        }

        public PiiAnalyzer build() {
            return new PiiAnalyzer(this);
        }
    }
}
