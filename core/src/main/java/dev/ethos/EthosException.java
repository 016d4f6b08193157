package dev.ethos;

/** The root of every exception Ethos throws on purpose. Unchecked. */
public class EthosException extends RuntimeException {
    public EthosException(String message) {
        super(message);
    }

    public EthosException(String message, Throwable cause) {
        super(message, cause);
    }
}
