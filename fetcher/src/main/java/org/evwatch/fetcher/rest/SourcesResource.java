package org.evwatch.fetcher.rest;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evwatch.fetcher.config.FetcherConfig;
import org.evwatch.fetcher.inbox.InboxWatcher;
import org.evwatch.fetcher.persistence.Backfills;
import org.evwatch.fetcher.persistence.Cursors;
import org.evwatch.fetcher.persistence.SentRecords;
import org.evwatch.fetcher.poll.BackfillRunner;
import org.evwatch.fetcher.poll.PollScheduler;
import org.evwatch.fetcher.poll.Poller;
import org.evwatch.fetcher.poll.SourceRegistry;
import org.evwatch.fetcher.watch.Watch;

/** Internal admin API of the sources: status, polls on demand, backfills. Not exposed to the public. */
@Path("/internal/v1/sources")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sources", description = "Internal: the fetcher's sources, their cursors, polls and backfills")
public class SourcesResource {

    @Schema(description = "Where a source stands for one watch")
    public record CursorStatus(
            @Schema(description = "Watch id") String watchId,
            @Schema(description = "Last day of the last window whose records Kafka acknowledged") LocalDate completedThrough,
            @Schema(description = "End of the last successful window") Instant lastSuccessAt,
            @Schema(description = "Last failure, with the request that failed") String lastError,
            Instant lastErrorAt,
            @Schema(description = "Records this watch's polls sent") long recordsSent) {
    }

    @Schema(description = "A source and its status")
    public record SourceStatus(
            @Schema(description = "Source name, as carried on its records") String name,
            @Schema(description = "Switched on in configuration") boolean enabled,
            @Schema(description = "Fetched by date window (false for feeds and the inbox)") boolean windowed,
            @Schema(description = "Circuit breaker state: CLOSED, OPEN or HALF_OPEN") String circuit,
            @Schema(description = "A poll is running now") boolean polling,
            @Schema(description = "Distinct records sent, all time") long recordsSent,
            @Schema(description = "Most recent success over all watches") Instant lastSuccessAt,
            @Schema(description = "Most recent error over all watches") String lastError,
            Instant lastErrorAt,
            @Schema(description = "Per-watch cursors") List<CursorStatus> cursors,
            @Schema(description = "Where the inbox reads files; null for other sources") String location) {
    }

    @Schema(description = "A backfill to start; the watch defaults to ev-cancer")
    public record BackfillRequest(@Schema(required = true, example = "2024-01-01") LocalDate from,
            @Schema(required = true, example = "2024-03-31") LocalDate to,
            @Schema(example = "ev-cancer") String watchId) {
    }

    @Schema(description = "A poll was requested")
    public record PollAccepted(String source) {
    }

    private final FetcherConfig config;
    private final SentRecords sent;
    private final SourceRegistry registry;
    private final Cursors cursors;
    private final Poller poller;
    private final PollScheduler scheduler;
    private final BackfillRunner backfillRunner;
    private final Backfills backfills;

    public SourcesResource(FetcherConfig config, SentRecords sent, SourceRegistry registry, Cursors cursors,
            Poller poller, PollScheduler scheduler, BackfillRunner backfillRunner, Backfills backfills) {
        this.config = config;
        this.sent = sent;
        this.registry = registry;
        this.cursors = cursors;
        this.poller = poller;
        this.scheduler = scheduler;
        this.backfillRunner = backfillRunner;
        this.backfills = backfills;
    }

    @GET
    @Operation(summary = "List the sources with their status: last success, last error, cursor, records sent")
    public List<SourceStatus> list() {
        List<SourceStatus> out = new ArrayList<>();
        out.add(new SourceStatus(InboxWatcher.SOURCE, config.inbox().enabled(), false, "CLOSED", false,
                sent.count(InboxWatcher.SOURCE), null, null, null, List.of(),
                config.inbox().dir().toAbsolutePath().toString()));
        for (SourceRegistry.Entry e : registry.entries()) {
            out.add(status(e));
        }
        return out;
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "One source's status")
    @APIResponse(responseCode = "404", description = "No such source")
    public SourceStatus get(@PathParam("name") String name) {
        return list().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundException("no source named " + name));
    }

    @POST
    @Path("/{name}/poll")
    @Operation(summary = "Poll a source now, in the background, even when it is switched off")
    @APIResponse(responseCode = "202", description = "Poll started (a poll already running is left alone)")
    @APIResponse(responseCode = "404", description = "No such source")
    public Response poll(@PathParam("name") String name) {
        entry(name);
        scheduler.trigger(name);
        return Response.accepted(new PollAccepted(name)).build();
    }

    @POST
    @Path("/{name}/backfills")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a backfill of a source over a date range; it survives restarts until done or cancelled")
    @APIResponse(responseCode = "201", description = "Backfill started")
    @APIResponse(responseCode = "400", description = "Bad range, unknown watch, or a source without date query")
    @APIResponse(responseCode = "404", description = "No such source")
    public Response startBackfill(@PathParam("name") String name, BackfillRequest request) {
        entry(name);
        if (request == null || request.from() == null || request.to() == null) {
            throw new IllegalArgumentException("from and to are required (yyyy-mm-dd)");
        }
        String watchId = request.watchId() == null ? Watch.DEFAULT_ID : request.watchId();
        Backfills.View view = backfillRunner.start(name, watchId, request.from(), request.to());
        return Response.created(URI.create("/internal/v1/backfills/" + view.id())).entity(view).build();
    }

    @GET
    @Path("/{name}/backfills")
    @Operation(summary = "A source's backfills, newest first, with progress")
    public List<Backfills.View> backfills(@PathParam("name") String name) {
        entry(name);
        return backfills.forSource(name);
    }

    private SourceRegistry.Entry entry(String name) {
        return registry.find(name).orElseThrow(() -> new NotFoundException("no source named " + name));
    }

    private SourceStatus status(SourceRegistry.Entry e) {
        List<CursorStatus> cs = cursors.forSource(e.name()).stream()
                .map(c -> new CursorStatus(c.watchId(), c.completedThrough(), c.lastSuccessAt(), c.lastError(),
                        c.lastErrorAt(), c.recordsSent()))
                .toList();
        Instant lastSuccess = cs.stream().map(CursorStatus::lastSuccessAt).filter(java.util.Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
        CursorStatus lastError = cs.stream().filter(c -> c.lastErrorAt() != null)
                .max(java.util.Comparator.comparing(CursorStatus::lastErrorAt)).orElse(null);
        return new SourceStatus(e.name(), e.enabled(), e.source().windowed(),
                registry.http().circuitState(e.name()).name(), poller.isPolling(e.name()), sent.count(e.name()),
                lastSuccess, lastError == null ? null : lastError.lastError(),
                lastError == null ? null : lastError.lastErrorAt(), cs, null);
    }
}
