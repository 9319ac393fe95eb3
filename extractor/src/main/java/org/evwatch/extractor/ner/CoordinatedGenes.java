package org.evwatch.extractor.ner;

import java.util.List;
import java.util.Set;

import org.evwatch.events.EntityType;

/**
 * Genes of one family written once with several numbers: "ERK1/2", "MMP-2/-9", "caspase-3/7", "IL-4 and -13". The
 * dictionary finds the first ("ERK1"); each number that follows it over a slash, comma, "and" or "or" is tried in
 * the place of the first one's ("ERK2"), and a gene the dictionary knows by exactly that name is kept, at the
 * number's offsets.
 */
final class CoordinatedGenes {

    private static final Set<String> JOINS = Set.of("/", ",", "and", "or");
    private static final int MAX_COORDINATED = 6;

    private CoordinatedGenes() {
    }

    /** Adds to {@code out} the genes named by the numbers right of {@code h}; {@code taken} marks chosen tokens. */
    static void readNumbers(Dictionary dictionary, SuppressedNames suppressed, int section, Tokens t, Dictionary.Hit h,
            boolean[] taken, List<Found> out) {
        int last = h.to();
        if (last == h.from() || !isNumber(t.norm[last])
                || dictionary.concept(h.concept()).type() != EntityType.GENE) {
            return;
        }
        String stem = t.text.substring(t.start[h.from()], t.start[last]);
        int i = last + 1;
        for (int found = 0; found < MAX_COORDINATED && i + 1 < t.size && JOINS.contains(t.norm[i]); found++) {
            int n = i + 1;
            if (taken[n] || !isNumber(t.norm[n]) || !t.wordEnd[n]) {
                return;
            }
            String name = stem + t.text.substring(t.start[n], t.end[n]);
            int concept = ExactNames.conceptNamed(name, EntityType.GENE, dictionary, suppressed);
            if (concept < 0) {
                return;
            }
            out.add(new Found(section, t.start[n], t.end[n], concept, false, Tokens.normalizedOf(name), false, null,
                    true));
            i = n + 1;
        }
    }

    private static boolean isNumber(String norm) {
        return !norm.isEmpty() && norm.length() <= 3 && norm.chars().allMatch(Character::isDigit);
    }
}
