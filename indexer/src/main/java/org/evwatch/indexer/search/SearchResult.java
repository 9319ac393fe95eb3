package org.evwatch.indexer.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.evwatch.query.Expansion;

/**
 * A page of results.
 *
 * @param total exact number of matching papers
 * @param hits this page
 * @param facets per requested facet, the values with their exact counts over all matching papers
 * @param nextCursor the opaque cursor of the next page, null on the last page
 * @param timeline the matches over time, when asked for; else null
 * @param expansions the words of the query that named entities, and those entities
 */
public record SearchResult(long total, List<Hit> hits, Map<String, List<FacetValue>> facets, String nextCursor,
        Timeline timeline, List<Expansion> expansions) {

    /** One hit: its score, what it shows, and the highlighted fragments of the fields that matched. */
    public record Hit(String id, float score, HitSummary summary, Map<String, String> highlights) {
    }

    /** One facet value: the value to filter by, what to show, and how many matching papers have it. */
    public record FacetValue(String value, String label, long count) {
    }

    /**
     * The matching papers over time, by the day they count as published, with exact counts over all matches.
     *
     * @param undated matches with no published date, in no period
     * @param years every year from the first to the last with a match, oldest first, empty years included
     * @param months the months up to the current one (UTC), oldest first, empty months included
     * @param entities the most frequent entities of the matches in each charted type, each with its matches per
     *        year over the same years
     */
    public record Timeline(long undated, List<Period> years, List<Period> months, List<EntityTrend> entities) {
    }

    /** A year or a month: its name ({@code 2024}, {@code 2024-05}), its first and last day, and its matches. */
    public record Period(String period, LocalDate from, LocalDate to, long count) {
    }

    /** An entity with its number of matches and their years. */
    public record EntityTrend(String type, String id, String name, long count, List<Period> years) {
    }
}
