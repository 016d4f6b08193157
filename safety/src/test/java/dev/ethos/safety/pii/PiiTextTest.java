package dev.ethos.safety.pii;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The normalisation's fast paths agree with the general rules they skip. */
class PiiTextTest {
    @Test
    void hanCharactersAreNeitherFoldedNorCased() {
        for (char c = 0; c < 0xFFFF; c++) {
            if (PiiText.isHan(c)) {
                assertEquals(c, PiiText.fold(c), "fold changes " + Integer.toHexString(c));
                assertEquals(c, Character.toLowerCase(c), "toLowerCase changes " + Integer.toHexString(c));
            }
        }
    }

    @Test
    void lowerCharsAreToLowerCaseOfEveryNormalisedChar() {
        StringBuilder b = new StringBuilder();
        for (char c = 1; c < 0xD800; c++) {
            b.append(c);
        }
        PiiText t = PiiText.of(b.toString(), null);
        char[] expected = new char[t.length()];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = Character.toLowerCase(t.chars()[i]);
        }
        assertArrayEquals(expected, t.lowerChars());
        assertEquals(new String(expected), t.lower());
        assertEquals(t.normalized(), new String(t.chars()));
    }
}
