package dev.ethos.text;

import java.util.List;

/** The result of {@link TextEdits#apply}: the new text, the edits applied (sorted) and the offset map. */
public record EditedText(String original, String text, List<TextEdit> edits, OffsetMap map) {
    public EditedText {
        edits = List.copyOf(edits);
    }

    public boolean changed() {
        return !edits.isEmpty();
    }
}
