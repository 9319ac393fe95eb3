package org.evwatch.gateway.indexer;

import java.net.URI;

import jakarta.ws.rs.core.Response;

import org.evwatch.gateway.problem.Problem;
import org.evwatch.gateway.problem.ProblemException;

/** Turns the indexer's error answers into the gateway's own problems. */
final class IndexerProblems {

    private IndexerProblems() {
    }

    static RuntimeException from(Response response) {
        int status = response.getStatus();
        org.evwatch.indexer.api.Problem body = body(response);
        if (status == 400 || status == 404 || status == 409 || status == 422) {
            String title = body == null ? null : body.title();
            String type = body == null ? null : body.type();
            String detail = body == null ? null : body.detail();
            Problem p = new Problem(
                    type != null && type.startsWith("http")
                            ? URI.create(type)
                            : URI.create(
                                    "https://evwatch.org/problems/" + (status == 404 ? "not-found" : "bad-request")),
                    title != null ? title : status == 404 ? "Not found" : "Bad request", status,
                    detail != null ? detail : status == 404 ? "Not found." : "The request was refused.", null,
                    body == null ? null : body.position(), null);
            return new ProblemException(p);
        }
        if (status == 501) {
            return new ProblemException(Problem.of(501, "not-implemented", "Not implemented",
                    body != null && body.detail() != null
                            ? body.detail()
                            : "The catalog's search engine does not do this."));
        }
        return new ProblemException(Problem.of(502, "indexer-error", "Catalog error",
                "The catalog answered with status " + status + "."));
    }

    /** The indexer's problem body, or null when the answer carries none (a proxy's error page, say). */
    private static org.evwatch.indexer.api.Problem body(Response response) {
        try {
            response.bufferEntity();
            return response.readEntity(org.evwatch.indexer.api.Problem.class);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
