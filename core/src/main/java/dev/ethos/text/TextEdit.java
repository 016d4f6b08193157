package dev.ethos.text;

import java.util.Objects;

/** Replace {@code [start, end)} of a text with {@code replacement}. {@code start == end} inserts. */
public record TextEdit(int start, int end, String replacement) {
    public TextEdit {
        Objects.requireNonNull(replacement, "replacement");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad edit range [" + start + ", " + end + ")");
        }
    }

    public static TextEdit insert(int at, String text) {
        return new TextEdit(at, at, text);
    }

    public static TextEdit delete(int start, int end) {
        return new TextEdit(start, end, "");
    }

    public TextEdit shift(int delta) {
        return new TextEdit(start + delta, end + delta, replacement);
    }

    /** The change in length this edit causes. */
    public int delta() {
        return replacement.length() - (end - start);
    }
}
