package org.evwatch.gateway.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import io.quarkus.smallrye.openapi.OpenApiFilter;

import org.evwatch.gateway.problem.Problem;

/**
 * Finishes the OpenAPI document where annotations cannot say it:
 * <ul>
 * <li>an operation that declares no security takes a key optionally (anonymous, or either way of sending a key: a key
 * raises the rate limit), so every operation states its security;</li>
 * <li>the answers every operation can give before it runs, from the HTTP layer: 400 for a malformed request target,
 * 406 for an {@code Accept} it cannot answer, 413 for a body past the limit (sent with any method), 414 for a target past
 * 8192 characters, and, for a POST or PUT, 415 for a body without a content type or of one it does not read;</li>
 * <li>a repeatable query parameter's allowed values and example belong to its items, not to the array;</li>
 * <li>the server is the public URL the gateway was given ({@code EVWATCH_PUBLIC_URL}), or, without one, {@code /}:
 * the address the document itself is served from.</li>
 * </ul>
 */
@OpenApiFilter(OpenApiFilter.RunStage.BOTH)
public class ContractFilter implements OASFilter {

    /** Only a public URL given explicitly names the server; the built-in default is not the server's address. */
    static final String PUBLIC_URL = "EVWATCH_PUBLIC_URL";

    /** The answers of the HTTP layer, added to an operation that does not describe them itself. */
    private static final Map<String, String> EVERY_OPERATION = new TreeMap<>(Map.of(
            "400", "Malformed request: a bad percent-encoding or a control character in the path or query",
            "406", "The Accept header asks only for types this operation does not answer with",
            "413", "Body larger than the limit (64 KiB under /api), whatever the operation",
            "414", "Request target longer than 8192 characters"));
    private static final Map<String, String> WITH_A_BODY = new TreeMap<>(Map.of(
            "415", "A body without a Content-Type, or of a type this operation does not read"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        String url = ConfigProvider.getConfig().getOptionalValue(PUBLIC_URL, String.class).orElse("/");
        openAPI.setServers(new ArrayList<>(List.of(OASFactory.createServer().url(url)
                .description("/".equals(url) ? "The address this document is served from" : "EVwatch"))));
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().forEach((method, op) -> {
            addProblems(op, EVERY_OPERATION);
            if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) {
                addProblems(op, WITH_A_BODY);
            }
        }));
    }

    private static void addProblems(Operation operation, Map<String, String> problems) {
        problems.forEach((status, description) -> {
            if (operation.getResponses().getAPIResponse(status) == null) {
                operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                        .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory
                                .createMediaType().schema(OASFactory.createSchema().ref("Problem")))));
            }
        });
    }

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

}
