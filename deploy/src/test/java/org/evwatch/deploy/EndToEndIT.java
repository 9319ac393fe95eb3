package org.evwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.evwatch.events.metrics.PipelineMetric;
import org.evwatch.testing.Scrape;
import org.evwatch.testing.otlp.OtlpReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The whole system as separate processes: the Kafka broker, PostgreSQL and the four service jars, exercised only
 * through the inbox folder and the gateway's public API, and the internal APIs only to see that they are closed. The
 * services export their traces to a receiver in this JVM, read their consumers' lag every second and log JSON lines,
 * so that the last tests can follow papers through the metrics, a trace and the logs. A subscription to every paper
 * posts each to a webhook receiver here.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path ROOT = Path.of(System.getProperty("evwatch.root", "..")).toAbsolutePath().normalize();
    static final Path SAMPLES = ROOT.resolve("deploy/samples/pubmed");
    static final String IMPORT_DOI = "10.5555/evwatch.import.";
    /** The titles of the good records of the two libraries imported through the gateway. */
    static final List<String> IMPORTED = List.of(
            "Plasma exosomes of pancreatic ductal adenocarcinoma carry glypican-1 for early detection",
            "Tumour-derived microvesicles reprogram macrophages in metastatic melanoma",
            "Exosomal microRNA-21 predicts relapse after resection of hepatocellular carcinoma",
            "Apoptotic bodies of glioblastoma transfer oncogenic DNA to astrocytes");
    /** The papers dropped at once while the metrics are scraped. */
    static final int FLOW = 1000;
    static LocalStack stack;
    static OtlpReceiver traces;
    static WebhookSink webhook;
    static GatewayImports.Key importer;
    static String importId;

    @BeforeAll
    static void start() throws Exception {
        traces = OtlpReceiver.start();
        webhook = new WebhookSink();
        stack = new LocalStack(Folders.ephemeralRuntime("e2e-runtime"));
        for (String service : LocalStack.SERVICES) {
            stack.environment(service, "EVWATCH_OTLP_ENDPOINT", traces.endpoint())
                    .environment(service, "EVWATCH_METRICS_LAG_INTERVAL", "1s")
                    .environment(service, "EVWATCH_LOG_JSON", "true");
        }
        stack.environment("api-gateway", "EVWATCH_GATEWAY_WEBHOOKS_ALLOW_LIST", "127.0.0.1/32");
        stack.start();
        GatewayProbe.subscribeToEverything(stack, webhook.url());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (traces != null) {
            traces.close();
        }
        if (webhook != null) {
            webhook.close();
        }
    }

    @Test
    @Order(1)
    void droppedFileIsSearchableAtTheGatewayWithinSeconds() throws Exception {
        Path file = SAMPLES.resolve("ev-cancer-2024.xml");
        List<String> pmids = LocalRuntime.pmids(List.of(file));
        stack.drop(file, "first.xml");
        String first = pmids.get(0);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> stack.get(gateway("/api/v1/papers/pmid:" + first)).statusCode() == 200);
        for (String pmid : pmids) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> stack.get(gateway("/api/v1/papers/pmid:" + pmid)).statusCode() == 200);
        }
        JsonNode paper = json(gateway("/api/v1/papers/pmid:" + first));
        assertThat(paper.path("title").asText()).isEqualTo(titleOf(file, 0));
        assertThat(paper.path("ids").path("doi").asText()).startsWith("10.5555/evwatch.sample.");

        JsonNode hits = json(gateway("/api/v1/papers?q=" + encode(quoted(titleOf(file, 0)))));
        assertThat(hits.path("total").asLong()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void theSameFileDroppedTwiceGivesOnePaper() throws Exception {
        Path file = SAMPLES.resolve("ev-cancer-2024.xml");
        String first = LocalRuntime.pmids(List.of(file)).get(0);
        long versionBefore = json(gateway("/api/v1/papers/pmid:" + first)).path("version").asLong();
        stack.drop(file, "again.xml");
        await().atMost(Duration.ofSeconds(30)).until(() -> inFolder("processed", "-again.xml"));
        // Give a wrongly re-sent record time to travel the whole pipeline before looking.
        Thread.sleep(3000);
        JsonNode hits = json(gateway("/api/v1/papers?q=" + encode(quoted(titleOf(file, 0)))));
        assertThat(hits.path("total").asLong()).isEqualTo(1);
        assertThat(json(gateway("/api/v1/papers/pmid:" + first)).path("version").asLong()).isEqualTo(versionBefore);
    }

    @Test
    @Order(3)
    void malformedFileIsRejectedWhileGoodFilesStillFlow() throws Exception {
        Path broken = Files.createTempFile("broken", ".xml");
        Files.writeString(broken, "<?xml version=\"1.0\"?>\n<PubmedArticleSet><PubmedArticle><MedlineCitation>"
                + "<PMID Version=\"1\">99000999</PMID><Article><ArticleTitle>Trunc");
        stack.drop(broken, "broken.xml");
        Path good = SAMPLES.resolve("ev-cancer-2025.xml");
        stack.drop(good, "later.xml");

        String pmid = LocalRuntime.pmids(List.of(good)).get(0);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> stack.get(gateway("/api/v1/papers/pmid:" + pmid)).statusCode() == 200);
        assertThat(inFolder("rejected", "-broken.xml")).isTrue();
        Path reason = find("rejected", "-broken.xml.reason.txt");
        assertThat(Files.readString(reason)).contains("malformed XML");
        assertThat(stack.get(gateway("/api/v1/papers/pmid:99000999")).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(4)
    void theSecretsMadeAtFirstStartOpenTheAdminApiAndTheInternalApis() throws Exception {
        LocalSecrets secrets = stack.secrets();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets.file())))
                .isEqualTo("rw-------");
        String keys = gateway("/api/v1/admin/keys");
        assertThat(stack.get(keys).statusCode()).isEqualTo(401);
        assertThat(GatewayImports.get(keys, secrets.get(LocalSecrets.ADMIN_KEY)).statusCode()).isEqualTo(200);

        String search = stack.url("indexer") + "/internal/v1/search?q=exosome";
        var refused = stack.get(search);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(GatewayImports.get(search, secrets.get(LocalSecrets.INTERNAL_TOKEN)).statusCode()).isEqualTo(200);
        assertThat(stack.get(stack.url("extractor") + "/q/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void withoutAnSmtpServerTheGatewayWritesItsMailIntoTheRuntimeFolder() throws Exception {
        Path mail = stack.mailFolder().orElseThrow(() -> new AssertionError("unset EVWATCH_SMTP_HOST for this test"));
        String body = "{\"name\":\"Mail\",\"q\":\"exosome\",\"email\":{\"address\":\"reader@example.org\","
                + "\"frequency\":\"weekly\"}}";
        var created = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(gateway("/api/v1/subscriptions")))
                        .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + stack.secrets()
                                .get(LocalSecrets.ADMIN_KEY))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Path eml = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (Stream<Path> files = Files.list(mail)) {
                return files.filter(f -> f.toString().endsWith(".eml")).findFirst().orElse(null);
            } catch (java.nio.file.NoSuchFileException e) {
                return null;
            }
        }, java.util.Objects::nonNull);
        String message = Files.readString(eml);
        assertThat(message).contains("To: reader@example.org").contains("Subject: Confirm EVwatch mail for \"Mail\"")
                .contains("Content-Type: text/html");
        var unsubscribe = java.util.regex.Pattern.compile("List-Unsubscribe: <([^>]+)>").matcher(message);
        assertThat(unsubscribe.find()).isTrue();
        assertThat(unsubscribe.group(1)).startsWith(gateway("/api/v1/mail/unsubscribe?token="));
        var page = stack.get(unsubscribe.group(1));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\"");
    }

    @Test
    @Order(6)
    void aLibraryUploadedAsAFormOrAsTheBodyIsImportedEntryByEntryAndItsPapersAreSearchable() throws Exception {
        importer = GatewayImports.createUserKey(stack, "lab importer");
        String form = GatewayImports.zoteroRecord(IMPORTED.get(0), "Okafor, Chidinma A.",
                "Journal of Extracellular Vesicles", IMPORT_DOI + "101", true)
                + GatewayImports.zoteroRecord(null, "Tanaka, Hiroshi", "Molecular Cancer", IMPORT_DOI + "102", true)
                + GatewayImports.zoteroRecord(IMPORTED.get(1), "Lindqvist, Åsa", "Cancer Research", IMPORT_DOI + "103",
                        true);
        String body = GatewayImports.zoteroRecord(IMPORTED.get(2), "Ferreira, Marta", "Oncogene", IMPORT_DOI + "201",
                true)
                + GatewayImports.zoteroRecord("Large oncosomes of prostate cancer cells carry active kinases",
                        "Haddad, Leila", "Theranostics", IMPORT_DOI + "202", false)
                + GatewayImports.zoteroRecord(IMPORTED.get(3), "Nguyen, Minh", "Molecular Cancer", IMPORT_DOI + "203",
                        true);

        // the form's part is typed as a browser types a file it does not know: the format is detected
        JsonNode fromForm = GatewayImports.awaitDone(stack, GatewayImports.uploadForm(stack, importer.key(),
                "My Library.ris", "application/octet-stream", form), importer.key());
        assertImported(fromForm, "My Library.ris", "record at line 12", "the record has no title (TI or T1)");
        JsonNode fromBody = GatewayImports.awaitDone(stack, GatewayImports.uploadBody(stack, importer.key(),
                "exported.ris", "application/x-research-info-systems", body), importer.key());
        assertImported(fromBody, "exported.ris", "record at line 12",
                "the record has no 'ER  - ' line before the next record at line 22");
        assertThat(fromBody.path("owner").asText()).isEqualTo(importer.id());
        importId = fromBody.path("id").asText();

        String found = gateway("/api/v1/papers?highlight=false&q=" + encode(byDoi("101", "103", "201", "203")));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> json(found).path("total").asLong() == IMPORTED.size());
        List<String> titles = new ArrayList<>();
        json(found).path("hits").forEach(hit -> titles.add(hit.path("title").asText()));
        assertThat(titles).containsExactlyInAnyOrderElementsOf(IMPORTED);
        assertThat(json(gateway("/api/v1/papers?q=" + encode(byDoi("102", "202")))).path("total").asLong())
                .isZero();
    }

    @Test
    @Order(7)
    void anImportIsSeenByTheKeyThatMadeItAndByAdminsOnly() throws Exception {
        assertThat(importId).as("the import of the test before").isNotBlank();
        String job = gateway("/api/v1/imports/" + importId);
        assertThat(GatewayImports.get(job, importer.key()).statusCode()).isEqualTo(200);

        var someoneElse = GatewayImports.get(job, GatewayImports.createUserKey(stack, "another lab").key());
        assertThat(someoneElse.statusCode()).isEqualTo(404);
        assertThat(someoneElse.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(someoneElse.body()).doesNotContain(importer.id());
        assertThat(GatewayImports.get(job, null).statusCode()).isEqualTo(401);
        assertThat(GatewayImports.uploadBody(stack, null, "anonymous.ris", "application/x-research-info-systems",
                GatewayImports.zoteroRecord("Anonymous", "Nobody, A.", "Oncogene", IMPORT_DOI + "301", true))
                .statusCode()).isEqualTo(401);

        var admin = GatewayImports.get(job, stack.secrets().get(LocalSecrets.ADMIN_KEY));
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(admin.body()).path("owner").asText()).isEqualTo(importer.id());
        assertThat(GatewayImports.get(gateway("/api/v1/imports/" + UUID.randomUUID()), importer.key())
                .statusCode()).isEqualTo(404);
    }

    @Test
    @Order(8)
    void whilePapersFlowEveryServiceCountsThemAndTheExtractorsLagRisesAndFalls() throws Exception {
        Map<String, Scrape> before = scrapeAll();
        new PubmedGenerator(8).writeFiles(stack.inbox(), FLOW, FLOW, 97_000_000L);
        double maxLag = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (moved(before, scrape("api-gateway"), "api-gateway", PipelineMetric.RECORDS_IN, "papers.indexed") < FLOW
                && System.nanoTime() < deadline) {
            maxLag = Math.max(maxLag, scrape("extractor").sum(lag(), "group", "evwatch-extractor", "topic",
                    "papers.fetched"));
            Thread.sleep(250);
        }
        Map<String, Scrape> after = scrapeAll();
        assertThat(maxLag).as("the extractor's lag seen while papers flow").isPositive();
        assertThat(after.get("fetcher").sum(prom(PipelineMetric.FETCHED_RECORDS), "source", "inbox")
                - before.get("fetcher").sum(prom(PipelineMetric.FETCHED_RECORDS), "source", "inbox"))
                .isGreaterThanOrEqualTo(FLOW);
        assertThat(delta(before, after, "fetcher", prom(PipelineMetric.FETCHES), "source", "inbox", "outcome", "ok"))
                .isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "fetcher", prom(PipelineMetric.RECORDS_OUT), "topic", "papers.fetched"))
                .isGreaterThanOrEqualTo(FLOW);
        assertThat(delta(before, after, "extractor", prom(PipelineMetric.RECORDS_IN), "topic", "papers.fetched"))
                .isGreaterThanOrEqualTo(FLOW);
        assertThat(delta(before, after, "extractor", prom(PipelineMetric.EXTRACTION) + "_count", "outcome", "ok"))
                .isGreaterThanOrEqualTo(FLOW);
        assertThat(delta(before, after, "indexer", prom(PipelineMetric.RECORDS_IN), "topic", "papers.extracted"))
                .isGreaterThanOrEqualTo(FLOW);
        assertThat(delta(before, after, "indexer", prom(PipelineMetric.RECORDS_OUT), "topic", "papers.indexed"))
                .isGreaterThanOrEqualTo(FLOW);
        assertThat(moved(before, after.get("api-gateway"), "api-gateway", PipelineMetric.RECORDS_IN,
                "papers.indexed")).isGreaterThanOrEqualTo(FLOW);
        // the confirmation mail of an earlier test, and the searches of the first
        assertThat(after.get("api-gateway").sum(prom(PipelineMetric.DELIVERIES), "channel", "email", "outcome",
                "sent")).isGreaterThanOrEqualTo(1);
        assertThat(after.get("api-gateway").sum(prom(PipelineMetric.INDEXER_CALLS) + "_count", "operation", "search",
                "outcome", "ok")).isGreaterThanOrEqualTo(1);
        assertThat(after.get("indexer").sum(prom(PipelineMetric.SEARCH) + "_count", "outcome", "ok"))
                .isGreaterThanOrEqualTo(1);
        assertThat(after.get("indexer").samples()).anySatisfy(s -> assertThat(s.name())
                .isEqualTo(prom(PipelineMetric.OUTBOX_BACKLOG)));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> scrape("extractor")
                .sum(lag(), "group", "evwatch-extractor") == 0);
    }

    @Test
    @Order(9)
    void onePapersTraceSpansTheFourServices() throws Exception {
        String pmid = LocalRuntime.pmids(List.of(SAMPLES.resolve("ev-cancer-2024.xml"))).get(0);
        List<String> services = List.of("evwatch-fetcher", "evwatch-extractor", "evwatch-indexer",
                "evwatch-api-gateway");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            // a PubMed record's id is its PMID
            OtlpReceiver.Span fetched = traces.spans().stream().filter(s -> s.service().equals("evwatch-fetcher")
                    && pmid.equals(s.attributes().get("evwatch.record.id"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no fetcher span for PMID " + pmid + " among "
                            + traces.spans().size() + " spans, e.g. " + traces.spans().stream().limit(3).toList()));
            List<OtlpReceiver.Span> trace = traces.spans().stream()
                    .filter(s -> s.traceId().equals(fetched.traceId())).toList();
            assertThat(trace).extracting(OtlpReceiver.Span::service).containsAll(services);
            assertThat(trace).filteredOn(s -> s.service().equals("evwatch-api-gateway"))
                    .extracting(s -> s.attributes().get("evwatch.paper.id")).doesNotContainNull();
            assertThat(trace).filteredOn(s -> !s.spanId().equals(fetched.spanId()))
                    .allSatisfy(s -> assertThat(trace).extracting(OtlpReceiver.Span::spanId)
                            .contains(s.parentSpanId()));
            // each attempt a span of the paper's trace, whose context the receiver got (flags aside)
            List<String> attempts = trace.stream().filter(s -> s.name().equals("deliver webhook"))
                    .map(s -> "00-" + s.traceId() + "-" + s.spanId()).toList();
            assertThat(attempts).as("webhook attempts in the trace of PMID " + pmid).isNotEmpty();
            assertThat(webhook.received()).filteredOn(r -> r.pmid() == Long.parseLong(pmid))
                    .extracting(r -> r.traceparent() == null ? null : r.traceparent().substring(0, 52))
                    .isNotEmpty().isSubsetOf(attempts);
        });
    }

    @Test
    @Order(10)
    void logLinesAreJsonAndARejectedRecordsLineNamesTheRecordAndItsTrace() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String key = "json-log-probe-" + UUID.randomUUID();
        JsonLogs.publish(stack, "papers.extracted", key, "{\"not\":\"a paper\"}",
                "00-" + traceId + "-00f067aa0ba902b7-01");
        Path log = stack.settings().runtime().resolve("logs/indexer.log");
        JsonNode line = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> JsonLogs.find(log, l -> key.equals(l.path("recordId").asText())),
                        java.util.Objects::nonNull);
        assertThat(line.path("traceId").asText()).isEqualTo(traceId);
        assertThat(line.path("level").asText()).isEqualTo("WARN");
        assertThat(line.path("service").asText()).isEqualTo("evwatch-indexer");
        assertThat(line.path("message").asText()).contains("dead-letter topic");
        for (String service : LocalStack.SERVICES) {
            JsonLogs.assertAllJson(stack.settings().runtime().resolve("logs/" + service + ".log"));
        }
    }

    private static Map<String, Scrape> scrapeAll() throws IOException, InterruptedException {
        Map<String, Scrape> all = new java.util.HashMap<>();
        for (String service : LocalStack.SERVICES) {
            all.put(service, scrape(service));
        }
        return all;
    }

    private static Scrape scrape(String service) throws IOException, InterruptedException {
        var response = stack.get(stack.url(service) + "/q/metrics");
        assertThat(response.statusCode()).as(service + " /q/metrics").isEqualTo(200);
        return Scrape.of(response.body());
    }

    private static double delta(Map<String, Scrape> before, Map<String, Scrape> after, String service, String name,
            String... labels) {
        return after.get(service).sum(name, labels) - before.get(service).sum(name, labels);
    }

    private static double moved(Map<String, Scrape> before, Scrape now, String service, PipelineMetric metric,
            String topic) {
        return now.sum(prom(metric), "topic", topic) - before.get(service).sum(prom(metric), "topic", topic);
    }

    private static String lag() {
        return prom(PipelineMetric.CONSUMER_LAG);
    }

    private static String prom(PipelineMetric metric) {
        return metric.prometheusName();
    }

    private static void assertImported(JsonNode job, String fileName, String badEntry, String why) {
        assertThat(job.path("fileName").asText()).isEqualTo(fileName);
        assertThat(job.path("contentType").asText()).isEqualTo("application/x-research-info-systems");
        JsonNode counts = job.path("counts");
        assertThat(List.of(counts.path("total").asInt(), counts.path("accepted").asInt(), counts.path("merged")
                .asInt(), counts.path("rejected").asInt(), counts.path("pending").asInt()))
                .as("total, accepted, merged, rejected, pending").containsExactly(3, 2, 0, 1, 0);
        JsonNode records = job.path("records");
        assertThat(records.size()).isEqualTo(3);
        assertThat(records.get(0).path("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(records.get(2).path("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(records.get(0).path("recordId").asText()).startsWith("ris:doi:" + IMPORT_DOI);
        JsonNode rejected = records.get(1);
        assertThat(rejected.path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(rejected.path("position").asInt()).isEqualTo(2);
        assertThat(rejected.path("entry").asText()).isEqualTo(badEntry);
        assertThat(rejected.path("detail").asText()).isEqualTo(why);
    }

    private static String byDoi(String... numbers) {
        return String.join(" OR ", Arrays.stream(numbers).map(n -> "doi:" + IMPORT_DOI + n).toList());
    }

    private static String gateway(String path) {
        return stack.url("api-gateway") + path;
    }

    private static JsonNode json(String url) throws IOException, InterruptedException {
        var response = stack.get(url);
        assertThat(response.statusCode()).as("GET " + url + " -> " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String titleOf(Path file, int index) throws IOException {
        var m = java.util.regex.Pattern.compile("<ArticleTitle>(.*?)</ArticleTitle>", java.util.regex.Pattern.DOTALL)
                .matcher(Files.readString(file));
        for (int i = 0; i <= index; i++) {
            assertThat(m.find()).isTrue();
        }
        return m.group(1).replaceAll("<[^>]+>", "").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                .replaceAll("\\s+", " ").trim();
    }

    private static String quoted(String title) {
        return "\"" + title.replaceAll("[^\\p{L}\\p{N} -]", " ").replaceAll("\\s+", " ").trim() + "\"";
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static boolean inFolder(String folder, String suffix) throws IOException {
        return find(folder, suffix) != null;
    }

    private static Path find(String folder, String suffix) throws IOException {
        Path dir = stack.inbox().resolve(folder);
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
        }
    }

}
