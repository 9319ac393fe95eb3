package org.evwatch.fetcher.source;

/**
 * What one fetch of a window did.
 *
 * @param seen records the source returned, including those the watch filtered out locally
 * @param handedOver records given to the sink
 * @param onAcknowledged to run once every handed-over record is safely stored (e.g. saving a feed's validators)
 */
public record FetchResult(long seen, long handedOver, Runnable onAcknowledged) {

    public static FetchResult of(long seen, long handedOver) {
        return new FetchResult(seen, handedOver, () -> {
        });
    }
}
