package org.evwatch.fetcher.rest;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evwatch.fetcher.persistence.Replays;
import org.evwatch.fetcher.replay.ReplayRunner;

/**
 * Internal admin API of replays: every record the fetcher sent, sent again to papers.fetched so that a new extractor
 * extracts every paper again without fetching it again (see docs/operations.md).
 */
@Path("/internal/v1/replays")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "replays", description = "Internal: sending every fetched record again for a new extractor")
public class ReplaysResource {

    private static final int LISTED = 20;

    private final Replays replays;
    private final ReplayRunner runner;

    public ReplaysResource(Replays replays, ReplayRunner runner) {
        this.replays = replays;
        this.runner = runner;
    }

    @POST
    @Operation(summary = "Start a replay of every stored record; while one runs, that one is given back")
    @APIResponse(responseCode = "202", description = "The replay running, with its progress")
    public Response start() {
        Replays.View view = runner.start();
        return Response.accepted(view).location(URI.create("/internal/v1/replays/" + view.id())).build();
    }

    @GET
    @Operation(summary = "The latest replays, newest first")
    public List<Replays.View> list() {
        return replays.latest(LISTED);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A replay's progress: records done of the total, sent again or without a stored copy")
    @APIResponse(responseCode = "404", description = "No such replay")
    public Replays.View get(@PathParam("id") long id) {
        return replays.find(id).orElseThrow(() -> new NotFoundException("no replay " + id));
    }
}
