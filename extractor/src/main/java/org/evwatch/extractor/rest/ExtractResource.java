package org.evwatch.extractor.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.evwatch.common.http.HttpProblem;
import org.evwatch.events.PaperExtracted;
import org.evwatch.events.PaperFetched;
import org.evwatch.events.PaperKeys;
import org.evwatch.extractor.parse.ParseException;
import org.evwatch.extractor.service.ExtractionService;

/** Internal: extract one record on demand, to see what the extractor makes of it (or why it rejects it). */
@Path("/internal/v1/extract")
public class ExtractResource {

    private final ExtractionService extraction;

    public ExtractResource(ExtractionService extraction) {
        this.extraction = extraction;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Extract one record", description = "The body is one record as a source gives it; its "
            + "Content-Type picks the parser (the content is sniffed when the type is unknown).")
    @APIResponse(responseCode = "200", description = "The extracted paper")
    @APIResponse(responseCode = "422", description = "The record cannot be parsed; the problem says why")
    public Response extract(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        PaperFetched fetched = new PaperFetched(PaperFetched.SCHEMA_VERSION, "api", "request",
                contentType == null ? "application/octet-stream" : contentType, body == null ? "" : body,
                PaperKeys.sha256(body == null ? "" : body), false, java.time.Instant.now(), null, null);
        try {
            PaperExtracted extracted = extraction.extract(fetched);
            return Response.ok(extracted).build();
        } catch (ParseException e) {
            return Response.status(422).type(HttpProblem.MEDIA_TYPE).entity(HttpProblem.json(422, e.getMessage(), null))
                    .build();
        }
    }
}
