package org.evwatch.fetcher.rest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evwatch.common.http.HttpProblem;
import org.evwatch.events.ContentSniffer;
import org.evwatch.fetcher.config.FetcherConfig;
import org.evwatch.fetcher.imports.ImportJob;
import org.evwatch.fetcher.imports.ImportJobs;
import org.evwatch.fetcher.imports.ImportRunner;
import org.evwatch.fetcher.imports.ImportTypes;
import org.evwatch.fetcher.inbox.ImportEntry;
import org.evwatch.fetcher.inbox.InboxFiles;
import org.evwatch.fetcher.inbox.InboxRecords;
import org.evwatch.fetcher.inbox.UnreadableFileException;

/**
 * Internal API of imports, called by the gateway's {@code /api/v1/imports}: a file of any format the inbox reads is
 * split at once (a file that cannot be read at all is refused here, with why), then its entries are imported in the
 * background; the job lists the outcome of each.
 */
@Path("/internal/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "imports", description = "Internal: imports of files and identifier lists")
public class ImportsResource {

    private final ImportRunner runner;
    private final ImportJobs jobs;
    private final long maxBytes;

    public ImportsResource(ImportRunner runner, ImportJobs jobs, FetcherConfig config) {
        this.runner = runner;
        this.jobs = jobs;
        this.maxBytes = config.imports().maxSize().asLongValue();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Import a file: its format is the type given, else detected; 202 with the job")
    @APIResponse(responseCode = "202", description = "Import started; the job lists each entry as it is handled")
    @APIResponse(responseCode = "400", description = "A type no reader takes")
    @APIResponse(responseCode = "413", description = "Larger than evwatch.fetcher.imports.max-size")
    @APIResponse(responseCode = "415", description = "Not text: a PDF, an image, an archive (never unpacked), UTF-16")
    @APIResponse(responseCode = "422", description = "Text of no format read, malformed, or a refused XML document")
    public Response start(@QueryParam("type") String type, @QueryParam("fileName") String fileName,
            @QueryParam("owner") String owner, byte[] body) {
        String declared = ImportTypes.declared(type);
        if (body == null || body.length == 0) {
            return problem(422, "the upload is empty");
        }
        if (body.length > maxBytes) {
            return problem(413, "the upload is " + body.length + " bytes, over the import limit of " + maxBytes
                    + " bytes; split it into smaller files");
        }
        String format;
        List<ImportEntry> entries;
        try {
            String text = InboxFiles.readText(new ByteArrayInputStream(body), body.length);
            format = declared != null ? declared : ContentSniffer.sniff(text, fileName);
            entries = InboxRecords.entries(text, fileName, format);
        } catch (UnreadableFileException e) {
            return problem(e.notText() ? 415 : 422, e.getMessage().replaceAll("\\s+", " ").strip());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ImportJob job = runner.start(owner == null || owner.isBlank() ? "internal" : owner, fileName, format,
                entries);
        return Response.accepted(job).location(URI.create("/internal/v1/imports/" + job.id())).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An import job with the outcome of every entry")
    @APIResponse(responseCode = "404", description = "No such job")
    public Response get(@PathParam("id") String id) {
        try {
            return jobs.find(UUID.fromString(id)).map(j -> Response.ok(j).build())
                    .orElseGet(() -> problem(404, "no import " + id));
        } catch (IllegalArgumentException e) {
            return problem(404, "no import " + id);
        }
    }

    private static Response problem(int status, String detail) {
        return Response.status(status).type(HttpProblem.MEDIA_TYPE).entity(HttpProblem.json(status, detail, null))
                .build();
    }
}
