package org.evwatch.indexer.search;

import java.util.List;

import org.evwatch.query.SimilarityModel;

/**
 * A paper's words and entities weighed by the related-papers model against the collection as it is now.
 *
 * @param paperId the paper's catalog id
 * @param length its length in analysed words
 * @param terms each analysed word of title and abstract, the heaviest first
 * @param entities each entity id with its weight, the heaviest first
 */
public record PaperWeights(String paperId, int length, List<Term> terms, List<SimilarityModel.Weighted> entities) {

    public PaperWeights {
        terms = List.copyOf(terms);
        entities = List.copyOf(entities);
    }

    /** A word, how often the paper uses it, its weight in the paper and its idf in the collection. */
    public record Term(String term, int count, double weight, double idf) {
    }
}
