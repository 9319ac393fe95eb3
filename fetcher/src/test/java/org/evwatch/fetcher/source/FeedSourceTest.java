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
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.tracing.RecordLog;
import org.evwatch.fetcher.http.FetchException;
import org.evwatch.fetcher.http.PoliteHttpClient;
import org.evwatch.fetcher.http.Validators;
import org.evwatch.fetcher.split.XmlDocuments;
import org.evwatch.fetcher.testsupport.FakeTime;
import org.evwatch.fetcher.testsupport.LogCapture;
import org.evwatch.testing.SharedData;
import org.evwatch.fetcher.testsupport.TestHttp;
import org.evwatch.fetcher.watch.Watch;
import org.jboss.logging.MDC;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

class FeedSourceTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PUBMED_RSS = "rss-atom/biorss_2021-12-21_pubmed.ncbi.nlm.nih.gov-rss-search-"
            + "1rE397IRBYU0-ogsyRnEw9o91K808u0evolcHK9IDZ0PVH5cqD-.xml";
    private static final String ATOM = "rss-atom/biorss_2021-12-21_contributions-to-entomology.org-gateway-plugin-"
            + "WebFeedGatewayPlugin-atom.xml";
    private static final DateWindow ANY = DateWindow.day(LocalDate.of(2025, 1, 7));
    /** The real feeds are taxonomy journals: a watch that fits some of their items, not all. */
    private static final Watch SPECIES = new Watch("new-species", List.of("new species"), List.of(), Map.of());

    private final FakeTime time = new FakeTime(Instant.parse("2026-01-05T10:00:00Z"));
    private final Fixtures.Collecting sink = new Fixtures.Collecting();
    private final ValidatorStore validators = ValidatorStore.inMemory();

    private FeedSource source(boolean landingPages, String... paths) {
        PoliteHttpClient http = TestHttp.client(time);
        List<URI> feeds = new ArrayList<>();
        for (String p : paths) {
            feeds.add(URI.create(wm.baseUrl() + p));
        }
        return new FeedSource(http, feeds, validators,
                landingPages ? Optional.of(new LandingPages(http, time)) : Optional.empty(), time);
    }

    /** Items whose title or description mentions "new species", read with XPath and jsoup: the oracle. */
    private static List<String> itemsMentioning(String regex, String xml, String idPath) throws Exception {
        var xpath = XPathFactory.newInstance().newXPath();
        NodeList items = (NodeList) xpath.evaluate("//*[local-name()='item' or local-name()='entry']",
                XmlDocuments.parse(xml), XPathConstants.NODESET);
        Pattern p = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            String text = Jsoup.parse(item.getTextContent()).text();
            if (p.matcher(text).find()) {
                ids.add(xpath.evaluate(idPath, item).trim());
            }
        }
        return ids;
    }

    @Test
    void sendsTheItemsOfARealRssFeedThatTheWatchMatches() throws Exception {
        String rss = SharedData.apiSampleText(PUBMED_RSS);
        wm.stubFor(get("/pubmed.rss").willReturn(aResponse().withBody(rss)));

        FetchResult result = source(false, "/pubmed.rss").fetch(SPECIES, ANY, sink);

        List<String> expected = itemsMentioning("\\bnew[\\s-]+species\\b", rss, "*[local-name()='guid']");
        assertThat(expected).isNotEmpty();
        assertThat(sink.ids()).containsExactlyElementsOf(expected);
        assertThat(result.seen()).isGreaterThan(expected.size());
        assertThat(sink.records).allSatisfy(r -> {
            assertThat(r.contentType()).isEqualTo(ContentTypes.FEED_ITEM_XML);
            assertThat(r.payload()).startsWith("<item");
            assertThat(r.sourceUrl()).isEqualTo(wm.baseUrl() + "/pubmed.rss");
            assertThat(XmlDocuments.parse(r.payload()).getDocumentElement().getTagName()).isEqualTo("item");
        });
    }

    @Test
    void readsAtomEntriesIdentifiedByTheirId() throws Exception {
        String atom = SharedData.apiSampleText(ATOM);
        wm.stubFor(get("/feed.atom").willReturn(aResponse().withBody(atom)));
        Watch speciesWatch = new Watch("species", List.of("species"), List.of(), Map.of());

        source(false, "/feed.atom").fetch(speciesWatch, ANY, sink);

        List<String> expected = itemsMentioning("\\bspecies\\b", atom, "*[local-name()='id']");
        assertThat(expected).isNotEmpty();
        assertThat(sink.ids()).containsExactlyElementsOf(expected);
        assertThat(sink.records).allSatisfy(r -> assertThat(XmlDocuments.parse(r.payload()).getDocumentElement()
                .getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom"));
    }

    @Test
    void usesConditionalGetAndKeepsValidatorsOnlyOnceRecordsAreStored() throws Exception {
        String rss = SharedData.apiSampleText(PUBMED_RSS);
        wm.stubFor(get("/pubmed.rss").willReturn(aResponse().withBody(rss).withHeader("ETag", "\"abc\"")));
        wm.stubFor(get("/pubmed.rss").withHeader("If-None-Match", equalTo("\"abc\""))
                .willReturn(aResponse().withStatus(304)));
        FeedSource feeds = source(false, "/pubmed.rss");

        FetchResult first = feeds.fetch(SPECIES, ANY, sink);
        int sentFirst = sink.records.size();
        assertThat(validators.get(wm.baseUrl() + "/pubmed.rss")).isEqualTo(Validators.NONE);
        // not acknowledged: the next poll fetches the whole feed again
        feeds.fetch(SPECIES, ANY, sink);
        assertThat(sink.records).hasSize(2 * sentFirst);

        first.onAcknowledged().run();
        FetchResult third = feeds.fetch(SPECIES, ANY, sink);

        assertThat(sentFirst).isPositive();
        assertThat(third.seen()).isZero();
        assertThat(sink.records).hasSize(2 * sentFirst);
        wm.verify(1, getRequestedFor(urlPathEqualTo("/pubmed.rss")).withHeader("If-None-Match", equalTo("\"abc\"")));
    }

    @Test
    void judgesAnItemWithoutAbstractOnItsLandingPageAndSendsThePageToo() throws Exception {
        wm.stubFor(get("/journal.rss").willReturn(aResponse().withBody(
                Fixtures.text("feeds/no-abstract.rss").replace("{{BASE}}", wm.baseUrl()))));
        wm.stubFor(get("/article/ev-1").willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody(Fixtures.text("feeds/article-ev.html"))));
        wm.stubFor(get("/article/editorial").willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody(Fixtures.text("feeds/article-editorial.html"))));

        source(true, "/journal.rss").fetch(Watch.evCancer(), ANY, sink);

        assertThat(sink.ids()).containsExactly("jvo-2025-0101", wm.baseUrl() + "/article/ev-1");
        assertThat(sink.records.get(1).contentType()).isEqualTo(ContentTypes.HTML);
        assertThat(sink.records.get(1).payload()).isEqualTo(Fixtures.text("feeds/article-ev.html"));
        assertThat(sink.records.get(1).source()).isEqualTo(LandingPages.NAME);
        wm.verify(1, getRequestedFor(urlPathEqualTo("/article/editorial")));
    }

    @Test
    void aLandingPageThatCannotBeHadDoesNotHoldUpTheFeed() throws Exception {
        String rss = Fixtures.text("feeds/no-abstract.rss").replace("{{BASE}}", wm.baseUrl())
                .replace("<title>Letter from the editors</title>",
                        "<title>Exosomes in tumour immunity: an editorial</title>");
        wm.stubFor(get("/journal.rss").willReturn(aResponse().withBody(rss)));
        wm.stubFor(get("/article/ev-1").willReturn(aResponse().withStatus(404)));
        wm.stubFor(get("/article/editorial").willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody(Fixtures.text("feeds/article-editorial.html"))));

        try (LogCapture log = LogCapture.of(FeedSource.class)) {
            source(true, "/journal.rss").fetch(Watch.evCancer(), ANY, sink);
            assertThat(log.lines()).as("the line about a page names the item it belongs to").singleElement()
                    .satisfies(line -> assertThat(line.recordId()).isEqualTo("jvo-2025-0101"));
        }
        assertThat(MDC.get(RecordLog.RECORD_ID)).as("no item is named once the feed is read").isNull();

        // the first item's page is gone and its title alone does not match; the second matches on its title
        assertThat(sink.ids()).containsExactly("jvo-2025-0102", wm.baseUrl() + "/article/editorial");
    }

    @Test
    void oneFailingFeedDoesNotStopTheOthers() throws Exception {
        wm.stubFor(get("/down.rss").willReturn(aResponse().withStatus(500)));
        wm.stubFor(get("/pubmed.rss").willReturn(aResponse().withBody(SharedData.apiSampleText(PUBMED_RSS))));

        assertThatThrownBy(() -> source(false, "/down.rss", "/pubmed.rss").fetch(SPECIES, ANY, sink))
                .isInstanceOfSatisfying(FetchException.class,
                        e -> assertThat(e.getMessage()).contains("/down.rss").contains("HTTP 500"));
        assertThat(sink.records).isNotEmpty();
    }

    @Test
    void aMalformedFeedSendsNothing() {
        String rss = SharedData.apiSampleText(PUBMED_RSS);
        wm.stubFor(get("/cut.rss").willReturn(aResponse().withBody(rss.substring(0, rss.length() / 2))));

        assertThatThrownBy(() -> source(false, "/cut.rss").fetch(SPECIES, ANY, sink))
                .isInstanceOfSatisfying(FetchException.class,
                        e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.MALFORMED));
        assertThat(sink.records).isEmpty();
    }
}
