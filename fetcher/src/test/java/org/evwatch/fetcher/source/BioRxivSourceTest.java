package org.evwatch.fetcher.source;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;

import org.evwatch.events.ContentTypes;
import org.evwatch.fetcher.http.FetchException;
import org.evwatch.fetcher.testsupport.FakeTime;
import org.evwatch.fetcher.testsupport.TestHttp;
import org.evwatch.fetcher.watch.Watch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

class BioRxivSourceTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final DateWindow WINDOW = new DateWindow(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 2));

    private final FakeTime time = new FakeTime(Instant.parse("2026-01-05T10:00:00Z"));
    private final Fixtures.Collecting sink = new Fixtures.Collecting();

    private BioRxivSource source() {
        return new BioRxivSource(TestHttp.client(time),
                new BioRxivSource.Settings(URI.create(wm.baseUrl() + "/"), "biorxiv"), time);
    }

    @Test
    void pagesByCursorToTheTotalAndKeepsOnlyPreprintsTheWatchMatches() throws Exception {
        wm.stubFor(get(urlEqualTo("/details/biorxiv/2024-01-01/2024-01-02/0"))
                .willReturn(aResponse().withBody(Fixtures.text("biorxiv/details-page-0.json"))));
        wm.stubFor(get(urlEqualTo("/details/biorxiv/2024-01-01/2024-01-02/3"))
                .willReturn(aResponse().withBody(Fixtures.text("biorxiv/details-page-3.json"))));

        FetchResult result = source().fetch(Watch.evCancer(), WINDOW, sink);

        assertThat(sink.ids()).containsExactly("10.1101/2024.01.01.573101", "10.1101/2024.01.02.573320",
                "10.1101/2024.01.02.573411");
        assertThat(result.seen()).isEqualTo(5);
        assertThat(sink.records).allSatisfy(r -> {
            assertThat(r.source()).isEqualTo("biorxiv");
            assertThat(r.contentType()).isEqualTo(ContentTypes.BIORXIV_JSON);
        });
        // the link to the journal version travels with the record
        assertThat(new ObjectMapper().readTree(sink.records.get(2).payload()).get("published").asText())
                .isEqualTo("10.1038/s41467-024-01234-5");
    }

    @Test
    void anEmptyWindowSendsNothing() throws Exception {
        wm.stubFor(get(urlEqualTo("/details/biorxiv/2024-01-01/2024-01-02/0"))
                .willReturn(aResponse().withBody(Fixtures.text("biorxiv/details-empty.json"))));

        FetchResult result = source().fetch(Watch.evCancer(), WINDOW, sink);

        assertThat(result.seen()).isZero();
        assertThat(sink.records).isEmpty();
    }

    @Test
    void aMalformedPageFailsTheWindow() {
        wm.stubFor(get(urlEqualTo("/details/biorxiv/2024-01-01/2024-01-02/0"))
                .willReturn(aResponse().withBody("<html><body>502 Bad Gateway</body></html>")));

        assertThatThrownBy(() -> source().fetch(Watch.evCancer(), WINDOW, sink))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FetchException.Kind.MALFORMED);
                    assertThat(e.source()).isEqualTo("biorxiv");
                });
        assertThat(sink.records).isEmpty();
    }
}
