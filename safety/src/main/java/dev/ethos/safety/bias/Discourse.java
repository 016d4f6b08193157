package dev.ethos.safety.bias;

import java.util.ArrayList;
import java.util.List;

/**
 * What a session remembers about the text so far: the people mentioned in recent complete
 * sentences (one track for English, one for Chinese) and whether a quotation is open. Mutable;
 * one per session.
 */
final class Discourse {
    /** How many sentences back a pronoun may look for its antecedent. */
    static final int WINDOW = 6;

    /** A person the text talks about: generic (a role, anyone) or specific (named, kin, introduced). */
    static final class Entity {
        final boolean generic;
        /** 'm', 'f' or 'u' (unknown); only kin words, gendered nouns and names carry a hard gender. */
        final char gender;

        Entity(boolean generic, char gender) {
            this.generic = generic;
            this.gender = gender;
        }
    }

    /**
     * One mention of an entity, in the sentence numbered {@code sentence}; {@code weak} when the
     * word is only guessed to name a person (from its suffix), so known people are preferred; in
     * Chinese, when the noun is possessed by a pronoun (他的病人), so a subject pronoun skips it.
     */
    record Mention(Entity entity, int sentence, boolean weak) {
        Mention(Entity entity, int sentence) {
            this(entity, sentence, false);
        }
    }

    /** The mentions of one language's sentences. */
    static final class Track {
        final List<Mention> mentions = new ArrayList<>();
        int sentence;
        boolean inQuote;
        /** A rewritten subject pronoun ended with a colon: the list items below are its predicates. */
        boolean listSubject;

        /** Ends a complete sentence: its mentions join the window, old ones leave it. */
        void commit(List<Mention> sentenceMentions, boolean quoteOpen, boolean listOpen) {
            listSubject = listOpen;
            commit(sentenceMentions, quoteOpen);
        }

        void commit(List<Mention> sentenceMentions, boolean quoteOpen) {
            mentions.addAll(sentenceMentions);
            inQuote = quoteOpen;
            sentence++;
            int min = sentence - WINDOW;
            int drop = 0;
            while (drop < mentions.size() && mentions.get(drop).sentence() < min) {
                drop++;
            }
            if (drop > 0) {
                mentions.subList(0, drop).clear();
            }
        }
    }

    final Track en = new Track();
    final Track zh = new Track();
}
