package dev.ethos.safety.pii.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The shared keyword pass reports, for each set, exactly what a plain pass of that set alone finds. */
class KeywordsTest {
    private static final String[] A = {"pass", "password", "pwd", "密码", "token", "to", "a", "|", "| "};
    private static final String[] B = {"secret", "api key", "token", "sincerely", "sincerely", "call", "密钥", "t"};
    private static final Keywords KA = new Keywords(A);
    private static final Keywords KB = new Keywords(B);

    /** The documented semantics, position by position, words in the order given. */
    private static List<String> naive(char[] s, String[] words) {
        List<String> hits = new ArrayList<>();
        for (int i = 0; i < s.length; i++) {
            boolean inWord = i > 0 && s[i] >= 'a' && s[i] <= 'z' && s[i - 1] >= 'a' && s[i - 1] <= 'z';
            for (String w : words) {
                if (!inWord && new String(s).startsWith(w, i)) {
                    hits.add(i + ":" + w);
                }
            }
        }
        return hits;
    }

    private static List<String> scanned(Keywords k, char[] s) {
        List<String> hits = new ArrayList<>();
        k.scan(s, (i, w) -> hits.add(i + ":" + w));
        return hits;
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of("pass", "password", "passport", "pwd", "密码", "token", "to", "tokens", "a", "|", " ", "  ",
                "secret", "api key", "api", "sincerely", "call", "密钥", "t", "x", "Token", "_", "1", "。").list()
                .ofMaxSize(30).map(l -> String.join("", l));
    }

    @Property(tries = 2000)
    void sharedPassMatchesPlainPasses(@ForAll("texts") String text, @ForAll("texts") String other) {
        char[] s = text.toLowerCase(java.util.Locale.ROOT).toCharArray();
        char[] o = other.toLowerCase(java.util.Locale.ROOT).toCharArray();
        assertEquals(naive(s, A), scanned(KA, s));
        assertEquals(naive(o, B), scanned(KB, o)); // another text in between: the kept hits must not be reused
        assertEquals(naive(s, B), scanned(KB, s));
        assertEquals(naive(s, A), scanned(KA, s));
    }
}
