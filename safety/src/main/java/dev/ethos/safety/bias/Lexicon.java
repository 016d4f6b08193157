package dev.ethos.safety.bias;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The word lists the rewriters use, loaded once from the package's resources. Immutable. */
final class Lexicon {
    /** A gendered role noun and its neutral forms. */
    record Role(String singular, String plural, String neutral, String neutralPlural, char gender, String kind) {
        boolean isPerson() {
            return kind.equals("person");
        }
    }

    /** A form of a role noun found in text. */
    record RoleForm(Role role, boolean plural) {
    }

    static final Lexicon EN = new Lexicon();

    final Set<String> personNouns;
    final Map<String, Character> genderedNouns;
    final Map<String, Character> firstNames;
    final Map<String, RoleForm> roleForms;
    final Set<String> verbs;
    final Set<String> irregularPast;
    final Set<String> irregularParticiples;

    private Lexicon() {
        personNouns = Set.copyOf(words(read("en-person-nouns.txt")));
        genderedNouns = Map.copyOf(gendered(read("en-gendered-nouns.txt"), true));
        firstNames = Map.copyOf(gendered(words(read("en-first-names.txt")), false));
        Map<String, RoleForm> forms = new HashMap<>();
        for (String line : read("en-role-nouns.txt")) {
            String[] f = line.split("\\|");
            if (f.length != 6) {
                throw new IllegalStateException("bad role-noun line: " + line);
            }
            Role r = new Role(f[0], f[1].equals("-") ? null : f[1], f[2], f[3].equals("-") ? null : f[3],
                    f[4].charAt(0), f[5]);
            forms.put(r.singular(), new RoleForm(r, false));
            if (r.plural() != null) {
                forms.put(r.plural(), new RoleForm(r, true));
            }
        }
        roleForms = Map.copyOf(forms);
        verbs = Set.copyOf(words(read("en-verbs.txt")));
        Set<String> past = new HashSet<>();
        Set<String> part = new HashSet<>();
        for (String line : read("en-irregular.txt")) {
            String[] f = line.trim().split("\\s+");
            for (String p : f[1].split("/")) {
                past.add(p);
            }
            part.add(f[2]);
        }
        irregularPast = Set.copyOf(past);
        irregularParticiples = Set.copyOf(part);
    }

    private static List<String> read(String name) {
        List<String> lines = new ArrayList<>();
        try (InputStream in = Lexicon.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing lexicon resource " + name);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lexicon " + name, e);
        }
        return lines;
    }

    private static List<String> words(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            for (String w : l.split("\\s+")) {
                if (!w.isEmpty()) {
                    out.add(w.toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    /** "word g" pairs, either one per line ({@code perLine}) or as a flat word list. */
    private static Map<String, Character> gendered(List<String> items, boolean perLine) {
        Map<String, Character> m = new HashMap<>();
        if (perLine) {
            for (String l : items) {
                String[] f = l.split("\\s+");
                m.put(f[0].toLowerCase(Locale.ROOT), f[1].charAt(0));
            }
        } else {
            for (int i = 0; i + 1 < items.size(); i += 2) {
                m.put(items.get(i), items.get(i + 1).charAt(0));
            }
        }
        return m;
    }
}
