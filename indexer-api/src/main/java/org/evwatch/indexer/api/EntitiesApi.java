package org.evwatch.indexer.api;

import java.util.List;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Entity look-up and autocomplete, with how many papers mention each entity. */
@Path("/internal/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "entities")
public interface EntitiesApi {

    @GET
    @Path("/entities")
    @Operation(summary = "Entities whose name starts with prefix (case-insensitive), most papers first")
    @APIResponse(responseCode = "400", description = "Unknown type or limit outside 1..100", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    List<EntityView> entities(@QueryParam("prefix") @DefaultValue("") String prefix, @QueryParam("type") String type,
            @QueryParam("limit") @DefaultValue("10") Integer limit);

    @GET
    @Path("/entities/suggest")
    @Operation(summary = "Entities with a name (any name papers used for them) starting with prefix, most papers "
            + "first", description = "For suggestions while typing a query: case, accents and punctuation aside.")
    @APIResponse(responseCode = "400", description = "Limit outside 1..100 or prefix too long", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    List<EntitySuggestion> suggest(@QueryParam("prefix") @DefaultValue("") String prefix,
            @QueryParam("limit") @DefaultValue("10") Integer limit);

    @GET
    @Path("/entities/{id: .+}")
    @Operation(summary = "One entity by id, e.g. MESH:D009369")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EntityView.class)))
    @APIResponse(responseCode = "404", description = "Unknown entity", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    EntityView entity(@PathParam("id") String id);
}
