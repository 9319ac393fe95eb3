package org.evwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.evwatch.testing.openapi.DocumentedStatuses;

/**
 * Calls of the gateway's public API held to its OpenAPI document: each call names the operation it means and the
 * status it expects; the answer must come from that operation, with that status, which the document must list, and an
 * error must be a problem. What was produced is kept, to be compared with everything the document promises.
 */
final class ApiCalls {

    /**
     * One request: method, path and query, the key it is sent with (none when null), its body and the type it asks
     * for (any when null).
     */
    record Call(String method, String path, String key, String contentType, byte[] body, String accept) {

        static Call get(String path) {
            return new Call("GET", path, null, null, null, null);
        }

        static Call delete(String path) {
            return new Call("DELETE", path, null, null, null, null);
        }

        static Call post(String path, String contentType, String body) {
            return new Call("POST", path, null, contentType, body.getBytes(StandardCharsets.UTF_8), null);
        }

        /** A POST that sends no body. */
        static Call post(String path) {
            return new Call("POST", path, null, null, null, null);
        }

        static Call put(String path, String json) {
            return new Call("PUT", path, null, "application/json", json.getBytes(StandardCharsets.UTF_8), null);
        }

        Call as(String apiKey) {
            return new Call(method, path, apiKey, contentType, body, accept);
        }

        Call bytes(String type, byte[] content) {
            return new Call(method, path, key, type, content, accept);
        }

        Call accepting(String type) {
            return new Call(method, path, key, contentType, body, type);
        }

        /** The same call with one more query parameter, written as given (not encoded). */
        Call withQuery(String parameter) {
            return new Call(method, path + (path.contains("?") ? "&" : "?") + parameter, key, contentType, body,
                    accept);
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String base;
    private final DocumentedStatuses contract;
    /** HTTP/1.1 as curl and browsers speak it to a plain-HTTP server, without an upgrade to HTTP/2. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Set<String> produced = new TreeSet<>();
    private final List<String> undocumented = new ArrayList<>();
    private final Map<String, Call> succeeded = new LinkedHashMap<>();

    ApiCalls(String base, DocumentedStatuses contract) {
        this.base = base;
        this.contract = contract;
    }

    /** Every {@code operationId status} produced so far. */
    Set<String> produced() {
        return produced;
    }

    /** For each operation, the last call it answered with a success. */
    Map<String, Call> succeeded() {
        return succeeded;
    }

    /** Sends the call and checks that {@code operationId} answered it with {@code status}, as it documents. */
    HttpResponse<String> expect(String operationId, int status, Call call) {
        HttpResponse<String> response = send(call);
        check(operationId, status, call, response.statusCode(), response.headers().firstValue("Content-Type")
                .orElse(""), response.body());
        return response;
    }

    /**
     * As {@link #expect}, for an event stream: a success is returned open (the caller closes its body); an error's
     * body is read.
     */
    HttpResponse<InputStream> expectStream(String operationId, int status, Call call) {
        HttpResponse<InputStream> response = open(call);
        String body = "";
        if (response.statusCode() >= 300) {
            try (InputStream in = response.body()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        check(operationId, status, call, response.statusCode(), response.headers().firstValue("Content-Type")
                .orElse(""), body);
        return response;
    }

    /**
     * The status of the answer; one {@code operationId} does not document is kept in {@link #undocumented()}, so that
     * a test can name them all at once.
     */
    int documented(String operationId, Call call) {
        HttpResponse<String> response = send(call);
        if (operation(call).documents(response.statusCode())) {
            produced.add(operationId + " " + response.statusCode());
        } else {
            undocumented.add(operationId + ": " + call.method() + " " + call.path() + " -> " + response.statusCode()
                    + " " + response.body());
        }
        return response.statusCode();
    }

    /** The answers {@link #documented} found with a status their operation does not document. */
    List<String> undocumented() {
        return undocumented;
    }

    HttpResponse<String> send(Call call) {
        try {
            return http.send(request(call), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(call.method() + " " + call.path(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<InputStream> open(Call call) {
        try {
            return http.send(request(call), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(call.method() + " " + call.path(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void check(String operationId, int status, Call call, int actual, String type, String body) {
        String what = call.method() + " " + call.path() + " -> " + actual + " " + type + " " + body;
        assertThat(operation(call).operationId()).as("the operation that answered %s", what).isEqualTo(operationId);
        assertThat(actual).as(what).isEqualTo(status);
        assertThat(operation(call).documents(actual)).as("%s documents %s", operationId, actual).isTrue();
        if (actual >= 400) {
            assertThat(type).as(what).startsWith("application/problem+json");
        } else {
            succeeded.put(operationId, call);
        }
        produced.add(operationId + " " + actual);
    }

    private DocumentedStatuses.Operation operation(Call call) {
        return contract.match(call.method(), call.path())
                .orElseThrow(() -> new AssertionError("no documented operation is " + call.method() + " "
                        + call.path()));
    }

    private HttpRequest request(Call call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + call.path())).timeout(TIMEOUT);
        if (call.key() != null) {
            request.header("Authorization", "Bearer " + call.key());
        }
        if (call.accept() != null) {
            request.header("Accept", call.accept());
        }
        if (call.body() == null) {
            return request.method(call.method(), HttpRequest.BodyPublishers.noBody()).build();
        }
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        return request.method(call.method(), HttpRequest.BodyPublishers.ofByteArray(call.body())).build();
    }
}
