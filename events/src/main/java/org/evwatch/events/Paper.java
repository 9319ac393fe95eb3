package org.evwatch.events;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The canonical paper every parser produces, whatever the source format.
 * Dates are ISO-8601 and may be partial ({@code 2024}, {@code 2024-05}, {@code 2024-05-12}).
 * Lists are never null.
 */
public record Paper(
        Identifiers ids,
        String title,
        List<AbstractSection> abstractSections,
        List<Author> authors,
        Journal journal,
        PaperDates dates,
        List<String> publicationTypes,
        List<String> keywords,
        List<MeshHeading> meshHeadings,
        String license,
        String language,
        String url,
        List<BodySection> body) {

    public Paper {
        ids = ids == null ? Identifiers.NONE : ids;
        abstractSections = List.copyOf(nonNull(abstractSections));
        authors = List.copyOf(nonNull(authors));
        journal = journal == null ? Journal.NONE : journal;
        dates = dates == null ? PaperDates.NONE : dates;
        publicationTypes = List.copyOf(nonNull(publicationTypes));
        keywords = List.copyOf(nonNull(keywords));
        meshHeadings = List.copyOf(nonNull(meshHeadings));
        body = List.copyOf(nonNull(body));
    }

    /**
     * The abstract as one text: the sections' texts joined by a newline, without their labels.
     * Entity mentions in section {@code abstract} are offsets into this text.
     */
    @JsonIgnore
    public String abstractText() {
        return abstractSections.stream().map(AbstractSection::text).collect(Collectors.joining("\n"));
    }

    @JsonIgnore
    public Author firstAuthor() {
        return authors.isEmpty() ? null : authors.get(0);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list.stream().filter(e -> e != null).toList();
    }

    /** All the ids a paper may have. DOIs are lower-case without a resolver prefix; PMCIDs start with PMC. */
    public record Identifiers(String doi, String pmid, String pmcid, String preprintDoi, String publishedDoi) {
        public static final Identifiers NONE = new Identifiers(null, null, null, null, null);
    }

    /** One part of an abstract; {@code label} is null for an unstructured abstract. */
    public record AbstractSection(String label, String text) {
    }

    /** A section of the full text, when the source has one. */
    public record BodySection(String title, String text) {
    }

    /**
     * An author. A group author has only {@code collectiveName}. ORCID is the bare 16-character id.
     */
    public record Author(String given, String family, String collectiveName, String orcid, List<String> affiliations) {
        public Author {
            affiliations = affiliations == null ? List.of() : List.copyOf(affiliations);
        }

        /** "Given Family", or the collective name. */
        @JsonIgnore
        public String displayName() {
            if (collectiveName != null && family == null) {
                return collectiveName;
            }
            return given == null || given.isBlank() ? family : given + " " + family;
        }
    }

    /** Where the paper appeared. {@code pages} or {@code articleNumber}, whichever the source gives. */
    public record Journal(String title, String isoAbbreviation, String issn, String eissn, String volume, String issue,
            String pages, String articleNumber, String publisher) {
        public static final Journal NONE = new Journal(null, null, null, null, null, null, null, null, null);
    }

    /** The paper's dates, each ISO-8601, possibly partial. */
    public record PaperDates(String received, String accepted, String published, String epub) {
        public static final PaperDates NONE = new PaperDates(null, null, null, null);

        /** The year the paper counts for: published, else epub, else accepted; null when none is known. */
        @JsonIgnore
        public Integer year() {
            for (String d : new String[]{published, epub, accepted, received}) {
                if (d != null && d.length() >= 4 && d.substring(0, 4).chars().allMatch(Character::isDigit)) {
                    return Integer.parseInt(d.substring(0, 4));
                }
            }
            return null;
        }
    }

    /** A MeSH heading as the source gives it: descriptor UI (D…), name, and whether it is a major topic. */
    public record MeshHeading(String id, String name, boolean major) {
    }
}
