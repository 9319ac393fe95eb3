package org.evwatch.extractor.ner;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.evwatch.events.EntityType;

/**
 * The last look at a paper's mentions as a whole: what the paper names elsewhere decides how to read an acronym or
 * a name several concepts share.
 */
final class DocumentConsistency {

    private final Dictionary dictionary;

    DocumentConsistency(Dictionary dictionary) {
        this.dictionary = dictionary;
    }

    void apply(List<Found> found) {
        dropUnsupportedAcronyms(found);
        preferConceptsNamedElsewhere(found);
    }

    /**
     * A disease named in a paper only by an acronym from a standard vocabulary or a corpus ("AT", "MEN2"), never
     * defined there nor written out, is more often something else (a nucleotide change, a gene): such mentions are
     * dropped. Curated core names are trusted; chemicals are exempt, since papers use drug acronyms ("5-FU", "DOX")
     * without defining them.
     */
    private void dropUnsupportedAcronyms(List<Found> found) {
        Set<Integer> named = new HashSet<>();
        for (Found f : found) {
            if (!f.acronymOnly()) {
                named.add(f.concept());
            }
        }
        found.removeIf(f -> f.acronymOnly() && !named.contains(f.concept())
                && dictionary.concept(f.concept()).type() == EntityType.DISEASE);
    }

    /**
     * A name several concepts share ("barley", "M. bovis", "hamster") is read as the one the paper also names
     * unambiguously ("Hordeum vulgare", "Mycobacterium bovis"), when there is one.
     */
    private static void preferConceptsNamedElsewhere(List<Found> found) {
        Set<Integer> named = new HashSet<>();
        for (Found f : found) {
            if (f.alternatives() == null) {
                named.add(f.concept());
            }
        }
        for (int i = 0; i < found.size(); i++) {
            Found f = found.get(i);
            if (f.alternatives() == null || named.contains(f.concept())) {
                continue;
            }
            for (int alt : f.alternatives()) {
                if (named.contains(alt)) {
                    found.set(i, f.as(alt));
                    break;
                }
            }
        }
    }
}
