package org.evwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.evwatch.deploy.ApiCalls.Call;
import org.evwatch.testing.openapi.DocumentedStatuses;

/**
 * The gateway's OpenAPI document tells the truth about statuses: on the whole running system, each status it lists
 * for an operation is produced by a real request, and no answer carries a status its operation does not list, also
 * with the indexer and the fetcher down and past the rate limits.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiStatusesIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path ROOT = Path.of(System.getProperty("evwatch.root", "..")).toAbsolutePath().normalize();
    static final String RIS = "TY  - JOUR\r\nTI  - Exosomal PD-L1 in melanoma\r\nAU  - Moreau, Claire\r\n"
            + "PY  - 2024\r\nDO  - 10.5555/evwatch.statuses.1\r\nER  - \r\n";
    static LocalStack stack;
    static ApiCalls api;
    static String admin;
    static String user;
    static String paper;
    /** A subscription by example papers. */
    static String byExample;
    static final List<HttpResponseHolder> openStreams = new ArrayList<>();

    /** An open event stream, closed when the test is done with it. */
    record HttpResponseHolder(InputStream body) {
    }

    @BeforeAll
    static void start() throws Exception {
        stack = new LocalStack(Folders.ephemeralRuntime("statuses-runtime"))
                // Room for every call before the rate-limit test, and almost no refill: that test then reaches
                // 429 however slowly the machine answers (at the default refill, a client answered in 100 ms or
                // more never empties its bucket).
                .environment("api-gateway", "EVWATCH_GATEWAY_SECURITY_PER_IP_BURST", "400")
                .environment("api-gateway", "EVWATCH_GATEWAY_SECURITY_PER_IP_PER_SECOND", "0.01")
                .environment("api-gateway", "EVWATCH_GATEWAY_SECURITY_PER_KEY_BURST", "400")
                .environment("api-gateway", "EVWATCH_GATEWAY_SECURITY_PER_KEY_PER_SECOND", "0.01")
                .environment("api-gateway", "EVWATCH_GATEWAY_STREAMS_MAX_OPEN", "3").start();
        String gateway = stack.url("api-gateway");
        api = new ApiCalls(gateway, DocumentedStatuses.of(JSON.readTree(stack.get(gateway + "/q/openapi?format=json")
                .body())));
        admin = stack.secrets().get(LocalSecrets.ADMIN_KEY);
        Path file = ROOT.resolve("deploy/samples/pubmed/ev-cancer-2024.xml");
        paper = "pmid:" + LocalRuntime.pmids(List.of(file)).get(0);
        stack.drop(file, "statuses.xml");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> stack.get(gateway + "/api/v1/papers/" + paper).statusCode() == 200);
    }

    @AfterAll
    static void stop() throws Exception {
        for (HttpResponseHolder s : openStreams) {
            s.body().close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void keys() {
        String keys = "/api/v1/admin/keys";
        user = field(api.expect("createApiKey", 201, Call.post(keys, "application/json",
                "{\"name\":\"statuses\",\"role\":\"USER\"}").as(admin)), "key");
        api.expect("createApiKey", 400, Call.post(keys, "application/json", "{\"name\":\"x\",\"role\":\"KING\"}")
                .as(admin));
        api.expect("createApiKey", 403, Call.post(keys, "application/json", "{\"name\":\"x\"}").as(user));
        api.expect("createApiKey", 401, Call.post(keys, "application/json", "{\"name\":\"x\"}"));
        api.expect("listApiKeys", 200, Call.get(keys).as(admin));
        api.expect("listApiKeys", 403, Call.get(keys).as(user));
        api.expect("listApiKeys", 401, Call.get(keys));
        String spare = field(api.expect("createApiKey", 201, Call.post(keys, "application/json",
                "{\"name\":\"spare\"}").as(admin)), "id");
        api.expect("revokeApiKey", 204, Call.delete(keys + "/" + spare).as(admin));
        api.expect("revokeApiKey", 404, Call.delete(keys + "/" + UUID.randomUUID()).as(admin));
        api.expect("revokeApiKey", 403, Call.delete(keys + "/" + spare).as(user));
        api.expect("revokeApiKey", 401, Call.delete(keys + "/" + spare));
    }

    @Test
    @Order(2)
    void reindex() {
        String reindex = "/api/v1/admin/reindex";
        api.expect("startReindex", 202, Call.post(reindex).as(admin));
        api.expect("startReindex", 403, Call.post(reindex).as(user));
        api.expect("startReindex", 401, Call.post(reindex));
        api.expect("getReindexStatus", 200, Call.get(reindex).as(admin));
        api.expect("getReindexStatus", 403, Call.get(reindex).as(user));
        api.expect("getReindexStatus", 401, Call.get(reindex));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> !JSON.readTree(
                api.send(Call.get(reindex).as(admin)).body()).path("state").asText().equals("running"));
    }

    @Test
    @Order(3)
    void catalog() {
        api.expect("searchPapers", 200, Call.get("/api/v1/papers?q=exosome"));
        api.expect("searchPapers", 400, Call.get("/api/v1/papers?q=title:(exosome"));
        api.expect("getPaper", 200, Call.get("/api/v1/papers/" + paper));
        api.expect("getPaper", 400, Call.get("/api/v1/papers/" + paper + "?format=docx"));
        api.expect("getPaper", 404, Call.get("/api/v1/papers/pmid:1"));
        api.expect("similarPapers", 200, Call.get("/api/v1/papers/" + paper + "/similar"));
        api.expect("similarPapers", 400, Call.get("/api/v1/papers/" + paper + "/similar?limit=0"));
        api.expect("similarPapers", 404, Call.get("/api/v1/papers/pmid:1/similar"));
        JsonNode entities = json(api.expect("listEntities", 200, Call.get("/api/v1/entities?limit=5")));
        api.expect("listEntities", 400, Call.get("/api/v1/entities?type=PLANET"));
        String entity = entities.path(0).path("id").asText();
        api.expect("suggestEntities", 200, Call.get("/api/v1/entities/suggest?prefix=exo"));
        api.expect("suggestEntities", 400, Call.get("/api/v1/entities/suggest?prefix=exo&limit=0"));
        api.expect("getEntity", 200, Call.get("/api/v1/entities/" + entity));
        api.expect("getEntity", 404, Call.get("/api/v1/entities/MESH:D000000"));
        api.expect("getStats", 200, Call.get("/api/v1/stats"));
    }

    @Test
    @Order(4)
    void subscriptionsAndFeeds() {
        String subs = "/api/v1/subscriptions";
        JsonNode created = json(api.expect("createSubscription", 201, Call.post(subs, "application/json",
                subscription("title:exosome", "reader@example.org")).as(user)));
        String id = created.path("id").asText();
        api.expect("createSubscription", 400, Call.post(subs, "application/json", subscription("title:(", null))
                .as(user));
        api.expect("createSubscription", 413, Call.post(subs, "application/json",
                subscription("exosome " + "vesicle ".repeat(10_000), null)).as(user));
        api.expect("createSubscription", 401, Call.post(subs, "application/json", subscription("exosome", null)));
        api.expect("listSubscriptions", 200, Call.get(subs).as(user));
        api.expect("listSubscriptions", 401, Call.get(subs));
        for (String op : List.of("getSubscription", "listDeliveries", "listEmailDeliveries")) {
            String tail = op.equals("getSubscription")
                    ? ""
                    : op.equals("listDeliveries")
                            ? "/deliveries"
                            : "/email-deliveries";
            api.expect(op, 200, Call.get(subs + "/" + id + tail).as(user));
            api.expect(op, 404, Call.get(subs + "/" + UUID.randomUUID() + tail).as(user));
            api.expect(op, 401, Call.get(subs + "/" + id + tail));
        }
        api.expect("listEmailDeliveries", 400, Call.get(subs + "/" + id + "/email-deliveries?limit=0").as(user));
        String body = subscription("title:exosomes", "reader@example.org");
        api.expect("replaceSubscription", 200, Call.put(subs + "/" + id, body).as(user));
        api.expect("replaceSubscription", 400, Call.put(subs + "/" + id, subscription("title:(", null)).as(user));
        api.expect("replaceSubscription", 404, Call.put(subs + "/" + UUID.randomUUID(), body).as(user));
        api.expect("replaceSubscription", 401, Call.put(subs + "/" + id, body));
        String token = created.path("links").path("atom").asText().replaceFirst(".*/feeds/([^/]+)/atom$", "$1");
        for (String format : List.of("atom", "json", "rss")) {
            String op = "get" + Character.toUpperCase(format.charAt(0)) + format.substring(1) + "Feed";
            api.expect(op, 200, Call.get("/api/v1/feeds/" + token + "/" + format));
            api.expect(op, 404, Call.get("/api/v1/feeds/unknown-token/" + format));
        }
        String spare = json(api.expect("createSubscription", 201, Call.post(subs, "application/json",
                subscription("exosome", null)).as(user))).path("id").asText();
        byExample = json(api.expect("createSubscription", 201, Call.post(subs, "application/json", byExample())
                .as(user))).path("id").asText();
        api.expect("replaceSubscription", 200, Call.put(subs + "/" + byExample, byExample()).as(user));
        String feedback = subs + "/" + byExample + "/feedback";
        String relevant = relevant();
        api.expect("subscriptionFeedback", 200, Call.post(feedback, "application/json", relevant).as(user));
        api.expect("subscriptionFeedback", 400, Call.post(feedback, "application/json",
                "{\"paperId\":\"pmid:1\",\"relevant\":true}").as(user));
        api.expect("subscriptionFeedback", 404, Call.post(subs + "/" + UUID.randomUUID() + "/feedback",
                "application/json", relevant).as(user));
        api.expect("subscriptionFeedback", 401, Call.post(feedback, "application/json", relevant));
        api.expect("deleteSubscription", 204, Call.delete(subs + "/" + spare).as(user));
        api.expect("deleteSubscription", 404, Call.delete(subs + "/" + spare).as(user));
        api.expect("deleteSubscription", 401, Call.delete(subs + "/" + id));
    }

    @Test
    @Order(5)
    void mailLinks() throws Exception {
        String message = confirmationMail();
        String confirm = link(message, "/api/v1/mail/confirm?token=");
        String unsubscribe = link(message, "/api/v1/mail/unsubscribe?token=");
        String form = "application/x-www-form-urlencoded";
        api.expect("confirmEmailPage", 200, Call.get(confirm));
        api.expect("confirmEmailPage", 404, Call.get("/api/v1/mail/confirm?token=nonsense"));
        api.expect("confirmEmail", 200, Call.post(confirm, form, ""));
        api.expect("confirmEmail", 404, Call.post("/api/v1/mail/confirm?token=nonsense", form, ""));
        api.expect("unsubscribeEmailPage", 200, Call.get(unsubscribe));
        api.expect("unsubscribeEmailPage", 404, Call.get("/api/v1/mail/unsubscribe?token=nonsense"));
        api.expect("unsubscribeEmail", 200, Call.post(unsubscribe, form, "List-Unsubscribe=One-Click"));
        api.expect("unsubscribeEmail", 404, Call.post("/api/v1/mail/unsubscribe?token=nonsense", form, ""));
        api.expect("confirmEmail", 409, Call.post(confirm, form, ""));
    }

    @Test
    @Order(6)
    void imports() {
        String imports = "/api/v1/imports";
        String id = field(api.expect("createImport", 202, Call.post(imports, "application/x-research-info-systems",
                RIS).as(user)), "id");
        api.expect("createImport", 400, Call.post(imports, "application/x-evwatch-unknown", RIS).as(user));
        api.expect("createImport", 413, Call.post(imports, "text/plain", "")
                .bytes("text/plain", filled(16 * 1024 * 1024 + 1)).as(user));
        api.expect("createImport", 415, Call.post(imports, "application/octet-stream", "%PDF-1.7\n%âãÏÓ\n")
                .as(user));
        api.expect("createImport", 422, Call.post(imports, "text/plain", "Nothing any reader takes.\n").as(user));
        api.expect("createImport", 401, Call.post(imports, "application/x-research-info-systems", RIS));
        api.expect("getImport", 200, Call.get(imports + "/" + id).as(user));
        api.expect("getImport", 404, Call.get(imports + "/" + UUID.randomUUID()).as(user));
        api.expect("getImport", 401, Call.get(imports + "/" + id));
        api.expect("getImport", 413, Call.get(imports + "/" + id).bytes("text/plain", filled(16 * 1024 * 1024 + 1))
                .as(user));
    }

    @Test
    @Order(7)
    void streamsUpToTheLimitOfOpenOnes() {
        String feed = feedToken();
        hold(api.expectStream("streamQuery", 200, Call.get("/api/v1/stream?q=exosome")));
        hold(api.expectStream("streamSubscription", 200, Call.get("/api/v1/feeds/" + feed + "/stream")));
        api.expectStream("streamQuery", 400, Call.get("/api/v1/stream?q=title:(exosome"));
        api.expectStream("streamSubscription", 404, Call.get("/api/v1/feeds/unknown-token/stream"));
        hold(api.expectStream("streamQuery", 200, Call.get("/api/v1/stream?q=vesicle")));
        api.expectStream("streamQuery", 503, Call.get("/api/v1/stream?q=exosome"));
        api.expectStream("streamSubscription", 503, Call.get("/api/v1/feeds/" + feed + "/stream"));
    }

    /**
     * What the HTTP layer answers before an operation runs, for every operation: a malformed query, an Accept it
     * cannot answer, a request target too long, a body too large (whatever the method); and for a POST or PUT, a body
     * without a content type (imports take any text type and have a limit of their own: their own calls above).
     */
    @Test
    @Order(8)
    void everyOperationRefusesMalformedRequestsAsItDocuments() {
        byte[] large = ("{\"name\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        for (Map.Entry<String, Call> ok : new java.util.TreeMap<>(api.succeeded()).entrySet()) {
            String op = ok.getKey();
            Call call = ok.getValue();
            Map<Integer, Call> refused = new java.util.TreeMap<>(Map.of(400, call.withQuery("x=%C3%28"),
                    406, call.accepting("image/png"), 414, call.withQuery("pad=" + "x".repeat(9000))));
            if (!call.path().startsWith("/api/v1/imports")) {
                refused.put(413, call.bytes(call.contentType() == null ? "application/json" : call.contentType(),
                        large));
                if (call.method().equals("POST") || call.method().equals("PUT")) {
                    refused.put(415, call.bytes(null, "x".getBytes(StandardCharsets.UTF_8)));
                }
            }
            refused.forEach((status, refusal) -> {
                if (op.startsWith("stream")) {
                    api.expectStream(op, status, refusal);
                } else {
                    api.expect(op, status, refusal);
                }
            });
        }
    }

    @Test
    @Order(9)
    void withTheFetcherAndTheIndexerDownOnlyDocumentedStatusesAreAnswered() throws Exception {
        stack.kill("fetcher");
        stack.kill("indexer");
        api.expect("createImport", 503, Call.post("/api/v1/imports", "application/x-research-info-systems", RIS)
                .as(user));
        api.expect("getImport", 503, Call.get("/api/v1/imports/" + UUID.randomUUID()).as(user));
        api.expect("searchPapers", 503, Call.get("/api/v1/papers?q=exosome"));
        api.expect("getStats", 503, Call.get("/api/v1/stats"));
        api.expect("startReindex", 503, Call.post("/api/v1/admin/reindex").as(admin));
        // The catalog weighs example papers when they are given.
        String subs = "/api/v1/subscriptions";
        api.expect("createSubscription", 503, Call.post(subs, "application/json", byExample()).as(user));
        api.expect("replaceSubscription", 503, Call.put(subs + "/" + byExample, byExample()).as(user));
        api.expect("subscriptionFeedback", 503, Call.post(subs + "/" + byExample + "/feedback", "application/json",
                relevant()).as(user));
        for (Map.Entry<String, Call> ok : replayable().entrySet()) {
            api.documented(ok.getKey(), ok.getValue());
        }
        assertThat(api.undocumented()).isEmpty();
    }

    @Test
    @Order(10)
    void pastTheRateLimitsEveryOperationAnswers429() {
        for (Map.Entry<String, Call> ok : replayable().entrySet()) {
            int status = 0;
            for (int i = 0; i < 1000 && status != 429; i++) {
                status = api.documented(ok.getKey(), ok.getValue());
            }
            assertThat(status).as("%s past its rate limit", ok.getKey()).isEqualTo(429);
        }
        assertThat(api.undocumented()).isEmpty();
        for (String op : List.of("streamQuery", "streamSubscription")) {
            Call call = api.succeeded().get(op);
            api.expectStream(op, 429, call);
        }
    }

    @Test
    @Order(11)
    void everyDocumentedStatusWasProduced() throws Exception {
        var contract = DocumentedStatuses.of(JSON.readTree(stack.get(stack.url("api-gateway")
                + "/q/openapi?format=json").body()));
        assertThat(api.produced()).as("produced (left) against documented (right)")
                .containsExactlyInAnyOrderElementsOf(contract.pairs());
    }

    /** The successful calls that can be sent again; streams stay out, they would stay open. */
    private static Map<String, Call> replayable() {
        var calls = new java.util.TreeMap<>(api.succeeded());
        calls.keySet().removeAll(List.of("streamQuery", "streamSubscription"));
        return calls;
    }

    private static void hold(java.net.http.HttpResponse<InputStream> stream) {
        openStreams.add(new HttpResponseHolder(stream.body()));
    }

    private static String feedToken() {
        JsonNode subs = json(api.send(Call.get("/api/v1/subscriptions").as(user)));
        return subs.path(0).path("links").path("atom").asText().replaceFirst(".*/feeds/([^/]+)/atom$", "$1");
    }

    /** A subscription by one example paper. */
    private static String byExample() {
        return "{\"name\":\"by example\",\"examples\":[{\"paperId\":\"" + paper + "\"}],\"threshold\":2}";
    }

    /** Feedback: the paper is relevant. */
    private static String relevant() {
        return "{\"paperId\":\"" + paper + "\",\"relevant\":true}";
    }

    private static String subscription(String q, String address) {
        var body = new java.util.LinkedHashMap<String, Object>(Map.of("name", "statuses", "q", q));
        if (address != null) {
            body.put("email", Map.of("address", address, "frequency", "daily"));
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The confirmation the gateway wrote into the runtime's mail folder, its quoted-printable lines undone. */
    private static String confirmationMail() throws Exception {
        Path folder = stack.mailFolder().orElseThrow(() -> new AssertionError("unset EVWATCH_SMTP_HOST for this test"));
        Path eml = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (Stream<Path> files = Files.list(folder)) {
                return files.filter(f -> f.toString().endsWith(".eml")).findFirst().orElse(null);
            } catch (java.nio.file.NoSuchFileException e) {
                return null;
            }
        }, Objects::nonNull);
        return Files.readString(eml).replaceAll("=\r?\n", "").replace("=3D", "=");
    }

    private static String link(String message, String path) {
        Matcher m = Pattern.compile(Pattern.quote(path) + "[A-Za-z0-9._-]+").matcher(message);
        assertThat(m.find()).as("a link to %s in %s", path, message).isTrue();
        return m.group();
    }

    private static byte[] filled(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'a');
        return bytes;
    }

    private static JsonNode json(java.net.http.HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(response.body(), e);
        }
    }

    private static String field(java.net.http.HttpResponse<String> response, String name) {
        return json(response).path(name).asText();
    }
}
