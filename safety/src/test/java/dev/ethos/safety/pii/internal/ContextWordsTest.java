package dev.ethos.safety.pii.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ethos.safety.pii.PiiText;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Look-ups with a grouped {@link Context.Words} list find what the plain word-array forms find. */
class ContextWordsTest {
    private static final String[] WORDS = concat(PhoneRecognizer.POSITIVE, PhoneRecognizer.NEGATIVE,
            new String[] {"'s", "’s", "| ", "(ssn", "can be reached", "先生", "身份证", "a"});
    private static final Context.Words GROUPED = new Context.Words(WORDS);

    private static String[] concat(String[]... parts) {
        java.util.List<String> all = new java.util.ArrayList<>();
        for (String[] p : parts) {
            all.addAll(java.util.List.of(p));
        }
        return all.toArray(new String[0]);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of("phone", "Tel", "tel.", "call", "order", "NHS", "'s", "’s", " ", ", ", "|", "(SSN", "x", "12",
                "can be reached", "先生", "身份证", "电话", "a", "A", "_", "ph", "telephone", "。").list().ofMaxSize(25)
                .map(l -> String.join("", l));
    }

    @Property(tries = 2000)
    void sameMatchesAsThePlainForm(@ForAll("texts") String text, @ForAll @IntRange(min = -5, max = 60) int from,
            @ForAll @IntRange(min = 0, max = 80) int window) {
        PiiText t = PiiText.of(text, null);
        int to = from + window;
        assertEquals(Context.lastIndexOf(t, from, to, WORDS), Context.lastIndexOf(t, from, to, GROUPED));
        assertEquals(Context.firstIndexOf(t, from, to, WORDS), Context.firstIndexOf(t, from, to, GROUPED));
    }
}
