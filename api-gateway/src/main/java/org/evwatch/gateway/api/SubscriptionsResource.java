package org.evwatch.gateway.api;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.evwatch.gateway.mail.EmailDeliveries;
import org.evwatch.gateway.mail.EmailDeliveryView;
import org.evwatch.gateway.problem.Problem;
import org.evwatch.gateway.problem.ProblemException;
import org.evwatch.gateway.security.ApiKeys;
import org.evwatch.gateway.security.Caller;
import org.evwatch.gateway.security.Role;
import org.evwatch.gateway.subscriptions.DeliveryView;
import org.evwatch.gateway.subscriptions.Deliveries;
import org.evwatch.gateway.subscriptions.SubscriptionRequest;
import org.evwatch.gateway.subscriptions.SubscriptionView;
import org.evwatch.gateway.subscriptions.FeedbackRequest;
import org.evwatch.gateway.subscriptions.Subscriptions;

/** Saved queries. Every route needs an API key; a key sees and changes only its own subscriptions. */
@Path("/api/v1/subscriptions")
@Tag(name = "subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "apiKeyHeader")
@APIResponse(responseCode = "401", description = "No API key, or an invalid one", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "429", description = "Rate limit exceeded; see Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SubscriptionsResource {

    private final Subscriptions subscriptions;
    private final Deliveries deliveries;
    private final EmailDeliveries emailDeliveries;
    private final ApiKeys keys;

    public SubscriptionsResource(Subscriptions subscriptions, Deliveries deliveries, EmailDeliveries emailDeliveries,
            ApiKeys keys) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.emailDeliveries = emailDeliveries;
        this.keys = keys;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createSubscription", summary = "Create a subscription", description = "Saves a named query with filters. The answer has the feed and stream URLs and, when a "
            + "webhook is set, its signing secret (shown only here). An e-mail address is sent a link to confirm "
            + "it; nothing else is mailed to it before.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = SubscriptionRequest.class)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "400", description = "Bad body, query syntax error (with position) or refused "
            + "webhook target", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The catalog, which weighs the example papers, is unavailable", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body too large", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(SubscriptionRequest request, @Context HttpHeaders headers) {
        Caller caller = keys.require(headers, Role.USER);
        SubscriptionView created = subscriptions.create(caller, request);
        return Response.status(201).header("Location", created.links().self()).entity(created).build();
    }

    @GET
    @Operation(operationId = "listSubscriptions", summary = "List your subscriptions", description = "An admin key lists all.")
    @APIResponse(responseCode = "200", description = "Subscriptions, oldest first")
    public List<SubscriptionView> list(@Context HttpHeaders headers) {
        return subscriptions.list(keys.require(headers, Role.USER));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getSubscription", summary = "Get a subscription")
    @APIResponse(responseCode = "200", description = "The subscription", content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "404", description = "No such subscription of yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SubscriptionView get(@PathParam("id") @Parameter(description = "Subscription id") String id,
            @Context HttpHeaders headers) {
        return subscriptions.get(keys.require(headers, Role.USER), uuid(id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceSubscription", summary = "Replace a subscription", description = "Replaces name, query, filters, webhook and e-mail. A new webhook URL gets a new secret, "
            + "shown in this answer; the feed token stays. A new e-mail address, or one that unsubscribed, is sent "
            + "a new confirmation link; the same address keeps its confirmation. 'paused': true pauses it (nothing "
            + "is delivered on any channel: no live events, webhook posts or mail; its feeds stay readable), false "
            + "resumes it (papers announced from then on are delivered, never those announced while it was paused); "
            + "omitted keeps its state.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = SubscriptionRequest.class)))
    @APIResponse(responseCode = "200", description = "The changed subscription", content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "400", description = "Bad body or query syntax error", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such subscription of yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The catalog, which weighs the example papers, is unavailable", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SubscriptionView replace(@PathParam("id") @Parameter(description = "Subscription id") String id,
            SubscriptionRequest request, @Context HttpHeaders headers) {
        return subscriptions.replace(keys.require(headers, Role.USER), uuid(id), request);
    }

    @POST
    @Path("/{id}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "subscriptionFeedback", summary = "Tell a subscription by examples whether a paper is relevant", description = "relevant: true adds the paper to the examples "
            + "(weight 1), false to the papers to avoid (a paper in the other list moves); the subscription learns "
            + "from it for the papers that come next. A list that would pass 50 papers drops its oldest. The answer "
            + "is the changed subscription, its examples and their weights editable with PUT.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = FeedbackRequest.class)))
    @APIResponse(responseCode = "200", description = "The changed subscription", content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "400", description = "Bad body, a paper the catalog does not have, a subscription without examples, or its only example marked not relevant", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such subscription of yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The catalog, which weighs the example papers, is unavailable", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SubscriptionView feedback(@PathParam("id") @Parameter(description = "Subscription id") String id,
            FeedbackRequest request, @Context HttpHeaders headers) {
        return subscriptions.feedback(keys.require(headers, Role.USER), uuid(id), request);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteSubscription", summary = "Delete a subscription", description = "Its feeds, streams and webhook stop.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such subscription of yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") @Parameter(description = "Subscription id") String id,
            @Context HttpHeaders headers) {
        subscriptions.delete(keys.require(headers, Role.USER), uuid(id));
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listDeliveries", summary = "List webhook deliveries with every attempt", description = "Newest first; each delivery has its attempts with status code, error and duration.")
    @APIResponse(responseCode = "200", description = "Deliveries")
    @APIResponse(responseCode = "404", description = "No such subscription of yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<DeliveryView> deliveries(@PathParam("id") @Parameter(description = "Subscription id") String id,
            @QueryParam("limit") @DefaultValue("50") @Parameter(description = "1..200", schema = @Schema(type = SchemaType.INTEGER)) String limitText,
            @Context HttpHeaders headers) {
        UUID subscription = owned(id, headers);
        return deliveries.list(subscription, limit(limitText));
    }

    @GET
    @Path("/{id}/email-deliveries")
    @Operation(operationId = "listEmailDeliveries", summary = "List e-mail deliveries with every attempt", description = "Newest first: the confirmation mails and the papers mailed or to be mailed, each with "
            + "its state, when it is due and its SMTP attempts. A paper matched by several subscriptions of one "
            + "address is mailed once and listed under each.")
    @APIResponse(responseCode = "200", description = "E-mail deliveries")
    @APIResponse(responseCode = "400", description = "Bad limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such subscription of yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<EmailDeliveryView> emailDeliveries(
            @PathParam("id") @Parameter(description = "Subscription id") String id,
            @QueryParam("limit") @DefaultValue("50") @Parameter(description = "1..200", schema = @Schema(type = SchemaType.INTEGER)) String limitText,
            @Context HttpHeaders headers) {
        UUID subscription = owned(id, headers);
        return emailDeliveries.list(subscription, limit(limitText));
    }

    private static int limit(String text) {
        int limit = PapersResource.integer("limit", text);
        if (limit < 1 || limit > 200) {
            throw ProblemException.badRequest("'limit' is between 1 and 200.");
        }
        return limit;
    }

    /** The id of a subscription the caller may read; 404 otherwise. */
    private UUID owned(String id, HttpHeaders headers) {
        Caller caller = keys.require(headers, Role.USER);
        UUID subscription = uuid(id);
        subscriptions.get(caller, subscription);
        return subscription;
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No subscription " + id + ".");
        }
    }
}
