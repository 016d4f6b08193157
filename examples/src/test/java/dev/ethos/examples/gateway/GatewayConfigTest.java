package dev.ethos.examples.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayConfigTest {
    @Test
    void settingsKeysAndErrors(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("g.properties");
        Files.writeString(f, "port=9000\nmax-concurrent-per-key=3\napi-keys-env=MY_KEYS\nmodel-name=guarded\n");
        GatewayConfig c = GatewayConfig.load(f, name -> name.equals("MY_KEYS") ? "a:aaaaaaaaaa, b:bbbbbbbbbb" : null);
        assertEquals(9000, c.port());
        assertEquals(3, c.maxConcurrentPerKey());
        assertEquals("guarded", c.modelName());
        assertEquals(Map.of("a", "aaaaaaaaaa", "b", "bbbbbbbbbb"), c.apiKeys());
        assertFalse(c.toString().contains("aaaaaaaaaa"), "keys never show");

        Path keys = dir.resolve("keys");
        Files.write(keys, List.of("# team keys", "ops:opsopsopsops", "ci:cicicicicici"));
        Files.writeString(f, "api-keys-file=" + keys.toString().replace("\\", "/") + "\n");
        assertEquals(List.of("ops", "ci"), List.copyOf(GatewayConfig.load(f, n -> null).apiKeys().keySet()));

        Files.writeString(f, "prot=9000\n");
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class, () -> GatewayConfig.load(f, n -> null));
        assertTrue(typo.getMessage().contains("'prot'"), typo.getMessage());
        Files.writeString(f, "port=eighty\n");
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> GatewayConfig.load(f, n -> null));
        assertTrue(nan.getMessage().contains("'eighty'"), nan.getMessage());
        IllegalArgumentException shortKey = assertThrows(IllegalArgumentException.class,
                () -> GatewayConfig.load(null, n -> "x:short"));
        assertTrue(shortKey.getMessage().contains("'x'"), shortKey.getMessage());
        assertTrue(GatewayConfig.load(null, n -> null).apiKeys().isEmpty());
    }
}
