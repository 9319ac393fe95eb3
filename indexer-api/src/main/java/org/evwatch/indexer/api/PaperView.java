package org.evwatch.indexer.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.evwatch.events.Entity;
import org.evwatch.events.Paper;
import org.evwatch.events.Summary;

/**
 * A merged paper with everything the catalog knows about it: the canonical paper plus its entities with each place
 * they are mentioned, its summary and the source records it was merged from.
 */
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
        @Schema(description = "Entities with their mentions; offsets point into the title, abstract or body shown") List<Entity> entities,
        Summary summary,
        List<SourceView> sources,
        Instant createdAt,
        Instant updatedAt) {

    public PaperView {
        ids = ids == null ? Paper.Identifiers.NONE : ids;
        abstractSections = abstractSections == null ? List.of() : List.copyOf(abstractSections);
        authors = authors == null ? List.of() : List.copyOf(authors);
        journal = journal == null ? Paper.Journal.NONE : journal;
        dates = dates == null ? Paper.PaperDates.NONE : dates;
        publicationTypes = publicationTypes == null ? List.of() : List.copyOf(publicationTypes);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        meshHeadings = meshHeadings == null ? List.of() : List.copyOf(meshHeadings);
        entities = entities == null ? List.of() : List.copyOf(entities);
        summary = summary == null ? Summary.NONE : summary;
        sources = sources == null ? List.of() : List.copyOf(sources);
        if (abstractText == null && !abstractSections.isEmpty()) {
            abstractText = String.join("\n", abstractSections.stream().map(Paper.AbstractSection::text).toList());
        }
        if (year == null) {
            year = dates.year();
        }
    }

    /** One source record that reported the paper. */
    public record SourceView(String source, String sourceRecordId, String contentType, Instant fetchedAt,
            String sourceUrl, String watchId, Instant extractedAt, String extractorVersion) {
    }
}
