package org.evwatch.gateway.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evwatch.gateway.mail.MailComposer;
import org.evwatch.gateway.mail.MailConsent;
import org.evwatch.gateway.mail.MailPages;
import org.evwatch.gateway.mail.MailTokens;
import org.evwatch.gateway.problem.Problem;

/**
 * The links mailed to subscribers, which work without an API key: the signed token in the link is the credential.
 * Each link's page shows a button that posts to the link; the post acts. Unsubscribing also takes the one-click post of
 * mail programs (RFC 8058, {@code List-Unsubscribe=One-Click}).
 */
@Path("/api/v1/mail")
@Tag(name = "mail")
@Produces(MediaType.TEXT_HTML)
@APIResponse(responseCode = "404", description = "Not a valid link, or one that no longer acts", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "429", description = "Rate limit exceeded; see Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MailResource {

    private static final String TOKEN = "The token of the mailed link";

    private final MailConsent consent;

    public MailResource(MailConsent consent) {
        this.consent = consent;
    }

    @GET
    @Path("/confirm")
    @Operation(operationId = "confirmEmailPage", summary = "Page to confirm an address", description = "The page of the link in a confirmation mail: a button that posts to the same link.")
    @APIResponse(responseCode = "200", description = "An HTML page with a Confirm button", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    public String confirmPage(@QueryParam("token") @Parameter(description = TOKEN, required = true) String token) {
        return page(token, MailTokens.Purpose.CONFIRM, "Confirm your address", "Mail the new papers matching",
                MailComposer.CONFIRM_PATH, "Confirm");
    }

    @POST
    @Path("/confirm")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    @Operation(operationId = "confirmEmail", summary = "Confirm an address", description = "Confirms the address the link was mailed to: from now on the subscription's new papers are "
            + "mailed to it. Confirming twice is harmless.")
    @APIResponse(responseCode = "200", description = "An HTML page saying what was confirmed", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", description = "The address unsubscribed since; the link no longer confirms it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RequestBody(required = false, description = "None needed: the page's button posts an empty form", content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(type = SchemaType.OBJECT)))
    public String confirm(@QueryParam("token") @Parameter(description = TOKEN, required = true) String token) {
        return MailPages.done(consent.confirm(token));
    }

    @GET
    @Path("/unsubscribe")
    @Operation(operationId = "unsubscribeEmailPage", summary = "Page to unsubscribe an address", description = "The page of the unsubscribe link in every mail: a button that posts to the same link.")
    @APIResponse(responseCode = "200", description = "An HTML page with an Unsubscribe button", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    public String unsubscribePage(
            @QueryParam("token") @Parameter(description = TOKEN, required = true) String token) {
        return page(token, MailTokens.Purpose.UNSUBSCRIBE, "Unsubscribe", "Stop mailing the new papers matching",
                MailComposer.UNSUBSCRIBE_PATH, "Unsubscribe");
    }

    @POST
    @Path("/unsubscribe")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    @Operation(operationId = "unsubscribeEmail", summary = "Unsubscribe an address", description = "Stops the subscription's mail to the address the link was mailed to, including what waits "
            + "for a digest. Also the target of List-Unsubscribe-Post (RFC 8058): the body "
            + "List-Unsubscribe=One-Click is accepted and not needed. Unsubscribing twice is harmless.")
    @APIResponse(responseCode = "200", description = "An HTML page saying what stopped", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @RequestBody(required = false, description = "List-Unsubscribe=One-Click from a mail client (RFC 8058), or nothing", content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(type = SchemaType.OBJECT)))
    public String unsubscribe(@QueryParam("token") @Parameter(description = TOKEN, required = true) String token) {
        return MailPages.done(consent.unsubscribe(token));
    }

    /** The page of a link: a question about the subscription it names and a button that posts to the link. */
    private String page(String token, MailTokens.Purpose purpose, String title, String question, String path,
            String button) {
        String name = consent.name(token, purpose);
        return MailPages.form(title, question + " \"" + name + "\" to this address?", path + "?token=" + token.trim(),
                button);
    }
}
