package org.evwatch.extractor.ner;

import org.evwatch.events.EntityType;

/** Which concept of a type a phrase names as a whole, for rules that build a name and look it up. */
final class ExactNames {

    private ExactNames() {
    }

    /**
     * The concept of {@code type} whose name is the whole phrase (best-ranked dictionary reading, not suppressed,
     * never through a defined abbreviation), or -1.
     */
    static int conceptNamed(String phrase, EntityType type, Dictionary dictionary, SuppressedNames suppressed) {
        Tokens p = Tokenizer.tokenize(phrase);
        Dictionary.Hit best = null;
        for (Dictionary.Hit h : dictionary.match(p)) {
            if (h.from() == 0 && h.to() == p.size - 1 && h.rank() != DefinedAbbreviations.RANK
                    && dictionary.concept(h.concept()).type() == type && !suppressed.isSuppressed(h, p)
                    && (best == null || h.rank() < best.rank())) {
                best = h;
            }
        }
        return best == null ? -1 : best.concept();
    }
}
