package org.evwatch.gateway.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evwatch.gateway.problem.Problem;
import org.evwatch.gateway.problem.ProblemException;
import org.evwatch.gateway.security.ApiKey;
import org.evwatch.gateway.security.ApiKeys;
import org.evwatch.gateway.security.Role;
import org.evwatch.indexer.api.ReindexStatus;
import org.evwatch.query.FilterValues;

/** API keys and catalog maintenance; every route needs an admin key. */
@Path("/api/v1/admin")
@Tag(name = "admin")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "apiKeyHeader")
@APIResponse(responseCode = "401", description = "No API key, or an invalid one", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The key is not an admin key", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "429", description = "Rate limit exceeded; see Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AdminResource {

    /** A key to create. */
    @Schema(name = "ApiKeyRequest")
    public record KeyRequest(@Schema(required = true, example = "lab reader") String name,
            @Schema(enumeration = {
                    "USER", "ADMIN"}, defaultValue = "USER") String role){
    }

    /** A stored key; {@code key} is present only in the answer that created it. */
    @Schema(name = "ApiKey")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record KeyView(UUID id, String name, String role,
            @Schema(description = "First characters, to tell keys apart") String prefix,
            @Schema(description = "The key itself; shown once") String key, Instant createdAt, Instant revokedAt) {

        static KeyView of(ApiKey k, String plain) {
            return new KeyView(k.id, k.name, k.role.name(), k.prefix, plain, k.createdAt, k.revokedAt);
        }
    }

    private final ApiKeys keys;
    private final Catalog catalog;

    public AdminResource(ApiKeys keys, Catalog catalog) {
        this.keys = keys;
        this.catalog = catalog;
    }

    @POST
    @Path("/keys")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createApiKey", summary = "Create an API key", description = "The key is in this answer only; it is stored hashed.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = KeyRequest.class)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = KeyView.class)))
    @APIResponse(responseCode = "400", description = "Bad body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createKey(KeyRequest request, @Context HttpHeaders headers) {
        keys.require(headers, Role.ADMIN);
        if (request == null || request.name() == null || request.name().isBlank() || request.name().length() > 200
                || FilterValues.hasControl(request.name())) {
            throw ProblemException.badRequest("'name' is required and has at most 200 characters, none of them a "
                    + "control character.");
        }
        Role role;
        try {
            role = request.role() == null ? Role.USER : Role.valueOf(request.role().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("'role' is USER or ADMIN.");
        }
        ApiKeys.Created created = keys.create(request.name().trim(), role);
        return Response.status(201).entity(KeyView.of(created.key(), created.plainText())).build();
    }

    @GET
    @Path("/keys")
    @Operation(operationId = "listApiKeys", summary = "List API keys", description = "Without the keys themselves.")
    @APIResponse(responseCode = "200", description = "Keys, oldest first")
    public List<KeyView> listKeys(@Context HttpHeaders headers) {
        keys.require(headers, Role.ADMIN);
        return keys.list().stream().map(k -> KeyView.of(k, null)).toList();
    }

    @DELETE
    @Path("/keys/{id}")
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such key", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response revokeKey(@PathParam("id") @Parameter(description = "Key id") String id,
            @Context HttpHeaders headers) {
        keys.require(headers, Role.ADMIN);
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No key " + id + ".");
        }
        if (!keys.revoke(uuid)) {
            throw ProblemException.notFound("No key " + id + ".");
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/reindex")
    @Operation(operationId = "startReindex", summary = "Rebuild the search index from the catalog")
    @APIResponse(responseCode = "202", description = "Started; the body is the rebuild status")
    @APIResponse(responseCode = "503", description = "The catalog is unavailable", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response reindex(@Context HttpHeaders headers) {
        keys.require(headers, Role.ADMIN);
        try (Response started = catalog.indexer().startReindex()) {
            return Response.accepted(started.readEntity(ReindexStatus.class)).build();
        }
    }

    @GET
    @Path("/reindex")
    @Operation(operationId = "getReindexStatus", summary = "Status of the index rebuild")
    @APIResponse(responseCode = "200", description = "Rebuild status")
    @APIResponse(responseCode = "503", description = "The catalog is unavailable", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReindexStatus reindexStatus(@Context HttpHeaders headers) {
        keys.require(headers, Role.ADMIN);
        return catalog.indexer().reindexStatus();
    }
}
