package org.evwatch.events;

import java.time.Instant;
import java.util.List;

/**
 * A paper as the catalog holds it after a commit, keyed on the topic by {@link #paperId()}. It carries every field
 * subscriptions match on, so a subscriber never has to call back.
 *
 * @param paperId the catalog's id for the merged paper
 * @param change whether the paper is new to the catalog or an existing one changed
 * @param version the catalog version of the paper, raised on every change
 * @param paper the merged paper
 * @param entities the paper's entities, with mention counts
 * @param summary TL;DR, key findings and relevance
 * @param sources the names of the sources that reported the paper
 */
public record PaperIndexed(
        int schemaVersion,
        String paperId,
        Change change,
        long version,
        Instant indexedAt,
        Paper paper,
        List<EntityCount> entities,
        Summary summary,
        List<String> sources) {

    public static final int SCHEMA_VERSION = 1;

    public enum Change {
        CREATED, UPDATED
    }

    public PaperIndexed {
        Require.version(schemaVersion, SCHEMA_VERSION);
        Require.text(paperId, "paperId");
        Require.present(change, "change");
        Require.present(indexedAt, "indexedAt");
        Require.present(paper, "paper");
        entities = entities == null ? List.of() : List.copyOf(entities);
        summary = summary == null ? Summary.NONE : summary;
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** An entity of the paper and how often it is mentioned. */
    public record EntityCount(EntityType type, String id, String name, int mentions) {
    }
}
