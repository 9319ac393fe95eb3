package org.evwatch.events;

import java.time.Duration;
import java.util.List;

/**
 * Topic names and partitions, shared by code, tests and the local runtime. Each consumer has its own dead-letter
 * topic.
 */
public final class Topics {

    public static final String PAPERS_FETCHED = "papers.fetched";
    public static final String PAPERS_EXTRACTED = "papers.extracted";
    public static final String PAPERS_INDEXED = "papers.indexed";

    /** Records on papers.fetched the extractor could not turn into a paper. */
    public static final String PAPERS_FETCHED_DLQ = "papers.fetched.extractor-dlq";
    /** Records on papers.extracted the indexer could not store. */
    public static final String PAPERS_EXTRACTED_DLQ = "papers.extracted.indexer-dlq";
    /** Records on papers.indexed the gateway could not match to subscriptions. */
    public static final String PAPERS_INDEXED_DLQ = "papers.indexed.gateway-dlq";

    /** Header carrying the reason a record was parked on a dead-letter topic. */
    public static final String DEAD_LETTER_REASON_HEADER = "dead-letter-reason";

    /**
     * A topic as it is created.
     *
     * @param name the topic name
     * @param partitions how many consumers of one group can share it
     */
    public record Spec(String name, int partitions) {

        /** Whether this is a consumer's dead-letter topic. */
        public boolean deadLetter() {
            return name.endsWith("-dlq");
        }

        /**
         * How long the broker keeps a record: a week on the pipeline, time enough for a stopped consumer to catch up;
         * four weeks on a dead-letter topic, time enough for people to look at it and replay it.
         */
        public Duration retention() {
            return deadLetter() ? Duration.ofDays(28) : Duration.ofDays(7);
        }
    }

    /**
     * Every topic of the pipeline: papers.fetched has room for six extractors; a dead-letter topic is read by
     * people, one partition is plenty.
     */
    public static final List<Spec> ALL = List.of(new Spec(PAPERS_FETCHED, 6), new Spec(PAPERS_EXTRACTED, 3),
            new Spec(PAPERS_INDEXED, 3), new Spec(PAPERS_FETCHED_DLQ, 1), new Spec(PAPERS_EXTRACTED_DLQ, 1),
            new Spec(PAPERS_INDEXED_DLQ, 1));

    private Topics() {
    }
}
