package org.evwatch.query;

/**
 * A word or phrase of a query that names an entity, and the entity it was taken to mean: the query then also finds
 * papers annotated with that entity under any of its names, ranked below those that hold the words themselves.
 *
 * @param term the word or phrase as the query wrote it
 * @param entityId the entity it names ({@code EV:subtype/exosome})
 * @param type the entity's type ({@code EV_SUBTYPE}); null when not known
 * @param name the entity's preferred name
 */
public record Expansion(String term, String entityId, String type, String name) {
}
