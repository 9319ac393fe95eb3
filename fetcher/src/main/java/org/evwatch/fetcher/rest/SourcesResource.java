package org.evwatch.fetcher.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.evwatch.fetcher.config.FetcherConfig;
import org.evwatch.fetcher.inbox.InboxWatcher;
import org.evwatch.fetcher.persistence.SentRecords;

/** Internal admin view of the sources. */
@Path("/internal/v1/sources")
@Produces(MediaType.APPLICATION_JSON)
public class SourcesResource {

    @Schema(description = "A source and what it has sent")
    public record SourceStatus(String name, boolean enabled, String location, long recordsSent) {
    }

    private final FetcherConfig config;
    private final SentRecords sent;

    public SourcesResource(FetcherConfig config, SentRecords sent) {
        this.config = config;
        this.sent = sent;
    }

    @GET
    @Operation(summary = "List the sources with their status")
    public List<SourceStatus> list() {
        return List.of(new SourceStatus(InboxWatcher.SOURCE, config.inbox().enabled(),
                config.inbox().dir().toAbsolutePath().toString(), sent.count(InboxWatcher.SOURCE)));
    }
}
