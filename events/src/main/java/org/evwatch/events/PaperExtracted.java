package org.evwatch.events;

import java.time.Instant;
import java.util.List;

/**
 * One source record turned into a canonical paper, keyed on the topic by {@link #paperKey()}.
 *
 * @param paperKey the best stable id, see {@link PaperKeys#bestKey(Paper)}
 * @param extractorVersion the version of the extraction rules that produced this record
 * @param source the record it came from
 * @param paper the canonical paper
 * @param entities the normalised entities found in it
 * @param summary TL;DR, key findings and relevance
 * @param extractedAt when it was extracted
 * @param modelVersion the version of the learned entity tagger model that took part, {@link #NO_MODEL} when the
 *        dictionary recognised the entities alone (and in records written before the field existed); a new model
 *        is a reason to extract again, as a new {@code extractorVersion} is
 */
public record PaperExtracted(
        int schemaVersion,
        String paperKey,
        String extractorVersion,
        SourceRecord source,
        Paper paper,
        List<Entity> entities,
        Summary summary,
        Instant extractedAt,
        String modelVersion) {

    public static final int SCHEMA_VERSION = 1;

    /** The {@link #modelVersion()} of a record whose entities no learned model helped find. */
    public static final String NO_MODEL = "";

    public PaperExtracted {
        Require.version(schemaVersion, SCHEMA_VERSION);
        Require.text(paperKey, "paperKey");
        Require.text(extractorVersion, "extractorVersion");
        Require.present(source, "source");
        Require.present(paper, "paper");
        Require.text(paper.title(), "paper.title");
        Require.present(extractedAt, "extractedAt");
        entities = entities == null ? List.of() : List.copyOf(entities);
        summary = summary == null ? Summary.NONE : summary;
        modelVersion = modelVersion == null ? NO_MODEL : modelVersion;
    }

    /** A record without a learned model ({@link #NO_MODEL}), as every record was before models existed. */
    public PaperExtracted(int schemaVersion, String paperKey, String extractorVersion, SourceRecord source,
            Paper paper, List<Entity> entities, Summary summary, Instant extractedAt) {
        this(schemaVersion, paperKey, extractorVersion, source, paper, entities, summary, extractedAt, NO_MODEL);
    }
}
