package dev.ethos.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class TextEditsTest {
    @Test
    void appliesAndMapsBothWays() {
        EditedText e = TextEdits.apply("he is here", List.of(new TextEdit(0, 2, "they"), new TextEdit(3, 5, "are")));
        assertEquals("they are here", e.text());
        OffsetMap m = e.map();
        assertEquals(0, m.toEdited(0));
        assertEquals(4, m.toEditedEnd(2));
        assertEquals(9, m.toEdited(6)); // 'h' of here
        assertEquals(6, m.toOriginal(9));
        assertEquals(0, m.toEdited(1)); // inside a replacement: its start
        assertEquals(4, m.toEditedEnd(1)); // or its end
        assertEquals(2, m.toOriginalEnd(3));
    }

    @Test
    void rejectsOverlapsAndOutOfRange() {
        assertThrows(IllegalArgumentException.class,
                () -> TextEdits.apply("abcdef", List.of(new TextEdit(0, 3, "x"), new TextEdit(2, 4, "y"))));
        assertThrows(IllegalArgumentException.class, () -> TextEdits.apply("abc", List.of(new TextEdit(1, 9, "x"))));
        assertThrows(IllegalArgumentException.class,
                () -> TextEdits.apply("abc", List.of(TextEdit.insert(1, "x"), TextEdit.insert(1, "y"))));
        assertThrows(IllegalArgumentException.class, () -> new TextEdit(3, 2, ""));
    }

    @Property(tries = 500)
    void unchangedTextMapsExactly(@ForAll @StringLength(max = 60) String text,
                                  @ForAll @IntRange(min = 0, max = 60) int a, @ForAll @IntRange(min = 0, max = 8) int len,
                                  @ForAll @IntRange(min = 0, max = 60) int b, @ForAll @StringLength(max = 5) String r1,
                                  @ForAll @StringLength(max = 5) String r2) {
        List<TextEdit> edits = new ArrayList<>();
        int s1 = Math.min(a, text.length());
        int e1 = Math.min(text.length(), s1 + len);
        edits.add(new TextEdit(s1, e1, r1));
        int s2 = Math.min(b, text.length());
        if (s2 >= e1 && !(s2 == e1 && s1 == e1)) {
            edits.add(new TextEdit(s2, Math.min(text.length(), s2 + 1), r2));
        }
        EditedText e = TextEdits.apply(text, edits);
        OffsetMap m = e.map();
        for (int i = 0; i < text.length(); i++) {
            boolean inside = false;
            for (TextEdit t : e.edits()) {
                inside |= i >= t.start() && i < t.end();
            }
            if (!inside) {
                assertEquals(text.charAt(i), e.text().charAt(m.toEdited(i)));
                assertEquals(i, m.toOriginal(m.toEdited(i)));
            }
        }
        for (TextEdit t : e.edits()) {
            if (t.start() == t.end()) {
                continue; // an insertion has no original range to map
            }
            assertEquals(t.replacement(), e.text().substring(m.toEdited(t.start()), m.toEditedEnd(t.end())));
        }
        assertEquals(e.text().length(), m.toEdited(text.length()));
    }
}
