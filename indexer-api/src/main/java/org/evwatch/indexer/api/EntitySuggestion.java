package org.evwatch.indexer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An entity whose name starts with what was typed.
 *
 * @param text the matching name, as papers wrote it ("TSPAN30"), which may differ from the preferred name
 * @param papers the papers annotated with the entity
 */
@Schema(name = "EntitySuggestion")
public record EntitySuggestion(
        @Schema(description = "The name that starts with the prefix, as papers wrote it", example = "exosomes") String text,
        @Schema(example = "EV:subtype/exosome") String id,
        @Schema(example = "EV_SUBTYPE") String type,
        @Schema(description = "The entity's preferred name", example = "exosome") String name,
        @Schema(description = "Papers annotated with the entity") long papers) {
}
