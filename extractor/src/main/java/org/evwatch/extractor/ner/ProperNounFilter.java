package org.evwatch.extractor.ner;

import org.evwatch.events.EntityType;
import org.evwatch.extractor.vocab.TermKind;

/**
 * A one-word common name of a species written with a capital inside a sentence is part of a proper name: the
 * "Beaver" of the Beaver Dam Eye Study, the "Merlin" program. Scientific names, the core vocabulary's names and
 * learned names are not read this way, nor names matched with their exact case (a genus synonym, "Mtb"), whose
 * capital is part of the name.
 */
final class ProperNounFilter {

    private final Dictionary dictionary;

    ProperNounFilter(Dictionary dictionary) {
        this.dictionary = dictionary;
    }

    void removeFrom(SectionHits s) {
        s.candidates().removeIf(h -> isProperNounReading(h, s.tokens()));
    }

    private boolean isProperNounReading(Dictionary.Hit h, Tokens t) {
        if (h.from() != h.to() || h.rank() != TermKind.SYNONYM.ordinal() || h.caseSensitive()
                || dictionary.concept(h.concept()).type() != EntityType.SPECIES) {
            return false;
        }
        int a = t.start[h.from()];
        int b = t.end[h.from()];
        return b - a >= 2 && isCapitalised(t.text, a, b) && !startsSentence(t.text, a);
    }

    private static boolean isCapitalised(String text, int a, int b) {
        if (!Character.isUpperCase(text.charAt(a))) {
            return false;
        }
        for (int k = a + 1; k < b; k++) {
            if (!Character.isLowerCase(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** The first word of the text, of a sentence or of a heading. */
    private static boolean startsSentence(String text, int a) {
        for (int k = a - 1; k >= 0; k--) {
            char c = text.charAt(k);
            if (c == '\n' || c == '.' || c == '!' || c == '?' || c == ':') {
                return true;
            }
            if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }
}
