package org.evwatch.fetcher.source;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import java.util.Locale;
import java.util.Map;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.PaperKeys;
import org.evwatch.fetcher.http.FetchException;
import org.evwatch.fetcher.testsupport.FakeTime;
import org.evwatch.testing.SharedData;
import org.evwatch.fetcher.testsupport.TestHttp;
import org.evwatch.fetcher.watch.Watch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

class CrossrefSourceTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateWindow WEEK = new DateWindow(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 7));
    /** The real work-list sample is about ecology: a watch that fits it exercises the local filter. */
    private static final Watch ECOLOGY = new Watch("ecology", List.of("ecolog*"), List.of(), Map.of());

    private final FakeTime time = new FakeTime(Instant.parse("2026-01-05T10:00:00Z"));
    private final Fixtures.Collecting sink = new Fixtures.Collecting();

    private CrossrefSource source() {
        return new CrossrefSource(TestHttp.client(time),
                new CrossrefSource.Settings(URI.create(wm.baseUrl() + "/"), 1000, "ops@evwatch.example"), time);
    }

    /** A real work-list, given the deep-paging cursor a cursor=* request gets (the recorded one had none). */
    private static String withNextCursor(String body, String cursor) throws Exception {
        ObjectNode tree = (ObjectNode) JSON.readTree(body);
        ((ObjectNode) tree.get("message")).put("next-cursor", cursor);
        return JSON.writeValueAsString(tree);
    }

    private static String emptied(String body) throws Exception {
        ObjectNode tree = (ObjectNode) JSON.readTree(body);
        ((ObjectNode) tree.get("message")).putArray("items");
        ((ObjectNode) tree.get("message")).put("next-cursor", "DnF1ZXJ5VGhlbkZldGNo-end");
        return JSON.writeValueAsString(tree);
    }

    @Test
    void pagesWithTheCursorUntilAnEmptyPageAndKeepsOnlyWorksTheWatchMatches() throws Exception {
        String real = SharedData.apiSampleText("crossref/habanero_works_query_ecology_author_boettiger.json");
        String page1 = withNextCursor(real, "DnF1ZXJ5VGhlbkZldGNo-2");
        wm.stubFor(get(urlPathEqualTo("/works")).withQueryParam("cursor", equalTo("*"))
                .willReturn(aResponse().withBody(page1)));
        wm.stubFor(get(urlPathEqualTo("/works")).withQueryParam("cursor", equalTo("DnF1ZXJ5VGhlbkZldGNo-2"))
                .willReturn(aResponse().withBody(emptied(real))));

        FetchResult result = source().fetch(ECOLOGY, WEEK, sink);

        List<String> expected = new ArrayList<>();
        JsonNode items = JSON.readTree(real).at("/message/items");
        for (JsonNode item : items) {
            String text = (item.path("title").toString() + item.path("subtitle") + item.path("abstract").asText(""))
                    .toLowerCase(Locale.ROOT);
            if (text.contains("ecolog")) {
                expected.add(PaperKeys.normaliseDoi(item.get("DOI").asText()));
            }
        }
        assertThat(expected).isNotEmpty().hasSizeLessThan(items.size());
        assertThat(sink.ids()).containsExactlyElementsOf(expected);
        assertThat(result.seen()).isEqualTo(items.size());
        assertThat(result.handedOver()).isEqualTo(expected.size());
        assertThat(sink.records).allSatisfy(r -> {
            assertThat(r.contentType()).isEqualTo(ContentTypes.CROSSREF_JSON);
            assertThat(page1).contains(r.payload());
            assertThat(PaperKeys.normaliseDoi(JSON.readTree(r.payload()).get("DOI").asText()))
                    .isEqualTo(r.sourceRecordId());
        });
        wm.verify(getRequestedFor(urlPathEqualTo("/works"))
                .withQueryParam("filter", equalTo("from-index-date:2025-03-01,until-index-date:2025-03-07"))
                .withQueryParam("rows", equalTo("1000"))
                .withQueryParam("mailto", equalTo("ops@evwatch.example"))
                .withQueryParam("query", equalTo("ecolog")));
        wm.verify(2, getRequestedFor(urlPathEqualTo("/works")));
    }

    @Test
    void aBodyThatIsNotAWorkListIsRejected() {
        // a single work (message-type "work") where a list was asked for
        wm.stubFor(get(urlPathEqualTo("/works")).willReturn(aResponse().withBody(SharedData.apiSampleText(
                "crossref/habanero_works_10.3892_ijo_00000353.json"))));

        assertThatThrownBy(() -> source().fetch(ECOLOGY, WEEK, sink))
                .isInstanceOfSatisfying(FetchException.class,
                        e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.MALFORMED));
        assertThat(sink.records).isEmpty();
    }
}
