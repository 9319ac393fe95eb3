package org.evwatch.gateway.indexer;

import java.net.URI;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import org.evwatch.gateway.problem.Problem;
import org.evwatch.gateway.problem.ProblemException;

/** Turns the indexer's error answers into the gateway's own problems. */
final class IndexerProblems {

    private IndexerProblems() {
    }

    static RuntimeException from(Response response) {
        int status = response.getStatus();
        JsonNode body = null;
        try {
            response.bufferEntity();
            body = response.readEntity(JsonNode.class);
        } catch (RuntimeException e) {
            // not JSON: keep the status only
        }
        String detail = text(body, "detail");
        if (status == 400 || status == 404 || status == 409 || status == 422) {
            String title = text(body, "title");
            String type = text(body, "type");
            Problem p = new Problem(
                    type != null && type.startsWith("http")
                            ? URI.create(type)
                            : URI.create(
                                    "https://evwatch.org/problems/" + (status == 404 ? "not-found" : "bad-request")),
                    title != null ? title : status == 404 ? "Not found" : "Bad request", status,
                    detail != null ? detail : status == 404 ? "Not found." : "The request was refused.", null,
                    body != null && body.hasNonNull("position") ? body.get("position").asInt() : null, null);
            return new ProblemException(p);
        }
        return new ProblemException(Problem.of(502, "indexer-error", "Catalog error",
                "The catalog answered with status " + status + "."));
    }

    private static String text(JsonNode node, String field) {
        return node != null && node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
