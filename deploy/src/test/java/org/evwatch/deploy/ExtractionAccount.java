package org.evwatch.deploy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.evwatch.events.PaperExtracted;
import org.evwatch.events.Topics;
import org.evwatch.events.serde.PaperExtractedDeserializer;

/**
 * What the extractor made of papers.fetched since a point in time: each source record id on papers.fetched is looked
 * for among the records papers.extracted and its dead-letter topic received since then. A record id in neither is
 * lost; a paper extracted twice (taken again after an instance died before committing it) is a duplicate, which the
 * indexer's idempotent consumer absorbs.
 *
 * @param fetched distinct source record ids on papers.fetched
 * @param extracted records on papers.extracted
 * @param distinct distinct source record ids among them
 * @param deadLettered records on papers.fetched.extractor-dlq
 * @param missing source record ids neither extracted nor dead-lettered
 */
record ExtractionAccount(int fetched, int extracted, int distinct, int deadLettered, Set<String> missing) {

    /** Where papers.extracted and the dead-letter topic end now: the start of what {@link #since} counts. */
    record Mark(Map<Integer, Long> extracted, Map<Integer, Long> deadLetters) {
        static Mark now(LocalStack stack) {
            return new Mark(TopicRecords.endOffsets(stack, Topics.PAPERS_EXTRACTED),
                    TopicRecords.endOffsets(stack, Topics.PAPERS_FETCHED_DLQ));
        }
    }

    int duplicates() {
        return extracted - distinct;
    }

    /** Counts what was extracted and dead-lettered since {@code mark}, against all of papers.fetched. */
    static ExtractionAccount since(LocalStack stack, Mark mark) {
        Set<String> expected = FetchedRecords.firstPositions(stack).keySet();
        Map<String, Integer> extracted = new HashMap<>();
        try (PaperExtractedDeserializer deserializer = new PaperExtractedDeserializer()) {
            TopicRecords.readFrom(stack, Topics.PAPERS_EXTRACTED, mark.extracted(), r -> {
                PaperExtracted paper = deserializer.deserialize(Topics.PAPERS_EXTRACTED, r.value());
                extracted.merge(paper.source().sourceRecordId(), 1, Integer::sum);
            });
        }
        Set<String> parked = new HashSet<>();
        int[] deadLettered = {0};
        TopicRecords.readFrom(stack, Topics.PAPERS_FETCHED_DLQ, mark.deadLetters(), r -> {
            parked.add(r.key());
            deadLettered[0]++;
        });
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(extracted.keySet());
        missing.removeAll(parked);
        int records = extracted.values().stream().mapToInt(Integer::intValue).sum();
        return new ExtractionAccount(expected.size(), records, extracted.size(), deadLettered[0], missing);
    }

    @Override
    public String toString() {
        return String.format("%,d papers fetched: %,d extracted records (%,d distinct papers, %,d duplicates), "
                + "%,d dead-lettered, %,d lost%s", fetched, extracted, distinct, duplicates(), deadLettered,
                missing.size(), missing.isEmpty() ? "" : " e.g. " + missing.stream().limit(5).toList());
    }
}
