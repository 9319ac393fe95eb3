package org.evwatch.indexer.search;

/** A search the configured engine cannot run (e.g. similar papers on OpenSearch): the API answers 501. */
public final class UnsupportedSearchException extends UnsupportedOperationException {

    private static final long serialVersionUID = 1L;

    public UnsupportedSearchException(String message) {
        super(message);
    }
}
