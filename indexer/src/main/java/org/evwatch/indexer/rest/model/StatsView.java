package org.evwatch.indexer.rest.model;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Catalog totals. */
@Schema(name = "Stats")
public record StatsView(long papers, Map<String, Long> papersPerYear, List<EntityView> topEntities) {
}
