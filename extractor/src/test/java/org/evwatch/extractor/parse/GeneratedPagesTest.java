package org.evwatch.extractor.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.evwatch.events.ContentSniffer;
import org.evwatch.events.ContentTypes;
import org.evwatch.events.Paper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Pages of every layout the product reads, written from real papers that are not the seeds (PubMed, Europe PMC and
 * Crossref records of the shared data) with the variations of real pages, read back by the product: every field the
 * page shows must come back exactly. The content type is sniffed, as for a file dropped in the inbox without one.
 */
class GeneratedPagesTest {

    private static List<Paper> papers;

    private final Parsers parsers = Parsers.standard();

    @BeforeAll
    static void loadRealRecords() throws ParseException {
        papers = RealRecords.load();
    }

    @Test
    void dozensOfRealPapersFromEachSource() {
        assertThat(papers).hasSizeGreaterThanOrEqualTo(50);
        assertThat(papers).filteredOn(p -> p.ids().pmid() != null).hasSizeGreaterThanOrEqualTo(40);
        assertThat(papers).filteredOn(p -> !p.keywords().isEmpty()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(papers).extracting(Paper::title).doesNotHaveDuplicates();
    }

    @TestFactory
    Stream<DynamicTest> researchPortalPages() {
        return pages("research portal", ContentTypes.TEXT, (p, r) -> PageWriter.researchPortal(p, r));
    }

    @TestFactory
    Stream<DynamicTest> publisherPages() {
        return pages("publisher page", ContentTypes.TEXT, (p, r) -> PageWriter.publisherPage(p, neighbour(p, -1),
                neighbour(p, 1), r));
    }

    @TestFactory
    Stream<DynamicTest> summaryPages() {
        return pages("summary page", ContentTypes.MARKDOWN, (p, r) -> PageWriter.summaryPage(p, r));
    }

    @TestFactory
    Stream<DynamicTest> genericTextPages() {
        return pages("generic page", ContentTypes.TEXT, (p, r) -> PageWriter.genericPage(p, r));
    }

    @TestFactory
    Stream<DynamicTest> htmlLandingPages() {
        return pages("landing page", ContentTypes.HTML, (p, r) -> HtmlPageWriter.landingPage(p, r));
    }

    /** One test per paper: its page written, its type sniffed, read back, compared field by field. */
    private Stream<DynamicTest> pages(String layout, String type, BiFunction<Paper, Random, Shown.Page> writer) {
        return IntStream.range(0, papers.size()).mapToObj(i -> DynamicTest.dynamicTest(layout + " of "
                + papers.get(i).ids().doi(), () -> {
                    Shown.Page page = writer.apply(papers.get(i), new Random(i * 31L + layout.length()));
                    assertThat(ContentSniffer.sniff(page.text())).as("sniffed type").isEqualTo(type);
                    Shown read = Shown.of(parsers.parse(null, page.text()), page.names());
                    read.sourceSummary = parsers.sourceSummary(null, page.text());
                    assertThat(read).as(page.text()).usingRecursiveComparison().isEqualTo(page.shown());
                }));
    }

    private static Paper neighbour(Paper p, int step) {
        int i = papers.indexOf(p);
        return papers.get(Math.floorMod(i + step, papers.size()));
    }
}
