package org.evwatch.gateway.model;

/** An entity of the catalog and the number of papers that mention it. */
public record EntityView(String id, String type, String namespace, String name, long papers) {
}
