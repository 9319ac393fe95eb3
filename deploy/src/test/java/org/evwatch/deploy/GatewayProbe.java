package org.evwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What the gateway of a running stack says about the catalog, as a user would ask it. */
final class GatewayProbe {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GatewayProbe() {
    }

    /** Papers in the catalog, or -1 while the gateway, or what it asks, cannot answer. */
    static long papers(LocalStack stack) {
        try {
            var response = stack.get(stack.url("api-gateway") + "/api/v1/stats");
            return response.statusCode() == 200 ? JSON.readTree(response.body()).path("papers").asLong() : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * The PMIDs from {@code first} (inclusive) to {@code last} (exclusive) the search finds, paging through every
     * result (a few requests); one found twice is an error.
     */
    static Set<Long> pmids(LocalStack stack, long first, long last) throws IOException, InterruptedException {
        Set<Long> pmids = new HashSet<>();
        String cursor = null;
        do {
            String url = stack.url("api-gateway") + "/api/v1/papers?size=100&facets=year&highlight=false"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            var response = stack.get(url);
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + url + " answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode page = JSON.readTree(response.body());
            for (JsonNode hit : page.path("hits")) {
                long pmid = hit.path("ids").path("pmid").asLong();
                if (pmid >= first && pmid < last && !pmids.add(pmid)) {
                    throw new AssertionError("pmid " + pmid + " found twice");
                }
            }
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return pmids;
    }

    /**
     * Subscribes, with the runtime's admin key, to every paper with a webhook to {@code webhookUrl}; returns the
     * subscription's live stream URL on this runtime's gateway.
     */
    static String subscribeToEverything(LocalStack stack, String webhookUrl) throws IOException, InterruptedException {
        return stack.url("api-gateway") + subscribeToEverything(stack, "api-gateway", webhookUrl);
    }

    /**
     * Subscribes through one gateway instance (its name in the stack), as above; returns the path of the
     * subscription's live stream, which every instance serves.
     */
    static String subscribeToEverything(LocalStack stack, String gateway, String webhookUrl)
            throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("name", "every paper", "q", "", "webhook",
                Map.of("url", webhookUrl)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.url(gateway) + "/api/v1/subscriptions"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + stack.secrets().get(LocalSecrets.ADMIN_KEY))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String stream = JSON.readTree(response.body()).path("links").path("stream").asText();
        return stream.replaceFirst("^https?://[^/]+", "");
    }
}
