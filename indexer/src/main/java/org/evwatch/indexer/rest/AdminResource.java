package org.evwatch.indexer.rest;

import jakarta.ws.rs.core.Response;

import org.evwatch.indexer.api.ReindexApi;
import org.evwatch.indexer.api.ReindexStatus;
import org.evwatch.indexer.search.SearchIndex;

/** Rebuilds the search index from the catalog; searches keep being served from the old index meanwhile. */
public class AdminResource implements ReindexApi {

    private final SearchIndex index;

    public AdminResource(SearchIndex index) {
        this.index = index;
    }

    @Override
    public Response startReindex() {
        return Response.accepted(view(index.startRebuild())).build();
    }

    @Override
    public ReindexStatus reindexStatus() {
        return view(index.status());
    }

    private static ReindexStatus view(SearchIndex.ReindexStatus s) {
        return new ReindexStatus(s.state(), s.startedAt(), s.finishedAt(), s.papers(), s.error());
    }
}
