package org.evwatch.gateway.api;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Finishes the OpenAPI document where annotations cannot say it:
 * <ul>
 * <li>an operation that declares no security takes a key optionally (anonymous, or either way of sending a key: a key
 * raises the rate limit), so every operation states its security;</li>
 * <li>a repeatable query parameter's allowed values and example belong to its items, not to the array;</li>
 * <li>the server is the public URL the gateway was given ({@code EVWATCH_PUBLIC_URL}), or, without one, {@code /}:
 * the address the document itself is served from.</li>
 * </ul>
 */
@OpenApiFilter(OpenApiFilter.RunStage.BOTH)
public class ContractFilter implements OASFilter {

    /** Only a public URL given explicitly names the server; the built-in default is not the server's address. */
    static final String PUBLIC_URL = "EVWATCH_PUBLIC_URL";

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getSecurity() == null) {
            operation.setSecurity(new ArrayList<>(List.of(OASFactory.createSecurityRequirement(),
                    OASFactory.createSecurityRequirement().addScheme("apiKey"),
                    OASFactory.createSecurityRequirement().addScheme("apiKeyHeader"))));
        }
        return operation;
    }

    @Override
    public Parameter filterParameter(Parameter parameter) {
        Schema schema = parameter.getSchema();
        if (schema == null || schema.getType() == null || !schema.getType().contains(Schema.SchemaType.ARRAY)) {
            return parameter;
        }
        if (schema.getItems() == null) {
            schema.setItems(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        }
        if (schema.getEnumeration() != null) {
            schema.getItems().setEnumeration(schema.getEnumeration());
            schema.setEnumeration(null);
        }
        if (parameter.getExample() != null && !(parameter.getExample() instanceof List)) {
            parameter.setExample(List.of(parameter.getExample()));
        }
        return parameter;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        String url = ConfigProvider.getConfig().getOptionalValue(PUBLIC_URL, String.class).orElse("/");
        openAPI.setServers(new ArrayList<>(List.of(OASFactory.createServer().url(url)
                .description("/".equals(url) ? "The address this document is served from" : "EVwatch"))));
    }
}
