package org.evwatch.indexer.catalog;

import java.time.Instant;

import org.evwatch.indexer.merge.MergedPaper;

/** A paper as a batch sees it: read from the catalog or created by the batch, with what the batch did to it. */
final class PaperState {

    final String id;
    final Instant createdAt;
    /** True when the paper was in the catalog before the batch. */
    final boolean stored;
    long version;
    String mergedHash;
    /** True once the batch gave the paper a new version; its columns and child rows are then rewritten. */
    boolean changed;
    /** True once the batch merged the paper into another. */
    boolean removed;
    Instant updatedAt;
    MergedPaper merged;
    /** The PaperIndexed JSON of the newest version: the last one announced. */
    String mergedJson;
    long changeSeq;

    PaperState(String id, Instant createdAt, boolean stored, long version, String mergedHash) {
        this.id = id;
        this.createdAt = createdAt;
        this.stored = stored;
        this.version = version;
        this.mergedHash = mergedHash;
    }
}
