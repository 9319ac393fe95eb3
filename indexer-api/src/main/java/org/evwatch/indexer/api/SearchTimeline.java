package org.evwatch.indexer.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.evwatch.events.EntityType;

/**
 * The matching papers over time, by the day each counts as published (its publication date, else its electronic
 * one, else its acceptance), with exact counts over all matches. A period's {@code from} and {@code to} are the
 * bounds to filter a search to it.
 */
@Schema(name = "SearchTimeline", description = "Matching papers per year and per month, and the years of the most "
        + "frequent EV subtypes, diseases and EV markers of the matches")
public record SearchTimeline(
        @Schema(description = "Matching papers without a published date, in no period") long undated,
        @Schema(description = "Every year from the first to the last with a match, oldest first, empty years included") List<Period> years,
        @Schema(description = "The 24 months up to the current one (UTC), oldest first, empty months included") List<Period> months,
        @Schema(description = "Up to 5 entities of each of the types EV_SUBTYPE, DISEASE and EV_MARKER, most "
                + "matches first within a type, each with its matches in each year of `years`") List<EntityTrend> entities) {

    public SearchTimeline {
        years = years == null ? List.of() : List.copyOf(years);
        months = months == null ? List.of() : List.copyOf(months);
        entities = entities == null ? List.of() : List.copyOf(entities);
    }

    /** A year or a month with its matching papers. */
    @Schema(name = "TimelinePeriod")
    public record Period(
            @Schema(description = "The year (2024) or month (2024-05)", example = "2024-05") String period,
            @Schema(description = "Its first day (ISO date)", example = "2024-05-01") String from,
            @Schema(description = "Its last day (ISO date)", example = "2024-05-31") String to,
            long count) {
    }

    /** An entity with its matching papers, in total and per year. */
    @Schema(name = "TimelineEntity")
    public record EntityTrend(EntityType type, String id, String name,
            @Schema(description = "Matching papers with this entity") long count,
            List<Period> years) {

        public EntityTrend {
            years = years == null ? List.of() : List.copyOf(years);
        }
    }
}
