package org.evwatch.indexer.api;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.evwatch.events.EntityType;
import org.evwatch.events.Paper;

/** One search result: enough to show a result line without fetching the paper. */
@Schema(name = "SearchHit")
public record SearchHit(
        String id,
        @Schema(description = "Relevance score; absent when sorted by date", nullable = true) Float score,
        String title,
        Paper.Identifiers ids,
        List<String> authors,
        String journal,
        String published,
        Integer year,
        List<String> publicationTypes,
        String tldr,
        @Schema(description = "RELEVANT, BORDERLINE or OFF_TOPIC", nullable = true) String relevance,
        List<HitEntity> entities,
        @Schema(description = "Highlighted fragments: matches wrapped in <mark>, the rest HTML-escaped") Map<String, String> highlights) {

    public SearchHit {
        ids = ids == null ? Paper.Identifiers.NONE : ids;
        authors = authors == null ? List.of() : List.copyOf(authors);
        publicationTypes = publicationTypes == null ? List.of() : List.copyOf(publicationTypes);
        entities = entities == null ? List.of() : List.copyOf(entities);
        highlights = highlights == null ? Map.of() : Map.copyOf(highlights);
    }

    /** An entity of a hit with how often the paper mentions it. */
    public record HitEntity(EntityType type, String id, String name, int mentions) {
    }
}
