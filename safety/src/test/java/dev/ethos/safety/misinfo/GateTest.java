package dev.ethos.safety.misinfo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GateTest {
    @Test
    void maskCachedBeforeAGateIsRegisteredStillSeesIt() {
        String s = "the zyxwvut remedy works";
        Gate.mask(s); // cached for the gates registered so far
        Gate late = Gate.of("\\bzyxwvut\\b");
        assertTrue(late.find(s, Gate.mask(s)), "a gate registered after a cached mask must not be skipped");
    }
}
