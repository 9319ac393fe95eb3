package org.evwatch.indexer.api;

/**
 * The whole internal API in one type, for a client. The indexer implements each concern's interface in its own
 * resource class.
 */
public interface IndexerApi extends SearchApi, PapersApi, EntitiesApi, StatsApi, ReindexApi {
}
