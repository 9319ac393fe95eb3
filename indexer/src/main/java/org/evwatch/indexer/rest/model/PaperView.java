package org.evwatch.indexer.rest.model;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.evwatch.events.EntityType;
import org.evwatch.events.Paper;
import org.evwatch.events.Summary;

/** A merged paper with everything the catalog knows about it. */
@Schema(name = "PaperView")
public record PaperView(
        @Schema(description = "Catalog id") String id,
        @Schema(description = "Raised on every change") long version,
        Paper.Identifiers ids,
        String title,
        List<Paper.AbstractSection> abstractSections,
        String abstractText,
        List<Paper.Author> authors,
        Paper.Journal journal,
        Paper.PaperDates dates,
        Integer year,
        List<String> publicationTypes,
        List<String> keywords,
        List<Paper.MeshHeading> meshHeadings,
        String license,
        String language,
        String url,
        List<EntityWithMentions> entities,
        Summary summary,
        List<SourceView> sources,
        Instant createdAt,
        Instant updatedAt) {

    /** An entity of the paper with each place it is mentioned in the merged text. */
    public record EntityWithMentions(EntityType type, String id, String namespace, String name, List<String> xrefs,
            List<MentionView> mentions) {
    }

    public record MentionView(int start, int end, String text, String section) {
    }

    /** One source record that reported the paper. */
    public record SourceView(String source, String sourceRecordId, String contentType, Instant fetchedAt,
            String sourceUrl, String watchId, Instant extractedAt, String extractorVersion) {
    }
}
