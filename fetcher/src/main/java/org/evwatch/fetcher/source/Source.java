package org.evwatch.fetcher.source;

import org.evwatch.fetcher.http.FetchException;
import org.evwatch.fetcher.watch.Watch;

/**
 * One public source of papers. A source fetches every record a watch finds in a window of days and hands each
 * record, as received, to the sink. It either completes the whole window or throws, so that the caller advances
 * its cursor only past windows that were fetched completely.
 */
public interface Source {

    /** The source name carried on every record and used in config and the admin API. */
    String name();

    /** False for sources without a date query (feeds): they fetch what is new whatever the window. */
    default boolean windowed() {
        return true;
    }

    FetchResult fetch(Watch watch, DateWindow window, RecordSink sink) throws FetchException;
}
