package org.evwatch.extractor.ner;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Abbreviations the paper defines ("programmed death-1 (PD-1)") are read as their long form wherever they recur,
 * and a short form whose long form names no entity loses its dictionary readings ("PD" defined as
 * "pharmacodynamics").
 */
final class DefinedAbbreviations {

    /** Rank given to a short form resolved through its definition: it beats any dictionary reading. */
    static final int RANK = -1;

    private DefinedAbbreviations() {
    }

    /** Short form to concept (or -1 when its long form names nothing we know), from each first definition. */
    static Map<String, Integer> definitions(List<SectionHits> sections) {
        Map<String, Integer> defined = new HashMap<>();
        for (SectionHits s : sections) {
            for (Abbreviations.Definition d : Abbreviations.find(s.section().text())) {
                if (!defined.containsKey(d.shortForm())) {
                    defined.put(d.shortForm(), longFormConcept(d, s));
                }
            }
        }
        return defined;
    }

    /** The longest reading that ends where the long form ends and lies inside it. */
    private static int longFormConcept(Abbreviations.Definition d, SectionHits s) {
        Dictionary.Hit best = null;
        for (Dictionary.Hit h : s.candidates()) {
            int hs = s.tokens().start[h.from()];
            int he = s.tokens().end[h.to()];
            if (he == d.longEnd() && hs >= d.longStart() && (best == null || h.length() > best.length())) {
                best = h;
            }
        }
        return best == null ? -1 : best.concept();
    }

    /**
     * Adds each occurrence of a defined short form as a candidate naming its long form's concept, replacing the
     * dictionary readings of the same tokens.
     */
    static void apply(Map<String, Integer> defined, SectionHits s) {
        Tokens t = s.tokens();
        for (Map.Entry<String, Integer> e : defined.entrySet()) {
            Tokens sf = Tokenizer.tokenize(e.getKey());
            if (sf.size == 0) {
                continue;
            }
            String key = sf.caseKey(0, sf.size - 1);
            for (int i = 0; i + sf.size <= t.size; i++) {
                int j = i + sf.size - 1;
                if (!t.wordStart[i] || !t.wordEnd[j] || !sameTokens(t, i, sf) || !key.equals(t.caseKey(i, j))) {
                    continue;
                }
                int from = i;
                s.candidates().removeIf(h -> h.from() == from && h.to() == j);
                if (e.getValue() >= 0) {
                    s.candidates().add(new Dictionary.Hit(i, j, e.getValue(), RANK, false, null));
                }
            }
        }
    }

    private static boolean sameTokens(Tokens t, int at, Tokens sf) {
        for (int k = 0; k < sf.size; k++) {
            if (!t.norm[at + k].equals(sf.norm[k])) {
                return false;
            }
        }
        return true;
    }
}
