package org.evwatch.indexer.api;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Catalog totals: papers, papers per year, the entities in most papers. */
@Schema(name = "Stats")
public record StatsView(long papers, Map<String, Long> papersPerYear, List<EntityView> topEntities) {

    public StatsView {
        papersPerYear = papersPerYear == null ? Map.of() : papersPerYear;
        topEntities = topEntities == null ? List.of() : List.copyOf(topEntities);
    }
}
