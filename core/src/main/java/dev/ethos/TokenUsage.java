package dev.ethos;

/** Token counts of one generation; {@link #UNKNOWN} where a provider does not report them. */
public record TokenUsage(int promptTokens, int completionTokens) {
    public static final TokenUsage UNKNOWN = new TokenUsage(0, 0);

    public TokenUsage {
        if (promptTokens < 0 || completionTokens < 0) {
            throw new IllegalArgumentException("token counts must be >= 0, got " + promptTokens + "/" + completionTokens);
        }
    }

    public int totalTokens() {
        return promptTokens + completionTokens;
    }
}
