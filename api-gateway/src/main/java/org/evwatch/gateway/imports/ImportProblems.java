package org.evwatch.gateway.imports;

import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.core.Response;

import org.evwatch.gateway.problem.Problem;
import org.evwatch.gateway.problem.ProblemException;

/** The fetcher's answers to an import, as the gateway's own problems. */
final class ImportProblems {

    private static final Map<Integer, String[]> KINDS = Map.of(400, new String[]{"bad-request", "Bad request"},
            404, new String[]{"not-found", "Not found"}, 413, new String[]{"too-large", "Request body too large"},
            415, new String[]{"unsupported-file", "Not a text file"}, 422, new String[]{"unreadable-file",
                    "File cannot be imported"});
    private static final Set<Integer> PASSED_ON = KINDS.keySet();

    private ImportProblems() {
    }

    static RuntimeException from(Response response) {
        int status = response.getStatus();
        if (!PASSED_ON.contains(status)) {
            return unavailable("The importer answered with status " + status + ".");
        }
        String[] kind = KINDS.get(status);
        return new ProblemException(Problem.of(status, kind[0], kind[1], detail(response)));
    }

    static ProblemException unavailable(String detail) {
        return new ProblemException(Problem.of(503, "importer-unavailable", "Importer unavailable", detail),
                Map.of("Retry-After", "30"));
    }

    private static String detail(Response response) {
        try {
            response.bufferEntity();
            var body = response.readEntity(com.fasterxml.jackson.databind.JsonNode.class);
            String detail = body == null ? null : body.path("detail").asText(null);
            return detail != null ? capitalised(detail) : "The file was refused.";
        } catch (RuntimeException e) {
            return "The file was refused.";
        }
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1) + (s.endsWith(".") ? "" : ".");
    }
}
