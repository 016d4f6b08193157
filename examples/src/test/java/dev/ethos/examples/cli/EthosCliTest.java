package dev.ethos.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EthosCliTest {
    static String[] capture(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int status;
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            status = EthosCli.execute(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new String[] {Integer.toString(status), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void unknownOptionsAreErrorsWithAUsageLine() {
        String[] r = capture("demo", "--no-such-option");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("Unknown option: '--no-such-option'"), r[2]);
        assertTrue(r[2].contains("Usage: ethos demo"), r[2]);
    }

    @Test
    void everyCommandHasHelp() {
        String[] r = capture("--help");
        assertEquals("0", r[0]);
        assertTrue(r[1].contains("demo"));
        String[] d = capture("demo", "--help");
        assertEquals("0", d[0]);
        assertTrue(d[1].contains("Usage: ethos demo"));
    }

    @Test
    void missingCommandIsAnError() {
        assertEquals("2", capture()[0]);
    }

    @Test
    void demoShowsRawAndGuardedAnswers() {
        String[] r = capture("demo", "--prompt", "Write a job ad for a software engineer.");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("RAW ") && r[1].contains("GUARDED ") && r[1].contains("VERDICT "), r[1]);
    }
}
