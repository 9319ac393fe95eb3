package org.evwatch.gateway.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.evwatch.gateway.testsupport.Fixtures;
import org.evwatch.gateway.testsupport.IndexerProcess;
import org.evwatch.gateway.testsupport.WebDriverClient;
import org.evwatch.testing.KafkaAndPostgresResource;
import org.junit.jupiter.api.Test;

/**
 * The web page in headless Chromium, as a reader uses it: search, open a paper, subscribe, read and click the chart
 * of the field. The catalog behind the
 * gateway is the real indexer holding the fixture papers; the gateway, its database and the browser are real.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresResource.class)
@QuarkusTestResource(value = IndexerProcess.class, restrictToAnnotatedClass = true)
class WebUiIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TestHTTPResource("/")
    String base;

    @Test
    void searchOpenAPaperAndSubscribe() throws Exception {
        WebDriverClient.inBrowser("webui-failure", this::run);
    }

    @Test
    void theChartOfTheFieldDrawsTheYearsAndMonthsAndNarrowsTheSearchWhenClicked() throws Exception {
        WebDriverClient.inBrowser("webui-failure", this::chart);
    }

    @Test
    void thePaperPageListsSimilarPapersWithWhyAndMoreLikeThisSearchesForThem() throws Exception {
        WebDriverClient.inBrowser("webui-failure", this::similar);
    }

    private void similar(WebDriverClient browser) throws Exception {
        String pdac = Fixtures.paper("exosome-pdac").title();
        String glioma = Fixtures.paper("glioma-ev-mirna").title();
        // "More like this" on a result runs similar:ID, keeping the search's filters.
        browser.open(base + "#/search?q=exosome&entityType=MIRNA");
        browser.waitForText("#status", "1 paper", WAIT);
        String button = browser.waitFor("#results li.hit .more-like-this", WAIT);
        String id = browser.attribute(button, "data-id");
        browser.click(button);
        browser.waitForText("#status", "1 paper", WAIT);
        assertThat(browser.script("return decodeURIComponent(location.hash)"))
                .isEqualTo("#/search?q=similar:" + id + "&entityType=MIRNA");
        assertThat(browser.text(browser.waitFor("#results li.hit", WAIT))).contains(glioma).doesNotContain(pdac);

        // The paper page lists the papers like it, each with the entities and words it shares.
        browser.open(base + "#/paper/" + id);
        browser.waitForText("#paper-title", "Glypican-1", WAIT);
        String similar = browser.waitFor("#similar-list li.similar-paper", WAIT);
        assertThat(browser.text(similar)).contains(glioma, "Shares:");
        assertThat(browser.text(browser.waitFor("#similar-list .why .terms", WAIT))).contains("mir");
        assertThat(browser.findAll("#similar-list li.similar-paper .why .chip[data-id='MIMAT0000076']")).hasSize(1);
        assertThat(browser.findAll("#similar-list li.similar-paper")).hasSize(1);
        Files.createDirectories(Path.of("target"));
        browser.screenshot(Path.of("target", "webui-similar.png"));
        // Its link searches for them.
        browser.click(browser.waitFor("#similar p a", WAIT));
        browser.waitForText("#status", "1 paper", WAIT);
        assertThat(browser.text(browser.waitFor("#results li.hit", WAIT))).contains(glioma);
    }

    private void chart(WebDriverClient browser) throws Exception {
        // The fixture papers' publication years, from their files: one bar per year from the first to the last.
        Map<Integer, Long> perYear = Fixtures.PAPERS.stream().map(Fixtures::paper)
                .collect(Collectors.groupingBy(p -> Integer.parseInt(p.dates().published().substring(0, 4)),
                        TreeMap::new, Collectors.counting()));
        int first = Collections.min(perYear.keySet());
        int last = Collections.max(perYear.keySet());
        browser.open(base + "#/search");
        browser.waitForText("#status", Fixtures.PAPERS.size() + " papers", WAIT);
        browser.waitFor("#chart-bars .bar", WAIT);
        List<String> bars = browser.findAll("#chart-bars .bar");
        assertThat(bars).hasSize(last - first + 1);
        for (int year = first; year <= last; year++) {
            long n = perYear.getOrDefault(year, 0L);
            String bar = browser.waitFor("#chart-bars .bar[data-period='" + year + "']", WAIT);
            assertThat(browser.attribute(bar, "aria-label"))
                    .isEqualTo(year + ": " + n + (n == 1 ? " paper" : " papers") + ". Show only these.");
        }
        assertThat(browser.script("return document.querySelector('#chart-table').textContent"))
                .contains(first + "" + perYear.get(first));
        // The entity trends: the fixtures' diseases and their EV subtype, each with its number of papers.
        String trend = browser.waitFor("#trends .trend[data-id='MESH:D005909']", WAIT);
        assertThat(browser.text(trend)).contains("Glioblastoma", "1");
        assertThat(browser.findAll("#trends .trend[data-type=EV_SUBTYPE]")).hasSize(1);

        // The last 24 months: none of the fixtures is that recent, but each month has its bar.
        browser.click(browser.waitFor("#chart-months", WAIT));
        browser.waitForText("#chart-caption", "per month", WAIT);
        assertThat(browser.findAll("#chart-bars .bar")).hasSize(24);
        browser.click(browser.waitFor("#chart-years", WAIT));
        browser.waitForText("#chart-caption", "per year", WAIT);

        // A bar narrows the search to its year, through the date range.
        String glioma = Fixtures.paper("glioma-ev-mirna").dates().published().substring(0, 4);
        browser.click(browser.waitFor("#chart-bars .bar[data-period='" + glioma + "']", WAIT));
        browser.waitForText("#active-filters", "from: " + glioma + "-01-01", WAIT);
        browser.waitForText("#status", perYear.get(Integer.parseInt(glioma)) + " paper", WAIT);
        assertThat(browser.text(browser.waitFor("#results li.hit", WAIT)))
                .contains(Fixtures.paper("glioma-ev-mirna").title());
        assertThat(browser.findAll("#results li.hit")).hasSize(perYear.get(Integer.parseInt(glioma)).intValue());
        assertThat(browser.script("return location.hash")).contains("from=" + glioma + "-01-01",
                "to=" + glioma + "-12-31");
        browser.waitFor("#chart-bars .bar[data-period='" + glioma + "']", WAIT);
        assertThat(browser.findAll("#chart-bars .bar")).hasSize(1);
        Files.createDirectories(Path.of("target"));
        browser.screenshot(Path.of("target", "webui-chart.png"));

        // An entity's trend adds it as a filter.
        browser.open(base + "#/search?q=");
        browser.waitForText("#status", Fixtures.PAPERS.size() + " papers", WAIT);
        browser.click(browser.waitFor("#trends .trend[data-id='EV:subtype/exosome']", WAIT));
        browser.waitForText("#active-filters", "entity: EV:subtype/exosome", WAIT);
        browser.waitForText("#status", "1 paper", WAIT);
        assertThat(browser.text(browser.waitFor("#results li.hit", WAIT)))
                .contains(Fixtures.paper("exosome-pdac").title());
    }

    private void run(WebDriverClient browser) throws Exception {
        browser.open(base);
        // While typing, the search box suggests entities by the names papers used for them.
        browser.type(browser.waitFor("#q", WAIT), "exosome pancr");
        String suggestion = browser.waitFor("#q-suggestions option[value='exosome \"pancreatic cancer\"']", WAIT);
        assertThat(browser.attribute(suggestion, "label")).isEqualTo("Pancreatic Neoplasms · DISEASE · 1 paper");
        browser.script("document.getElementById('q').value = ''");
        browser.type(browser.waitFor("#q", WAIT), "exosome");
        browser.click(browser.waitFor("#search-button", WAIT));

        // Results with their TL;DR and entity chips, and the facets beside them; the word also searched as an entity.
        browser.waitForText("#status", "1 paper · also papers annotated with exosome", WAIT);
        String hit = browser.waitFor("#results li.hit", WAIT);
        assertThat(browser.text(hit)).contains("Circulating GPC1+ exosomes detect early pancreatic cancer.");
        List<String> chips = browser.findAll("#results li.hit .chip");
        assertThat(chips).isNotEmpty();
        assertThat(browser.text(chips.get(0))).isEqualTo("Pancreatic Neoplasms");
        assertThat(browser.findAll("#facets input[type=checkbox]")).isNotEmpty();
        assertThat(browser.script("return location.hash")).isEqualTo("#/search?q=exosome");

        // A facet filter goes into the URL and back to the catalog.
        browser.click(browser.waitFor("#facets input[data-facet=entityType][data-value=DISEASE]", WAIT));
        browser.waitForText("#active-filters", "entityType: DISEASE", WAIT);
        browser.waitFor("#results li.hit", WAIT);

        // The paper page: metadata, abstract with linked entities, key findings, sources.
        browser.click(browser.waitFor("#results li.hit a.hit-title", WAIT));
        browser.waitForText("#paper-title", "Glypican-1", WAIT);
        assertThat(browser.script("return String(getComputedStyle(document.getElementById('search-view')).display)"))
                .as("the result list is hidden on the paper page").isEqualTo("none");
        String link = browser.waitFor(".abstract a.entity[data-id='NCBIGene:2817']", WAIT);
        assertThat(browser.text(link)).isEqualTo("GPC1");
        assertThat(browser.attribute(link, "href")).isEqualTo("https://www.ncbi.nlm.nih.gov/gene/2817");
        String titleLink = browser.waitFor("#paper-title a.entity[data-id='MESH:D010190']", WAIT);
        assertThat(browser.text(titleLink)).isEqualTo("pancreatic cancer");
        assertThat(browser.attribute(titleLink, "href")).isEqualTo(
                "https://meshb.nlm.nih.gov/record/ui?ui=D010190");
        assertThat(browser.text(browser.waitFor("#key-findings", WAIT))).contains("GPC1+ exosomes identified PDAC.");
        // Entities named only in the full text are listed apart from those of the title and abstract.
        assertThat(browser.text(browser.waitFor("#full-text-entities", WAIT))).isEqualTo("exosome");
        assertThat(browser.text(browser.waitFor("#entities", WAIT))).contains("GPC1", "Pancreatic Neoplasms")
                .doesNotContain("exosome");
        assertThat(browser.text(browser.waitFor("#sources tbody", WAIT))).contains("pubmed", "38000001");
        assertThat(browser.text(browser.waitFor(".paper .ids", WAIT))).contains("doi:10.1038/s41586-024-00001-x");
        // Kept for a person to look at: the paper page as the browser drew it.
        Files.createDirectories(Path.of("target"));
        browser.screenshot(Path.of("target", "webui-paper.png"));

        // Subscribe to the search and get the feed URLs.
        browser.open(base + "#/search?q=exosome");
        browser.waitFor("#results li.hit", WAIT);
        // Subscribing asks for the API key first, then for the subscription.
        browser.click(browser.waitFor("#subscribe-button", WAIT));
        browser.type(browser.waitFor("#signin-key", WAIT), "test-admin-key");
        browser.click(browser.waitFor("#signin-submit", WAIT));
        browser.waitFor("#subscribe-dialog[open] #sub-name", WAIT);
        browser.click(browser.waitFor("#subscribe-submit", WAIT));
        String atom = browser.waitForText("#feed-atom", "/api/v1/feeds/", WAIT);
        assertThat(browser.text(browser.waitFor("#feed-rss", WAIT))).endsWith("/rss");
        assertThat(browser.text(browser.waitFor("#feed-json", WAIT))).endsWith("/json");
        assertThat(browser.text(browser.waitFor("#feed-stream", WAIT))).endsWith("/stream");
        given().get(atom.replaceFirst("^https?://[^/]+", "")).then().statusCode(200)
                .contentType(startsWith("application/atom+xml"));
    }
}
