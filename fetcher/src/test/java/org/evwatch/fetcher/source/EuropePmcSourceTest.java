package org.evwatch.fetcher.source;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.evwatch.events.ContentTypes;
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
        return new EuropePmcSource(TestHttp.client(time),
                new EuropePmcSource.Settings(URI.create(wm.baseUrl() + "/rest/"), 1000, "ops@evwatch.example"), time);
    }

    @Test
    void pagesWithCursorMarkToTheEndOneRecordPerResult() throws Exception {
        String core = SharedData.apiSampleText("europepmc/pyEuropePMC_search_cancer_core.json");
        String next = JSON.readTree(core).get("nextCursorMark").asText();
        wm.stubFor(get(urlPathEqualTo("/rest/search")).withQueryParam("cursorMark", equalTo("*"))
                .willReturn(aResponse().withBody(core)));
        wm.stubFor(get(urlPathEqualTo("/rest/search")).withQueryParam("cursorMark", equalTo(next))
                .willReturn(aResponse().withBody(SharedData.apiSampleText(
                        "europepmc/pyEuropePMC_search_no_results.json"))));

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
}
