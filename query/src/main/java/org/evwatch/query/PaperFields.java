package org.evwatch.query;

import java.util.List;
import java.util.Map;

/**
 * The Lucene field names of a paper. Field names that users type in the query syntax are the same strings, so a
 * query and the index can never disagree on a name.
 */
public final class PaperFields {

    /** The catalog id: indexed as one keyword, stored, and as sorted doc values for a stable tie-break. */
    public static final String ID = "id";

    // Full text (BM25), analysed by PaperAnalysis.text().
    public static final String TITLE = "title";
    public static final String ABSTRACT = "abstract";
    /** The full text's sections (Introduction, Methods, Results...), when the source gave them. */
    public static final String BODY = "body";
    /** Author keywords and MeSH heading names. */
    public static final String KEYWORD = "keyword";
    /** The names of the paper's entities. */
    public static final String ENTITY_NAME = "entityName";
    public static final String TLDR = "tldr";
    /** Each author's display name. */
    public static final String AUTHOR = "author";
    /** Journal title and ISO abbreviation. */
    public static final String JOURNAL = "journal";

    // Keywords, indexed in their normalised form (see PaperFilters).
    /** Entity ids, lower case. */
    public static final String ENTITY = "entity";
    /** Entity types, upper case ({@code DISEASE}). */
    public static final String TYPE = "type";
    /** DOIs (the paper's, its preprint's and its published version's), lower case. */
    public static final String DOI = "doi";
    public static final String PMID = "pmid";
    public static final String PMCID = "pmcid";
    /** Source names, lower case. */
    public static final String SOURCE = "source";
    /** Publication types, lower case. */
    public static final String PUBTYPE = "pubtype";
    /** The relevance label, upper case. */
    public static final String RELEVANCE = "relevance";
    /** The exact journal title, as the journal facet shows it. */
    public static final String JOURNAL_EXACT = "journal.exact";
    /** The year, as an int point (filters, ranges) and stored. */
    public static final String YEAR = "year";
    /** The published date as an epoch day: a long point for date ranges, numeric doc values for sorting. */
    public static final String PUBLISHED = "published";

    // Facets: sorted-set doc values holding the exact display value, counted exactly at search time.
    public static final String FACET_ENTITY = "facet.entity";
    public static final String FACET_ENTITY_TYPE = "facet.entityType";
    public static final String FACET_YEAR = "facet.year";
    public static final String FACET_JOURNAL = "facet.journal";
    public static final String FACET_PUBTYPE = "facet.pubType";
    public static final String FACET_SOURCE = "facet.source";
    public static final String FACET_RELEVANCE = "facet.relevance";

    /** Separates an entity's id, type and name in an entity facet value. */
    public static final char ENTITY_FACET_SEPARATOR = '\u001f';

    /**
     * The entity facet value: id, type and name together, so that a facet can show names and group entities by type
     * without a look-up elsewhere. A missing type or name is an empty part.
     */
    public static String entityFacetValue(String id, String type, String name) {
        return id + ENTITY_FACET_SEPARATOR + (type == null ? "" : type) + ENTITY_FACET_SEPARATOR
                + (name == null ? "" : name);
    }

    /** Facet names of the internal API, mapped to the doc-values field that holds them. */
    public static final Map<String, String> FACETS = Map.of(
            "entity", FACET_ENTITY,
            "entityType", FACET_ENTITY_TYPE,
            "year", FACET_YEAR,
            "journal", FACET_JOURNAL,
            "pubType", FACET_PUBTYPE,
            "source", FACET_SOURCE,
            "relevance", FACET_RELEVANCE);

    /** Facet names in the order the API lists them. */
    public static final List<String> FACET_NAMES = List.of("entity", "entityType", "year", "journal", "pubType",
            "source", "relevance");

    /**
     * The fields a bare word searches, with their boosts: a match in the title counts most, one only in the full
     * text least ({@code abstract:} or {@code title:} leave the full text out).
     */
    public static final Map<String, Float> DEFAULT_FIELDS = Map.of(
            TITLE, 3.0f,
            ABSTRACT, 1.0f,
            BODY, 0.3f,
            KEYWORD, 1.5f,
            ENTITY_NAME, 1.5f,
            TLDR, 0.5f);

    /** The full-text fields: analysed with the text analyser, searched with BM25. */
    public static final List<String> TEXT_FIELDS = List.of(TITLE, ABSTRACT, BODY, KEYWORD, ENTITY_NAME, TLDR,
            AUTHOR, JOURNAL);

    private PaperFields() {
    }
}
