package dev.ethos.safety.pii;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The built-in {@link PiiVault}: synchronized maps, optional time-to-live. */
final class InMemoryVault implements PiiVault {
    private record Entry(String type, String value, Instant created) {
    }

    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Entry> byPlaceholder = new LinkedHashMap<>();
    private final Map<String, String> byValue = new HashMap<>();
    private final Map<String, Integer> counters = new HashMap<>();
    private final java.util.Set<String> reserved = new java.util.HashSet<>();

    InMemoryVault(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    private static String key(String type, String value) {
        return type + '\u0000' + value;
    }

    @Override
    public synchronized String placeholderFor(String type, String value) {
        expire();
        String k = key(type, value);
        String p = byValue.get(k);
        if (p != null) {
            return p;
        }
        do {
            int n = counters.merge(type, 1, Integer::sum);
            p = PiiVault.placeholder(type, n);
        } while (reserved.contains(p));
        byValue.put(k, p);
        byPlaceholder.put(p, new Entry(type, value, clock.instant()));
        return p;
    }

    @Override
    public synchronized Optional<String> original(String placeholder) {
        expire();
        Entry e = byPlaceholder.get(placeholder);
        return e == null ? Optional.empty() : Optional.of(e.value());
    }

    @Override
    public synchronized void reserve(String placeholder) {
        if (!byPlaceholder.containsKey(placeholder)) {
            reserved.add(placeholder);
        }
    }

    @Override
    public synchronized int size() {
        expire();
        return byPlaceholder.size();
    }

    @Override
    public synchronized void clear() {
        byPlaceholder.clear();
        byValue.clear();
        reserved.clear();
    }

    @Override
    public synchronized Map<String, String> snapshot() {
        expire();
        Map<String, String> m = new LinkedHashMap<>();
        byPlaceholder.forEach((p, e) -> m.put(p, e.value()));
        return m;
    }

    private void expire() {
        if (ttl == null || byPlaceholder.isEmpty()) {
            return;
        }
        Instant limit = clock.instant().minus(ttl);
        byPlaceholder.entrySet().removeIf(en -> {
            if (en.getValue().created().isBefore(limit) || en.getValue().created().equals(limit)) {
                byValue.remove(key(en.getValue().type(), en.getValue().value()));
                return true;
            }
            return false;
        });
    }

    @Override
    public String toString() {
        return "PiiVault{" + byPlaceholder.size() + " entries}"; // never the values
    }
}
