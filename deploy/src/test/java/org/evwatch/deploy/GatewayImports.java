package org.evwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Imports through the gateway of a running stack, as the holder of an API key makes them: keys made with the runtime's
 * admin key, files sent as a form or as the body, jobs read until they are done.
 */
final class GatewayImports {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** A key as the admin API made it: its id and the key itself. */
    record Key(String id, String key) {
    }

    private GatewayImports() {
    }

    /** A new user key, made with the runtime's admin key. */
    static Key createUserKey(LocalStack stack, String name) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("name", name, "role", "USER"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.url("api-gateway") + "/api/v1/admin/keys"))
                .timeout(TIMEOUT).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + stack.secrets().get(LocalSecrets.ADMIN_KEY))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode created = JSON.readTree(response.body());
        return new Key(created.path("id").asText(), created.path("key").asText());
    }

    /** The file as the {@code file} part of a multipart form, with {@code partType} as the part's content type. */
    static HttpResponse<String> uploadForm(LocalStack stack, String key, String fileName, String partType,
            String text) throws IOException, InterruptedException {
        String boundary = "evwatch-" + UUID.randomUUID();
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + partType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        form.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        form.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return post(stack, key, "", "multipart/form-data; boundary=" + boundary, form.toByteArray());
    }

    /** The file as the request body, typed by {@code contentType}. */
    static HttpResponse<String> uploadBody(LocalStack stack, String key, String fileName, String contentType,
            String text) throws IOException, InterruptedException {
        return post(stack, key, "?fileName=" + URLEncoder.encode(fileName, StandardCharsets.UTF_8), contentType,
                text.getBytes(StandardCharsets.UTF_8));
    }

    /** GET with the key, or with no key at all when it is null. */
    static HttpResponse<String> get(String url, String key) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The job the upload started, read at its {@code Location} until no entry is pending; fails unless it is DONE.
     * The answer to the upload must be 202 with the job and its {@code Location}.
     */
    static JsonNode awaitDone(LocalStack stack, HttpResponse<String> started, String key) throws IOException {
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = JSON.readTree(started.body()).path("id").asText();
        assertThat(started.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/api/v1/imports/" + id));
        String url = URI.create(stack.url("api-gateway") + "/").resolve(started.headers().firstValue("Location")
                .orElseThrow()).toString();
        AtomicReference<JsonNode> job = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
            HttpResponse<String> response = get(url, key);
            assertThat(response.statusCode()).as("GET " + url + " -> " + response.body()).isEqualTo(200);
            job.set(JSON.readTree(response.body()));
            return !job.get().path("state").asText().equals("RUNNING");
        });
        assertThat(job.get().path("state").asText()).as("error: %s", job.get().path("error")).isEqualTo("DONE");
        return job.get();
    }

    /**
     * One record as Zotero exports it (CRLF lines, a blank line after), a journal article; without a title line when
     * {@code title} is null, and cut before its {@code ER  - } line when {@code closed} is false.
     */
    static String zoteroRecord(String title, String author, String journal, String doi, boolean closed) {
        StringBuilder r = new StringBuilder("TY  - JOUR\r\n");
        if (title != null) {
            r.append("TI  - ").append(title).append("\r\n");
        }
        r.append("AU  - ").append(author).append("\r\n").append("T2  - ").append(journal).append("\r\n")
                .append("AB  - Extracellular vesicles were isolated from patient plasma by size-exclusion"
                        + " chromatography and their cargo profiled.\r\n")
                .append("PY  - 2024\r\nDO  - ").append(doi).append("\r\nUR  - https://doi.org/").append(doi)
                .append("\r\nKW  - Extracellular vesicles\r\n");
        return r.append(closed ? "ER  - \r\n\r\n" : "\r\n").toString();
    }

    private static HttpResponse<String> post(LocalStack stack, String key, String query, String contentType,
            byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.url("api-gateway")
                + "/api/v1/imports" + query)).timeout(TIMEOUT).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
