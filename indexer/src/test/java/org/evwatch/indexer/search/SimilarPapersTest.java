package org.evwatch.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.evwatch.events.Paper;
import org.evwatch.events.PaperIndexed;
import org.evwatch.query.QuerySyntaxException;
import org.evwatch.query.SimilarityModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Similar papers and {@code similar:ID} on the embedded Lucene index. */
class SimilarPapersTest {

    @TempDir
    Path dir;

    private SearchEngine index;

    @AfterEach
    void close() throws Exception {
        if (index != null) {
            index.close();
        }
    }

    /**
     * The small corpus, plus a paper on CD63 and glioma in other words than p05's, and p05's preprint (another
     * version of the same work, linked by DOI).
     */
    static List<PaperIndexed> corpus() {
        List<PaperIndexed> papers = new ArrayList<>(Corpus.small());
        papers.add(Corpus.paper("p09", "Tetraspanin-rich vesicles in the cerebrospinal fluid of brain tumour patients",
                "Liquid biopsy of the cerebrospinal fluid finds tetraspanin-positive particles.", 2022,
                "Neuro-Oncology", "pubmed", null, List.of(Corpus.GLIOMA, Corpus.CD63), "Journal Article"));
        PaperIndexed p05 = papers.get(4);
        PaperIndexed preprint = Corpus.paper("p10", p05.paper().title(), p05.paper().abstractText(), 2023,
                "bioRxiv", "biorxiv", null, p05.entities(), "Preprint");
        Paper q = preprint.paper();
        Paper linked = new Paper(new Paper.Identifiers("10.1101/p10", null, null, null, "10.1000/p05"), q.title(),
                q.abstractSections(), q.authors(), q.journal(), q.dates(), q.publicationTypes(), q.keywords(),
                q.meshHeadings(), q.license(), q.language(), q.url(), q.body());
        papers.add(new PaperIndexed(1, "p10", preprint.change(), 1, preprint.indexedAt(), linked,
                preprint.entities(), preprint.summary(), preprint.sources()));
        return papers;
    }

    private SearchEngine load() throws Exception {
        index = SearchEngineContract.fill(PaperIndex.open(dir, 1.0, null), corpus());
        return index;
    }

    private static List<String> ids(SimilarResult result) {
        return result.hits().stream().map(SimilarResult.Hit::id).toList();
    }

    private static List<String> ids(SearchResult result) {
        return SearchEngineContract.ids(result);
    }

    @Test
    void papersSharingWordsAndEntitiesRankFirstAndSayWhy() throws Exception {
        load();

        SimilarResult result = index.similar("p05", 5);

        assertThat(result.paperId()).isEqualTo("p05");
        List<String> ids = ids(result);
        result.hits().forEach(h -> System.out
                .println("DEBUG " + h.id() + " " + h.score() + " " + h.sharedTerms() + " " + h.sharedEntities()));
        assertThat(ids).as("the paper itself and its preprint are left out").doesNotContain("p05", "p10")
                .doesNotContain("p04", "p07");
        assertThat(ids.get(0)).as("CD63 and glioma, in other words").isEqualTo("p09");
        assertThat(ids.subList(1, 4)).as("the other glioma paper, and the other papers on exosomes")
                .contains("p02", "p03");
        SimilarResult.Hit p09 = result.hits().stream().filter(h -> h.id().equals("p09")).findFirst().orElseThrow();
        assertThat(p09.sharedEntities()).extracting(HitSummary.EntityRef::name)
                .containsExactlyInAnyOrder("CD63", "Glioma");
        assertThat(p09.summary().title()).startsWith("Tetraspanin-rich");
        SimilarResult.Hit p02 = result.hits().stream().filter(h -> h.id().equals("p02")).findFirst().orElseThrow();
        assertThat(p02.sharedTerms()).contains("glioma");
        assertThat(result.hits()).extracting(SimilarResult.Hit::score).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void theOtherVersionIsLeftOutFromEitherSideAndThePageIsBounded() throws Exception {
        load();

        assertThat(ids(index.similar("p10", 10))).as("the preprint names p05 as its published version")
                .doesNotContain("p05", "p10").contains("p02", "p09");
        assertThat(index.similar("p05", 1).hits()).hasSize(1);
    }

    @Test
    void aPapersWeightsScoreANewPaperAsTheModelScoresItWithoutTheCollection() throws Exception {
        load();
        PaperWeights p05 = index.weights("p05");
        PaperIndexed p09 = corpus().get(8);
        SimilarityModel.Profile candidate = SimilarityModel.Profile.of(p09.paper().title(),
                p09.paper().abstractText(), p09.entities().stream().map(PaperIndexed.EntityCount::id).toList());

        double score = 0;
        for (PaperWeights.Term t : p05.terms()) {
            Integer k = candidate.terms().get(t.term());
            if (k != null) {
                score += t.weight() * SimilarityModel.termWeight(k, candidate.length(), t.idf());
            }
        }
        for (SimilarityModel.Weighted e : p05.entities()) {
            if (candidate.entities().contains(e.value())) {
                score += e.weight() * e.weight();
            }
        }

        assertThat(p05.paperId()).isEqualTo("p05");
        assertThat(p05.terms()).isNotEmpty().extracting(PaperWeights.Term::weight)
                .isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(p05.entities()).extracting(SimilarityModel.Weighted::value).contains("ncbigene:967");
        double modelScore = index.similar("p05", 10).hits().stream().filter(h -> h.id().equals("p09"))
                .findFirst().orElseThrow().score();
        assertThat(score).isPositive().isCloseTo(modelScore, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(index.weights("nope")).isNull();
    }

    @Test
    void anUnknownPaperHasNoResult() throws Exception {
        load();

        assertThat(index.similar("nope", 5)).isNull();
    }

    @Test
    void similarInTheQuerySyntaxCombinesWithWordsFiltersAndDates() throws Exception {
        load();

        List<String> all = ids(index.search(SearchRequest.of("similar:p05")));
        assertThat(all).contains("p02", "p09").doesNotContain("p05", "p10", "p04");
        List<String> recent = ids(index.search(new SearchRequest("similar:p05", null, null,
                LocalDate.parse("2023-01-01"), null, null, null, null, null, null, 20, null, null, true, false)));
        assertThat(recent).contains("p02").doesNotContain("p09", "p05");
        assertThat(ids(index.search(SearchRequest.of("similar:p05 AND year:2022"))))
                .containsExactlyInAnyOrder("p09", "p03");
        assertThat(ids(index.search(SearchRequest.of("similar:p05 -cerebrospinal")))).doesNotContain("p09")
                .contains("p02");
        assertThatThrownBy(() -> index.search(SearchRequest.of("exosome OR similar:nope")))
                .isInstanceOf(QuerySyntaxException.class).hasMessageContaining("nope")
                .extracting(e -> ((QuerySyntaxException) e).position()).isEqualTo(19);
    }
}
