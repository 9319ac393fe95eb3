package org.evwatch.gateway.api;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evwatch.gateway.matching.Percolator;
import org.evwatch.gateway.model.PaperEvent;
import org.evwatch.gateway.problem.Problem;
import org.evwatch.gateway.problem.ProblemException;
import org.evwatch.gateway.streaming.LiveStreams;
import org.evwatch.query.QuerySyntaxException;

/** A live stream of new papers matching a query, without saving anything. */
@Path("/api/v1/stream")
@Tag(name = "stream")
public class StreamResource {

    private final LiveStreams streams;

    public StreamResource(LiveStreams streams) {
        this.streams = streams;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Server-sent events of new papers matching a query", description = "Same query syntax and filters as search. Each event is named 'paper', has id "
            + "'<paperId>@<version>' and a PaperEvent as data.")
    @APIResponse(responseCode = "200", description = "Event stream", content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = PaperEvent.class)))
    @APIResponse(responseCode = "400", description = "Bad filter or query syntax error naming its position", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Rate limit exceeded; see Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Too many open streams", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void stream(@BeanParam SearchParams params, @Context SseEventSink sink, @Context Sse sse) {
        Percolator.Compiled query;
        try {
            query = Percolator.Compiled.of("live", params.q, params.filters());
        } catch (QuerySyntaxException e) {
            throw ProblemException.querySyntax(e.getMessage(), e.position());
        }
        if (!streams.openForQuery(query, sink, sse)) {
            throw tooMany();
        }
    }

    static ProblemException tooMany() {
        return new ProblemException(Problem.of(503, "too-many-streams", "Too many streams",
                "The server has as many open streams as it serves; try again later."),
                java.util.Map.of("Retry-After", "30"));
    }
}
