package org.evwatch.deploy;

import java.util.HashMap;
import java.util.Map;

import org.evwatch.events.Topics;

/** What papers.fetched of a running stack holds, read from its beginning by a consumer outside any group. */
final class FetchedRecords {

    /** Where a record first appeared on the topic. */
    record Position(int partition, long offset) {
    }

    private FetchedRecords() {
    }

    /**
     * The first position of every key (a source record id, the PMID for PubMed) on papers.fetched, up to the end
     * offsets the topic has when this is called.
     */
    static Map<String, Position> firstPositions(LocalStack stack) {
        Map<String, Position> first = new HashMap<>();
        TopicRecords.readAll(stack, Topics.PAPERS_FETCHED, r -> first.merge(r.key(),
                new Position(r.partition(), r.offset()), (a, b) -> a.offset() <= b.offset() ? a : b));
        return first;
    }
}
