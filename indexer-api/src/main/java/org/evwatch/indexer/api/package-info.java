/**
 * The indexer's internal HTTP API ({@code /internal/v1}) as one contract: the records on the wire and one JAX-RS
 * interface per concern. The indexer's resources implement the interfaces; the gateway's REST client extends
 * {@link org.evwatch.indexer.api.IndexerApi}, so both sides compile against the same shapes.
 */
package org.evwatch.indexer.api;
