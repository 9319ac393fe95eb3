package org.evwatch.testing.fuzz;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.evwatch.testing.openapi.DocumentedStatuses;

/**
 * Fires generated requests at a server and checks what a client may rely on: no answer is a 5xx, and every 4xx is
 * {@code application/problem+json} whose {@code status} is the HTTP status and whose {@code detail} says something.
 * The seed is printed so that a failure reproduces; the failure names the first request that broke the rules.
 */
public final class HttpFuzz {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int THREADS = 4;

    private HttpFuzz() {
    }

    /** The seed of this run: {@code -Devwatch.fuzz.seed=...} repeats an earlier one. */
    public static long seed() {
        long seed = Long.getLong("evwatch.fuzz.seed", System.nanoTime());
        System.out.println("HTTP fuzz seed: " + seed + " (repeat with -Devwatch.fuzz.seed=" + seed + ")");
        return seed;
    }

    /** Sends {@code count} requests and fails with the first broken rule, in generation order. */
    public static void run(String target, RawHttp http, RequestGenerator generator, int count, long seed)
            throws InterruptedException {
        run(target, http, generator, count, seed, null);
    }

    /**
     * As {@link #run(String, RawHttp, RequestGenerator, int, long)}, and each answer of an operation the OpenAPI
     * document has must also carry a status that operation documents.
     */
    public static void run(String target, RawHttp http, RequestGenerator generator, int count, long seed,
            DocumentedStatuses contract) throws InterruptedException {
        List<FuzzRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(generator.next());
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Optional<String>>> verdicts = new ArrayList<>(count);
            for (FuzzRequest request : requests) {
                verdicts.add(pool.submit(() -> violation(http, request, contract)));
            }
            List<String> failures = new ArrayList<>();
            for (Future<Optional<String>> verdict : verdicts) {
                verdict.get().ifPresent(failures::add);
            }
            failures.stream().limit(20).forEach(f -> System.out.println("HTTP fuzz failure: " + f));
            if (!failures.isEmpty()) {
                throw new AssertionError(failures.size() + " of " + count + " requests to " + target
                        + " broke the error contract (seed " + seed + "); the first: " + failures.get(0));
            }
            System.out.println("HTTP fuzz: " + count + " requests to " + target + ", all answered by the contract");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("the fuzz itself failed (seed " + seed + ")", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Why the answer to {@code request} breaks the contract, or empty when it keeps it. */
    static Optional<String> violation(RawHttp http, FuzzRequest request, DocumentedStatuses contract) {
        FuzzResponse response;
        try {
            response = http.send(request);
        } catch (IOException e) {
            return Optional.of(request + " -> no answer: " + e.getMessage());
        }
        String problem = problem(request, response);
        if (problem == null && contract != null) {
            problem = contract.match(request.method(), request.target())
                    .filter(op -> !op.documents(response.status()))
                    .map(op -> "a status " + op.operationId() + " does not document").orElse(null);
        }
        return problem == null
                ? Optional.empty()
                : Optional.of(request + " -> " + response.status() + " " + problem + ": "
                        + FuzzRequest.cut(response.text(), 500));
    }

    private static String problem(FuzzRequest request, FuzzResponse response) {
        int status = response.status();
        if (status >= 500) {
            return "a server error";
        }
        if (status < 400) {
            return null;
        }
        String type = response.header("Content-Type");
        if (type == null || !type.startsWith("application/problem+json")) {
            return "Content-Type " + type + " is not application/problem+json";
        }
        if (request.method().equals("HEAD")) {
            return null;
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            if (body == null || body.path("status").asInt() != status) {
                return "the problem's status is not " + status;
            }
            return body.path("detail").asText("").isBlank() ? "the problem has no detail" : null;
        } catch (IOException e) {
            return "the body is not JSON";
        }
    }
}
