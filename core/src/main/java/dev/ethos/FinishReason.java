package dev.ethos;

/** Why a generation ended. */
public enum FinishReason {
    /** The model emitted its end-of-sequence token or ended on its own. */
    STOP,
    /** A stop sequence from the request was produced (it is not part of the text). */
    STOP_SEQUENCE,
    /** The token limit was reached. */
    LENGTH,
    /** A safety filter blocked the generation. */
    BLOCKED,
    /** The caller cancelled the stream. */
    CANCELLED
}
