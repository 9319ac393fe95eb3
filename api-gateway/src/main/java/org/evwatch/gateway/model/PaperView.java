package org.evwatch.gateway.model;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.evwatch.events.Entity;
import org.evwatch.events.Paper;
import org.evwatch.events.Summary;

/**
 * A paper as the catalog serves it: the canonical paper plus its entities, summary and the source records it was
 * merged from. The same shape is served publicly by {@code GET /api/v1/papers/{id}}.
 */
public record PaperView(
        String id,
        long version,
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
        List<Entity> entities,
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

    /** One source record the paper was merged from. */
    public record SourceView(String source, String sourceRecordId, String contentType, Instant fetchedAt,
            String sourceUrl, String watchId, Instant extractedAt, String extractorVersion) {
    }

    /** The abstract when there is one, else the TL;DR, else null: what a feed or export shows as the summary. */
    @JsonIgnore
    public String abstractOrTldr() {
        if (abstractText != null && !abstractText.isBlank()) {
            return abstractText;
        }
        return summary.tldr();
    }
}
