package dev.ethos;

/** Who wrote a chat message. */
public enum Role {
    SYSTEM, USER, ASSISTANT, TOOL;

    /** The lower-case name used by OpenAI-compatible APIs ({@code "user"}, {@code "assistant"}, …). */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses a wire name such as {@code "user"}; case-insensitive. */
    public static Role fromWireName(String name) {
        if (name == null) {
            throw new IllegalArgumentException("role must not be null");
        }
        for (Role r : values()) {
            if (r.name().equalsIgnoreCase(name.trim())) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + name + "' (expected system, user, assistant or tool)");
    }
}
