package org.evwatch.extractor.ner;

import java.util.List;
import java.util.Set;

import org.evwatch.events.EntityType;

/**
 * Diseases named by coordinated modifiers sharing one head: in "breast and ovarian cancers" the dictionary finds
 * "ovarian cancers"; "breast" names breast cancer too. Walking left from a disease over conjunctions, each bare word
 * (not part of another match) is tried with the tail of the disease's name ("breast cancers", and for "breast and
 * squamous cell neoplasms" the shorter "breast neoplasms"); a whole-name disease match is kept, at the modifier's
 * offsets.
 */
final class CoordinatedDiseases {

    /** Words joining coordinated modifiers: "breast and ovarian", "brain, breast, and prostate", "lip/palate". */
    private static final Set<String> CONJUNCTIONS = Set.of("and", "or", ",", "/");
    private static final int MAX_COORDINATED = 4;

    private final Dictionary dictionary;
    private final SuppressedNames suppressed;

    CoordinatedDiseases(Dictionary dictionary, SuppressedNames suppressed) {
        this.dictionary = dictionary;
        this.suppressed = suppressed;
    }

    /** Adds to {@code out} the diseases the modifiers left of {@code h} name; {@code taken} marks chosen tokens. */
    void readModifiers(int section, Tokens t, Dictionary.Hit h, boolean[] taken, List<Found> out) {
        if (h.to() == h.from() || dictionary.concept(h.concept()).type() != EntityType.DISEASE) {
            return;
        }
        int i = h.from() - 1;
        for (int found = 0; found < MAX_COORDINATED && i >= 1 && CONJUNCTIONS.contains(t.norm[i]); found++) {
            int w = i - 1;
            if (t.norm[w].equals(",") && !t.norm[i].equals(",") && w >= 1) {
                w--; // "brain, breast, and prostate"
            }
            if (taken[w] || !isBareWord(t.norm[w])) {
                return;
            }
            String word = t.text.substring(t.start[w], t.end[w]);
            for (int from = h.from() + 1; from <= h.to(); from++) {
                String phrase = word + " " + t.text.substring(t.start[from], t.end[h.to()]);
                int concept = ExactNames.conceptNamed(phrase, EntityType.DISEASE, dictionary, suppressed);
                if (concept >= 0) {
                    out.add(new Found(section, t.start[w], t.end[w], concept, false, Tokens.normalizedOf(phrase),
                            false, null, true));
                    break;
                }
            }
            i = w - 1;
        }
    }

    private static boolean isBareWord(String norm) {
        if (norm.length() < 3) {
            return false;
        }
        for (int k = 0; k < norm.length(); k++) {
            if (!Character.isLetter(norm.charAt(k))) {
                return false;
            }
        }
        return true;
    }
}
