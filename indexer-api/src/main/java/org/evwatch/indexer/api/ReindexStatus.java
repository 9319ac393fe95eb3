package org.evwatch.indexer.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The last or running rebuild of the search index.
 *
 * @param state idle, running, done or failed
 * @param papers papers indexed by a finished rebuild
 * @param error why a rebuild failed
 */
@Schema(name = "ReindexStatus")
public record ReindexStatus(String state, Instant startedAt, Instant finishedAt, long papers, String error) {
}
