package org.evwatch.fetcher.rest;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evwatch.fetcher.persistence.Backfills;
import org.evwatch.fetcher.poll.BackfillRunner;

/** Internal admin API of one backfill: progress and cancellation. */
@Path("/internal/v1/backfills")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sources")
public class BackfillsResource {

    private final Backfills backfills;
    private final BackfillRunner runner;

    public BackfillsResource(Backfills backfills, BackfillRunner runner) {
        this.backfills = backfills;
        this.runner = runner;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A backfill's progress: records seen, sent, and an estimate of what remains")
    @APIResponse(responseCode = "404", description = "No such backfill")
    public Backfills.View get(@PathParam("id") long id) {
        return backfills.find(id).orElseThrow(() -> new NotFoundException("no backfill " + id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Cancel a backfill; the window in progress stops before its next record")
    @APIResponse(responseCode = "404", description = "No such backfill")
    public Backfills.View cancel(@PathParam("id") long id) {
        return runner.cancel(id).orElseThrow(() -> new NotFoundException("no backfill " + id));
    }
}
