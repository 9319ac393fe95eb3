package org.evwatch.gateway.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.evwatch.events.EntityType;
import org.evwatch.events.Paper;

/** One search result: enough to show a result line without fetching the paper. */
public record SearchHit(
        String id,
        Double score,
        String title,
        Paper.Identifiers ids,
        List<String> authors,
        String journal,
        String published,
        Integer year,
        List<String> publicationTypes,
        String tldr,
        JsonNode relevance,
        List<HitEntity> entities,
        Map<String, String> highlights) {

    public SearchHit {
        ids = ids == null ? Paper.Identifiers.NONE : ids;
        authors = authors == null ? List.of() : List.copyOf(authors);
        publicationTypes = publicationTypes == null ? List.of() : List.copyOf(publicationTypes);
        entities = entities == null ? List.of() : List.copyOf(entities);
        highlights = highlights == null ? Map.of() : Map.copyOf(highlights);
    }

    /** An entity of a hit with how often the paper mentions it. */
    public record HitEntity(EntityType type, String id, String name, Integer mentions) {
    }
}
