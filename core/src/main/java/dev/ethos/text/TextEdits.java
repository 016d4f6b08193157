package dev.ethos.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Applies non-overlapping edits to a text and maps offsets between the original and the result.
 * Filters use it so that every finding can be located in the text the model actually produced.
 */
public final class TextEdits {
    private static final Comparator<TextEdit> ORDER =
            Comparator.comparingInt(TextEdit::start).thenComparingInt(TextEdit::end);

    private TextEdits() {
    }

    /**
     * Applies {@code edits} (in any order) to {@code text}.
     *
     * @throws IllegalArgumentException if an edit lies outside the text, two edits overlap, or two
     *     insertions share one position (their order would be ambiguous)
     */
    public static EditedText apply(String text, List<TextEdit> edits) {
        Objects.requireNonNull(text, "text");
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(ORDER);
        StringBuilder out = new StringBuilder(text.length() + 16);
        int pos = 0;
        TextEdit prev = null;
        for (TextEdit e : sorted) {
            if (e.end() > text.length()) {
                throw new IllegalArgumentException("edit [" + e.start() + ", " + e.end() + ") lies outside a text of "
                        + text.length() + " chars");
            }
            if (prev != null && (e.start() < prev.end() || (e.start() == prev.start() && e.start() == e.end()
                    && prev.start() == prev.end()))) {
                throw new IllegalArgumentException("edits overlap: [" + prev.start() + ", " + prev.end() + ") and ["
                        + e.start() + ", " + e.end() + ")");
            }
            out.append(text, pos, e.start()).append(e.replacement());
            pos = e.end();
            prev = e;
        }
        out.append(text, pos, text.length());
        return new EditedText(text, out.toString(), sorted, new EditMap(text.length(), sorted));
    }
}
