package dev.ethos.examples.gateway;

import dev.ethos.Finding;
import dev.ethos.Generation;
import dev.ethos.GenerationRequest;
import dev.ethos.Message;
import dev.ethos.SafetyFilter;
import dev.ethos.Span;
import dev.ethos.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two small filters that exercise the gateway's plumbing while the real PII and provenance filters
 * are built elsewhere: one rewrites e-mail addresses in the prompt before the model sees it, one
 * leaves a provenance manifest in the generation's metadata. Test code only.
 */
final class TestFilters {
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");

    private TestFilters() {
    }

    static SafetyFilter scrubEmails() {
        return new SafetyFilter() {
            @Override
            public String name() {
                return "test-email";
            }

            @Override
            public Generation apply(GenerationRequest request, Chain chain) {
                List<Message> out = new ArrayList<>();
                List<Finding> findings = new ArrayList<>();
                for (int i = 0; i < request.messages().size(); i++) {
                    Message m = request.messages().get(i);
                    Matcher x = EMAIL.matcher(m.content());
                    while (x.find()) {
                        findings.add(new Finding("EMAIL_ADDRESS", Span.prompt(i, x.start(), x.end()), 1.0, "e-mail address",
                                "<EMAIL>", Map.of()));
                    }
                    out.add(m.withContent(EMAIL.matcher(m.content()).replaceAll("<EMAIL>")));
                }
                Generation g = chain.proceed(request.withMessages(out));
                chain.record(findings.isEmpty() ? Verdict.PASS : Verdict.REWRITE, findings, null);
                return g;
            }
        };
    }

    static SafetyFilter stampProvenance() {
        return new SafetyFilter() {
            @Override
            public String name() {
                return "test-provenance";
            }

            @Override
            public Generation apply(GenerationRequest request, Chain chain) {
                Generation g = chain.proceed(request);
                return g.toBuilder().metadata("provenance", Map.of("generator", "ethos-test", "chars", g.text().length()))
                        .build();
            }
        };
    }
}
