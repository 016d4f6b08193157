package dev.ethos.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SegmenterProperties {
    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of("Mr.", " ", "word", ".", "!", "?", "\"", "”", "\n", "。", "？", "他", "3", "e.g.",
                "a", "😀", "J.", "\t").list().ofMaxSize(200).map(l -> String.join("", l));
    }

    static List<String> segments(Segmenter s, String text, int[] chunks) {
        List<String> out = new ArrayList<>();
        StringBuilder held = new StringBuilder();
        int pos = 0;
        int k = 0;
        while (pos < text.length()) {
            int end = Math.min(text.length(), pos + chunks[k++ % chunks.length]);
            held.append(text, pos, end);
            pos = end;
            int n;
            while ((n = s.next(held, false)) > 0) {
                out.add(held.substring(0, n));
                held.delete(0, n);
            }
            assertTrue(held.length() < s.bound() + 8 || held.chars().limit(s.bound()).noneMatch(Character::isWhitespace),
                    "held " + held.length());
        }
        int n;
        while ((n = s.next(held, true)) > 0) {
            out.add(held.substring(0, n));
            held.delete(0, n);
        }
        assertEquals(0, held.length());
        return out;
    }

    @Property(tries = 500)
    void cutsDoNotDependOnChunking(@ForAll("texts") String text,
                                   @ForAll @IntRange(min = 1, max = 50) int a, @ForAll @IntRange(min = 1, max = 50) int b,
                                   @ForAll @IntRange(min = 16, max = 80) int bound) {
        Segmenter s = new Segmenter(bound);
        List<String> whole = segments(s, text, new int[] {Math.max(1, text.length())});
        List<String> chunked = segments(s, text, new int[] {a, b});
        assertEquals(whole, chunked);
        assertEquals(text, String.join("", whole));
        for (String seg : whole) {
            assertTrue(seg.length() <= bound || seg.chars().limit(bound).noneMatch(Character::isWhitespace), seg);
            assertTrue(seg.length() <= s.hardLimit(), seg);
            assertTrue(!Character.isHighSurrogate(seg.charAt(seg.length() - 1)), seg);
        }
    }

    @Test
    void cutsAtSentenceEndsInBothLanguages() {
        Segmenter s = new Segmenter(512);
        assertEquals(List.of("Dr. Smith came.", " He left!", " 你好。", "他来了。”", "\n", "Done"),
                segments(s, "Dr. Smith came. He left! 你好。他来了。”\nDone", new int[] {3}));
        assertEquals(List.of("Pi is 3.14 and e.g. this."), segments(s, "Pi is 3.14 and e.g. this.", new int[] {1}));
    }

    @Test
    void forcedCutAtLastWhitespaceBeforeTheBound() {
        Segmenter s = new Segmenter(16);
        assertEquals(List.of("aaaa bbbb cccc ", "dddd eeee"), segments(s, "aaaa bbbb cccc dddd eeee", new int[] {5}));
        assertEquals(List.of("x".repeat(20) + " ", "yy"), segments(s, "x".repeat(20) + " yy", new int[] {3}));
        assertEquals(List.of("x".repeat(128), "x".repeat(12)), segments(s, "x".repeat(140), new int[] {7}));
    }
}
