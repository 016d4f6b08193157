package dev.ethos;

import dev.ethos.spi.LogitsProcessor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What to generate: chat messages, decoding options, free attributes (a user or tenant id for
 * audit, source documents for grounding, …) and the logits processors a local provider applies at
 * every decoding step. Immutable; filters derive changed copies with {@link #toBuilder()}.
 */
public final class GenerationRequest {
    /** Attribute key of the end user's id, recorded by audit sinks. */
    public static final String ATTR_USER = "user";
    /** Attribute key of the tenant id, recorded by audit sinks. */
    public static final String ATTR_TENANT = "tenant";

    private final String id;
    private final List<Message> messages;
    private final GenerationOptions options;
    private final Map<String, Object> attributes;
    private final List<LogitsProcessor> logitsProcessors;

    private GenerationRequest(Builder b) {
        this.id = b.id != null ? b.id : UUID.randomUUID().toString();
        this.messages = List.copyOf(b.messages);
        this.options = b.options;
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(b.attributes));
        this.logitsProcessors = List.copyOf(b.logitsProcessors);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A request with a single user message and default options. */
    public static GenerationRequest of(String userPrompt) {
        return builder().user(userPrompt).build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.messages.addAll(messages);
        b.options = options;
        b.attributes.putAll(attributes);
        b.logitsProcessors.addAll(logitsProcessors);
        return b;
    }

    /** A request id, unique unless the caller set one; audit events carry it. */
    public String id() {
        return id;
    }

    public List<Message> messages() {
        return messages;
    }

    public GenerationOptions options() {
        return options;
    }

    public Map<String, Object> attributes() {
        return attributes;
    }

    /** The attribute under {@code key} if it is present and of the given type. */
    public <T> Optional<T> attribute(String key, Class<T> type) {
        Object v = attributes.get(key);
        return type.isInstance(v) ? Optional.of(type.cast(v)) : Optional.empty();
    }

    public List<LogitsProcessor> logitsProcessors() {
        return logitsProcessors;
    }

    /** The same request with other messages. */
    public GenerationRequest withMessages(List<Message> newMessages) {
        return toBuilder().messages(newMessages).build();
    }

    /**
     * The messages as one plain prompt, for completion-style models: each message on its own
     * paragraph, user and system text as is, assistant turns prefixed. A single user message is
     * returned unchanged.
     */
    public String promptText() {
        if (messages.size() == 1) {
            return messages.get(0).content();
        }
        StringBuilder sb = new StringBuilder();
        for (Message m : messages) {
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            if (m.role() == Role.ASSISTANT) {
                sb.append("Assistant: ");
            }
            sb.append(m.content());
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        // Never the message text: requests end up in logs.
        return "GenerationRequest{id=" + id + ", messages=" + messages.size() + ", options=" + options
                + ", attributes=" + attributes.keySet() + "}";
    }

    public static final class Builder {
        private String id;
        private final List<Message> messages = new ArrayList<>();
        private GenerationOptions options = GenerationOptions.defaults();
        private final Map<String, Object> attributes = new LinkedHashMap<>();
        private final List<LogitsProcessor> logitsProcessors = new ArrayList<>();

        private Builder() {
        }

        public Builder id(String id) {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("request id must be a non-blank string");
            }
            this.id = id;
            return this;
        }

        public Builder message(Message message) {
            messages.add(Objects.requireNonNull(message, "message"));
            return this;
        }

        public Builder messages(List<Message> newMessages) {
            Objects.requireNonNull(newMessages, "messages");
            messages.clear();
            newMessages.forEach(this::message);
            return this;
        }

        public Builder system(String content) {
            return message(Message.system(content));
        }

        public Builder user(String content) {
            return message(Message.user(content));
        }

        public Builder assistant(String content) {
            return message(Message.assistant(content));
        }

        public Builder options(GenerationOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        public Builder attribute(String key, Object value) {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("attribute key must be a non-blank string");
            }
            if (value == null) {
                attributes.remove(key);
            } else {
                attributes.put(key, value);
            }
            return this;
        }

        public Builder logitsProcessor(LogitsProcessor processor) {
            logitsProcessors.add(Objects.requireNonNull(processor, "processor"));
            return this;
        }

        public GenerationRequest build() {
            if (messages.isEmpty()) {
                throw new IllegalArgumentException("a request needs at least one message");
            }
            return new GenerationRequest(this);
        }
    }
}
