package dev.ethos.provider.djl.internal;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Learns a GPT-2-style byte-level BPE vocabulary from text and writes it as a Hugging Face
 * {@code tokenizer.json} (ByteLevel pre-tokenizer and decoder, BPE model, {@code <|endoftext|>}).
 * Deterministic: ties between equally frequent pairs go to the lexicographically smallest pair.
 */
public final class BpeTrainer {
    /** GPT-2's pre-tokenization pattern. */
    static final Pattern PRE_TOKEN = Pattern.compile(
            "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+");
    public static final String EOS = "<|endoftext|>";

    private BpeTrainer() {
    }

    /** GPT-2's reversible map from bytes to printable characters. */
    static char[] byteToChar() {
        char[] map = new char[256];
        boolean[] direct = new boolean[256];
        for (int b = '!'; b <= '~'; b++) {
            direct[b] = true;
        }
        for (int b = 0xA1; b <= 0xAC; b++) {
            direct[b] = true;
        }
        for (int b = 0xAE; b <= 0xFF; b++) {
            direct[b] = true;
        }
        int n = 0;
        for (int b = 0; b < 256; b++) {
            if (direct[b]) {
                map[b] = (char) b;
            } else {
                map[b] = (char) (256 + n++);
            }
        }
        return map;
    }

    /** The id of the single-byte token for byte {@code b} in a vocabulary made by this trainer. */
    public static int byteTokenId(int b) {
        return baseSymbols().indexOf(String.valueOf(byteToChar()[b]));
    }

    /** The byte symbols in GPT-2's id order (the printable bytes first, then the remapped ones). */
    static List<String> baseSymbols() {
        char[] map = byteToChar();
        List<String> out = new ArrayList<>();
        for (int b = 0; b < 256; b++) {
            if (map[b] == b) {
                out.add(String.valueOf(map[b]));
            }
        }
        for (int b = 0; b < 256; b++) {
            if (map[b] != b) {
                out.add(String.valueOf(map[b]));
            }
        }
        return out;
    }

    /**
     * Learns merges until the vocabulary (256 bytes + merges + end-of-text) reaches {@code vocabSize}
     * or no pair occurs twice; returns the {@code tokenizer.json} text.
     */
    public static String train(List<String> documents, int vocabSize) {
        if (vocabSize < 257) {
            throw new IllegalArgumentException("vocabSize must be >= 257 (256 bytes + end-of-text), got " + vocabSize);
        }
        char[] map = byteToChar();
        Map<String, Integer> wordCounts = new HashMap<>();
        for (String doc : documents) {
            Matcher m = PRE_TOKEN.matcher(doc);
            while (m.find()) {
                StringBuilder sb = new StringBuilder();
                for (byte b : m.group().getBytes(StandardCharsets.UTF_8)) {
                    sb.append(map[b & 0xff]);
                }
                wordCounts.merge(sb.toString(), 1, Integer::sum);
            }
        }
        List<List<String>> words = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        wordCounts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            List<String> syms = new ArrayList<>();
            e.getKey().codePoints().forEach(cp -> syms.add(new String(Character.toChars(cp))));
            words.add(syms);
            counts.add(e.getValue());
        });
        List<String> vocab = new ArrayList<>(baseSymbols());
        List<String> merges = new ArrayList<>();
        while (vocab.size() + 1 < vocabSize) {
            Map<String, Integer> pairs = new HashMap<>();
            for (int w = 0; w < words.size(); w++) {
                List<String> s = words.get(w);
                for (int i = 0; i + 1 < s.size(); i++) {
                    pairs.merge(s.get(i) + " " + s.get(i + 1), counts.get(w), Integer::sum);
                }
            }
            String best = null;
            int bestCount = 1;
            for (var e : pairs.entrySet()) {
                if (e.getValue() > bestCount || (e.getValue() == bestCount && best != null && e.getKey().compareTo(best) < 0)) {
                    best = e.getKey();
                    bestCount = e.getValue();
                }
            }
            if (best == null) {
                break;
            }
            int sp = best.indexOf(' ');
            String a = best.substring(0, sp);
            String b = best.substring(sp + 1);
            String merged = a + b;
            merges.add(best);
            if (!vocab.contains(merged)) {
                vocab.add(merged);
            }
            for (List<String> s : words) {
                for (int i = 0; i + 1 < s.size(); i++) {
                    if (s.get(i).equals(a) && s.get(i + 1).equals(b)) {
                        s.set(i, merged);
                        s.remove(i + 1);
                    }
                }
            }
        }
        return toJson(vocab, merges);
    }

    static String toJson(List<String> vocab, List<String> merges) {
        JsonObject o = new JsonObject();
        o.addProperty("version", "1.0");
        o.add("truncation", JsonNull.INSTANCE);
        o.add("padding", JsonNull.INSTANCE);
        JsonArray added = new JsonArray();
        JsonObject eos = new JsonObject();
        eos.addProperty("id", vocab.size());
        eos.addProperty("content", EOS);
        eos.addProperty("single_word", false);
        eos.addProperty("lstrip", false);
        eos.addProperty("rstrip", false);
        eos.addProperty("normalized", true);
        eos.addProperty("special", true);
        added.add(eos);
        o.add("added_tokens", added);
        o.add("normalizer", JsonNull.INSTANCE);
        o.add("pre_tokenizer", byteLevel(false, true));
        o.add("post_processor", byteLevel(true, false));
        o.add("decoder", byteLevel(true, true));
        JsonObject model = new JsonObject();
        model.addProperty("type", "BPE");
        model.add("dropout", JsonNull.INSTANCE);
        model.add("unk_token", JsonNull.INSTANCE);
        model.addProperty("continuing_subword_prefix", "");
        model.addProperty("end_of_word_suffix", "");
        model.addProperty("fuse_unk", false);
        model.addProperty("byte_fallback", false);
        JsonObject v = new JsonObject();
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (String s : vocab) {
            ids.putIfAbsent(s, ids.size());
        }
        ids.put(EOS, vocab.size());
        ids.forEach(v::addProperty);
        model.add("vocab", v);
        JsonArray m = new JsonArray();
        merges.forEach(m::add);
        model.add("merges", m);
        o.add("model", model);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o);
    }

    private static JsonObject byteLevel(boolean addPrefixSpace, boolean trimOffsets) {
        JsonObject o = new JsonObject();
        o.addProperty("type", "ByteLevel");
        o.addProperty("add_prefix_space", addPrefixSpace);
        o.addProperty("trim_offsets", trimOffsets);
        o.addProperty("use_regex", true);
        return o;
    }
}
