package dev.ethos;

import java.util.OptionalInt;

/** A model provider failed. Says whether retrying the same request may help. */
public class ProviderException extends EthosException {
    private final boolean retryable;
    private final int httpStatus;

    public ProviderException(String message, boolean retryable, Throwable cause) {
        this(message, retryable, -1, cause);
    }

    public ProviderException(String message, boolean retryable, int httpStatus, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.httpStatus = httpStatus;
    }

    /** True when the same request may succeed later (overload, timeout, connection failure). */
    public boolean retryable() {
        return retryable;
    }

    /** The HTTP status of a remote provider's answer, if there was one. */
    public OptionalInt httpStatus() {
        return httpStatus < 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }
}
