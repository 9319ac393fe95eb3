package org.evwatch.indexer.search;

import java.util.List;

/**
 * The papers most like one paper, best first.
 *
 * @param paperId the paper they are like
 * @param hits the similar papers
 */
public record SimilarResult(String paperId, List<Hit> hits) {

    public SimilarResult {
        hits = List.copyOf(hits);
    }

    /**
     * A similar paper: its score under the related-papers model, what a hit shows of it, and why it is similar: the
     * words and the entities it shares with the paper, the heaviest first.
     */
    public record Hit(String id, double score, HitSummary summary, List<String> sharedTerms,
            List<HitSummary.EntityRef> sharedEntities) {
    }
}
