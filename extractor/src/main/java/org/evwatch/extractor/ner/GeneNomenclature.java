package org.evwatch.extractor.ner;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.evwatch.extractor.vocab.Term;
import org.evwatch.extractor.vocab.TermKind;
import org.evwatch.extractor.vocab.VocabularyBuilder;

/**
 * The official gene symbols of a vocabulary (NCBI Gene), by normalised name: to check what annotated corpora teach
 * against the nomenclature. A corpus that gives the official symbol of one gene ("MMP-2", the symbol of
 * {@code NCBIGene:4313}) the id of another gene the same vocabulary has under other names is taken to be mistaken
 * there; an id the vocabulary does not have (another organism's gene) is never contradicted.
 */
final class GeneNomenclature {

    private final Map<String, String> symbolOwner = new HashMap<>();
    private final Set<String> genesWithSymbol = new HashSet<>();

    GeneNomenclature(VocabularyBuilder vocabulary) {
        Set<String> shared = new HashSet<>();
        for (Term t : vocabulary.terms()) {
            if (t.kind() != TermKind.GENE_SYMBOL) {
                continue;
            }
            genesWithSymbol.add(t.conceptId());
            String norm = Tokens.normalizedOf(t.text());
            String had = symbolOwner.putIfAbsent(norm, t.conceptId());
            if (had != null && !had.equals(t.conceptId())) {
                shared.add(norm);
            }
        }
        shared.forEach(symbolOwner::remove);
    }

    /** Whether reading {@code name} (normalised) as {@code geneId} contradicts the official symbols. */
    boolean contradicts(String name, String geneId) {
        String owner = symbolOwner.get(name);
        return owner != null && !owner.equals(geneId) && genesWithSymbol.contains(geneId);
    }
}
