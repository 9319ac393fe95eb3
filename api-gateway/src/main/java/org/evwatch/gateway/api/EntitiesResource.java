package org.evwatch.gateway.api;

import java.util.List;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evwatch.events.EntityType;
import org.evwatch.indexer.api.EntitySuggestion;
import org.evwatch.indexer.api.EntityView;
import org.evwatch.query.FilterValues;
import org.evwatch.gateway.problem.Problem;
import org.evwatch.gateway.problem.ProblemException;

/** Entities found in papers: list, autocomplete and look up. */
@Path("/api/v1/entities")
@Tag(name = "entities")
@Produces(MediaType.APPLICATION_JSON)
public class EntitiesResource {

    private final Catalog catalog;

    public EntitiesResource(Catalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Operation(operationId = "listEntities", summary = "List or autocomplete entities", description = "Entities whose name starts with the prefix (case-insensitive), most papers first; "
            + "without a prefix, the most mentioned entities.")
    @APIResponse(responseCode = "200", description = "Entities, most papers first")
    @APIResponse(responseCode = "400", description = "Bad type or limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Rate limit exceeded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The catalog is unavailable; see Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<EntityView> list(
            @QueryParam("prefix") @Parameter(description = "Name prefix", example = "exo") String prefix,
            @QueryParam("type") @Parameter(description = "Only entities of this type", schema = @Schema(implementation = EntityType.class)) String type,
            @QueryParam("limit") @DefaultValue("20") @Parameter(description = "1..100", schema = @Schema(type = SchemaType.INTEGER)) String limitText) {
        int limit = limit(limitText, prefix);
        if (type != null && !type.isBlank() && !FilterValues.ENTITY_TYPES.contains(FilterValues.constant(type))) {
            throw ProblemException.badRequest("Unknown entity type '" + type + "'; 'type' is one of "
                    + String.join(", ", FilterValues.ENTITY_TYPES) + ".");
        }
        return catalog.indexer().entities(prefix == null || prefix.isBlank() ? null : prefix,
                type == null || type.isBlank() ? null : FilterValues.constant(type), limit);
    }

    @GET
    @Path("/suggest")
    @Operation(operationId = "suggestEntities", summary = "Suggest entities while typing", description = "Entities "
            + "with a name starting with the prefix (case and accents aside), under any name papers used for them: "
            + "'tsp' suggests CD63 as TSPAN30. Most papers first. A word of a search that names one of them also finds "
            + "the papers annotated with it, and entity: takes the name.")
    @APIResponse(responseCode = "200", description = "Matching names with their entity, most papers first", content = @Content(schema = @Schema(implementation = EntitySuggestion.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "Bad limit, or a prefix over 100 characters", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Rate limit exceeded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The catalog is unavailable; see Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<EntitySuggestion> suggest(
            @QueryParam("prefix") @Parameter(description = "What has been typed", example = "exo") String prefix,
            @QueryParam("limit") @DefaultValue("10") @Parameter(description = "1..100", schema = @Schema(type = SchemaType.INTEGER)) String limitText) {
        int limit = limit(limitText, prefix);
        return prefix == null || prefix.isBlank() ? List.of() : catalog.indexer().suggest(prefix, limit);
    }

    /** The limit asked for; 400 when it is not in 1..100 or the prefix is too long. */
    private static int limit(String limitText, String prefix) {
        int limit = PapersResource.integer("limit", limitText);
        if (limit < 1 || limit > 100) {
            throw ProblemException.badRequest("'limit' is between 1 and 100.");
        }
        if (prefix != null && prefix.length() > 100) {
            throw ProblemException.badRequest("'prefix' has at most 100 characters.");
        }
        return limit;
    }

    @GET
    @Path("/{id: .+}")
    @Operation(operationId = "getEntity", summary = "Get an entity by id")
    @APIResponse(responseCode = "200", description = "The entity", content = @Content(schema = @Schema(implementation = EntityView.class)))
    @APIResponse(responseCode = "400", description = "Not an entity id such as MESH:D010190", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such entity", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Rate limit exceeded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The catalog is unavailable; see Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EntityView get(@PathParam("id") @Parameter(description = "Entity id", example = "MESH:D010190") String id) {
        if (!FilterValues.isEntityId(id)) {
            throw ProblemException.badRequest("'id' is not an entity id such as MESH:D010190: " + id);
        }
        return catalog.indexer().entity(id);
    }
}
