package dev.ethos.safety.misinfo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks generated sentences against source documents. A sentence is unsupported when it states a
 * number that no source contains, or names an entity (a capitalised name, an acronym, a Latin name in
 * Chinese text) that no source contains while sharing little of its content (under half of its
 * terms) with the closest source sentence. The closest source sentence (most shared terms) is
 * reported so a reviewer can compare. Built once per request; immutable.
 */
final class Grounding {
    /** The verdict on one sentence: null when supported. */
    record Unsupported(String reason, double score, int source, int sourceStart, int sourceEnd, double overlap) {
    }

    private record SourceSentence(int doc, int start, int end, Set<String> terms) {
    }

    private static final Pattern NUMBER = Pattern.compile("\\d[\\d,]*(\\.\\d+)?");
    private static final Pattern ENTITY = Pattern.compile("\\b([A-Z][a-zA-Z]+|[A-Z]{2,}[0-9]*|[A-Za-z]+-?\\d+[A-Za-z]*)\\b");

    private final List<SourceSentence> sentences = new ArrayList<>();
    private final Set<String> numbers = new HashSet<>();
    private final Set<String> words = new HashSet<>();

    Grounding(List<String> sources) {
        for (int d = 0; d < sources.size(); d++) {
            String doc = sources.get(d);
            String lang = dev.ethos.text.Languages.detect(doc);
            for (Sentences.Range r : Sentences.split(doc)) {
                String s = r.of(doc);
                sentences.add(new SourceSentence(d, r.start(), r.end(), new HashSet<>(Terms.of(s, lang))));
            }
            Matcher m = NUMBER.matcher(doc);
            while (m.find()) {
                numbers.add(normNumber(m.group()));
            }
            for (String w : doc.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}-]+")) {
                if (!w.isEmpty()) {
                    words.add(w);
                    for (String part : w.split("-")) {
                        words.add(part);
                    }
                }
            }
        }
    }

    boolean isEmpty() {
        return sentences.isEmpty();
    }

    static String normNumber(String n) {
        String s = n.replace(",", "");
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    /** Whether {@code sentence} (language {@code lang}) is supported; null when it is. */
    Unsupported check(String sentence, String lang) {
        List<String> terms = Terms.of(sentence, lang);
        if (terms.isEmpty() || sentences.isEmpty()) {
            return null;
        }
        SourceSentence best = null;
        int bestShared = -1;
        for (SourceSentence ss : sentences) {
            int shared = 0;
            for (String t : terms) {
                if (ss.terms.contains(t)) {
                    shared++;
                }
            }
            if (shared > bestShared) {
                bestShared = shared;
                best = ss;
            }
        }
        double overlap = (double) bestShared / terms.size();
        List<String> missingNumbers = new ArrayList<>();
        Matcher m = NUMBER.matcher(sentence);
        while (m.find()) {
            String n = normNumber(m.group());
            if (!numbers.contains(n)) {
                missingNumbers.add(n);
            }
        }
        if (!missingNumbers.isEmpty()) {
            return new Unsupported("number " + String.join(", ", missingNumbers) + " not found in the sources",
                    0.8, best.doc, best.start, best.end, overlap);
        }
        List<String> missingNames = new ArrayList<>();
        Matcher e = ENTITY.matcher(sentence);
        while (e.find()) {
            if (e.start() == firstLetter(sentence)) {
                continue; // a sentence-initial capital is no name
            }
            String w = e.group(1).toLowerCase(Locale.ROOT);
            if (!words.contains(w)) {
                missingNames.add(e.group(1));
            }
        }
        if (!missingNames.isEmpty() && overlap < 0.5) {
            return new Unsupported("name " + String.join(", ", missingNames) + " not found in the sources",
                    0.7, best.doc, best.start, best.end, overlap);
        }
        if (terms.size() >= 6 && overlap < 0.2) {
            return new Unsupported("content barely overlaps the sources", 0.5, best.doc, best.start, best.end,
                    overlap);
        }
        return null;
    }

    private static int firstLetter(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetterOrDigit(s.charAt(i))) {
                return i;
            }
        }
        return 0;
    }
}
