package org.evwatch.gateway.api;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The OpenAPI document's header: what the API is, its tags and how keys are sent. */
@OpenAPIDefinition(info = @Info(title = "EVwatch API", version = "1", description = "The literature on extracellular vesicles in cancer: search, papers, entities, "
        + "subscriptions with feeds, live streams, webhooks and e-mail. Every error is "
        + "application/problem+json (RFC 9457).", license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")), tags = {
                @Tag(name = "papers", description = "Search and read papers; export as RIS, BibTeX or CSL-JSON"),
                @Tag(name = "entities", description = "Entities found in papers"),
                @Tag(name = "stats", description = "Catalog totals"),
                @Tag(name = "subscriptions", description = "Saved queries with feeds, streams, webhooks and e-mail"),
                @Tag(name = "mail", description = "The links in mails: confirm an address, unsubscribe (no key needed)"),
                @Tag(name = "feeds", description = "Atom, RSS and JSON Feed of a subscription, by token"),
                @Tag(name = "stream", description = "Server-sent events of new matching papers"),
                @Tag(name = "admin", description = "API keys and catalog maintenance (admin key)")}, components = @Components(securitySchemes = {
                        @SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer", description = "An API key as 'Authorization: Bearer evw_...'"),
                        @SecurityScheme(securitySchemeName = "apiKeyHeader", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER, apiKeyName = "X-API-Key", description = "The same key in an X-API-Key header")}))
public class ApiDoc extends Application {
}
