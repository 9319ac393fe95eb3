package org.evwatch.extractor.ner;

import java.util.Map;
import java.util.Set;

import org.evwatch.events.EntityType;

/**
 * The learned precision filter at work: drops readings of names that the training corpora's annotators usually leave
 * unmarked for their type (see {@link PrecisionFilter}). Readings backed by a definition in the paper are kept.
 */
final class SuppressedNames {

    private final Dictionary dictionary;
    /** Normalised names not recognised as a type; empty without training. */
    private final Map<EntityType, Set<String>> names;

    SuppressedNames(Dictionary dictionary, Map<EntityType, Set<String>> names) {
        this.dictionary = dictionary;
        this.names = Map.copyOf(names);
    }

    Map<EntityType, Set<String>> names() {
        return names;
    }

    void removeFrom(SectionHits s) {
        if (!names.isEmpty()) {
            s.candidates().removeIf(h -> h.rank() != DefinedAbbreviations.RANK && isSuppressed(h, s.tokens()));
        }
    }

    boolean isSuppressed(Dictionary.Hit h, Tokens t) {
        Set<String> suppressed = names.get(dictionary.concept(h.concept()).type());
        return suppressed != null && suppressed.contains(t.normalized(h.from(), h.to()));
    }
}
