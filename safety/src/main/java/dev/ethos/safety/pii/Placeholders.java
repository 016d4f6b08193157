package dev.ethos.safety.pii;

import dev.ethos.text.TextEdit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds placeholders in model output, tolerant of what models do to them: case ({@code <person_1>}),
 * spaces ({@code < PERSON_1 >}, {@code <PERSON 1>}), other brackets ({@code [PERSON_1]}, {@code {PERSON_1}})
 * or none at all ({@code PERSON_1}, when the type is known). Linear: bounded quantifiers only.
 */
public final class Placeholders {
    private static final Pattern BRACKETED = Pattern.compile(
            "[<\\[{(]\\s{0,2}([A-Za-z]{2,20}(?:[ _][A-Za-z]{2,20}){0,3})[ _]{0,2}(\\d{1,6})\\s{0,2}[>\\]})]");
    private static final Pattern BARE = Pattern.compile(
            "(?<![A-Za-z0-9_])([A-Z]{2,20}(?:_[A-Z]{2,20}){0,3})_(\\d{1,6})(?![A-Za-z0-9_])");

    private Placeholders() {
    }

    /** Edits that put the vault's values back in place of every placeholder it knows in {@code text}. */
    public static List<TextEdit> restore(String text, PiiVault vault) {
        List<TextEdit> edits = new ArrayList<>();
        int[] taken = {-1};
        scan(BRACKETED.matcher(text), vault, edits, taken);
        if (text.indexOf('_') >= 0) {
            List<TextEdit> bare = new ArrayList<>();
            scan(BARE.matcher(text), vault, bare, new int[] {-1});
            for (TextEdit b : bare) {
                boolean overlaps = false;
                for (TextEdit e : edits) {
                    overlaps |= b.start() < e.end() && e.start() < b.end();
                }
                if (!overlaps) {
                    edits.add(b);
                }
            }
            edits.sort(java.util.Comparator.comparingInt(TextEdit::start));
        }
        return edits;
    }

    private static void scan(Matcher m, PiiVault vault, List<TextEdit> edits, int[] lastEnd) {
        while (m.find()) {
            String type = m.group(1).trim().replace(' ', '_').toUpperCase(Locale.ROOT);
            String ph = PiiVault.placeholder(type, Integer.parseInt(m.group(2)));
            Optional<String> v = vault.original(ph);
            if (v.isPresent() && m.start() >= lastEnd[0]) {
                edits.add(new TextEdit(m.start(), m.end(), v.get()));
                lastEnd[0] = m.end();
            }
        }
    }

    /** Reserves in {@code vault} every placeholder-like token already in {@code text} (any spelling). */
    public static void reserveExisting(String text, PiiVault vault) {
        for (Pattern p : new Pattern[] {BRACKETED, BARE}) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                String type = m.group(1).trim().replace(' ', '_').toUpperCase(Locale.ROOT);
                vault.reserve(PiiVault.placeholder(type, Integer.parseInt(m.group(2))));
            }
        }
    }

    /** {@code text} with every known placeholder restored. */
    public static String restoreText(String text, PiiVault vault) {
        List<TextEdit> edits = restore(text, vault);
        return edits.isEmpty() ? text : dev.ethos.text.TextEdits.apply(text, edits).text();
    }
}
