package dev.ethos.safety.misinfo;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalised content terms of a text, the shingles that claim matching and grounding work on.
 *
 * <p>English: NFKC, lower case, contractions expanded, number words as digits, function words
 * dropped, a light suffix stemmer, then a small table of paraphrase synonyms (jab → vaccine,
 * tumour → cancer, gives → cause, …) so that "flu shots give you the flu" and "the flu vaccine can
 * give you the flu" share their terms. Word order never matters: the terms are a set.
 *
 * <p>Chinese: common paraphrase phrases are unified first (得癌症/患癌 → 致癌, 饭菜/食品 → 食物, …),
 * then every run of Han characters, cut at function characters (的, 了, 是, 会, 可以 …), yields its
 * characters and its character bigrams. Latin words and numbers inside Chinese text are English terms.
 * Stateless and thread-safe.
 */
final class Terms {
    private Terms() {
    }

    private static final Set<String> EN_STOP = Set.of(("a an the and or of to in on at by for with from as is are was "
            + "were be been being am do does did doing have has had having it its this that these those there "
            + "their theirs they them he she his her hers we our ours you your yours i me my mine us if then than so "
            + "such can could will would shall should may might must not no nor just also very really ca wo "
            + "about into over under again further once both each other own same too s t ever even still yet "
            + "what which who whom whose when where why how here now up out off only onto upon while because "
            + "since until though although however whether any some all every many much more most few lot lots "
            + "get gets got make makes made one ll ve re d m let lets like way thing things something anything "
            + "everything nothing never none already per via among within without between actually literally "
            + "simply truly indeed").split(" "));

    private static final Map<String, String> EN_NUMBERS = Map.ofEntries(Map.entry("zero", "0"),
            Map.entry("one", "1"), Map.entry("two", "2"), Map.entry("three", "3"), Map.entry("four", "4"),
            Map.entry("five", "5"), Map.entry("six", "6"), Map.entry("seven", "7"), Map.entry("eight", "8"),
            Map.entry("nine", "9"), Map.entry("ten", "10"), Map.entry("eleven", "11"), Map.entry("twelve", "12"),
            Map.entry("twenty", "20"), Map.entry("thirty", "30"), Map.entry("fifty", "50"), Map.entry("hundred", "100"),
            Map.entry("thousand", "1000"), Map.entry("million", "1000000"), Map.entry("billion", "1000000000"));

    /** Paraphrase classes: every word of a line maps to the line's first word. */
    private static final String[] EN_SYNONYMS = {
        "vaccine vaccines vaccination vaccinations vaccinated jab jabs shot shots immunization immunisation "
            + "inoculation inoculations",
        "covid coronavirus coronaviruses covid19 corona sars",
        "phone phones cellphone cellphones smartphone smartphones mobile mobiles handset",
        "people person persons human humans folks everyone everybody anyone anybody",
        "child children kid kids toddler toddlers youngster youngsters",
        "see seen saw visible visibility spot spotted observe observed",
        "cause causes caused causing trigger triggers triggered give gives gave giving lead leads led "
            + "result results resulting produce produces link links linked tie tied associate associated "
            + "responsible blame blamed enable enables enabled",
        "fake faked fakes staged stage hoax hoaxes fabricated forged scam scams fraud invented invent concocted",
        "film filmed filming movie",
        "cancer cancers tumor tumors tumour tumours carcinoma malignancy",
        "doctor doctors physician physicians doc docs",
        "scientist scientists researcher researchers",
        // Eating and food are one class: "eating X" and "X as food / X in your meals" say the same thing.
        "eat eats eating ate eaten lunch dinner dinners breakfast meal consume consumes consuming consumed ingest ingests "
            + "swallow swallows swallowed swallowing food foods leftovers meals dishes groceries diet diets cook cooks cooked cooking",
        "moon lunar",
        "earth planet world globe",
        "memory memories remember remembers remembering recall",
        "math maths mathematics mathematical arithmetic",
        "fail fails failed failing flunk flunks flunked flunking",
        "percent percentage pct",
        "hyperactive hyperactivity hyper",
        "big bigger large larger huge",
        "kill kills killed killing lethal deadly fatal",
        "track tracks tracked tracking surveil surveillance monitor monitoring",
        "microchip microchips chip chips implant implants",
        "virus viruses viral",
        "infection infections infected infect infects",
        "flu influenza",
        "autism autistic",
        "spread spreads spreading transmit transmits transmitted transmission",
        "network networks tower towers mast masts antenna antennas",
        "government governments govt state authorities authority officials",
        "plane planes airplane airplanes aircraft jet jets airliner airliners",
        "short shorter tiny small little petite",
        "fingernail fingernails nail nails",
        "blind sightless",
        "stomach gut belly",
        "brain brains mind",
        "sugar sugary sweets candy cake cakes dessert desserts cookie cookies soda sodas",
        "color colors colour colours coloured colored",
        "death dead die dies died dying deceased",
        "continue continues continued keep keeps kept",
        "frighten frightened scare scared afraid fear fearful threatened startled panic panicked",
        "bury buries buried burying stick sticks stuck",
        "thick thicker coarse coarser dense denser",
        "dark darker",
        "battle battles war wars combat fight fighting raid raids",
        "believe believes believed think thinks thought assume assumed",
        "appear appears appeared look looks seem seems",
        "protect protects protected protection prevent prevents prevented prevention shield shields guard guards",
        "radioactive radioactivity irradiated radiation",
        "penny pennies coin coins cent cents",
        "crack cracks cracked cracking pop pops popped popping",
        "chemical chemicals toxin toxins poison poisons",
        "spray sprays sprayed spraying dump dumps dumped",
        "chemtrail chemtrails contrail contrails trail trails",
        "stay stays stayed remain remains remained linger lingers",
        "population public citizens",
        "angry anger enrage enraged furious rage infuriate provoke provokes provoked irritate irritates mad aggressive",
    };

    private static final Map<String, String> EN_CANON = new HashMap<>();

    static {
        for (String line : EN_SYNONYMS) {
            String[] words = line.split(" ");
            String canon = words[0];
            for (String w : words) {
                EN_CANON.putIfAbsent(stem(w), canon);
            }
        }
    }

    /** Chinese paraphrase unification applied before tokenising: {regex, replacement}. */
    private static final String[][] ZH_PHRASES = {
        {"新型冠状病毒|新冠病毒|新冠肺炎|新冠", "新冠"},
        {"得癌症|患癌症|患上癌症|引发癌症|导致癌症|引起癌症|得癌|患癌|致癌", "致癌"},
        {"饭菜|食品|食物|菜肴", "食物"},
        {"移动电话|智能手机|手机", "手机"},
        {"孩子|儿童|小孩|小朋友", "儿童"},
        {"看得见|看得到|看见|看到|观察到", "看到"},
        {"人类建筑|人造建筑|人工建筑", "人造建筑"},
        {"治愈|治好|根治", "治愈"},
        {"预防|防止|防范", "预防"},
        {"接种疫苗|疫苗接种|打疫苗|疫苗", "疫苗"},
        {"概率|几率|风险|可能性", "风险"},
        {"导致|引起|引发|造成", "导致"},
        {"生成|产生|形成", "产生"},
        {"记忆力|记忆", "记忆"},
        {"补充钙|补钙", "补钙"},
        {"秒钟", "秒"},
        {"变软|软化", "软化"},
        {"变硬|硬化", "硬化"},
        {"打电话|接电话|讲电话|接听电话|通电话|通话", "通话"},
        {"冒充|假冒|仿冒|伪造|冒牌", "假"},
        {"市面上|市场上|市面", "市场"},
        {"清除|清理|清洗|排出|排除|清掉|清走", "清除"},
        {"灰尘|粉尘|尘埃", "灰尘"},
        {"隔夜食物|隔夜饭|隔夜菜|剩饭剩菜|剩饭|剩菜", "隔夜菜"},
        {"抗癌|防癌", "防癌"},
        {"心血管疾病|心血管病|心脏疾病|心脏病", "心脏病"},
        {"大骨汤|骨头汤|排骨汤|骨汤", "骨头汤"},
        {"宝宝|婴儿|胎儿", "胎儿"},
        {"爆炸|炸了|炸掉|炸裂", "爆炸"},
        {"含有铅|含铅|有铅", "含铅"},
    };
    private static final Pattern[] ZH_PATTERNS = new Pattern[ZH_PHRASES.length];
    /**
     * The first characters of each phrase's alternatives: a phrase can only occur in a text that holds
     * one of them, so its regex is skipped otherwise (exact; the phrases are plain literals).
     */
    private static final String[] ZH_FIRST = new String[ZH_PHRASES.length];

    static {
        for (int i = 0; i < ZH_PHRASES.length; i++) {
            String re = ZH_PHRASES[i][0];
            ZH_PATTERNS[i] = Pattern.compile(re);
            StringBuilder first = new StringBuilder();
            for (String alt : re.split("\\|")) {
                for (int k = 0; k < alt.length(); k++) {
                    if (Character.UnicodeScript.of(alt.charAt(k)) != Character.UnicodeScript.HAN) {
                        throw new IllegalStateException("Chinese phrase is not a plain literal: " + alt);
                    }
                }
                if (first.indexOf(alt.substring(0, 1)) < 0) {
                    first.append(alt.charAt(0));
                }
            }
            ZH_FIRST[i] = first.toString();
        }
    }

    private static boolean holdsAny(String text, String chars) {
        for (int k = 0; k < chars.length(); k++) {
            if (text.indexOf(chars.charAt(k)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static final String ZH_DIGITS = "一二三四五六七八九十";

    /** A Chinese digit one to ten before a measure word (七秒 = 7秒); not 一起, 一定, 万一. */
    private static final Pattern ZH_COUNT = Pattern.compile("(?<![一二三四五六七八九十百千万])[一二三四五六七八九十]"
            + "(?=(秒|分钟|小时|天|周|个月|年|倍|岁|次)(?![一二三四五六七八九十]))");

    /** Function characters: they carry no content and cut runs of Han characters. */
    private static final String ZH_STOP = "的了是在会和与及就都也很吗呢吧啊呀把被这那个种些其之而并又还让使对于从到给得着过地"
            + "要能可以已经一我你他她它们有说为将所如若则即该每各些就才再更最非常其实真的啦嘛么呗";

    /** Particles that may sit inside a phrase without changing it: 隔夜的菜 ≈ 隔夜菜. */
    private static final String ZH_PARTICLES = "的了地得着过之";

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    /** The content terms of {@code text} in language {@code lang} ("en" or "zh"), in first-seen order. */
    static List<String> of(String text, String lang) {
        if (!"zh".equals(lang) && plainLatin(text)) {
            List<String> out = new ArrayList<>();
            scanLatin(text, out, null);
            return out;
        }
        String norm = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        Set<String> out = new LinkedHashSet<>();
        if ("zh".equals(lang) || hasHan(norm)) {
            for (int i = 0; i < ZH_PATTERNS.length; i++) {
                if (holdsAny(norm, ZH_FIRST[i])) {
                    norm = ZH_PATTERNS[i].matcher(norm).replaceAll(ZH_PHRASES[i][1]);
                }
            }
            if (holdsAny(norm, ZH_DIGITS)) {
                norm = ZH_COUNT.matcher(norm).replaceAll(m -> String.valueOf(ZH_DIGITS.indexOf(m.group().charAt(0)) + 1));
            }
        }
        norm = expandEnglish(norm);
        Matcher m = WORD.matcher(norm);
        while (m.find()) {
            String tok = m.group();
            if (hasHan(tok)) {
                hanTerms(tok, out);
            } else {
                String t = english(tok);
                if (t != null) {
                    out.add(t);
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** True when NFKC and Chinese handling cannot change {@code text}: no Han, nothing outside Latin-1 but quotes. */
    static boolean plainLatin(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && c != '’' && c != '‘' && c != '“' && c != '”' && c != '—' && c != '–' && c != '…') {
                return false;
            }
        }
        return true;
    }

    /**
     * The English fast path of {@link #of}: one pass, no regex. Adds each distinct term once to
     * {@code out} and, when {@code offsets} is given, the offset of the word it came from.
     */
    static void scanLatin(String original, List<String> out, List<Integer> offsets) {
        String text = phrases(original);
        java.util.HashSet<String> seen = new java.util.HashSet<>();
        int n = text.length();
        int i = 0;
        StringBuilder w = new StringBuilder();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '%') {
                emit("percent", i, out, offsets, seen);
                i++;
                continue;
            }
            if (!Character.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            int start = i;
            w.setLength(0);
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                w.append(Character.toLowerCase(text.charAt(i)));
                i++;
            }
            if (i + 1 < n && (text.charAt(i) == '\'' || text.charAt(i) == '’') && Character.isLetter(text.charAt(i + 1))) {
                int j = i + 1;
                while (j < n && Character.isLetter(text.charAt(j))) {
                    j++;
                }
                String suffix = text.substring(i + 1, j).toLowerCase(Locale.ROOT);
                if (suffix.equals("t") && w.length() > 0 && w.charAt(w.length() - 1) == 'n') {
                    w.setLength(w.length() - 1); // don't -> do (+ not, a function word)
                } else if (!suffix.equals("s") && !suffix.equals("re") && !suffix.equals("ve") && !suffix.equals("ll")
                        && !suffix.equals("d") && !suffix.equals("m")) {
                    w.append(suffix); // o'clock, names
                }
                i = j;
            }
            String t = english(w.toString());
            if (t != null) {
                emit(t, start, out, offsets, seen);
            }
        }
    }

    /**
     * Multi-word paraphrases made one token, padded with spaces so every offset stays the same:
     * "global warming" and "climate change", "see in the dark" and "night vision".
     */
    private static final String[][] EN_PHRASES = {
        {"climate change", "climatechange"}, {"global warming", "climatechange"},
        {"night vision", "nightvision"}, {"see in the dark", "nightvision"}, {"see at night", "nightvision"},
        {"bounce off the walls", "hyperactive"}, {"bouncing off the walls", "hyperactive"},
        {"made up", "fake"}, {"cooked up", "fake"}, {"dreamed up", "fake"}, {"dreamt up", "fake"},
        {"thought up", "fake"}, {"cell phone", "phone"}, {"mobile phone", "phone"},
        // A compound whose head adds nothing the first word does not already say.
        {"microwave oven", "microwave"}, {"naked eye", "eye"}, {"chewing gum", "gum"},
    };

    private static String phrases(String text) {
        String lower = null;
        char[] out = null;
        for (String[] p : EN_PHRASES) {
            if (lower == null) {
                lower = lower(text);
            }
            int i = lower.indexOf(p[0]);
            while (i >= 0) {
                if (out == null) {
                    out = text.toCharArray();
                }
                String r = p[1];
                for (int k = 0; k < p[0].length(); k++) {
                    out[i + k] = k < r.length() ? r.charAt(k) : ' ';
                }
                i = lower.indexOf(p[0], i + p[0].length());
            }
        }
        return out == null ? text : new String(out);
    }

    private static void emit(String t, int at, List<String> out, List<Integer> offsets, java.util.Set<String> seen) {
        if (offsets != null) {
            out.add(t);
            offsets.add(at);
        } else if (seen.add(t)) {
            out.add(t);
        }
    }

    private static String expandEnglish(String s) {
        return s.replace("’", "'").replace("n't", " not").replace("'s", "").replace("'re", " ").replace("'ve", " ")
                .replace("'ll", " ").replace("'d", " ").replace("'m", " ").replace("%", " percent ")
                .replace("per cent", "percent");
    }

    /**
     * One English word's term, or null for a function word. A pure function of the word, so each
     * thread remembers its answers in a direct-mapped cache of {@link #WORD_CACHE} words (a word
     * whose slot another word took is simply worked out again).
     */
    static String english(String word) {
        WordCache c = WORD_CACHES.get();
        int slot = word.hashCode() & (WORD_CACHE - 1);
        if (word.equals(c.word[slot])) {
            return c.term[slot];
        }
        String t = englishWord(word);
        c.word[slot] = word;
        c.term[slot] = t;
        return t;
    }

    /** Slots in each thread's {@link #english} cache (a power of two). */
    private static final int WORD_CACHE = 8192;

    /** One thread's words and their terms (null: a function word), by the word's hash. */
    private static final class WordCache {
        final String[] word = new String[WORD_CACHE];
        final String[] term = new String[WORD_CACHE];
    }

    private static final ThreadLocal<WordCache> WORD_CACHES = ThreadLocal.withInitial(WordCache::new);

    private static String englishWord(String word) {
        String num = EN_NUMBERS.get(word);
        if (num != null) {
            return num;
        }
        if (EN_STOP.contains(word)) {
            return null;
        }
        if (isNumber(word)) {
            return stripZeros(word);
        }
        String s = stem(word);
        return EN_CANON.getOrDefault(s, s);
    }

    private static boolean isNumber(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (!Character.isDigit(w.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String stripZeros(String w) {
        int i = 0;
        while (i < w.length() - 1 && w.charAt(i) == '0') {
            i++;
        }
        return w.substring(i);
    }

    /** A light English stemmer: plural, -ing, -ed, -ly, a final e. Consistent, not linguistic. */
    static String stem(String w) {
        String s = w;
        if (s.length() > 4 && s.endsWith("ies")) {
            s = s.substring(0, s.length() - 3) + "y";
        } else if (s.length() > 4 && (s.endsWith("sses") || s.endsWith("shes") || s.endsWith("ches")
                || s.endsWith("xes"))) {
            s = s.substring(0, s.length() - 2);
        } else if (s.length() > 3 && s.endsWith("s") && !s.endsWith("ss") && !s.endsWith("us") && !s.endsWith("is")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.length() > 5 && s.endsWith("ing")) {
            s = undouble(s.substring(0, s.length() - 3));
        } else if (s.length() > 4 && s.endsWith("ed") && !s.endsWith("eed")) {
            s = undouble(s.substring(0, s.length() - 2));
        } else if (s.length() > 5 && s.endsWith("ly")) {
            s = s.substring(0, s.length() - 2);
        }
        // Nominalisations meet their verbs and adjectives: infection / infect, vaccination / vaccinate,
        // treatment / treat, blindness / blind.
        if (s.length() > 6 && s.endsWith("tion")) {
            s = s.substring(0, s.length() - 3);
        } else if (s.length() > 7 && s.endsWith("ment")) {
            s = s.substring(0, s.length() - 4);
        } else if (s.length() > 7 && s.endsWith("ness")) {
            s = s.substring(0, s.length() - 4);
        }
        if (s.length() > 3 && s.endsWith("e")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static String undouble(String s) {
        int n = s.length();
        if (n > 3 && s.charAt(n - 1) == s.charAt(n - 2) && "lsz".indexOf(s.charAt(n - 1)) < 0
                && "aeiou".indexOf(s.charAt(n - 1)) < 0) {
            return s.substring(0, n - 1);
        }
        return s;
    }

    private static void hanTerms(String tok, Set<String> out) {
        StringBuilder run = new StringBuilder();
        StringBuilder latin = new StringBuilder();
        for (int i = 0; i <= tok.length(); i++) {
            char c = i < tok.length() ? tok.charAt(i) : ' ';
            boolean han = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
            if (!han && latin.length() >= 0 && i < tok.length()) {
                flushRun(run, out);
                latin.append(c);
                continue;
            }
            if (latin.length() > 0) {
                String t = english(latin.toString());
                if (t != null) {
                    out.add(t);
                }
                latin.setLength(0);
            }
            if (han && ZH_STOP.indexOf(c) < 0) {
                run.append(c);
            } else {
                // A particle between two content characters (隔夜的菜) also yields the bigram across it.
                if (han && ZH_PARTICLES.indexOf(c) >= 0 && run.length() > 0 && i + 1 < tok.length()
                        && Character.UnicodeScript.of(tok.charAt(i + 1)) == Character.UnicodeScript.HAN
                        && ZH_STOP.indexOf(tok.charAt(i + 1)) < 0) {
                    out.add("" + run.charAt(run.length() - 1) + tok.charAt(i + 1));
                }
                flushRun(run, out);
            }
        }
        flushRun(run, out);
    }

    private static void flushRun(StringBuilder run, Set<String> out) {
        for (int i = 0; i < run.length(); i++) {
            out.add(String.valueOf(run.charAt(i)));
            if (i + 1 < run.length()) {
                out.add(run.substring(i, i + 2));
            }
        }
        run.setLength(0);
    }

    /**
     * Lower case, char by char, so offsets stay those of {@code s}. The stance and every detector
     * lower the same sentence (and the one before it) in turn, so each thread remembers its last two
     * answers, by identity.
     */
    static String lower(String s) {
        LastLower c = LAST_LOWER.get();
        if (c.in0 == s) {
            return c.out0;
        }
        if (c.in1 == s) {
            return c.out1;
        }
        String out = lowerChars(s);
        c.in1 = c.in0;
        c.out1 = c.out0;
        c.in0 = s;
        c.out0 = out;
        return out;
    }

    /** The last two strings {@link #lower} was given on this thread, and its answers. */
    private static final class LastLower {
        String in0;
        String out0;
        String in1;
        String out1;
    }

    private static final ThreadLocal<LastLower> LAST_LOWER = ThreadLocal.withInitial(LastLower::new);

    private static String lowerChars(String s) {
        boolean latin1 = true;
        for (int i = 0; i < s.length() && latin1; i++) {
            latin1 = s.charAt(i) < 0x100;
        }
        if (latin1) {
            // Latin-1 lower-cases one char to one char, exactly as Character.toLowerCase(char) does.
            return s.toLowerCase(Locale.ROOT);
        }
        char[] a = s.toCharArray();
        for (int i = 0; i < a.length; i++) {
            a[i] = Character.toLowerCase(a[i]);
        }
        return new String(a);
    }

    static boolean hasHan(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x2E80 && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                return true;
            }
        }
        return false;
    }
}
