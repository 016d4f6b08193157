package dev.ethos;

import dev.ethos.audit.AuditEvent;
import dev.ethos.audit.AuditSink;
import dev.ethos.audit.Slf4jAuditSink;
import dev.ethos.internal.GuardedRun;
import dev.ethos.text.Segmenter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Generator} guarded by a chain of {@link SafetyFilter}s. Itself a generator, so guarded
 * generators compose and nest.
 *
 * <h2>Order</h2>
 * Filters run in the order they were added: the first added is the <em>outermost</em>. It sees the
 * request first and the answer last. For
 * {@code SafeGenerator.builder(model).filter(provenance).filter(misinfo).filter(bias).filter(pii).build()}
 * the request passes provenance → misinfo → bias → pii → model, and the answer comes back
 * pii → bias → misinfo → provenance. So put filters that must see the prompt last before the model
 * (PII pseudonymisation) last, and filters that must see the final text (labels, signatures) first.
 *
 * <h2>Streaming</h2>
 * {@link #stream} releases text only at safe points (see {@link Segmenter}) after every output filter
 * saw it; hold-back is bounded by {@link Builder#holdBack(int)} characters (default 512) unless a
 * filter needs the whole text ({@link TextFilter#wholeText()} or a plain {@link SafetyFilter}), in
 * which case the stream holds everything until the model has finished. For the same raw model output
 * the concatenated stream equals the result of {@link #generate}.
 *
 * <h2>Blocks and failures</h2>
 * A block returns a {@link Generation} with verdict {@link Verdict#BLOCK} and finish reason
 * {@link FinishReason#BLOCKED} whose text is what passed every filter before the block (nothing for
 * a block on the request), or, with {@link Builder#throwOnBlock(boolean)}, throws
 * {@link GenerationBlockedException}. A filter that throws blocks the generation with a reason naming
 * it, unless its {@link FilterPolicy} fails open. A provider failure is thrown as
 * {@link ProviderException} (in a stream: passed to {@link StreamListener#onError}).
 *
 * <p>Thread-safe: one instance serves any number of concurrent requests.
 */
public final class SafeGenerator implements Generator {
    private static final Logger LOG = LoggerFactory.getLogger(SafeGenerator.class);

    private final Generator model;
    private final List<GuardedRun.Slot> slots;
    private final Segmenter segmenter;
    private final boolean throwOnBlock;
    private final AuditSink audit;

    private SafeGenerator(Builder b) {
        this.model = b.model;
        this.slots = List.copyOf(b.slots);
        this.segmenter = new Segmenter(b.holdBack);
        this.throwOnBlock = b.throwOnBlock;
        this.audit = b.audit;
    }

    public static Builder builder(Generator model) {
        return new Builder(model);
    }

    /** The filters, outermost first. */
    public List<SafetyFilter> filters() {
        List<SafetyFilter> list = new ArrayList<>();
        slots.forEach(s -> list.add(s.filter()));
        return list;
    }

    @Override
    public ModelInfo info() {
        return model.info();
    }

    @Override
    public Generation generate(GenerationRequest request) {
        Objects.requireNonNull(request, "request");
        long t0 = System.nanoTime();
        GuardedRun.Result r = new GuardedRun(slots, model, segmenter, null).run(request);
        audit(request, r, t0, false);
        if (r.providerError() != null) {
            throw r.providerError();
        }
        Generation g = r.generation();
        if (g.blocked() && throwOnBlock) {
            throw blocked(r);
        }
        return g;
    }

    @Override
    public void stream(GenerationRequest request, StreamListener listener) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(listener, "listener");
        long t0 = System.nanoTime();
        GuardedRun.Result r = new GuardedRun(slots, model, segmenter, listener).run(request);
        audit(request, r, t0, true);
        Generation g = r.generation();
        try {
            if (r.listenerError() != null) {
                listener.onError(r.listenerError());
            } else if (r.providerError() != null) {
                listener.onError(r.providerError());
            } else if (g.blocked() && throwOnBlock) {
                listener.onError(blocked(r));
            } else {
                listener.onComplete(g);
            }
        } catch (RuntimeException e) {
            LOG.warn("stream listener threw while being told the stream ended (request {}): {}", request.id(), e.toString());
        }
    }

    private static GenerationBlockedException blocked(GuardedRun.Result r) {
        GenerationBlockedException ex = new GenerationBlockedException(r.generation());
        if (r.blockCause() != null) {
            ex.initCause(r.blockCause());
        }
        return ex;
    }

    private void audit(GenerationRequest request, GuardedRun.Result r, long t0, boolean streamed) {
        try {
            Map<String, String> attrs = new LinkedHashMap<>();
            request.attributes().forEach((k, v) -> {
                if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                    attrs.put(k, String.valueOf(v));
                }
            });
            RuntimeException err = r.providerError() != null ? r.providerError() : r.listenerError();
            audit.record(new AuditEvent(request.id(), Instant.now(), attrs, sha256(request.promptText()),
                    sha256(r.generation().text()), r.generation().model(), r.generation().report(),
                    Duration.ofNanos(System.nanoTime() - t0), streamed,
                    err == null ? null : err.getClass().getSimpleName()));
        } catch (RuntimeException e) {
            LOG.warn("audit sink failed for request {}: {}", request.id(), e.toString());
        }
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code text}. */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Builds a {@link SafeGenerator}; validates as it goes. */
    public static final class Builder {
        private final Generator model;
        private final List<GuardedRun.Slot> slots = new ArrayList<>();
        private final Set<String> names = new HashSet<>();
        private int holdBack = Segmenter.DEFAULT_BOUND;
        private boolean throwOnBlock;
        private AuditSink audit = new Slf4jAuditSink();

        private Builder(Generator model) {
            this.model = Objects.requireNonNull(model, "model");
        }

        /** Adds a filter inside those added before it, with the default policy. */
        public Builder filter(SafetyFilter filter) {
            return filter(filter, FilterPolicy.defaults());
        }

        /** Adds a filter inside those added before it. */
        public Builder filter(SafetyFilter filter, FilterPolicy policy) {
            Objects.requireNonNull(filter, "filter");
            String name = filter.name();
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("filter " + filter.getClass().getName() + " has no name");
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException("two filters are named '" + name + "': names must be unique in a chain");
            }
            slots.add(new GuardedRun.Slot(filter, policy));
            return this;
        }

        /** The most characters a stream holds back while looking for a safe point (default 512). */
        public Builder holdBack(int chars) {
            new Segmenter(chars); // validates
            this.holdBack = chars;
            return this;
        }

        /** Throw {@link GenerationBlockedException} on a block instead of returning a BLOCK generation. */
        public Builder throwOnBlock(boolean throwOnBlock) {
            this.throwOnBlock = throwOnBlock;
            return this;
        }

        /** Where audit events go (default: {@link Slf4jAuditSink}). */
        public Builder auditSink(AuditSink sink) {
            this.audit = Objects.requireNonNull(sink, "sink");
            return this;
        }

        public SafeGenerator build() {
            return new SafeGenerator(this);
        }
    }
}
