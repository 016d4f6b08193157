package dev.ethos.safety.bias;

import dev.ethos.safety.bias.Discourse.Entity;
import dev.ethos.safety.bias.Discourse.Mention;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Gender-neutral rewriting of English: generic pronouns (with verb agreement), doublets and
 * gendered role nouns. Works sentence by sentence over a token list, resolving each gendered
 * pronoun to the nearest compatible person mentioned before it (in this sentence or the recent
 * ones kept in the {@link Discourse.Track}); only pronouns whose antecedent is generic change.
 * Stateless; the per-text state lives in a {@link Run}.
 */
final class EnglishRewriter {
    /** An immutable set that tolerates repeated words in the lists below. */
    static Set<String> set(String... words) {
        return Set.copyOf(java.util.Arrays.asList(words));
    }

    static final String T_PRONOUN = "GENERIC_PRONOUN";
    static final String T_VERB = "VERB_AGREEMENT";
    static final String T_ROLE = "GENDERED_ROLE_NOUN";

    private static final Lexicon LEX = Lexicon.EN;

    private static final Set<String> GENDERED_PRONOUNS = set("he", "she", "him", "his", "her", "hers", "himself",
            "herself", "he's", "she's", "he'll", "she'll", "he'd", "she'd", "he've", "she've");
    private static final Set<String> GENERIC_DET = set("a", "an", "every", "each", "any", "no", "another",
            "either", "whichever", "whatever");
    private static final Set<String> QUANTIFIER_DET = set("every", "each", "any", "no", "either", "whichever");
    private static final Set<String> DEFINITE_DET = set("the", "this", "that", "your", "such");
    private static final Set<String> SPECIFIC_DET = set("my", "our");
    private static final Set<String> GENERIC_PRONOUNS = set("anyone", "someone", "somebody", "anybody",
            "everyone", "everybody", "nobody", "whoever", "no-one");
    private static final Set<String> FUNCTION_WORDS = set(
            // determiners and pronouns
            "a", "an", "the", "this", "that", "these", "those", "my", "your", "our", "their", "its", "his", "her",
            "some", "any", "every", "each", "no", "all", "both", "either", "neither", "another", "other", "such",
            "it", "them", "him", "me", "us", "you", "they", "we", "i", "he", "she", "one", "itself", "themselves",
            "himself", "herself", "myself", "yourself", "what", "which", "who", "whom", "whose", "how", "why",
            "when", "where", "whether", "if", "than", "there", "here",
            // prepositions and particles
            "to", "through", "about", "with", "without", "for", "in", "into", "on", "onto", "at", "up", "out",
            "down", "off", "back", "over", "around", "away", "from", "by", "as", "of", "like", "under",
            "after", "before", "until", "till", "during", "since", "against", "among", "between", "within",
            "across", "behind", "beyond", "near", "per", "via", "upon", "toward", "towards",
            // conjunctions
            "and", "or", "but", "nor", "so", "yet", "because", "while", "although", "though", "unless",
            "whereas", "once",
            // auxiliaries and modals
            "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did",
            "can", "could", "will", "would", "shall", "should", "may", "might", "must", "isn't", "aren't",
            "wasn't", "weren't", "hasn't", "haven't", "hadn't", "doesn't", "don't", "didn't", "can't", "cannot",
            "couldn't", "won't", "wouldn't", "shouldn't", "mustn't", "needn't",
            // adverbs that end a noun phrase
            "not", "too", "also", "again", "now", "then", "today", "tomorrow", "yesterday", "later", "soon",
            "first", "last", "next", "once", "twice", "anything", "everything", "something", "nothing",
            "either", "instead", "enough", "immediately", "directly", "right", "well", "very", "really",
            "always", "never", "often", "usually", "sometimes", "still", "just", "only", "even", "already");
    private static final Set<String> OBJECT_FOLLOWERS;
    /** Words after which "his" stands alone ("the book is his and ..."): theirs. */
    private static final Set<String> HIS_STANDALONE_NEXT = set("is", "was", "are", "were", "will", "would",
            "should", "can", "could", "may", "might", "must", "and", "or", "but", "to", "for", "in", "on", "at",
            "from", "with", "by", "as", "of", "if", "when", "because", "so", "too", "not", "that", "which", "who",
            "while", "than", "anyway", "now", "then", "either", "alone", "unless", "until", "once", "after",
            "before", "again", "instead", "anymore", "forever", "already");
    /** Nouns that double as particles after an object pronoun: "call her back" vs "her back hurts". */
    private static final Set<String> PARTICLE_NOUNS = set("back", "home", "right", "down", "up", "out", "off",
            "over", "in", "on", "around", "away");
    private static final Set<String> ADVERBS = set("also", "always", "never", "often", "usually", "sometimes",
            "still", "just", "only", "even", "already", "really", "then", "first", "now", "probably", "generally",
            "typically", "actually", "simply", "seldom", "hardly", "rarely", "normally", "certainly", "definitely",
            "perhaps", "thus", "therefore", "ever", "finally", "immediately", "quickly", "carefully", "clearly",
            "himself", "herself", "alone", "too", "either", "soon", "again", "automatically", "mostly", "truly",
            "nevertheless", "however", "further", "once", "not", "frequently", "regularly", "constantly",
            "occasionally", "routinely", "instinctively", "naturally", "obviously", "personally", "barely",
            "almost", "nearly", "merely", "rather", "likely", "truly", "really", "kind", "sort");
    private static final Set<String> NOT_3SG = set("always", "perhaps", "sometimes", "thus", "afterwards",
            "nevertheless", "besides", "nowadays", "towards", "unless", "regardless", "less", "across", "as",
            "was", "this", "his", "hers", "its", "yes", "plus", "alas", "whereas", "us", "yours", "ours", "theirs",
            "themselves", "is", "has", "does", "goes", "news", "series", "means", "lots");
    private static final Set<String> CLAUSE_STOPS = set("when", "if", "because", "while", "although", "though",
            "since", "unless", "until", "before", "after", "whereas", "who", "which", "that", "where", "whether",
            "whom", "whose", "so", "i", "we", "you", "they", "he", "she", "once", "whenever", "wherever", "as");
    private static final Set<String> CONJUNCTIONS = set("and", "or", "but", "then", "nor");
    private static final Set<String> CAUSATIVE = set("let", "lets", "make", "makes", "made", "help", "helps",
            "helped", "have", "has", "had", "watch", "watches", "watched", "see", "sees", "saw", "hear", "hears",
            "heard", "bid", "letting", "making", "helping", "having", "watching", "seeing", "hearing");
    private static final Set<String> WH = set("what", "where", "when", "why", "how", "who", "which", "whom",
            "whose");
    private static final Set<String> INVERTIBLE = set("is", "was", "has", "does", "isn't", "wasn't", "hasn't",
            "doesn't");
    private static final Set<String> COPULAS = set("is", "was", "became", "becomes", "remains", "remained",
            "been", "be", "'s", "isn't", "wasn't");
    private static final Set<String> TITLES_M = set("mr", "sir", "lord", "king", "prince", "duke", "mister");
    private static final Set<String> TITLES_F = set("mrs", "ms", "miss", "madam", "lady", "queen", "princess",
            "duchess", "dame");
    private static final Set<String> TITLES_U = set("dr", "prof", "professor", "president", "senator", "judge",
            "captain", "coach", "officer", "doctor", "chancellor", "minister", "governor", "mayor", "director",
            "general", "colonel", "sergeant", "agent", "detective", "justice", "rep", "sen", "gov", "ceo");
    private static final Set<String> SAYING = set("said", "says", "told", "tells", "asked", "asks", "wrote",
            "writes", "thinks", "thought", "believes", "believed", "explained", "explains", "announced",
            "announces", "won", "published", "is", "was", "has", "had", "argued", "argues", "noted", "notes",
            "added", "adds", "replied", "insisted", "admitted", "claimed", "claims", "recalled", "mentioned");
    private static final Set<String> TIME_WORDS = set("yesterday", "ago", "tonight", "recently");
    private static final Set<String> TIME_UNITS = set("week", "month", "year", "night", "summer", "winter",
            "spring", "fall", "autumn", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday", "morning", "evening", "weekend", "time");
    private static final Set<String> FIRST_PERSON = set("i", "me", "my", "we", "us", "our", "mine", "i'm",
            "i've", "i'd", "we're", "we've", "myself");
    private static final Set<String> ABBREVIATIONS = set("mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr",
            "vs", "etc", "e.g", "i.e", "no", "inc", "ltd", "co", "corp", "dept", "approx", "fig", "mt", "gen",
            "col", "lt", "sgt", "capt", "rev", "u.s", "a.m", "p.m", "m", "e", "g");
    private static final Set<String> TITLE_SMALL_WORDS = set("of", "the", "a", "an", "and", "in", "on", "for", "to", "with");
    private static final Set<String> OBJECT_STARTERS = set("a", "an", "the", "this", "that", "these", "those", "his", "her", "their", "my", "your",
                    "its", "our", "all", "every", "each", "some", "any", "no", "it", "them", "him", "me", "us",
                    "several", "many", "two", "three", "both", "what", "everything", "something");
    private static final Set<String> GENERIC_ONE_VERBS = set("should", "must", "can", "could", "may", "might", "will",
                    "would", "needs", "has", "is");
    private static final Set<String> CLAUSE_OPENERS = set("if", "when", "unless", "before",
                    "after", "because", "that");
    private static final Set<String> DATIVE_VERBS = set("give", "gives", "gave", "giving", "offer", "offers",
            "offered", "offering", "send", "sends", "sent", "show", "shows", "showed", "tell", "tells", "told",
            "grant", "grants", "granted", "provide", "lend", "lends", "owe", "owes", "pay", "pays", "paid",
            "ask", "asks", "asked", "teach", "teaches", "email", "emails", "text", "texts", "allow", "allows",
            "wish", "wishes", "promise", "promises", "bring", "brings", "hand", "hands", "assign", "assigns",
            "deny", "denies", "refuse", "refuses", "award", "awards", "charge", "charges", "cost", "costs");
    private static final Set<String> GIVEN_NOUNS = set("help", "advice", "feedback", "support", "credit", "time",
            "access", "permission", "information", "instructions", "directions", "money", "praise", "training",
            "guidance", "attention", "space", "details", "updates", "notice", "encouragement", "assistance",
            "clarification", "reassurance", "questions", "answers", "tips", "options", "priority", "treatment",
            "medicine", "instruction", "something", "anything", "everything", "nothing", "more", "less",
            "enough", "extra", "feedback", "directions", "permission", "leave", "credits", "discounts",
            "refunds", "compensation", "recognition", "respect", "privacy", "room", "water", "food", "flowers");
    private static final Set<String> DEMONYMS = set("american", "canadian", "mexican", "european", "african",
            "asian", "australian", "indian", "brazilian", "russian", "italian", "korean", "japanese", "chinese",
            "german", "briton", "brit", "texan", "californian", "londoner", "parisian", "european", "swede", "dane",
            "finn", "norwegian", "spaniard", "scot", "pakistani", "nigerian", "kenyan", "egyptian",
            "iranian", "iraqi", "israeli", "turk", "greek", "pole", "ukrainian", "vietnamese", "thai", "filipino",
            "indonesian", "muslim", "christian", "jew", "hindu", "buddhist", "catholic", "protestant");
    private static final Set<String> FRONTED = set("if", "when", "before", "after", "once", "until", "unless",
            "while", "whenever", "whether", "wherever", "although", "though", "because", "since", "as", "even");
    private static final Set<String> PP_STARTS = set("of", "at", "from", "in", "on", "with", "for", "near",
            "behind", "next");
    private static final Set<String> PAST_SAYING = set("said", "told", "announced", "explained", "replied",
            "added", "wrote", "recalled", "admitted", "insisted", "claimed", "complained", "mentioned",
            "confirmed", "revealed", "boasted", "remarked", "answered", "shouted", "whispered");
    private static final Set<String> WORKS = set("novel", "book", "film", "movie", "story", "play", "poem",
            "series", "episode", "show", "tale", "fable", "comic", "opera", "musical", "song", "sitcom", "novella",
            "memoir", "biography", "saga", "legend", "myth", "painting");
    private static final Set<String> PERFECT_ADVERBS = set("already", "just", "never", "recently", "ever",
            "finally", "since", "also");
    private static final Set<String> NP_MODIFIERS = set("first", "last", "next", "only", "other", "same", "new",
            "very", "most", "best", "ideal", "own", "right", "well");
    private static final Set<String> MODALS = set("can", "could", "will", "would", "shall", "should", "may",
            "might", "must", "can't", "cannot", "won't", "shouldn't", "mustn't", "needs", "ought");
    private static final Set<String> WEAK_EXCLUDED = set("number", "order", "water", "paper", "computer", "folder",
            "filter", "letter", "matter", "manner", "corner", "border", "center", "centre", "error", "color",
            "colour", "door", "floor", "mirror", "monitor", "motor", "sensor", "processor", "browser", "header",
            "footer", "parameter", "container", "cluster", "register", "meter", "winter", "summer", "answer",
            "power", "tower", "chapter", "trigger", "timer", "counter", "marker", "printer", "scanner", "router",
            "adapter", "adaptor", "controller", "wrapper", "buffer", "cursor", "vector", "factor", "sector",
            "layer", "character", "charter", "disaster", "weather", "feather", "leather", "river", "silver",
            "finger", "dinner", "cancer", "danger", "fever", "flower", "liver", "pepper", "poster", "proper",
            "quarter", "rubber", "shoulder", "slipper", "spider", "theater", "theatre", "thunder", "tiger",
            "trailer", "upper", "lower", "other", "either", "neither", "whether", "never", "ever", "over", "after",
            "under", "rather", "together", "further", "however", "whatever", "whoever", "another", "elevator",
            "calculator", "radiator", "generator", "indicator", "simulator", "accelerator", "refrigerator",
            "ventilator", "escalator", "tractor", "minor", "major", "interior", "exterior", "behavior",
            "behaviour", "favor", "favour", "flavor", "flavour", "honor", "honour", "humor", "humour", "labor",
            "labour", "rumor", "rumour", "tumor", "tumour", "vapor", "harbor", "harbour", "armor", "armour",
            "list", "mist", "wrist", "twist", "fist", "gist", "checklist", "playlist", "whitelist", "blacklist",
            "wishlist", "allowlist", "denylist", "median", "coffee", "committee", "fee", "toffee", "degree",
            "guarantee", "jamboree", "knee", "tree", "decree", "spree", "glee", "better", "offer", "cover",
            "silencer", "shower", "tower", "ladder", "bladder", "hammer", "banner", "burger", "sticker",
            "container", "laser", "razor", "error", "transfer", "corridor", "elbow", "cellar",
            "brother", "mother", "father", "sister", "daughter", "master", "computer", "keyboard", "number",
            "chamber", "copper", "diameter", "thermometer", "barometer", "kilometer", "kilometre", "centimeter",
            "millimeter", "litre", "liter", "desktop", "server", "ledger", "charger", "cylinder", "fiber", "fibre",
            "alter", "enter", "gather", "wonder", "consider", "deliver", "discover", "remember", "render",
            "suffer", "offer", "prefer", "refer", "differ", "bother", "cater", "filter", "gender", "tender",
            "border", "calendar", "rear", "year", "gear", "fear", "ear", "clear", "near", "tear", "hour", "tour",
            "floor", "poor", "door", "four", "your", "our", "their", "flour", "sour", "pour", "favor");
    private static final Set<String> CONDITIONALS = set("if", "whenever", "unless", "whether", "suppose",
            "supposing", "would", "should", "must", "could", "might", "may", "can", "will", "every", "each",
            "any", "whoever");
    private static final Set<String> HYPOTHETICAL_ADJ = set("ideal", "perfect", "prospective", "future",
            "potential", "successful", "preferred", "dream", "would-be");
    private static final Set<String> REPORTED_SUBJECTS = set("he", "she", "they", "i", "we", "it");
    private static final Set<String> HAS_PARTICIPLES = set("been", "got", "gotten", "had", "gone");
    private static final Set<String> OWN_LIKE = set("own");
    private static final Set<String> FRESHMAN_ATTRIBUTES = set("year", "class", "seminar", "orientation",
            "dorm", "dormitory", "course", "courses", "composition", "housing", "roommate", "semester", "fall",
            "spring", "week", "english", "writing", "team", "season", "experience", "students", "student");

    /** Every word the sentence walk acts on (besides capitalised words and person-like suffixes). */
    private static final Set<String> INTERESTING;

    static {
        java.util.HashSet<String> all = new java.util.HashSet<>();
        all.addAll(GENDERED_PRONOUNS);
        all.add("s");
        all.addAll(LEX.roleForms.keySet());
        all.addAll(GENERIC_PRONOUNS);
        all.addAll(QUANTIFIER_DET);
        all.addAll(List.of("neither", "none", "no", "one"));
        all.addAll(TITLES_M);
        all.addAll(TITLES_F);
        all.addAll(TITLES_U);
        all.addAll(LEX.genderedNouns.keySet());
        all.addAll(LEX.firstNames.keySet());
        all.addAll(LEX.personNouns);
        INTERESTING = java.util.Collections.unmodifiableSet(all);
    }

    static {
        java.util.HashSet<String> s = new java.util.HashSet<>(set(
                "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "my", "your", "our",
                "its", "some", "any", "every", "each", "no", "all", "it", "them", "him", "me", "us", "you", "what",
                "which", "who", "whom", "how", "why", "when", "where", "whether", "if", "to", "through", "about",
                "with", "for", "in", "into", "on", "onto", "at", "up", "out", "down", "off", "back", "over",
                "around", "away", "from", "by", "as", "of", "like", "than", "until", "before", "after",
                "because", "while", "and", "or", "but", "so", "again", "too", "either", "now", "then", "here",
                "there", "today", "tomorrow", "later", "soon", "immediately", "right", "directly", "once",
                "twice", "anything", "everything", "something", "nothing", "know", "is", "was", "will", "would",
                "should", "can", "could", "may", "might", "must", "does", "did", "has", "had", "not", "yet",
                "instead", "alone", "anyway", "enough", "along", "whatever", "whenever", "everywhere", "somewhere",
                "anywhere", "home", "more", "less", "much", "even", "twice", "sometimes", "also", "that's"));
        OBJECT_FOLLOWERS = Set.copyOf(s);
    }

    private EnglishRewriter() {
    }

    // ---------------------------------------------------------------------------------------------
    // Tokens

    static final byte WORD = 1;
    static final byte NUM = 2;
    static final byte PUNCT = 3;
    static final byte SPACE = 4;
    static final byte NEWLINE = 5;
    static final byte OTHER = 6;

    /** The tokens of one text: parallel arrays. */
    static final class Tokens {
        int n;
        int[] start = new int[64];
        int[] end = new int[64];
        byte[] kind = new byte[64];
        String[] lower = new String[64];

        void add(int s, int e, byte k, String low) {
            if (n == start.length) {
                int m = n * 2;
                start = java.util.Arrays.copyOf(start, m);
                end = java.util.Arrays.copyOf(end, m);
                kind = java.util.Arrays.copyOf(kind, m);
                lower = java.util.Arrays.copyOf(lower, m);
            }
            start[n] = s;
            end[n] = e;
            kind[n] = k;
            lower[n] = low;
            n++;
        }
    }

    static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019';
    }

    static boolean isLatinLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                || (c >= '\u00C0' && c <= '\u024F' && c != '\u00D7' && c != '\u00F7');
    }

    static Tokens tokenize(String s) {
        Tokens t = new Tokens();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            int j = i + 1;
            if (isLatinLetter(c)) {
                while (j < n) {
                    char d = s.charAt(j);
                    if (isLatinLetter(d) || (d >= '0' && d <= '9')) {
                        j++;
                    } else if ((isApostrophe(d) || d == '-') && j + 1 < n && isLatinLetter(s.charAt(j + 1))) {
                        j += 2;
                    } else {
                        break;
                    }
                }
                t.add(i, j, WORD, lowerWord(s, i, j));
            } else if (c >= '0' && c <= '9') {
                while (j < n && ((s.charAt(j) >= '0' && s.charAt(j) <= '9') || isLatinLetter(s.charAt(j)))) {
                    j++;
                }
                t.add(i, j, NUM, null);
            } else if (Character.isWhitespace(c)) {
                boolean nl = c == '\n' || c == '\r';
                while (j < n && Character.isWhitespace(s.charAt(j))) {
                    nl |= s.charAt(j) == '\n' || s.charAt(j) == '\r';
                    j++;
                }
                t.add(i, j, nl ? NEWLINE : SPACE, null);
            } else if (Character.isLetter(c) || Character.isHighSurrogate(c)) {
                if (Character.isHighSurrogate(c) && j < n) {
                    j++;
                }
                t.add(i, j, OTHER, null);
            } else {
                t.add(i, j, PUNCT, null);
            }
            i = j;
        }
        return t;
    }

    private static String lowerWord(String s, int from, int to) {
        boolean plain = true;
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if ((c >= 'A' && c <= 'Z') || c == '\u2019' || c > 0x7f) {
                plain = false;
                break;
            }
        }
        String w = s.substring(from, to);
        if (plain) {
            return w;
        }
        return w.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    }

    // ---------------------------------------------------------------------------------------------
    // Entry point

    /**
     * Analyses {@code text}, producing edits (relative to {@code text}) that start at or after
     * {@code editFrom}, and stereotype findings. Commits each complete sentence to {@code track}.
     *
     * @return the offset where a trailing incomplete sentence starts ({@code text.length()} when none)
     */
    static int process(String text, int editFrom, Discourse.Track track, List<Edit> edits, List<int[]> stereotypes) {
        Run run = new Run(text, tokenize(text), track, edits, stereotypes, editFrom);
        return run.all();
    }

    /** One pass over one text. */
    private static final class Run {
        final String text;
        final Tokens t;
        final Discourse.Track track;
        final List<Edit> out;
        final List<int[]> stereotypes;
        final int editFrom;
        /** Per token: the entity a person word or pronoun refers to, when known. */
        final Entity[] entityAt;
        final boolean[] edited;
        final boolean[] quoted;

        // sentence-local state
        final List<Mention> sentenceMentions = new ArrayList<>();
        final List<Integer> mentionTokens = new ArrayList<>();
        int sFrom;
        int sTo;
        boolean firstPerson;
        boolean timeAdverb;
        boolean stereotype;
        /** The sentence states a condition or rule (if, whenever, unless …): its past tenses are hypothetical. */
        boolean conditional;
        /** The sentence reports what someone said or did (said, told, announced …). */
        boolean reported;
        /** The sentence names a work in quotes ("The Remains of the Day"): its "the" characters are specific. */
        boolean aboutWork;

        Run(String text, Tokens t, Discourse.Track track, List<Edit> out, List<int[]> stereotypes, int editFrom) {
            this.text = text;
            this.t = t;
            this.track = track;
            this.out = out;
            this.stereotypes = stereotypes;
            this.editFrom = editFrom;
            this.entityAt = new Entity[t.n];
            this.edited = new boolean[t.n];
            this.quoted = new boolean[t.n];
        }

        /** See {@link Discourse.Track#listSubject}. */
        boolean listSubject;

        int all() {
            int i = 0;
            listSubject = track.listSubject;
            boolean inQuote = track.inQuote;
            while (i < t.n) {
                int end = sentenceEnd(i);
                boolean complete = end < t.n || endsSentence(t.n - 1);
                inQuote = markQuotes(i, end, inQuote);
                sentence(i, end);
                if (!complete) {
                    return t.start[i];
                }
                // A line break closes a quotation left open (an inch mark, a stray quote).
                if (end > 0 && t.kind[end - 1] == NEWLINE) {
                    inQuote = false;
                }
                track.commit(sentenceMentions, inQuote, listSubject);
                i = end;
            }
            return text.length();
        }

        /** The token index after the sentence starting at {@code from}. */
        private int sentenceEnd(int from) {
            for (int i = from; i < t.n; i++) {
                if (t.kind[i] == NEWLINE) {
                    return i + 1;
                }
                if (t.kind[i] == PUNCT || t.kind[i] == OTHER) {
                    char c = text.charAt(t.start[i]);
                    if (c == '。' || c == '！' || c == '？' || c == '；') {
                        return i + 1;
                    }
                    if ((c == '.' || c == '!' || c == '?') && isLatinEnd(i)) {
                        int j = i + 1;
                        while (j < t.n && t.kind[j] == PUNCT && isCloser(text.charAt(t.start[j]))) {
                            j++;
                        }
                        return j;
                    }
                }
            }
            return t.n;
        }

        private boolean endsSentence(int last) {
            if (t.kind[last] == NEWLINE) {
                return true;
            }
            int k = last;
            while (k >= 0 && t.kind[k] == PUNCT && isCloser(text.charAt(t.start[k]))) {
                k--;
            }
            if (k < 0) {
                return false;
            }
            char c = text.charAt(t.start[k]);
            return (t.kind[k] == PUNCT || t.kind[k] == OTHER) && (c == '.' || c == '!' || c == '?' || c == '。'
                    || c == '！' || c == '？' || c == '；');
        }

        private static boolean isCloser(char c) {
            return c == '"' || c == '\'' || c == ')' || c == ']' || c == '\u201D' || c == '\u2019' || c == '*'
                    || c == '_';
        }

        /** Is the '.', '!' or '?' at token {@code i} the end of a sentence? */
        private boolean isLatinEnd(int i) {
            int j = i + 1;
            while (j < t.n && t.kind[j] == PUNCT) {
                char d = text.charAt(t.start[j]);
                if (d == '.' || d == '!' || d == '?' || isCloser(d)) {
                    j++;
                } else {
                    break;
                }
            }
            if (j < t.n && t.kind[j] != SPACE && t.kind[j] != NEWLINE) {
                return false;
            }
            if (text.charAt(t.start[i]) != '.') {
                return true;
            }
            // an abbreviation or initial before the dot
            if (i > 0 && t.kind[i - 1] == WORD) {
                String w = t.lower[i - 1];
                boolean dotted = i > 1 && t.kind[i - 2] == PUNCT && text.charAt(t.start[i - 2]) == '.';
                if (ABBREVIATIONS.contains(w) || dotted
                        || (w.length() == 1 && Character.isUpperCase(text.charAt(t.start[i - 1])))) {
                    // Only an end when the next word is capitalised and the abbreviation is not a title.
                    if (TITLES_M.contains(w) || TITLES_F.contains(w) || TITLES_U.contains(w) || w.equals("st")) {
                        return false;
                    }
                    int k = j;
                    while (k < t.n && (t.kind[k] == SPACE)) {
                        k++;
                    }
                    return k >= t.n || (t.kind[k] == WORD && Character.isUpperCase(text.charAt(t.start[k])))
                            || t.kind[k] == NEWLINE;
                }
            }
            return true;
        }

        /** Marks the tokens inside quotation marks; returns whether a double quotation is still open. */
        private boolean markQuotes(int from, int to, boolean inQuote) {
            boolean single = false;
            boolean code = false;
            for (int i = from; i < to; i++) {
                if (t.kind[i] == PUNCT) {
                    char c = text.charAt(t.start[i]);
                    if (c == '`') {
                        code = !code;
                        quoted[i] = true;
                        continue;
                    }
                    if (c == '"') {
                        inQuote = !inQuote;
                        quoted[i] = true;
                        continue;
                    } else if (c == '\u201C') {
                        inQuote = true;
                    } else if (c == '\u201D') {
                        inQuote = false;
                        quoted[i] = true;
                        continue;
                    } else if (c == '\u2018' || (c == '\'' && (i == 0 || t.kind[i - 1] != WORD)
                            && i + 1 < t.n && t.kind[i + 1] == WORD)) {
                        single = true;
                    } else if ((c == '\u2019' || c == '\'') && single && i > 0 && t.kind[i - 1] == WORD) {
                        single = false;
                        quoted[i] = true;
                        continue;
                    }
                }
                quoted[i] = inQuote || single || code;
            }
            return inQuote;
        }

        // -----------------------------------------------------------------------------------------
        // One sentence

        private void sentence(int from, int to) {
            sFrom = from;
            sTo = to;
            sentenceMentions.clear();
            mentionTokens.clear();
            weak.clear();
            unresolved.clear();
            firstPerson = false;
            timeAdverb = false;
            conditional = false;
            reported = false;
            boolean any = false;
            for (int i = from; i < to; i++) {
                if (t.kind[i] == WORD) {
                    String w = t.lower[i];
                    if (CONDITIONALS.contains(w) && !reportedModal(i)) {
                        conditional = true;
                    }
                    if (PAST_SAYING.contains(w)) {
                        reported = true;
                    }
                    if (FIRST_PERSON.contains(w)) {
                        firstPerson = true;
                    } else if (TIME_WORDS.contains(w) || (w.equals("last") && nextWordIs(i, TIME_UNITS))
                            || (w.equals("last") && next(i) >= 0 && t.kind[next(i)] == WORD
                            && TIME_UNITS.contains(stripPossessive(t.lower[next(i)])))) {
                        timeAdverb = true;
                    }
                    any = true;
                } else if (t.kind[i] == NUM && t.end[i] - t.start[i] == 4 && isYear(i)) {
                    timeAdverb = true;
                }
            }
            if (!any) {
                return;
            }
            aboutWork = quotedTitle(from, to) || inAWork(from, to);
            if (listSubject) {
                listItem(from, to);
            }
            stereotype = Stereotypes.english(this.t, text, from, to);
            if (stereotype) {
                stereotypes.add(new int[] {t.start[firstNonSpace(from, to)], t.end[lastNonSpace(from, to)]});
            }
            for (int i = from; i < to; i++) {
                if (t.kind[i] == PUNCT && text.charAt(t.start[i]) == '(' && !quoted[i]) {
                    int d = doubletParenS(i);
                    if (d > 0) {
                        i = d - 1;
                        continue;
                    }
                }
                if (t.kind[i] != WORD || edited[i] || i <= skipTo) {
                    continue;
                }
                String w = t.lower[i];
                if (!interesting(i, w)) {
                    continue; // most words: one set lookup
                }
                if (GENDERED_PRONOUNS.contains(w) || w.equals("s")) {
                    int d = doublet(i);
                    if (d > 0) {
                        i = d - 1;
                        continue;
                    }
                    if (!w.equals("s") && !glued(i)) {
                        pronoun(i);
                    }
                    continue;
                }
                if (roleNoun(i)) {
                    continue;
                }
                personWord(i);
            }
            if (!unresolved.isEmpty()) {
                cataphora();
            }
        }

        /**
         * "Before he operates, a surgeon washes his hands": a pronoun with no antecedent inside a
         * fronted subordinate clause refers forward to the subject of the main clause.
         */
        private void cataphora() {
            int first = firstNonSpace(sFrom, sTo);
            while (first < sTo && t.kind[first] != WORD) {
                first++;
            }
            if (first >= sTo || !FRONTED.contains(t.lower[first])) {
                return;
            }
            int comma = -1;
            for (int k = first; k < sTo; k++) {
                if (isPunct(k, ',')) {
                    comma = k;
                    break;
                }
            }
            if (comma < 0) {
                return;
            }
            Entity target = null;
            for (int m = 0; m < sentenceMentions.size(); m++) {
                if (mentionTokens.get(m) > comma) {
                    target = sentenceMentions.get(m).entity();
                    break;
                }
            }
            if (target == null || !target.generic) {
                return;
            }
            for (int m : unresolved) {
                int tok = mentionTokens.get(m);
                Entity own = sentenceMentions.get(m).entity();
                if (tok > comma || !fits(target, own.gender) || quoted[tok] || edited[tok]) {
                    continue;
                }
                sentenceMentions.set(m, new Mention(target, track.sentence));
                rewritePronoun(tok, t.lower[tok]);
            }
        }

        /** "In the novel, …", "in this film": the sentence is about the characters of a work. */
        private boolean inAWork(int from, int to) {
            for (int i = from; i < to; i++) {
                if (t.kind[i] == WORD && t.lower[i].equals("in")) {
                    int d = next(i);
                    int w = d >= 0 && t.kind[d] == WORD && (t.lower[d].equals("the") || t.lower[d].equals("this")
                            || t.lower[d].equals("that")) ? next(d) : -1;
                    if (w >= 0 && t.kind[w] == WORD && WORKS.contains(t.lower[w])) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** A quoted run of two or more words, all capitalised but for small words: the title of a work. */
        private boolean quotedTitle(int from, int to) {
            int words = 0;
            boolean ok = true;
            for (int i = from; i < to; i++) {
                if (quoted[i] && t.kind[i] == WORD) {
                    String w = t.lower[i];
                    words++;
                    if (!capitalized(i) && !TITLE_SMALL_WORDS.contains(w)) {
                        ok = false;
                    }
                } else if (!quoted[i] && words > 0) {
                    if (ok && words >= 2) {
                        return true;
                    }
                    words = 0;
                    ok = true;
                }
            }
            return ok && words >= 2;
        }

        /** Could the word at {@code i} be a pronoun, role noun, person, name or quantifier? */
        private boolean interesting(int i, String w) {
            if (INTERESTING.contains(w) || capitalized(i)) {
                return true;
            }
            int n = w.length();
            if (n > 2 && w.charAt(n - 2) == '\'' && w.charAt(n - 1) == 's') {
                return INTERESTING.contains(w.substring(0, n - 2)) || weakPersonNoun(w.substring(0, n - 2));
            }
            return weakPersonNoun(w);
        }

        private boolean isYear(int i) {
            for (int k = t.start[i]; k < t.end[i]; k++) {
                if (text.charAt(k) < '0' || text.charAt(k) > '9') {
                    return false;
                }
            }
            int y = Integer.parseInt(text, t.start[i], t.end[i], 10);
            return y >= 1800 && y <= 2099;
        }

        private int firstNonSpace(int from, int to) {
            for (int i = from; i < to; i++) {
                if (t.kind[i] != SPACE && t.kind[i] != NEWLINE) {
                    return i;
                }
            }
            return from;
        }

        private int lastNonSpace(int from, int to) {
            for (int i = to - 1; i >= from; i--) {
                if (t.kind[i] != SPACE && t.kind[i] != NEWLINE) {
                    return i;
                }
            }
            return to - 1;
        }

        // -----------------------------------------------------------------------------------------
        // Navigation

        /** The next non-space token after {@code i} inside the sentence, or -1. */
        int next(int i) {
            for (int k = i + 1; k < sTo; k++) {
                if (t.kind[k] != SPACE) {
                    return t.kind[k] == NEWLINE ? -1 : k;
                }
            }
            return -1;
        }

        /** The previous non-space token before {@code i} inside the sentence, or -1. */
        int prev(int i) {
            for (int k = i - 1; k >= sFrom; k--) {
                if (t.kind[k] != SPACE) {
                    return t.kind[k] == NEWLINE ? -1 : k;
                }
            }
            return -1;
        }

        /** The token right after {@code i} when it follows with no space, or -1. */
        int adjacent(int i) {
            return i + 1 < sTo && t.start[i + 1] == t.end[i] ? i + 1 : -1;
        }

        boolean isWord(int i, String w) {
            return i >= 0 && t.kind[i] == WORD && t.lower[i].equals(w);
        }

        boolean isPunct(int i, char c) {
            return i >= 0 && t.kind[i] == PUNCT && text.charAt(t.start[i]) == c;
        }

        private boolean nextWordIs(int i, Set<String> set) {
            int k = next(i);
            return k >= 0 && t.kind[k] == WORD && set.contains(t.lower[k]);
        }

        boolean capitalized(int i) {
            return Character.isUpperCase(text.charAt(t.start[i]));
        }

        /** First word of the sentence or of a list item (after bullets, markup, quotes, brackets). */
        boolean sentenceInitial(int i) {
            for (int k = i - 1; k >= sFrom; k--) {
                byte kind = t.kind[k];
                if (kind == WORD || kind == OTHER) {
                    return false;
                }
                if (kind == PUNCT) {
                    char c = text.charAt(t.start[k]);
                    if (c == ':' ) {
                        return true;
                    }
                    if (!(c == '-' || c == '*' || c == '•' || c == '#' || c == '>' || c == '"' || c == '\u201C'
                            || c == '(' || c == '[' || c == '_' || c == '\'' || c == '\u2018' || c == '.'
                            || c == ')')) {
                        return false;
                    }
                } else if (kind == NUM) {
                    continue;
                }
            }
            return true;
        }

        // -----------------------------------------------------------------------------------------
        // Edits

        void edit(int fromTok, int toTok, String replacement, String rule, String type) {
            int s = t.start[fromTok];
            int e = t.end[toTok];
            for (int k = fromTok; k <= toTok; k++) {
                edited[k] = true;
            }
            if ((stereotype && T_ROLE.equals(type)) || s < editFrom) {
                return;
            }
            if (text.substring(s, e).equals(replacement)) {
                return;
            }
            out.add(new Edit(s, e, replacement, rule, type));
        }

        String cased(int tok, String replacement) {
            String orig = text.substring(t.start[tok], t.end[tok]);
            return matchCase(orig, replacement);
        }

        // -----------------------------------------------------------------------------------------
        // Mentions and resolution

        void mention(int tok, Entity e) {
            entityAt[tok] = e;
            sentenceMentions.add(new Mention(e, track.sentence, weak.contains(sentenceMentions.size())));
            mentionTokens.add(tok);
        }

        /** The nearest person mentioned before token {@code tok} whose gender fits, or null. */
        Entity resolve(int tok, char gender) {
            for (int k = sentenceMentions.size() - 1; k >= 0; k--) {
                if (mentionTokens.get(k) >= tok || weak.contains(k)) {
                    continue;
                }
                Entity e = sentenceMentions.get(k).entity();
                if (fits(e, gender)) {
                    return e;
                }
            }
            List<Mention> ms = track.mentions;
            for (int k = ms.size() - 1; k >= 0; k--) {
                Entity e = ms.get(k).entity();
                if (!ms.get(k).weak() && fits(e, gender)) {
                    return e;
                }
            }
            // nothing known to be a person: a noun that looks like one ("a tester")
            for (int k = sentenceMentions.size() - 1; k >= 0; k--) {
                if (mentionTokens.get(k) < tok && weak.contains(k) && fits(sentenceMentions.get(k).entity(), gender)) {
                    return sentenceMentions.get(k).entity();
                }
            }
            for (int k = ms.size() - 1; k >= 0; k--) {
                if (ms.get(k).weak() && fits(ms.get(k).entity(), gender)) {
                    return ms.get(k).entity();
                }
            }
            return null;
        }

        private static boolean fits(Entity e, char gender) {
            return e.gender == 'u' || gender == 'u' || e.gender == gender;
        }

        // -----------------------------------------------------------------------------------------
        // Pronouns

        /** A list item under "they:": its first verb agrees ("* picks up …" → "* pick up …"). */
        private void listItem(int from, int to) {
            int k = from;
            boolean bullet = false;
            while (k < to && t.kind[k] != WORD) {
                if (t.kind[k] == PUNCT || t.kind[k] == NUM) {
                    char c = text.charAt(t.start[k]);
                    bullet |= c == '-' || c == '*' || c == '•' || t.kind[k] == NUM;
                }
                k++;
            }
            if (k >= to) {
                return; // a blank line keeps the list open
            }
            if (!bullet) {
                listSubject = false;
                return;
            }
            sFrom = from;
            sTo = to;
            if (agree(k)) {
                coordinated(k);
            }
        }

        /** After a rewritten subject: "…, they:" followed by a line break opens a list of predicates. */
        private void colonList(int subj) {
            int c = next(subj);
            if (isPunct(c, ':') && (c + 1 >= t.n || t.kind[c + 1] == NEWLINE)) {
                listSubject = true;
            }
        }

        /** Doublets: he or she, he/she, s/he, his or her, him/her, himself or herself. Returns the end token or -1. */
        private int doublet(int i) {
            String a = t.lower[i];
            int sep;
            int b;
            if (a.equals("s")) {
                int slash = adjacent(i);
                if (slash < 0 || !isPunct(slash, '/')) {
                    return -1;
                }
                int he = adjacent(slash);
                if (he < 0 || !isWord(he, "he")) {
                    return -1;
                }
                if (quoted[i]) {
                    return he + 1;
                }
                subjectDoublet(i, he, genericEntityFor(i));
                return he + 1;
            }
            sep = next(i);
            if (sep < 0) {
                return -1;
            }
            boolean slash = isPunct(sep, '/');
            if (!slash && !isWord(sep, "or")) {
                return -1;
            }
            b = next(sep);
            if (b < 0 || t.kind[b] != WORD) {
                return -1;
            }
            String bw = t.lower[b];
            String kind = doubletKind(a, bw);
            if (kind == null) {
                return -1;
            }
            if (quoted[i]) {
                return b + 1;
            }
            Entity owner = genericEntityFor(i);
            for (int k = i; k <= b; k++) {
                entityAt[k] = owner; // "his/her user": the noun's determiner is generic
            }
            switch (kind) {
                case "subj" -> subjectDoublet(i, b, owner);
                case "poss" -> {
                    Entity e = owner;
                    mention(i, e);
                    edit(i, b, cased(i, "their"), "en.pronoun.doublet", T_PRONOUN);
                }
                case "obj" -> {
                    Entity e = owner;
                    mention(i, e);
                    edit(i, b, cased(i, "them"), "en.pronoun.doublet", T_PRONOUN);
                }
                case "refl" -> {
                    Entity e = owner;
                    mention(i, e);
                    edit(i, b, cased(i, "themselves"), "en.pronoun.doublet", T_PRONOUN);
                }
                case "pron" -> {
                    Entity e = owner;
                    mention(i, e);
                    edit(i, b, cased(i, "theirs"), "en.pronoun.doublet", T_PRONOUN);
                }
                default -> throw new IllegalStateException(kind);
            }
            return b + 1;
        }

        private static String doubletKind(String a, String b) {
            if ((a.equals("he") && b.equals("she")) || (a.equals("she") && b.equals("he"))) {
                return "subj";
            }
            if ((a.equals("his") && b.equals("her")) || (a.equals("her") && b.equals("his"))) {
                return "poss";
            }
            if ((a.equals("him") && b.equals("her")) || (a.equals("her") && b.equals("him"))) {
                return "obj";
            }
            if ((a.equals("himself") && b.equals("herself")) || (a.equals("herself") && b.equals("himself"))
                    || (a.equals("him") && b.equals("herself")) || (a.equals("her") && b.equals("himself"))) {
                return "refl";
            }
            if ((a.equals("his") && b.equals("hers")) || (a.equals("hers") && b.equals("his"))) {
                return "pron";
            }
            return null;
        }

        /** "(s)he": returns the token after it, or -1. */
        private int doubletParenS(int open) {
            int s = adjacent(open);
            if (s < 0 || !isWord(s, "s")) {
                return -1;
            }
            int close = adjacent(s);
            if (close < 0 || !isPunct(close, ')')) {
                return -1;
            }
            int he = adjacent(close);
            if (he < 0 || !isWord(he, "he")) {
                return -1;
            }
            if (!quoted[open]) {
                subjectDoublet(open, he, genericEntityFor(open));
            }
            return he + 1;
        }

        private void subjectDoublet(int from, int to, Entity e) {
            mention(from, e);
            int capTok = from;
            while (t.kind[capTok] != WORD) {
                capTok++;
            }
            edit(from, to, cased(capTok, "they"), "en.pronoun.doublet", T_PRONOUN);
            inversion(from);
            agreeVerbs(to);
        }

        private Entity genericEntityFor(int tok) {
            Entity e = resolve(tok, 'u');
            return e != null && e.generic ? e : new Entity(true, 'u');
        }

        private void pronoun(int i) {
            String w = t.lower[i];
            char gender = w.startsWith("s") || w.startsWith("her") ? 'f' : 'm';
            if (titleCase(i)) {
                return;
            }
            Entity e = resolve(i, gender);
            if (e == null) {
                e = new Entity(false, gender);
                unresolved.add(sentenceMentions.size());
            }
            mention(i, e);
            if (!e.generic || quoted[i]) {
                return;
            }
            rewritePronoun(i, w);
        }

        /** Rewrites the gendered pronoun {@code w} at {@code i} whose antecedent is generic. */
        private void rewritePronoun(int i, String w) {
            String rule = "en.pronoun";
            switch (w) {
                case "he", "she" -> {
                    edit(i, i, cased(i, "they"), rule + ".subject", T_PRONOUN);
                    inversion(i);
                    agreeVerbs(i);
                    colonList(i);
                }
                case "him" -> edit(i, i, cased(i, "them"), rule + ".object", T_PRONOUN);
                case "himself", "herself" -> edit(i, i, cased(i, "themselves"), rule + ".reflexive", T_PRONOUN);
                case "hers" -> edit(i, i, cased(i, "theirs"), rule + ".possessive", T_PRONOUN);
                case "his" -> {
                    boolean standalone = possessiveStandalone(i);
                    edit(i, i, cased(i, standalone ? "theirs" : "their"), rule + ".possessive", T_PRONOUN);
                }
                case "her" -> {
                    boolean object = herIsObject(i);
                    edit(i, i, cased(i, object ? "them" : "their"),
                            rule + (object ? ".object" : ".possessive"), T_PRONOUN);
                }
                default -> contraction(i, w);
            }
        }

        private void contraction(int i, String w) {
            String orig = text.substring(t.start[i], t.end[i]);
            int apos = orig.length() - 1;
            while (apos > 0 && !isApostrophe(orig.charAt(apos))) {
                apos--;
            }
            char ap = orig.charAt(apos);
            String suffix = w.substring(w.indexOf('\'') + 1);
            String they = matchCase(orig.substring(0, apos), "they");
            String rep;
            if (suffix.equals("s")) {
                boolean has = contractionIsHas(i);
                rep = they + ap + matchCaseSuffix(orig, has ? "ve" : "re");
            } else {
                rep = they + ap + orig.substring(apos + 1);
            }
            edit(i, i, rep, "en.pronoun.contraction", T_PRONOUN);
            if (suffix.equals("s")) {
                coordinated(nextVerbAfter(i));
            }
        }

        private String matchCaseSuffix(String orig, String suffix) {
            boolean upper = orig.length() > 1 && orig.equals(orig.toUpperCase(Locale.ROOT));
            return upper ? suffix.toUpperCase(Locale.ROOT) : suffix;
        }

        /** "he's" meaning "he has": before been/got/gone, or a participle that takes an object. */
        private boolean contractionIsHas(int i) {
            int k = next(i);
            boolean perfective = false;
            while (k >= 0 && t.kind[k] == WORD && isAdverb(t.lower[k])) {
                perfective |= PERFECT_ADVERBS.contains(t.lower[k]);
                k = next(k);
            }
            if (k < 0 || t.kind[k] != WORD) {
                return false;
            }
            String v = t.lower[k];
            if (HAS_PARTICIPLES.contains(v)) {
                return true;
            }
            boolean participle = LEX.irregularParticiples.contains(v) || (v.endsWith("ed") && v.length() > 3);
            if (!participle) {
                return false;
            }
            if (perfective) {
                return true; // "he's already finished", "she's just arrived"
            }
            int o = next(k);
            if (o < 0) {
                return false;
            }
            if (t.kind[o] == NUM) {
                return true;
            }
            if (t.kind[o] != WORD) {
                return false;
            }
            String x = t.lower[o];
            return OBJECT_STARTERS.contains(x);
        }

        /**
         * {@code k} is the token after a pronoun (-1 at the end of the text), and is the end or
         * punctuation: true when the pronoun ends its phrase, i.e. no opening quote, bracket or
         * emphasis mark follows it.
         */
        private boolean endsBefore(int k) {
            if (k < 0) {
                return true;
            }
            char c = text.charAt(t.start[k]);
            return c != '"' && c != '\u201C' && c != '(' && c != '*' && c != '_';
        }

        /** "his" with no noun after it ("it is his") is standalone: theirs. */
        private boolean possessiveStandalone(int i) {
            int k = next(i);
            if (k < 0 || t.kind[k] == PUNCT) {
                return endsBefore(k);
            }
            if (t.kind[k] != WORD) {
                return false;
            }
            String n = t.lower[k];
            if (OWN_LIKE.contains(n)) {
                return false;
            }
            return HIS_STANDALONE_NEXT.contains(n);
        }

        /** Object "her" (them) or possessive determiner (their), decided from the words around it. */
        private boolean herIsObject(int i) {
            int k = next(i);
            if (k < 0 || t.kind[k] == PUNCT) {
                return endsBefore(k);
            }
            if (t.kind[k] == NUM) {
                return false;
            }
            if (t.kind[k] != WORD) {
                return true;
            }
            String n = t.lower[k];
            if (OWN_LIKE.contains(n)) {
                return false;
            }
            if (n.equals("first") || n.equals("last") || n.equals("next")) {
                int m = next(k);
                return m < 0 || t.kind[m] != WORD || OBJECT_FOLLOWERS.contains(t.lower[m]);
            }
            if (PARTICLE_NOUNS.contains(n)) {
                int m = next(k);
                return m < 0 || t.kind[m] != WORD || OBJECT_FOLLOWERS.contains(t.lower[m]) || isAdverb(t.lower[m])
                        || !(isThirdSingular(t.lower[m]) || LEX.verbs.contains(t.lower[m])
                        || LEX.irregularPast.contains(t.lower[m]));
            }
            if (OBJECT_FOLLOWERS.contains(n)) {
                return true;
            }
            int apos = n.indexOf('\'');
            if (apos > 0 && OBJECT_FOLLOWERS.contains(n.substring(0, apos))) {
                return true; // "ask her what's wrong"
            }
            if (n.endsWith("ly") && n.length() > 4 && !LEX.verbs.contains(n)) {
                int m = next(k);
                return m < 0 || t.kind[m] != WORD || OBJECT_FOLLOWERS.contains(t.lower[m]);
            }
            int p = prev(i);
            if (p >= 0 && t.kind[p] == WORD && CAUSATIVE.contains(t.lower[p]) && LEX.verbs.contains(n)) {
                return true;
            }
            if (p >= 0 && t.kind[p] == WORD && DATIVE_VERBS.contains(t.lower[p]) && GIVEN_NOUNS.contains(n)) {
                return true; // "offer her help", "give her feedback"
            }
            if (p >= 0 && isWord(p, "to")) {
                // "to her" at the end of a phrase is an object: "talk to her about"
                return false;
            }
            return false;
        }

        /** "does he", "is she", ", doesn't she?": the auxiliary before an inverted subject agrees too. */
        private void inversion(int pron) {
            int p = prev(pron);
            if (p < 0 || t.kind[p] != WORD || !INVERTIBLE.contains(t.lower[p]) || edited[p]) {
                return;
            }
            int before = prev(p);
            boolean inverted = before < 0 || sentenceInitial(p) || isPunct(before, ',')
                    || (t.kind[before] == WORD && (WH.contains(t.lower[before]) || t.lower[before].equals("so")
                    || t.lower[before].equals("nor") || t.lower[before].equals("neither")));
            if (!inverted) {
                // "How long has he ...", "What kind of training does she ..."
                for (int k = before, n = 0; k >= 0 && n < 4; k = prev(k), n++) {
                    if (t.kind[k] != WORD) {
                        break;
                    }
                    if (WH.contains(t.lower[k]) && sentenceInitial(k)) {
                        inverted = true;
                        break;
                    }
                }
            }
            if (inverted) {
                String plural = pluralVerb(t.lower[p]);
                if (plural != null) {
                    edit(p, p, cased(p, keepApostrophe(p, plural)), "en.verb.agreement", T_VERB);
                }
            }
        }

        /** Verb agreement after a rewritten subject pronoun ending at token {@code subj}. */
        private void agreeVerbs(int subj) {
            int k = nextVerbAfter(subj);
            if (k < 0) {
                return;
            }
            if (agree(k)) {
                coordinated(k);
            }
        }

        private int nextVerbAfter(int subj) {
            int k = next(subj);
            if (isPunct(k, ',')) {
                // "he, however, is": skip a short parenthetical
                int m = next(k);
                for (int n = 0; m >= 0 && t.kind[m] == WORD && n < 3; n++) {
                    m = next(m);
                }
                if (isPunct(m, ',')) {
                    k = next(m);
                }
            }
            int guard = 0;
            while (k >= 0 && t.kind[k] == WORD && guard++ < 4 && (isAdverb(t.lower[k])
                    || (t.lower[k].equals("no") && isWord(next(k), "longer")) || t.lower[k].equals("longer"))) {
                k = next(k);
            }
            if (k < 0 || t.kind[k] != WORD) {
                return -1;
            }
            return k;
        }

        private boolean isAdverb(String w) {
            return (ADVERBS.contains(w) && !w.equals("not")) || (w.endsWith("ly") && w.length() > 4
                    && !LEX.verbs.contains(w) && !w.equals("only") && !w.equals("family"));
        }

        /** Rewrites the 3rd-person-singular verb at {@code k}; true when it was one. */
        private boolean agree(int k) {
            String v = t.lower[k];
            String plural = pluralVerb(v);
            if (plural == null) {
                if (!isThirdSingular(v)) {
                    return false;
                }
                plural = baseForm(v);
                if (LEX.roleForms.containsKey(plural) || GENDERED_PRONOUNS.contains(plural)) {
                    return false; // not a verb ("chairmans")
                }
            }
            if (!edited[k]) {
                edit(k, k, cased(k, keepApostrophe(k, plural)), "en.verb.agreement", T_VERB);
            }
            return true;
        }

        private String keepApostrophe(int k, String plural) {
            String orig = text.substring(t.start[k], t.end[k]);
            return orig.indexOf('\u2019') >= 0 ? plural.replace('\'', '\u2019') : plural;
        }

        /** Coordinated verbs sharing the subject: "manages ... and communicates". */
        private void coordinated(int verb) {
            if (verb < 0) {
                return;
            }
            int last = verb;
            int words = 0;
            for (int k = next(verb); k >= 0 && words < 24; k = next(k)) {
                if (t.kind[k] == PUNCT) {
                    char c = text.charAt(t.start[k]);
                    if (c == ',') {
                        int x = skipAdverbs(next(k));
                        if (x >= 0 && t.kind[x] == WORD && !CONJUNCTIONS.contains(t.lower[x])
                                && (prev(k) == last && coordinatedVerb(x, true)
                                || coordinatedVerb(x, false) && listEndsWithVerb(x))) {
                            // "watches, fixes and retries"; "asks questions, takes notes, and isn't"
                            agree(x);
                            last = x;
                            k = x;
                        }
                        continue;
                    }
                    if (c == '-' || c == '\'' || c == '\u2019') {
                        continue;
                    }
                    return;
                }
                if (t.kind[k] != WORD) {
                    continue;
                }
                words++;
                String w = t.lower[k];
                if (CLAUSE_STOPS.contains(w)) {
                    return;
                }
                if (CONJUNCTIONS.contains(w)) {
                    int x = skipAdverbs(next(k));
                    if (x < 0 || t.kind[x] != WORD) {
                        continue;
                    }
                    int before = prev(k);
                    if (isPunct(before, ',')) {
                        before = prev(before);
                    }
                    if (coordinatedVerb(x, before == last)) {
                        agree(x);
                        last = x;
                        k = x;
                    }
                }
            }
        }

        /**
         * Does the list item starting with the verb at {@code x} lead, within a few words, to a
         * conjunction followed by a present verb ("…, takes notes, and isn't afraid")? Keeps a
         * plural noun after a comma ("…, tests pass, and he ships") from being read as a verb.
         */
        private boolean listEndsWithVerb(int x) {
            int k = next(x);
            for (int n = 0; k >= 0 && n < 10; n++, k = next(k)) {
                if (t.kind[k] == WORD && CONJUNCTIONS.contains(t.lower[k])) {
                    int v = skipAdverbs(next(k));
                    return v >= 0 && t.kind[v] == WORD && (pluralVerb(t.lower[v]) != null
                            || coordinatedVerb(v, false));
                }
                if (t.kind[k] == PUNCT && text.charAt(t.start[k]) != ',') {
                    return false;
                }
            }
            return false;
        }

        private int skipAdverbs(int k) {
            int guard = 0;
            while (k >= 0 && t.kind[k] == WORD && guard++ < 3 && isAdverb(t.lower[k])) {
                k = next(k);
            }
            return k;
        }

        /** Is the word at {@code x} (right after a conjunction) a present verb of the same subject? */
        private boolean coordinatedVerb(int x, boolean afterVerb) {
            String v = t.lower[x];
            if (pluralVerb(v) != null) {
                return true;
            }
            if (!isThirdSingular(v)) {
                return false;
            }
            if (afterVerb) {
                return true; // "watches, fixes and retries"
            }
            String base = baseForm(v);
            if (!LEX.verbs.contains(base)) {
                return false;
            }
            int o = next(x);
            if (o < 0) {
                return false;
            }
            if (t.kind[o] == NUM) {
                return true;
            }
            if (t.kind[o] != WORD) {
                return false;
            }
            // "and reports incidents", "and tests it"; but "reports of", "tests and" read as nouns
            String n = t.lower[o];
            return !n.equals("of") && !n.equals("and") && !n.equals("or");
        }

        // -----------------------------------------------------------------------------------------
        // People

        /** A person noun, a name, a kin word or a generic pronoun (anyone): records a mention. */
        private void personWord(int i) {
            String w = t.lower[i];
            if (GENERIC_PRONOUNS.contains(w)) {
                mention(i, new Entity(true, 'u'));
                return;
            }
            if ((QUANTIFIER_DET.contains(w) || w.equals("neither") || w.equals("none")) && isWord(next(i), "of")) {
                // "each of the students", "neither of the candidates"
                mention(i, new Entity(true, 'u'));
                return;
            }
            if ((QUANTIFIER_DET.contains(w) || w.equals("every")) && isWord(next(i), "one")
                    && isWord(next(next(i)), "of")) {
                // "each one of the players"
                mention(next(i), new Entity(true, 'u'));
                skipTo = Math.max(skipTo, next(i));
                return;
            }
            if (w.equals("one") && isWord(next(i), "of") && !isWord(prev(i), "no")) {
                // "if one of your employees is sick" (generic) vs "one of my friends" (specific)
                int d = next(next(i));
                boolean specific = d >= 0 && t.kind[d] == WORD && SPECIFIC_DET.contains(t.lower[d]);
                boolean past = pastSubject(i) && !conditional;
                mention(i, new Entity(!specific && !past, 'u'));
                return;
            }
            if (w.equals("no") && isWord(next(i), "one")) {
                mention(next(i), new Entity(true, 'u'));
                return;
            }
            if (w.equals("one") && isModalOrVerbNext(i) && (sentenceInitial(i) || prevIsClauseStart(i))) {
                mention(i, new Entity(true, 'u'));
                return;
            }
            String base = stripPossessive(w);
            boolean cap = capitalized(i);
            // titles before a name: Mr. Patel, Ms. Rivera, Dr. Lee, Queen Elizabeth
            if (cap && (TITLES_M.contains(base) || TITLES_F.contains(base) || TITLES_U.contains(base))) {
                int k = next(i);
                if (isPunct(k, '.')) {
                    k = next(k);
                }
                if (k >= 0 && t.kind[k] == WORD && capitalized(k)) {
                    char g = TITLES_M.contains(base) ? 'm' : TITLES_F.contains(base) ? 'f' : 'u';
                    Entity e = new Entity(false, g);
                    mention(i, e);
                    skipTo = nameRun(k, e);
                    return;
                }
            }
            Character kin = LEX.genderedNouns.get(base);
            if (kin != null && !cap || kin != null && sentenceInitial(i)) {
                if (isCompoundModifier(i)) {
                    return;
                }
                Entity alias = predicateAlias(i);
                mention(i, alias != null ? alias : new Entity(false, kin));
                return;
            }
            if (cap && DEMONYMS.contains(base) && !sentenceInitial(i) && determiner(i) >= 0 && !isCompoundModifier(i)) {
                // "the average American", "every Canadian"
                mention(i, entityForNoun(i, 'u'));
                return;
            }
            if (cap) {
                Character g = LEX.firstNames.get(base);
                boolean named = g != null && !(sentenceInitial(i) && LEX.personNouns.contains(base));
                if (!named && !sentenceInitial(i) && !LEX.personNouns.contains(base) && !FUNCTION_WORDS.contains(base)
                        && !LEX.verbs.contains(base) && nextWordIs(lastOfCapRun(i), SAYING)) {
                    named = true;
                    g = 'u';
                }
                if (!named && !LEX.personNouns.contains(base) && !FUNCTION_WORDS.contains(base)
                        && !LEX.roleForms.containsKey(base) && !quoted[i]) {
                    // "Taylor Swift released ...": two or more capitalised words before a verb
                    int last = lastOfCapRun(i);
                    if (last > i && allNameLike(i, last)) {
                        int v = next(last);
                        while (v >= 0 && t.kind[v] == WORD && isAdverb(t.lower[v])) {
                            v = next(v);
                        }
                        if (v >= 0 && t.kind[v] == WORD && !capitalized(v) && (isPast(t.lower[v])
                                || SAYING.contains(t.lower[v]) || isThirdSingular(t.lower[v])
                                && LEX.verbs.contains(baseForm(t.lower[v])))) {
                            named = true;
                            g = 'u';
                        }
                    }
                }
                if (named) {
                    Entity e = new Entity(false, g);
                    mention(i, e);
                    int last = lastOfCapRun(i);
                    for (int k = next(i); k >= 0 && k <= last; k = next(k)) {
                        entityAt[k] = e;
                    }
                    skipTo = Math.max(skipTo, last);
                    return;
                }
            }
            if (cap && sentenceInitial(i) && (LEX.personNouns.contains(base) || LEX.roleForms.containsKey(base))
                    && titleBeforeName(i)) {
                // a role used as a title at the start of a sentence: "Chairman Mao led his army"
                Entity e = new Entity(false, 'u');
                mention(i, e);
                skipTo = nameRun(next(i), e);
                return;
            }
            if (LEX.personNouns.contains(base) && !cap || LEX.personNouns.contains(base) && sentenceInitial(i)) {
                if (isCompoundModifier(i)) {
                    return;
                }
                mention(i, entityForNoun(i, 'u'));
                return;
            }
            if (cap && LEX.personNouns.contains(base) && !quoted[i]) {
                // a role in a heading or title case ("Position: Software Engineer"), not a title before a name
                int n = next(i);
                boolean beforeName = n >= 0 && t.kind[n] == WORD && capitalized(n)
                        && (LEX.firstNames.containsKey(t.lower[n]) || !LEX.personNouns.contains(t.lower[n]));
                int p = prev(i);
                boolean afterName = p >= 0 && entityAt[p] != null && !entityAt[p].generic;
                if (!beforeName && !afterName) {
                    mention(i, entityForNoun(i, 'u'));
                }
                return;
            }
            if (!cap && weakPersonNoun(base) && determiner(i) >= 0 && !isCompoundModifier(i)) {
                // "a tester", "the onboarder": a noun that looks like a person's role
                weak.add(sentenceMentions.size());
                mention(i, entityForNoun(i, 'u'));
            }
        }

        int skipTo = -1;
        /** Indexes into {@link #sentenceMentions} of pronouns that found no antecedent. */
        final List<Integer> unresolved = new ArrayList<>();
        /** Indexes into {@link #sentenceMentions} of mentions found only by their suffix. */
        final java.util.Set<Integer> weak = new java.util.HashSet<>();

        private boolean weakPersonNoun(String w) {
            int n = w.length();
            if (n < 5 || WEAK_EXCLUDED.contains(w) || w.indexOf('\'') >= 0 || w.indexOf('-') >= 0) {
                return false;
            }
            return w.endsWith("er") || w.endsWith("or") || w.endsWith("ist") || w.endsWith("ian")
                    || w.endsWith("eer") || w.endsWith("ee");
        }

        /**
         * A singular role word directly followed by a run of capitalised, name-like words (a known
         * given name, or a word that is no function word, person noun, role or verb) that ends
         * before a lowercase word: "Chairman Mao led", "Coach Okafor said". A heading such as
         * "Software Engineer" or "Manager Responsibilities:" does not qualify.
         */
        private boolean titleBeforeName(int i) {
            int k = next(i);
            if (k < 0 || t.kind[k] != WORD || !capitalized(k)) {
                return false;
            }
            int last = k;
            for (int m = k; m >= 0 && t.kind[m] == WORD && capitalized(m); m = next(m)) {
                String w = t.lower[m];
                boolean nameLike = LEX.firstNames.containsKey(w)
                        || !(FUNCTION_WORDS.contains(w) || LEX.personNouns.contains(w) || LEX.roleForms.containsKey(w)
                        || LEX.genderedNouns.containsKey(w) || LEX.verbs.contains(w) || LEX.verbs.contains(baseForm(w)));
                if (!nameLike) {
                    return false;
                }
                last = m;
            }
            int v = next(last);
            return v >= 0 && t.kind[v] == WORD && !capitalized(v);
        }

        private int nameRun(int k, Entity e) {
            int last = k;
            entityAt[k] = e;
            for (int m = next(k); m >= 0 && t.kind[m] == WORD && capitalized(m); m = next(m)) {
                entityAt[m] = e;
                last = m;
            }
            return last;
        }

        private boolean allNameLike(int from, int to) {
            for (int k = from; k <= to; k = next(k)) {
                if (k < 0 || t.kind[k] != WORD) {
                    return false;
                }
                String w = t.lower[k];
                if (FUNCTION_WORDS.contains(w) || LEX.personNouns.contains(w) || LEX.roleForms.containsKey(w)
                        || LEX.genderedNouns.containsKey(w) || TITLES_U.contains(w)) {
                    return false;
                }
            }
            return true;
        }

        private int lastOfCapRun(int i) {
            int last = i;
            for (int m = next(i); m >= 0 && t.kind[m] == WORD && capitalized(m); m = next(m)) {
                last = m;
            }
            return last;
        }

        private boolean isModalOrVerbNext(int i) {
            int k = next(i);
            return k >= 0 && t.kind[k] == WORD && GENERIC_ONE_VERBS.contains(t.lower[k]);
        }

        private boolean prevIsClauseStart(int i) {
            int p = prev(i);
            return p < 0 || isPunct(p, ',') || (t.kind[p] == WORD && CLAUSE_OPENERS.contains(t.lower[p]));
        }

        private static String stripPossessive(String w) {
            if (w.endsWith("'s") && w.length() > 2) {
                return w.substring(0, w.length() - 2);
            }
            return w;
        }

        /** "the user manual", "customer service": a person noun modifying another noun is no mention. */
        private boolean isCompoundModifier(int i) {
            if (t.lower[i].endsWith("'s")) {
                return false;
            }
            int k = adjacentWordAfterSpace(i);
            if (k < 0) {
                return false;
            }
            String n = t.lower[k];
            if (capitalized(k) || FUNCTION_WORDS.contains(n) || ADVERBS.contains(n) || n.endsWith("ing")
                    || n.endsWith("ly") || n.indexOf('\'') >= 0) {
                return false;
            }
            if (n.endsWith("s") && !n.endsWith("ss")) {
                // "a manager praises": after a singular determiner an -s word is the verb, not a plural head
                int det = determiner(i);
                if (det >= 0 && (GENERIC_DET.contains(t.lower[det]) || t.lower[det].equals("this")
                        || t.lower[det].equals("that"))) {
                    return false;
                }
            }
            if (LEX.verbs.contains(n) || LEX.irregularPast.contains(n) || (n.endsWith("ed") && n.length() > 3)) {
                return false;
            }
            if (n.endsWith("s") && LEX.verbs.contains(baseForm(n))) {
                return false;
            }
            return true;
        }

        /** The word after {@code i} separated by exactly one plain space, or -1. */
        private int adjacentWordAfterSpace(int i) {
            int s = i + 1;
            if (s >= sTo || t.kind[s] != SPACE) {
                return -1;
            }
            int w = s + 1;
            return w < sTo && t.kind[w] == WORD ? w : -1;
        }

        /** The entity a role or person noun at {@code i} introduces, from its determiner and context. */
        private Entity entityForNoun(int i, char gender) {
            Entity alias = predicateAlias(i);
            if (alias != null) {
                return alias;
            }
            alias = appositiveAlias(i);
            if (alias != null) {
                return alias;
            }
            int det = determiner(i);
            String d = det >= 0 ? t.lower[det] : null;
            if ("the".equals(d) && (uniqueOf(i) || aboutWork)) {
                return new Entity(false, gender);
            }
            if (d != null && SPECIFIC_DET.contains(d) && !hypotheticalAdjective(det, i)) {
                return new Entity(false, gender);
            }
            if (d != null && (d.equals("his") || d.equals("her"))) {
                Entity owner = entityAt[det];
                return new Entity(owner != null && owner.generic && edited[det], gender);
            }
            if (d != null && d.endsWith("'s")) {
                Entity owner = entityAt[det];
                if (owner != null && !owner.generic) {
                    return new Entity(false, gender);
                }
            }
            if (d == null || !QUANTIFIER_DET.contains(d)) {
                if ((firstPerson || timeAdverb) && pastContext(det >= 0 ? det : i, i)) {
                    return new Entity(false, gender);
                }
                if (d != null && !conditional && pastSubject(i)) {
                    // "The doctor came in and ...": a past event is about someone in particular
                    return new Entity(false, gender);
                }
                if (reported && !conditional && !presentVerbAfter(i)) {
                    // "The winner of last year's race, a student, said he ...": a reported event
                    return new Entity(false, gender);
                }
            }
            return new Entity(true, gender);
        }

        /** "our ideal intern", "your future manager": an adjective that makes a role hypothetical. */
        private boolean hypotheticalAdjective(int det, int head) {
            for (int k = next(det); k >= 0 && k < head; k = next(k)) {
                if (t.kind[k] == WORD && HYPOTHETICAL_ADJ.contains(t.lower[k])) {
                    return true;
                }
            }
            return false;
        }

        /** The determiner of the noun phrase whose head is {@code i}, or -1. */
        private int determiner(int i) {
            int k = prev(i);
            for (int n = 0; k >= 0 && n < 5; n++) {
                if (t.kind[k] == PUNCT && text.charAt(t.start[k]) == '-') {
                    k = prev(k);
                    continue;
                }
                if (t.kind[k] != WORD) {
                    return -1;
                }
                String w = t.lower[k];
                if (GENERIC_DET.contains(w) || DEFINITE_DET.contains(w) || SPECIFIC_DET.contains(w)
                        || w.equals("his") || w.equals("her") || w.equals("their") || w.equals("its")
                        || w.endsWith("'s")) {
                    return k;
                }
                if (NP_MODIFIERS.contains(w)) {
                    k = prev(k);
                    continue;
                }
                if (FUNCTION_WORDS.contains(w) || LEX.irregularPast.contains(w) || isThirdSingular(w)
                        && LEX.verbs.contains(baseForm(w)) && n > 0) {
                    return -1;
                }
                k = prev(k);
            }
            return -1;
        }

        /** Is the noun at {@code head} the subject of a present-tense verb or modal right after it? */
        private boolean presentVerbAfter(int head) {
            int k = next(head);
            int guard = 0;
            while (k >= 0 && t.kind[k] == WORD && guard++ < 3 && isAdverb(t.lower[k])) {
                k = next(k);
            }
            if (k < 0 || t.kind[k] != WORD) {
                return false;
            }
            String v = t.lower[k];
            if (v.equals("who") || v.equals("that")) {
                // "a student who cheats" (generic) vs "the customer who called" (an event)
                int w = next(k);
                if (w < 0 || t.kind[w] != WORD) {
                    return false;
                }
                v = t.lower[w];
            }
            return pluralVerb(v) != null || MODALS.contains(v) || v.equals("can") || v.equals("will")
                    || isThirdSingular(v);
        }

        /** "the president of France", "the CEO of Acme": a role unique to a named place or body. */
        /** Is the role noun at {@code i} applied to a person identified by something other than the role? */
        private boolean anchoredRole(int i) {
            Entity alias = predicateAlias(i);
            if (alias != null && !alias.generic) {
                return true;
            }
            alias = appositiveAlias(i);
            if (alias != null && !alias.generic) {
                return true;
            }
            int det = determiner(i);
            if (det >= 0 && (SPECIFIC_DET.contains(t.lower[det]) || t.lower[det].equals("his")
                    || t.lower[det].equals("her")) && entityAt[det] == null) {
                // "my chairman" stays only as a predicate; "his/her" of an unknown owner is not enough
                return false;
            }
            if (det >= 0 && t.lower[det].equals("the") && capitalizedOf(i)) {
                return true;
            }
            // "the fireman, named Joe", "a salesman called Bob"
            for (int k = next(i), n = 0; k >= 0 && n < 8; k = next(k), n++) {
                if (t.kind[k] == WORD && (t.lower[k].equals("named") || t.lower[k].equals("called"))) {
                    int m = next(k);
                    return m >= 0 && t.kind[m] == WORD && capitalized(m);
                }
            }
            return false;
        }

        /** "the chairman of Microsoft": an office of a named body. */
        private boolean capitalizedOf(int head) {
            int k = next(head);
            if (k < 0 || !(isWord(k, "of") || isWord(k, "at"))) {
                return false;
            }
            int m = next(k);
            if (isWord(m, "the")) {
                m = next(m);
            }
            return m >= 0 && t.kind[m] == WORD && capitalized(m);
        }

        private boolean uniqueOf(int head) {
            int k = next(head);
            if (k >= 0 && t.kind[k] == WORD && PP_STARTS.contains(t.lower[k])) {
                // "the receptionist at my gym", "the teacher in our class": anchored to the speaker
                int m = next(k);
                if (m >= 0 && t.kind[m] == WORD && SPECIFIC_DET.contains(t.lower[m])) {
                    return true;
                }
            }
            if (isWord(k, "next") && isWord(next(k), "door")) {
                return true;
            }
            return capitalizedOf(head);
        }

        /** Is the noun at {@code head} the subject of a past-tense verb right after it? */
        private boolean pastSubject(int head) {
            int k = next(head);
            int guard = 0;
            if (isWord(k, "who") || isWord(k, "that")) {
                // "the actress who played Juliet"
                int v = next(k);
                if (v >= 0 && t.kind[v] == WORD && isPast(t.lower[v]) && !t.lower[v].equals("was")) {
                    return true;
                }
            }
            if (k >= 0 && t.kind[k] == WORD && PP_STARTS.contains(t.lower[k])) {
                // "the president of France gave": skip a short prepositional phrase
                int m = next(k);
                for (int n = 0; m >= 0 && t.kind[m] == WORD && n < 4; n++) {
                    if (isPast(t.lower[m]) && !capitalized(m)) {
                        return true;
                    }
                    m = next(m);
                }
            }
            while (k >= 0 && t.kind[k] == WORD && guard++ < 2 && isAdverb(t.lower[k])) {
                k = next(k);
            }
            return k >= 0 && t.kind[k] == WORD && isPast(t.lower[k]);
        }

        /**
         * A modal in reported speech ("said he would", "told us that she could"): the future of a past
         * saying, not a condition or a rule.
         */
        private boolean reportedModal(int i) {
            if (!MODALS.contains(t.lower[i])) {
                return false;
            }
            int k = prev(i);
            if (k < 0 || t.kind[k] != WORD || !REPORTED_SUBJECTS.contains(t.lower[k])) {
                return false;
            }
            k = prev(k);
            if (isWord(k, "that")) {
                k = prev(k);
            }
            if (k >= 0 && t.kind[k] == WORD && (t.lower[k].equals("us") || t.lower[k].equals("me")
                    || t.lower[k].equals("them") || t.lower[k].equals("reporters"))) {
                k = prev(k);
            }
            return k >= 0 && t.kind[k] == WORD && PAST_SAYING.contains(t.lower[k]);
        }

        /** Does the clause of the noun phrase {@code [from, head]} tell a past event? */
        private boolean pastContext(int from, int head) {
            int k = next(head);
            int guard = 0;
            while (k >= 0 && t.kind[k] == WORD && guard++ < 3 && isAdverb(t.lower[k])) {
                k = next(k);
            }
            if (k >= 0 && t.kind[k] == WORD && isPast(t.lower[k])) {
                return true;
            }
            if (k >= 0 && t.kind[k] == WORD && (pluralVerb(t.lower[k]) != null || MODALS.contains(t.lower[k])
                    || isThirdSingular(t.lower[k]) && LEX.verbs.contains(baseForm(t.lower[k])))) {
                return false; // the subject of its own present-tense clause: "said a good postman knows"
            }
            int p = prev(from);
            return p >= 0 && t.kind[p] == WORD && isPast(t.lower[p]) && !t.lower[p].equals("was");
        }

        private boolean isPast(String w) {
            return LEX.irregularPast.contains(w) || (w.endsWith("ed") && w.length() > 3
                    && (LEX.verbs.contains(w.substring(0, w.length() - 2))
                    || LEX.verbs.contains(w.substring(0, w.length() - 1))
                    || w.endsWith("ied") || w.charAt(w.length() - 3) == w.charAt(w.length() - 4)));
        }

        /** "X is a Y", "X was a Y": Y is X. Returns X's entity when the noun at {@code i} is such a Y. */
        private Entity predicateAlias(int i) {
            int det = determiner(i);
            int k = det >= 0 ? prev(det) : prev(i);
            if (det >= 0 && !(isWord(det, "a") || isWord(det, "an") || isWord(det, "the"))) {
                return null;
            }
            int guard = 0;
            while (k >= 0 && t.kind[k] == WORD && guard++ < 2 && isAdverb(t.lower[k])) {
                k = prev(k);
            }
            if (k < 0 || t.kind[k] != WORD) {
                return null;
            }
            String c = t.lower[k];
            boolean copula = COPULAS.contains(c) || (c.equals("as") && det >= 0 && prev(k) >= 0
                    && t.kind[prev(k)] == WORD && (isPast(t.lower[prev(k)]) || isThirdSingular(t.lower[prev(k)])));
            if (!copula && c.endsWith("'s")) {
                // "she's a nurse"
                copula = GENDERED_PRONOUNS.contains(c) || entityAt[k] != null;
                if (copula && entityAt[k] != null) {
                    return entityAt[k];
                }
            }
            if (!copula) {
                return null;
            }
            for (int m = mentionTokens.size() - 1; m >= 0; m--) {
                if (mentionTokens.get(m) < k) {
                    return sentenceMentions.get(m).entity();
                }
            }
            // "Einstein was a physicist": a capitalised subject we do not know is a specific person.
            int s = prev(k);
            if (s >= 0 && t.kind[s] == WORD && capitalized(s) && !FUNCTION_WORDS.contains(t.lower[s])) {
                return new Entity(false, 'u');
            }
            return null;
        }

        /** "Mr. Lopez, the chairman of our club," and "the chairman, Mr. Lopez,": the same person. */
        private Entity appositiveAlias(int i) {
            int det = determiner(i);
            if (det < 0) {
                // "John Smith, Software Engineer at Acme,": a bare role after a name and a comma
                int k = prev(i);
                for (int n = 0; k >= 0 && t.kind[k] == WORD && n < 3; n++) {
                    k = prev(k);
                }
                if (isPunct(k, ',')) {
                    int name = prev(k);
                    if (name >= 0 && entityAt[name] != null && !entityAt[name].generic) {
                        return entityAt[name];
                    }
                }
            }
            if (det >= 0) {
                int comma = prev(det);
                if (isPunct(comma, ',')) {
                    // "Mr. Lopez, the chairman of our club," / "my uncle, a retired policeman,"
                    int name = prev(comma);
                    if (name >= 0 && entityAt[name] != null && !entityAt[name].generic) {
                        return entityAt[name];
                    }
                }
            }
            int comma = next(i);
            if (comma >= 0 && t.kind[comma] == WORD && PP_STARTS.contains(t.lower[comma])) {
                // "the spokesman for Apple, Tim,": a short prepositional phrase before the name
                int k = next(comma);
                int words = 0;
                while (k >= 0 && t.kind[k] == WORD && words < 4 && !PP_STARTS.contains(t.lower[k])) {
                    k = next(k);
                    words++;
                }
                comma = words > 0 ? k : -1;
            }
            if (isPunct(comma, ',')) {
                int n = next(comma);
                if (n >= 0 && t.kind[n] == WORD && capitalized(n)) {
                    String b = t.lower[n];
                    if (TITLES_M.contains(b) || TITLES_F.contains(b) || TITLES_U.contains(b)
                            || LEX.firstNames.containsKey(b)) {
                        return new Entity(false, 'u');
                    }
                }
            }
            return null;
        }

        /** A word inside a capitalised title ("The Old Man and the Sea"). */
        private boolean titleCase(int i) {
            if (!capitalized(i) || sentenceInitial(i)) {
                return false;
            }
            int p = prev(i);
            int n = next(i);
            return (p >= 0 && t.kind[p] == WORD && capitalized(p) && !sentenceInitial(p))
                    || (n >= 0 && t.kind[n] == WORD && capitalized(n));
        }

        // -----------------------------------------------------------------------------------------
        // Role nouns

        /** A gendered role noun from the table: rewrites it when generic. True when {@code i} is one. */
        private boolean roleNoun(int i) {
            String w = t.lower[i];
            String possessive = "";
            String base = w;
            if (w.endsWith("'s")) {
                base = w.substring(0, w.length() - 2);
                possessive = text.substring(t.end[i] - 2, t.end[i]);
            }
            Lexicon.RoleForm form = LEX.roleForms.get(base);
            boolean pluralPossessive = false;
            if (form == null) {
                return false;
            }
            if (form.plural() && possessive.isEmpty()) {
                int a = adjacent(i);
                if (a >= 0 && t.kind[a] == PUNCT && isApostrophe(text.charAt(t.start[a]))
                        && (a + 1 >= t.n || t.kind[a + 1] != WORD)) {
                    pluralPossessive = true;
                }
            }
            Lexicon.Role role = form.role();
            boolean cap = capitalized(i);
            boolean initial = sentenceInitial(i);
            boolean keep = quoted[i];
            if (cap && !initial) {
                keep = true; // a title or a name: "Congressman Smith", "The Old Man and the Sea"
            }
            int n = next(i);
            if (n >= 0 && t.kind[n] == WORD && capitalized(n) && role.isPerson()) {
                keep = true; // title before a name
            }
            Entity entity = null;
            if (role.isPerson() && !form.plural() && cap && titleBeforeName(i)) {
                // a title before a name, also at the start of a sentence: "Chairman Mao led his army"
                entity = new Entity(false, 'u');
                mention(i, entity);
                skipTo = Math.max(skipTo, nameRun(next(i), entity));
                return true;
            }
            if (role.isPerson() && !form.plural()) {
                entity = entityForNoun(i, 'u');
                // The role noun stays only when it is applied to a person identified otherwise: a
                // predicate or apposition of a named/kin/known person ("my grandfather was a
                // postman", "Mr. Lopez, the chairman"), a unique office ("the chairman of Acme"),
                // or "the fireman, named Joe". A person known only by the role ("the waitress
                // brought our food") gets the neutral noun; their pronouns stay (they are specific).
                if (!entity.generic && anchoredRole(i)) {
                    keep = true;
                }
                if (!isCompoundModifier(i) || base.equals("freshman")) {
                    mention(i, entity);
                }
            }
            if (keep) {
                return true;
            }
            String rep;
            if (role.isPerson() && base.equals("freshman") && !form.plural()) {
                int k = adjacentWordAfterSpace(i);
                rep = k >= 0 && FRESHMAN_ATTRIBUTES.contains(t.lower[k]) ? "first-year" : role.neutral();
            } else {
                rep = form.plural() ? role.neutralPlural() : role.neutral();
            }
            if (!possessive.isEmpty()) {
                rep = rep.endsWith("s") ? rep + possessive.charAt(0) : rep + possessive;
            }
            int pairEnd = possessive.isEmpty() && !pluralPossessive ? pairedRole(i, form) : -1;
            if (pairEnd > 0) {
                // "policemen and policewomen" → "police officers"
                edit(i, pairEnd, cased(i, rep), "en.role-noun", T_ROLE);
                article(i, rep);
                return true;
            }
            edit(i, i, cased(i, rep), "en.role-noun", T_ROLE);
            if (pluralPossessive && !rep.endsWith("s")) {
                // "salesmen'" is rare; "salespeople'" would be wrong: make it "salespeople's"
                int a = adjacent(i);
                edit(a, a, text.charAt(t.start[a]) + "s", "en.role-noun", T_ROLE);
            }
            article(i, rep);
            return true;
        }

        /** "chairman or chairwoman": the end token of a second role noun with the same neutral form, or -1. */
        private int pairedRole(int i, Lexicon.RoleForm form) {
            int c = next(i);
            if (!(isWord(c, "and") || isWord(c, "or") || isPunct(c, '/'))) {
                return -1;
            }
            int j = next(c);
            if (j >= 0 && (isWord(j, "a") || isWord(j, "an"))) {
                j = next(j);
            }
            if (j < 0 || t.kind[j] != WORD || quoted[j] || edited[j]) {
                return -1;
            }
            Lexicon.RoleForm other = LEX.roleForms.get(t.lower[j]);
            if (other == null || other.plural() != form.plural() || other.role() == form.role()
                    || !other.role().neutral().equals(form.role().neutral())) {
                return -1;
            }
            return j;
        }

        /** A word glued to a path, address or identifier ("/users/he/", "he_id", "x.he"): not prose. */
        private boolean glued(int i) {
            return gluedPunct(i - 1, t.start[i] == (i > 0 ? t.end[i - 1] : -1))
                    || gluedPunct(i + 1, i + 1 < t.n && t.start[i + 1] == t.end[i]);
        }

        private boolean gluedPunct(int k, boolean touching) {
            if (!touching || k < 0 || k >= t.n || t.kind[k] != PUNCT) {
                return false;
            }
            char c = text.charAt(t.start[k]);
            if (c == '/' || c == '_' || c == '@' || c == '=' || c == '\\' || c == '#' || c == '<' || c == '>') {
                return true;
            }
            // "x.he" but not "he." at a sentence end: a dot glued on both sides
            return (c == '.' || c == ':') && ((k > 0 && k + 1 < t.n && t.start[k + 1] == t.end[k]
                    && t.kind[k + 1] == WORD && t.end[k - 1] == t.start[k] && t.kind[k - 1] == WORD));
        }

        private void article(int noun, String rep) {
            int p = prev(noun);
            if (p < 0 || t.kind[p] != WORD || edited[p] || t.end[p] + 1 != t.start[noun]) {
                return;
            }
            String a = t.lower[p];
            if (!a.equals("a") && !a.equals("an")) {
                return;
            }
            String want = startsWithVowelSound(rep) ? "an" : "a";
            if (!want.equals(a)) {
                edit(p, p, cased(p, want), "en.article", T_ROLE);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Morphology

    static boolean startsWithVowelSound(String w) {
        String l = w.toLowerCase(Locale.ROOT);
        if (l.startsWith("hour") || l.startsWith("honest") || l.startsWith("heir")) {
            return true;
        }
        if (l.startsWith("uni") || l.startsWith("use") || l.startsWith("one") || l.startsWith("eu")) {
            return false;
        }
        return !l.isEmpty() && "aeiou".indexOf(l.charAt(0)) >= 0;
    }

    /** The plural of be/have/do/go/say forms and their negations, or null. */
    static String pluralVerb(String v) {
        return switch (v) {
            case "is" -> "are";
            case "was" -> "were";
            case "has" -> "have";
            case "does" -> "do";
            case "goes" -> "go";
            case "says" -> "say";
            case "isn't" -> "aren't";
            case "wasn't" -> "weren't";
            case "hasn't" -> "haven't";
            case "doesn't" -> "don't";
            default -> null;
        };
    }

    /** A present-tense third-person-singular form (after a subject pronoun). */
    static boolean isThirdSingular(String v) {
        int n = v.length();
        if (n < 3 || v.charAt(n - 1) != 's' || NOT_3SG.contains(v)) {
            return false;
        }
        char p = v.charAt(n - 2);
        if (p == 's' || p == '\'' || p == 'u' || p == 'i') {
            return false;
        }
        for (int k = 0; k < n; k++) {
            char c = v.charAt(k);
            if (c < 'a' || c > 'z') {
                return c == '-' && k > 0;
            }
        }
        return true;
    }

    /** The base form of a third-person-singular verb: writes → write, watches → watch, tries → try. */
    static String baseForm(String v) {
        String special = pluralVerb(v);
        if (special != null && !special.contains("'")) {
            return special;
        }
        int n = v.length();
        if (v.endsWith("ies")) {
            return n <= 4 ? v.substring(0, n - 1) : v.substring(0, n - 3) + "y"; // dies, tries
        }
        String dropS = v.substring(0, n - 1);
        if (v.endsWith("es")) {
            String dropEs = v.substring(0, n - 2);
            if (LEX.verbs.contains(dropS)) {
                return dropS;
            }
            if (LEX.verbs.contains(dropEs)) {
                return dropEs;
            }
            if (dropEs.endsWith("ss") || dropEs.endsWith("x") || dropEs.endsWith("zz") || dropEs.endsWith("ch")
                    || dropEs.endsWith("sh") || dropEs.endsWith("o")) {
                return dropEs;
            }
            return dropS;
        }
        return dropS;
    }

    /** The replacement in the case pattern of the original: he → they, He → They, HE → THEY. */
    static String matchCase(String orig, String replacement) {
        if (orig.isEmpty() || replacement.isEmpty()) {
            return replacement;
        }
        boolean allUpper = orig.length() > 1;
        boolean anyLetter = false;
        for (int k = 0; k < orig.length(); k++) {
            char c = orig.charAt(k);
            if (Character.isLetter(c)) {
                anyLetter = true;
                if (!Character.isUpperCase(c)) {
                    allUpper = false;
                }
            }
        }
        if (allUpper && anyLetter) {
            return replacement.toUpperCase(Locale.ROOT);
        }
        if (Character.isUpperCase(orig.charAt(0))) {
            return Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1);
        }
        return replacement;
    }
}
