package org.evwatch.indexer.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The papers most like one paper, best first, each with why. */
@Schema(name = "SimilarPapers")
public record SimilarResponse(
        @Schema(description = "The catalog id of the paper they are like") String paperId,
        List<Similar> similar) {

    public SimilarResponse {
        similar = similar == null ? List.of() : List.copyOf(similar);
    }

    /**
     * A similar paper (its score is the related-papers model's) and what it shares with the paper: the words of title
     * and abstract and the entities that weigh most in the score, the heaviest first.
     */
    @Schema(name = "SimilarPaper")
    public record Similar(
            SearchHit paper,
            @Schema(description = "Shared words of title and abstract, as the index analyses them (stemmed, lower case)") List<String> sharedTerms,
            List<SearchHit.HitEntity> sharedEntities) {

        public Similar {
            sharedTerms = sharedTerms == null ? List.of() : List.copyOf(sharedTerms);
            sharedEntities = sharedEntities == null ? List.of() : List.copyOf(sharedEntities);
        }
    }
}
