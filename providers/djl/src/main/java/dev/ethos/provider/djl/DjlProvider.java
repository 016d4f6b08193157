package dev.ethos.provider.djl;

import dev.ethos.Generator;
import dev.ethos.spi.ModelProvider;

/**
 * The {@code djl} model provider: {@code djl:builtin} (the demonstration model in this jar) or
 * {@code djl:/path/to/gpt2-dir}, optionally with {@code ?maxConcurrent=N}.
 */
public final class DjlProvider implements ModelProvider {
    @Override
    public String scheme() {
        return "djl";
    }

    @Override
    public Generator open(String location) {
        String path = location;
        int maxConcurrent = -1;
        int q = location.indexOf('?');
        if (q >= 0) {
            path = location.substring(0, q);
            for (String kv : location.substring(q + 1).split("&")) {
                if (kv.isEmpty()) {
                    continue;
                }
                String[] p = kv.split("=", 2);
                if (p.length == 2 && p[0].equals("maxConcurrent")) {
                    try {
                        maxConcurrent = Integer.parseInt(p[1]);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("maxConcurrent must be an integer, got '" + p[1] + "'");
                    }
                } else {
                    throw new IllegalArgumentException("unknown djl option '" + kv + "' (known: maxConcurrent=N)");
                }
            }
        }
        if (path.startsWith("//")) {
            path = path.substring(2); // djl:///abs/path
        }
        DjlGenerator.Builder b = DjlGenerator.builder(path);
        if (maxConcurrent != -1) {
            b.maxConcurrent(maxConcurrent);
        }
        return b.build();
    }
}
