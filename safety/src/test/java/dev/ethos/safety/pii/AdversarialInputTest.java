package dev.ethos.safety.pii;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 1 MB inputs built to provoke backtracking or quadratic scans. The timeout is generous on purpose:
 * this guards against hangs, it does not measure speed (the JMH benchmark does).
 */
class AdversarialInputTest {
    private static final int MB = 1 << 20;

    static String repeat(String unit) {
        StringBuilder sb = new StringBuilder(MB + unit.length());
        while (sb.length() < MB) {
            sb.append(unit);
        }
        return sb.toString();
    }

    static Stream<Arguments> inputs() {
        return Stream.<Supplier<String>>of(
                () -> repeat("1234567890"),
                () -> repeat("@"),
                () -> repeat("a@"),
                () -> repeat("a."),
                () -> repeat("1."),
                () -> repeat("a:"),
                () -> repeat("1-"),
                () -> repeat("1 "),
                () -> repeat("+1 (2"),
                () -> repeat("Aaron "),
                () -> repeat("Mr. "),
                () -> repeat("北京"),
                () -> repeat("王"),
                () -> repeat("北京市朝阳区"),
                () -> repeat("路1号"),
                () -> repeat("12 Main "),
                () -> repeat("Straße "),
                () -> repeat("AKIA"),
                () -> repeat("eyJ"),
                () -> repeat("eyJhbGciOiJIUzI1NiJ9."),
                () -> repeat("-----BEGIN RSA PRIVATE KEY-----"),
                () -> repeat("password: "),
                () -> repeat("passport "),
                () -> repeat("born "),
                () -> repeat("1990-01-01 "),
                () -> repeat("0x"),
                () -> repeat("bc1q"),
                () -> repeat("DE89 "),
                () -> repeat("ff:"),
                () -> repeat("<PERSON_1"),
                () -> repeat("\u200b1"),
                () -> repeat("ａ＠")
        ).map(s -> Arguments.of(s.get().substring(0, 12).replace("\u200b", "\\u200b"), s));
    }

    @ParameterizedTest(name = "{0}…")
    @MethodSource("inputs")
    void finishes(String label, Supplier<String> input) {
        String text = input.get();
        PiiAnalyzer analyzer = PiiAnalyzer.builder().enable(PiiType.URL).build();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            analyzer.analyze(text, "zh");
            Placeholders.restore(text, PiiVault.inMemory());
        });
    }
}
