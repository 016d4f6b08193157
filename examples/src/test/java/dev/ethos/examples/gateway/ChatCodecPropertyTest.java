package dev.ethos.examples.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.ethos.FinishReason;
import dev.ethos.Generation;
import dev.ethos.GenerationRequest;
import dev.ethos.Message;
import dev.ethos.ModelInfo;
import dev.ethos.Role;
import dev.ethos.TokenUsage;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ChatCodecPropertyTest {
    @Provide
    Arbitrary<Message> messages() {
        // Any text at all: quotes, backslashes, control characters, surrogate pairs, "data:" lines.
        Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(40)
                .filter(s -> s.chars().noneMatch(c -> Character.isSurrogate((char) c)))
                .injectDuplicates(0.1);
        Arbitrary<String> withPairs = Combinators.combine(text, Arbitraries.of("", "😀", "\n\ndata: [DONE]\n\n", "中文"))
                .as((a, b) -> a + b);
        return Combinators.combine(Arbitraries.of(Role.SYSTEM, Role.USER, Role.ASSISTANT), withPairs).as(Message::new);
    }

    @Property(tries = 200)
    void anyMessagesSurviveTheWireIntoAGenerationRequest(@ForAll @Size(min = 1, max = 5) List<@From("messages") Message> msgs) {
        JsonArray arr = new JsonArray();
        for (Message m : msgs) {
            JsonObject o = new JsonObject();
            o.addProperty("role", m.role().wireName());
            o.addProperty("content", m.content());
            arr.add(o);
        }
        JsonObject body = new JsonObject();
        body.add("messages", arr);
        GenerationRequest r = ChatCodec.parse(ChatCodec.GSON.toJson(body), "m", 4096, "id-1", "client").request();
        assertEquals(msgs, r.messages());
        assertEquals("client", r.attributes().get(GenerationRequest.ATTR_TENANT));
    }

    @Property(tries = 200)
    void anyAnswerTextSurvivesTheResponseAndTheStreamChunk(@ForAll("anyText") String text) {
        Generation g = Generation.of(text, FinishReason.STOP, new TokenUsage(1, 2), new ModelInfo("p", "m"));
        JsonObject c = JsonParser.parseString(ChatCodec.GSON.toJson(ChatCodec.completion("id", 0, "m", g))).getAsJsonObject();
        assertEquals(text, c.getAsJsonArray("choices").get(0).getAsJsonObject().getAsJsonObject("message")
                .get("content").getAsString());
        String event = ChatCodec.GSON.toJson(ChatCodec.chunk("id", 0, "m", null, text, null));
        assertTrue(event.indexOf('\n') < 0 && event.indexOf('\r') < 0, "an SSE data line must be one line");
        assertEquals(text, JsonParser.parseString(event).getAsJsonObject().getAsJsonArray("choices").get(0)
                .getAsJsonObject().getAsJsonObject("delta").get("content").getAsString());
    }

    @Provide
    Arbitrary<String> anyText() {
        return Combinators.combine(Arbitraries.strings().all().ofMaxLength(60)
                        .filter(s -> s.chars().noneMatch(c -> Character.isSurrogate((char) c))),
                Arbitraries.of("", "\r\n", "😀", "\u2028")).as((a, b) -> b + a + b);
    }

    @Test
    void badParametersAreNamed() {
        ChatCodec.BadRequest e = assertThrows(ChatCodec.BadRequest.class, () -> ChatCodec.parse(
                "{\"messages\":[{\"role\":\"wizard\",\"content\":\"x\"}]}", "m", 10, "id", "c"));
        assertEquals("messages[0].role", e.param);
        assertTrue(e.getMessage().contains("wizard"), e.getMessage());
        ChatCodec.BadRequest big = assertThrows(ChatCodec.BadRequest.class, () -> ChatCodec.parse(
                "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"max_tokens\":11}", "m", 10, "id", "c"));
        assertEquals("max_tokens", big.param);
        ChatCodec.BadRequest n = assertThrows(ChatCodec.BadRequest.class, () -> ChatCodec.parse(
                "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"n\":2}", "m", 10, "id", "c"));
        assertEquals("n", n.param);
        ChatCodec.BadRequest parts = assertThrows(ChatCodec.BadRequest.class, () -> ChatCodec.parse(
                "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\"}]}]}", "m", 10, "id", "c"));
        assertEquals("messages[0].content", parts.param);
        ChatCodec.Parsed ok = ChatCodec.parse("{\"messages\":[{\"role\":\"developer\",\"content\":[{\"type\":\"text\","
                + "\"text\":\"a\"},{\"type\":\"text\",\"text\":\"b\"}]}],\"stop\":\"END\",\"stream\":true,"
                + "\"stream_options\":{\"include_usage\":true},\"seed\":5}", "m", 10, "id", "c");
        assertEquals(List.of(Message.system("ab")), ok.request().messages());
        assertEquals(List.of("END"), ok.request().options().stop());
        assertTrue(ok.stream() && ok.includeUsage());
        assertEquals(5L, ok.request().options().seed().orElseThrow());
    }
}
