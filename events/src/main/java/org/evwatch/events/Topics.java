package org.evwatch.events;

/** Topic names, shared by code and tests. Each consumer has its own dead-letter topic. */
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

    private Topics() {
    }
}
