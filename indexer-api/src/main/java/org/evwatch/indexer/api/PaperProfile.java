package org.evwatch.indexer.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A paper as the related-papers model sees it, weighed against the collection as it is now: each analysed word of
 * its title and abstract with the word's weight in the paper and its rarity, and each entity id with its weight. A
 * new paper scores against it the sum over the words it shares of the word's weight here times its own weight of the
 * word (computed with the same rarity), plus the square of each shared entity's weight.
 */
public record PaperProfile(
        @Schema(description = "The catalog id of the paper") String paperId,
        @Schema(description = "The paper's length in analysed words") int length,
        List<Term> terms,
        List<EntityWeight> entities) {

    public PaperProfile {
        terms = terms == null ? List.of() : List.copyOf(terms);
        entities = entities == null ? List.of() : List.copyOf(entities);
    }

    /** A word of title and abstract (stemmed, lower case): how often the paper uses it, its weight and idf. */
    public record Term(String term, int count, double weight, double idf) {
    }

    /** An entity id the paper carries (normalised as the entity: filter writes it) and its weight. */
    public record EntityWeight(String id, double weight) {
    }
}
