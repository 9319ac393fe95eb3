package org.evwatch.extractor.ner;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.evwatch.extractor.vocab.TermKind;

/**
 * Abbreviations the paper defines ("programmed death-1 (PD-1)") are read as their long form wherever they recur,
 * and a short form whose long form names no entity loses its dictionary readings ("PD" defined as
 * "pharmacodynamics"), but for its gene readings when the long form reads as a gene's.
 */
final class DefinedAbbreviations {

    /** Rank given to a short form resolved through its definition: it beats any dictionary reading. */
    static final int RANK = -1;

    /**
     * A short form whose long form names nothing we know but reads as a gene's ("C-C chemokine receptor 5 (CCR5)",
     * "pleomorphic adenoma gene like-2 (PLAGL2)"): its gene readings stay, its other readings go.
     */
    static final int GENE_LIKE = -2;

    /** Head nouns of gene and protein names besides the gene cues ({@link TermFilter#GENE_CUES}). */
    private static final Set<String> GENE_WORDS = Set.of("factor", "protein", "receptor", "kinase", "ligand", "gene",
            "enzyme", "transporter", "channel", "synthase", "phosphatase", "protease");

    private DefinedAbbreviations() {
    }

    /**
     * Short form to concept (or -1 when its long form names nothing we know, {@link #GENE_LIKE} when that long form
     * reads as a gene's), from each first definition.
     */
    static Map<String, Integer> definitions(List<SectionHits> sections) {
        Map<String, Integer> defined = new HashMap<>();
        for (SectionHits s : sections) {
            for (Abbreviations.Definition d : Abbreviations.find(s.section().text())) {
                if (!defined.containsKey(d.shortForm())) {
                    int concept = longFormConcept(d, s);
                    defined.put(d.shortForm(), concept < 0 && geneLike(d.longForm()) ? GENE_LIKE : concept);
                }
            }
        }
        return defined;
    }

    /** Whether a long form has a word that says a gene or protein is meant ("receptor", "kinase", "gene"). */
    private static boolean geneLike(String longForm) {
        Tokens t = Tokenizer.tokenize(longForm);
        for (int i = 0; i < t.size; i++) {
            if (TermFilter.GENE_CUES.contains(t.norm[i]) || GENE_WORDS.contains(t.norm[i])) {
                return true;
            }
        }
        return false;
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
                boolean keepGenes = e.getValue() == GENE_LIKE;
                s.candidates().removeIf(h -> h.from() == from && h.to() == j && !(keepGenes && isGeneName(h)));
                if (e.getValue() >= 0) {
                    s.candidates().add(new Dictionary.Hit(i, j, e.getValue(), RANK, false, null));
                }
            }
        }
    }

    private static boolean isGeneName(Dictionary.Hit h) {
        return h.rank() == TermKind.GENE_SYMBOL.ordinal() || h.rank() == TermKind.GENE_ALIAS.ordinal();
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
