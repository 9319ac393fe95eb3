package org.evwatch.indexer.rest.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An entity and the number of catalog papers that mention it. */
@Schema(name = "EntityView")
public record EntityView(String id, String type, String namespace, String name, long papers) {
}
