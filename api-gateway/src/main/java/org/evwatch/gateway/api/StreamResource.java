package org.evwatch.gateway.api;

import jakarta.ws.rs.BeanParam;
import java.util.OptionalLong;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evwatch.gateway.matching.Percolator;
import org.evwatch.gateway.matching.SavedQueryVocabulary;
import org.evwatch.gateway.model.PaperEvent;
import org.evwatch.gateway.problem.Problem;
import org.evwatch.gateway.problem.ProblemException;
import org.evwatch.gateway.streaming.LiveStreams;
import org.evwatch.query.QuerySyntaxException;

/** A live stream of new papers matching a query, without saving anything. */
@Path("/api/v1/stream")
@Tag(name = "stream")
public class StreamResource {

    static final String LAST_EVENT_ID = "Last-Event-ID";

    private final LiveStreams streams;
    private final SavedQueryVocabulary vocabulary;

    public StreamResource(LiveStreams streams, SavedQueryVocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.streams = streams;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamQuery", summary = "Server-sent events of new papers matching a query", description = "Same query syntax and filters as search. Each event is named 'paper', has as id the "
            + "number of the announcement (rising) and a PaperEvent as data. A client that reconnects with the header "
            + "Last-Event-ID is first sent the matching papers announced after that event (within the replay "
            + "window, 24 h by default), each once; browsers' EventSource does this by itself.")
    @APIResponse(responseCode = "200", description = "Event stream", content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = PaperEvent.class)))
    @APIResponse(responseCode = "400", description = "Bad filter or query syntax error naming its position", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Rate limit exceeded; see Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Too many open streams", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void stream(@BeanParam SearchParams params,
            @HeaderParam(LAST_EVENT_ID) @Parameter(description = "Resume after this event") String lastEventId,
            @Context SseEventSink sink, @Context Sse sse) {
        Percolator.Compiled query;
        try {
            query = Percolator.Compiled.of("live", params.q, params.filters(), vocabulary.checked(params.q));
        } catch (QuerySyntaxException e) {
            throw ProblemException.querySyntax(e.getMessage(), e.position());
        }
        if (!streams.openForQuery(query, sink, sse, resumeAfter(lastEventId))) {
            throw tooMany();
        }
    }

    /**
     * The event a reconnecting client saw last. An id this server did not give (not a number) resumes nothing: the
     * stream starts with new papers, as a first connection does.
     */
    static OptionalLong resumeAfter(String lastEventId) {
        if (lastEventId == null || !lastEventId.matches("[0-9]{1,18}")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(lastEventId));
    }

    static ProblemException tooMany() {
        return new ProblemException(Problem.of(503, "too-many-streams", "Too many streams",
                "The server has as many open streams as it serves; try again later."),
                java.util.Map.of("Retry-After", "30"));
    }
}
