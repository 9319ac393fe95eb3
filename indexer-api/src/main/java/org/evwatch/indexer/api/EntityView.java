package org.evwatch.indexer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An entity of the catalog and the number of papers that mention it. */
@Schema(name = "EntityView")
public record EntityView(String id, String type, String namespace, String name, long papers) {
}
