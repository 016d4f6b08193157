package dev.ethos;

/** A safety filter failed (threw) while the chain was fail-closed for it. Names the filter. */
public class FilterException extends EthosException {
    private final String filterName;

    public FilterException(String filterName, Throwable cause) {
        super("safety filter '" + filterName + "' failed: " + cause, cause);
        this.filterName = filterName;
    }

    public String filterName() {
        return filterName;
    }
}
