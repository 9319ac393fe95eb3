package org.evwatch.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.evwatch.events.Paper;
import org.evwatch.events.PaperIndexed;
import org.evwatch.query.PaperFields;
import org.evwatch.query.QuerySyntaxException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every search engine must answer alike: ranking, the query syntax, filters, exact facets, cursors, highlights,
 * updates and deletes. {@link PaperIndexTest} runs it against the embedded Lucene index, {@link OpenSearchIndexIT}
 * against an OpenSearch node.
 */
abstract class SearchEngineContract {

    protected SearchEngine index;

    /** A new, empty index. */
    protected abstract SearchEngine open() throws Exception;

    @AfterEach
    void close() throws IOException {
        if (index != null) {
            index.close();
            index = null;
        }
    }

    protected SearchEngine load(List<PaperIndexed> papers) throws Exception {
        index = open();
        return fill(index, papers);
    }

    /** Writes the papers, numbered from 1 as the catalog numbers its changes, and waits until they are searchable. */
    static SearchEngine fill(SearchEngine index, List<PaperIndexed> papers) throws Exception {
        long token = 0;
        long seq = 0;
        for (PaperIndexed p : papers) {
            token = index.upsert(p, ++seq);
        }
        index.waitForVisible(token);
        return index;
    }

    protected static List<String> ids(SearchResult result) {
        return result.hits().stream().map(SearchResult.Hit::id).toList();
    }

    @Test
    void expectedTopResultsComeFirst() throws Exception {
        load(Corpus.small());
        // Title matches outrank abstract-only matches.
        assertThat(ids(index.search(SearchRequest.of("exosomes"))).subList(0, 3))
                .containsExactlyInAnyOrder("p01", "p05", "p08");
        assertThat(ids(index.search(SearchRequest.of("exosomal miR-21 breast chemoresistance"))).get(0))
                .isEqualTo("p08");
        assertThat(ids(index.search(SearchRequest.of("\"small extracellular vesicles\"")))).containsExactly("p02");
        assertThat(ids(index.search(SearchRequest.of("glioma biomarkers"))).get(0)).isEqualTo("p05");
        assertThat(ids(index.search(SearchRequest.of("statin")))).containsExactly("p04");
        assertThat(ids(index.search(SearchRequest.of("exosome -breast")))).containsExactlyInAnyOrder("p03", "p05");
        assertThat(ids(index.search(SearchRequest.of("entity:\"MESH:D005910\" AND year:2024"))))
                .containsExactly("p05");
    }

    @Test
    void filtersCombineOrWithinAndAcross() throws Exception {
        load(Corpus.small());
        SearchRequest r = new SearchRequest("", List.of("MESH:D001943", "MESH:D005910"), null, null, null, null,
                null, List.of("pubmed"), List.of("relevant"), SearchRequest.SortOrder.DATE, 20, null, Set.of(),
                false, false);
        // (breast OR glioma) AND pubmed AND relevant, newest first.
        List<String> found = ids(index.search(r));
        assertThat(found).containsExactlyInAnyOrder("p08", "p05", "p01");
        assertThat(found.get(0)).as("the 2025 paper first").isEqualTo("p08");
        SearchRequest dates = new SearchRequest("", null, List.of("EV_MARKER"), LocalDate.of(2020, 1, 1),
                LocalDate.of(2023, 12, 31), List.of("Journal of Extracellular Vesicles"), List.of("preprint"), null,
                null, SearchRequest.SortOrder.RELEVANCE, 20, null, Set.of(), false, false);
        assertThat(ids(index.search(dates))).containsExactly("p06");
    }

    @Test
    void facetCountsAreExact() throws Exception {
        List<PaperIndexed> corpus = Corpus.random(600, 42);
        load(corpus);
        for (String q : List.of("", "exosome", "cancer OR glioma", "vesicle -plasma")) {
            assertFacetsAreExact(q, corpus);
        }
        assertThat(index.search(SearchRequest.of("")).facets().get("entity"))
                .anySatisfy(v -> assertThat(v.label()).isEqualTo("Breast Neoplasms"));
    }

    @Test
    void facetsShowTheTopValuesByCountThenValueWithTheNameMostPapersGiveAnEntity() throws Exception {
        // 30 journals: journal j has (j % 7) + 1 papers, so the cut after 20 falls inside a run of equal counts.
        List<PaperIndexed> corpus = new ArrayList<>();
        Map<String, Long> perJournal = new HashMap<>();
        int n = 0;
        for (int j = 0; j < 30; j++) {
            String journal = String.format("Journal %02d", j);
            for (int k = 0; k <= j % 7; k++) {
                // One entity id under three names: "Breast Neoplasms" on 3 papers in 4, "breast cancer" and
                // "mammary cancer" on the rest.
                String name = n % 4 != 3 ? "Breast Neoplasms" : n % 8 == 3 ? "mammary cancer" : "breast cancer";
                corpus.add(Corpus.paper(String.format("f%03d", n++), "exosome study", "exosome cargo", 2020,
                        journal, "pubmed", org.evwatch.events.Summary.Relevance.Label.RELEVANT,
                        List.of(Corpus.entity(org.evwatch.events.EntityType.DISEASE, "MESH:D001943", name)),
                        "Journal Article"));
                perJournal.merge(journal, 1L, Long::sum);
            }
        }
        load(corpus);
        SearchResult result = index.search(SearchRequest.of("exosome"));
        List<String> expected = perJournal.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(20).map(e -> e.getKey() + "=" + e.getValue()).toList();
        assertThat(result.facets().get("journal")).extracting(v -> v.value() + "=" + v.count())
                .containsExactlyElementsOf(expected);
        assertThat(result.facets().get("entity")).singleElement().satisfies(v -> {
            assertThat(v.value()).isEqualTo("MESH:D001943");
            assertThat(v.label()).isEqualTo("Breast Neoplasms");
            assertThat(v.count()).isEqualTo(corpus.size());
        });
    }

    /** Pages through every hit of {@code q} and checks each facet against a count over those papers of the corpus. */
    protected void assertFacetsAreExact(String q, List<PaperIndexed> corpus) throws Exception {
        SearchResult result = index.search(SearchRequest.of(q).withSize(100));
        Set<String> matching = new HashSet<>();
        for (SearchResult page = result;; page = index
                .search(SearchRequest.of(q).withSize(100).withCursor(page.nextCursor()))) {
            ids(page).forEach(matching::add);
            if (page.nextCursor() == null) {
                break;
            }
        }
        assertThat(matching).as(q).hasSize((int) result.total());
        Map<String, Map<String, Long>> expected = bruteForceFacets(corpus, matching);
        for (String facet : PaperFields.FACET_NAMES) {
            Map<String, Long> actual = new HashMap<>();
            result.facets().get(facet).forEach(v -> actual.put(v.value(), v.count()));
            assertThat(actual).as(q + " / " + facet).isEqualTo(expected.get(facet));
        }
    }

    private static Map<String, Map<String, Long>> bruteForceFacets(List<PaperIndexed> corpus, Set<String> ids) {
        Map<String, Map<String, Long>> out = new HashMap<>();
        PaperFields.FACET_NAMES.forEach(f -> out.put(f, new HashMap<>()));
        for (PaperIndexed p : corpus) {
            if (!ids.contains(p.paperId())) {
                continue;
            }
            p.entities().forEach(e -> out.get("entity").merge(e.id(), 1L, Long::sum));
            p.entities().stream().map(e -> e.type().name()).distinct()
                    .forEach(t -> out.get("entityType").merge(t, 1L, Long::sum));
            out.get("year").merge(String.valueOf(p.paper().dates().year()), 1L, Long::sum);
            out.get("journal").merge(p.paper().journal().title(), 1L, Long::sum);
            p.paper().publicationTypes().forEach(t -> out.get("pubType").merge(t, 1L, Long::sum));
            p.sources().forEach(s -> out.get("source").merge(s, 1L, Long::sum));
            out.get("relevance").merge(p.summary().relevance().label().name(), 1L, Long::sum);
        }
        return out;
    }

    @Test
    void cursorPagingVisitsEveryHitOnceInBothSortOrders() throws Exception {
        List<PaperIndexed> corpus = Corpus.random(250, 7);
        load(corpus);
        for (SearchRequest.SortOrder order : SearchRequest.SortOrder.values()) {
            SearchRequest first = SearchRequest.of("cancer OR vesicle").withSize(7).withSort(order)
                    .withFacets(Set.of());
            SearchResult page = index.search(first);
            List<String> seen = new ArrayList<>();
            List<String> dates = new ArrayList<>();
            while (true) {
                seen.addAll(ids(page));
                page.hits().forEach(h -> dates.add(h.summary().published()));
                if (page.nextCursor() == null) {
                    break;
                }
                page = index.search(first.withCursor(page.nextCursor()));
                assertThat(page.total()).isEqualTo(seen.size() + page.total() - seen.size());
            }
            assertThat(seen).as(order.name()).doesNotHaveDuplicates().hasSize((int) page.total());
            if (order == SearchRequest.SortOrder.DATE) {
                assertThat(dates).isSortedAccordingTo(java.util.Comparator.reverseOrder());
            }
        }
        assertThatThrownBy(() -> index.search(SearchRequest.of("cancer").withCursor("not-a-cursor")))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void highlightsMarkMatchedTermsAndEscapeTheRest() throws Exception {
        load(List.of(Corpus.paper("h1", "Exosomes & <b>tumours</b>", "Tumour exosomes carry cargo. Nothing else.",
                2024, "J", "pubmed", org.evwatch.events.Summary.Relevance.Label.RELEVANT, List.of())));
        SearchResult.Hit hit = index.search(SearchRequest.of("exosome")).hits().get(0);
        assertThat(hit.highlights().get("title"))
                .isEqualTo("<mark>Exosomes</mark> &amp; &lt;b&gt;tumours&lt;&#x2F;b&gt;");
        assertThat(hit.highlights().get("abstract")).contains("<mark>exosomes</mark>");
        assertThat(index.search(SearchRequest.of("cargo")).hits().get(0).highlights()).doesNotContainKey("title");
    }

    @Test
    void theFullTextIsSearchableInAFieldOfItsOwnAndRanksBelowTheAbstract() throws Exception {
        PaperIndexed withBody = withBody(Corpus.paper("f1", "Plasma vesicles in melanoma", "Vesicles were counted.",
                2024, "J", "europepmc", org.evwatch.events.Summary.Relevance.Label.RELEVANT, List.of()),
                new Paper.BodySection("Methods",
                        "Vesicles were isolated by size-exclusion chromatography and checked for TSG101."));
        PaperIndexed inAbstract = Corpus.paper("f2", "Melanoma vesicles", "Size-exclusion chromatography of plasma.",
                2023, "J", "pubmed", org.evwatch.events.Summary.Relevance.Label.RELEVANT, List.of());
        load(List.of(withBody, inAbstract));
        assertThat(ids(index.search(SearchRequest.of("chromatography")))).as("the abstract's match ranks first")
                .containsExactly("f2", "f1");
        assertThat(ids(index.search(SearchRequest.of("body:chromatography")))).containsExactly("f1");
        assertThat(ids(index.search(SearchRequest.of("abstract:chromatography")))).containsExactly("f2");
        assertThat(ids(index.search(SearchRequest.of("tsg101")))).containsExactly("f1");
        assertThat(ids(index.search(SearchRequest.of("body:methods")))).as("section titles are searched")
                .containsExactly("f1");
    }

    private static PaperIndexed withBody(PaperIndexed p, Paper.BodySection... body) {
        Paper q = p.paper();
        return new PaperIndexed(p.schemaVersion(), p.paperId(), p.change(), p.version(), p.indexedAt(),
                new Paper(q.ids(), q.title(), q.abstractSections(), q.authors(), q.journal(),
                        q.dates(), q.publicationTypes(), q.keywords(), q.meshHeadings(), q.license(), q.language(),
                        q.url(), List.of(body)),
                p.entities(), p.summary(), p.sources());
    }

    @Test
    void updatesReplaceAndDeletesRemove() throws Exception {
        load(Corpus.small());
        PaperIndexed p = Corpus.small().get(3);
        PaperIndexed changed = new PaperIndexed(1, p.paperId(), PaperIndexed.Change.UPDATED, 2, Instant.now(),
                new org.evwatch.events.Paper(p.paper().ids(), "Statins and exosome release", p.paper()
                        .abstractSections(), p.paper().authors(), p.paper().journal(), p.paper().dates(),
                        p.paper().publicationTypes(), List.of(), List.of(), null, null, null, List.of()),
                p.entities(), p.summary(), p.sources());
        index.waitForVisible(index.upsert(changed, 50));
        assertThat(index.count()).isEqualTo(8);
        assertThat(ids(index.search(SearchRequest.of("title:statins")))).containsExactly("p04");
        // A stale copy (lower version) does not overwrite the newer one.
        index.waitForVisible(index.upsert(p, 51));
        assertThat(index.search(SearchRequest.of("p")).total()).isZero();
        assertThat(ids(index.search(SearchRequest.of("title:exosome")))).contains("p04");
        index.waitForVisible(index.delete("p04", 52));
        assertThat(index.count()).isEqualTo(7);
    }

    @Test
    void badQueriesAreSyntaxErrorsNotCrashes() throws Exception {
        load(Corpus.small());
        assertThatThrownBy(() -> index.search(SearchRequest.of("exosome AND"))).isInstanceOf(
                QuerySyntaxException.class);
        assertThatThrownBy(() -> index.search(SearchRequest.of("*some"))).isInstanceOf(QuerySyntaxException.class);
    }
}
