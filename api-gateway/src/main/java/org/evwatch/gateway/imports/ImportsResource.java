package org.evwatch.gateway.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.evwatch.gateway.problem.Problem;
import org.evwatch.gateway.problem.ProblemException;
import org.evwatch.gateway.security.ApiKeys;
import org.evwatch.gateway.security.Caller;
import org.evwatch.gateway.security.Role;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Imports: a file of papers in any format the product reads, or a list of identifiers, uploaded by an API key holder
 * and handed to the fetcher, which imports it entry by entry; the job says what became of each. A key sees its own
 * imports only.
 */
@Path(ImportsResource.PATH)
@Tag(name = "imports", description = "Files of papers and identifier lists to add to the catalog")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "apiKeyHeader")
@APIResponse(responseCode = "401", description = "No API key, or an invalid one", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "429", description = "Rate limit exceeded; see Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "The importer (fetcher) cannot be reached; see Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ImportsResource {

    public static final String PATH = "/api/v1/imports";

    /** The multipart form of an upload. */
    @Schema(name = "ImportForm", description = "A file to import, as a form upload")
    public static final class Form {
        @RestForm("file")
        @Schema(type = SchemaType.STRING, format = "binary", description = "The file", required = true)
        public FileUpload file;

        @RestForm("type")
        @Schema(description = "Its format, when not the file part's own content type; detected when neither says")
        public String type;
    }

    private final FetcherClient fetcher;
    private final ApiKeys keys;
    private final long maxBytes;

    public ImportsResource(@RestClient FetcherClient fetcher, ApiKeys keys, ImportSettings settings) {
        this.fetcher = fetcher;
        this.keys = keys;
        this.maxBytes = settings.maxBytes().asLongValue();
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "createImportFromForm", summary = "Import an uploaded file (multipart form)", description = "The form's 'file' part; its format as for a plain body.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = Form.class)))
    @APIResponse(responseCode = "202", description = "Import started", content = @Content(schema = @Schema(implementation = ImportJob.class)))
    @APIResponse(responseCode = "400", description = "No file part, or a type no reader takes", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Larger than evwatch.gateway.imports.max-bytes (16 MiB)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not text: PDF, image, archive (never unpacked), UTF-16", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Text of no format read, malformed as a whole, or refused XML", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createFromForm(Form form, @Context HttpHeaders headers) {
        Caller caller = keys.require(headers, Role.USER);
        requireJsonAccepted(headers);
        if (form == null || form.file == null) {
            throw ProblemException.badRequest("The form has no 'file' part.");
        }
        try {
            byte[] body = Files.readAllBytes(form.file.uploadedFile());
            String type = form.type != null && !form.type.isBlank() ? form.type : form.file.contentType();
            return start(caller, type, form.file.fileName(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "createImport", summary = "Import a file or an identifier list", description = "The body is the file, or the 'file' part of a multipart form. Its Content-Type names the format (RIS, BibTeX, CSL-JSON, MEDLINE .nbib, PubMed XML, JATS, Europe PMC, Crossref or bioRxiv JSON, feeds, HTML, Markdown, text/vnd.evwatch.identifiers or text/uri-list); application/octet-stream or text/plain leave it to detection. Answers 202 with the job at once; the entries are imported in the background.")
    @RequestBody(required = true, content = @Content(mediaType = "application/octet-stream", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "202", description = "Import started", content = @Content(schema = @Schema(implementation = ImportJob.class)))
    @APIResponse(responseCode = "400", description = "A type no reader takes", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Larger than evwatch.gateway.imports.max-bytes (16 MiB)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not text (PDF, image, archive: never unpacked, UTF-16), or a Content-Encoding", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Text of no format read, malformed as a whole, or refused XML", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(byte[] body,
            @QueryParam("fileName") @Parameter(description = "The file's name, a hint for detection (.md, .html)") String fileName,
            @HeaderParam("Content-Encoding") @Parameter(hidden = true) String encoding, @Context HttpHeaders headers) {
        Caller caller = keys.require(headers, Role.USER);
        requireJsonAccepted(headers);
        if (encoding != null && !encoding.isBlank() && !encoding.equalsIgnoreCase("identity")) {
            throw new ProblemException(Problem.of(415, "unsupported-file", "Not a text file", "Compressed bodies"
                    + " (Content-Encoding: " + encoding + ") are not unpacked; send the file as it is."));
        }
        MediaType type = headers.getMediaType();
        return start(caller, type == null ? null : type.getType() + "/" + type.getSubtype(), fileName, body);
    }

    /**
     * A body of any type reaches these methods before content negotiation would refuse an Accept they cannot answer,
     * so they refuse it themselves, as every other operation does.
     */
    private static void requireJsonAccepted(HttpHeaders headers) {
        if (headers.getAcceptableMediaTypes().stream()
                .noneMatch(t -> t.isCompatible(MediaType.APPLICATION_JSON_TYPE))) {
            throw new ProblemException(Problem.of(406, "not-acceptable", "Not acceptable", "An import answers with "
                    + "application/json; the Accept header asks only for " + headers.getHeaderString("Accept") + "."));
        }
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getImport", summary = "An import and the outcome of every entry", description = "Each entry ACCEPTED, MERGED or REJECTED with why; pending ones have no outcome yet.")
    @APIResponse(responseCode = "200", description = "The import", content = @Content(schema = @Schema(implementation = ImportJob.class)))
    @APIResponse(responseCode = "404", description = "No such import of yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportJob get(@PathParam("id") @Parameter(description = "Import id") String id,
            @Context HttpHeaders headers) {
        Caller caller = keys.require(headers, Role.USER);
        if (!id.matches("[0-9a-fA-F-]{36}")) {
            throw ProblemException.notFound("No import " + id + ".");
        }
        ImportJob job = call(() -> fetcher.get(id));
        if (!caller.mayManage(job.owner())) {
            throw ProblemException.notFound("No import " + id + ".");
        }
        return job;
    }

    private Response start(Caller caller, String type, String fileName, byte[] body) {
        if (body == null || body.length == 0) {
            throw new ProblemException(Problem.of(422, "unreadable-file", "File cannot be imported",
                    "The upload is empty."));
        }
        if (body.length > maxBytes) {
            throw new ProblemException(Problem.of(413, "too-large", "Request body too large", "An import may have at"
                    + " most " + maxBytes + " bytes; split the file."));
        }
        ImportJob job = call(() -> fetcher.start(type, fileName, caller.keyId(), body));
        return Response.accepted(job).location(java.net.URI.create(PATH + "/" + job.id())).build();
    }

    private static ImportJob call(java.util.function.Supplier<ImportJob> request) {
        try {
            return request.get();
        } catch (ProcessingException e) {
            throw ImportProblems.unavailable("The importer cannot be reached: " + e.getMessage());
        }
    }
}
