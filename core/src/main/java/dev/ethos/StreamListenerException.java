package dev.ethos;

/** The caller's own {@link StreamListener} threw; the stream was stopped. */
public class StreamListenerException extends EthosException {
    public StreamListenerException(String where, Throwable cause) {
        super("stream listener threw in " + where + ": " + cause, cause);
    }
}
