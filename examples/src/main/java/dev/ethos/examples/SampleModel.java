package dev.ethos.examples;

import dev.ethos.FinishReason;
import dev.ethos.Generation;
import dev.ethos.GenerationRequest;
import dev.ethos.Generator;
import dev.ethos.ModelInfo;
import dev.ethos.StreamListener;
import dev.ethos.TokenUsage;
import java.util.Locale;

/**
 * The demo's stand-in for a biased model: answers from a few canned texts that show the habits
 * the filters exist for (generic "he", miracle cures with "click the link", contact details).
 * A demonstration aid of the command line, not a provider: it is not registered for
 * {@code Generators.open}.
 */
public final class SampleModel implements Generator {
    public static final ModelInfo INFO = new ModelInfo("sample", "ethos-sample-text");

    @Override
    public ModelInfo info() {
        return INFO;
    }

    static String answer(String prompt) {
        String p = prompt.toLowerCase(Locale.ROOT);
        if (p.contains("job") || p.contains("engineer")) {
            return "We are hiring a software engineer. He will design our services, and he writes clean code. "
                    + "Each applicant should send his CV to Jane Doe at jane.doe@example.com or call +1 415 555 0199.";
        }
        if (p.contains("coffee") || p.contains("health")) {
            return "A new study shows coffee cures diabetes, click the link to learn more! "
                    + "Doctors don't want you to know this one simple trick.";
        }
        if (p.contains("招聘") || p.contains("工程师")) {
            return "我们正在招聘一名工程师。他需要有五年经验，请联系张伟，电话13812345678。";
        }
        return "A chairman should listen to his team. Contact John Smith at john.smith@example.org.";
    }

    @Override
    public Generation generate(GenerationRequest request) {
        String text = answer(request.promptText());
        return Generation.of(text, FinishReason.STOP, new TokenUsage(0, 0), INFO);
    }

    @Override
    public void stream(GenerationRequest request, StreamListener listener) {
        String text = answer(request.promptText());
        for (int i = 0; i < text.length(); i += 6) {
            if (listener.isCancelled()) {
                listener.onComplete(Generation.of(text.substring(0, i), FinishReason.CANCELLED, TokenUsage.UNKNOWN, INFO));
                return;
            }
            listener.onText(text.substring(i, Math.min(text.length(), i + 6)));
        }
        listener.onComplete(Generation.of(text, FinishReason.STOP, TokenUsage.UNKNOWN, INFO));
    }
}
