package org.evwatch.fetcher.source;

import org.evwatch.events.PaperFetched;

/** Where a source hands each record, one at a time, in the order received. */
@FunctionalInterface
public interface RecordSink {

    void accept(PaperFetched record);
}
