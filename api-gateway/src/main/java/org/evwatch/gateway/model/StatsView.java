package org.evwatch.gateway.model;

import java.util.List;
import java.util.Map;

/** Catalog totals: papers, papers per year, the most mentioned entities. */
public record StatsView(long papers, Map<String, Long> papersPerYear, List<EntityView> topEntities) {

    public StatsView {
        papersPerYear = papersPerYear == null ? Map.of() : papersPerYear;
        topEntities = topEntities == null ? List.of() : List.copyOf(topEntities);
    }
}
