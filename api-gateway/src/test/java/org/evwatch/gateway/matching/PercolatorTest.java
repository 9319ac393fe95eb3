package org.evwatch.gateway.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.evwatch.events.PaperIndexed;
import org.evwatch.gateway.testsupport.Fixtures;
import org.evwatch.query.Expansion;
import org.evwatch.query.QuerySyntaxException;
import org.evwatch.query.Vocabulary;
import org.junit.jupiter.api.Test;

class PercolatorTest {

    private final Percolator percolator = new Percolator();
    private final PaperIndexed paper = Fixtures.indexed("exosome-pdac");

    private boolean matches(String q, SearchFilters filters) throws QuerySyntaxException {
        return !percolator.match(paper, List.of(Percolator.Compiled.of("s", q, filters))).isEmpty();
    }

    private boolean matches(String q) throws QuerySyntaxException {
        return matches(q, SearchFilters.NONE);
    }

    @Test
    void matchesWordsPhrasesBooleansAndFieldsLikeSearch() throws Exception {
        assertThat(matches("exosome pancreatic")).as("stemmed words, AND by default").isTrue();
        assertThat(matches("\"early pancreatic cancer\"")).isTrue();
        assertThat(matches("\"pancreatic early cancer\"")).isFalse();
        assertThat(matches("exosome AND glioblastoma")).isFalse();
        assertThat(matches("glioblastoma OR pancreatic")).isTrue();
        assertThat(matches("exosome -pancreatic")).isFalse();
        assertThat(matches("exosome NOT glioblastoma")).isTrue();
        assertThat(matches("entity:\"MESH:D010190\"")).isTrue();
        assertThat(matches("entity:\"MESH:D001943\"")).isFalse();
        assertThat(matches("type:gene AND year:[2014 TO 2016]")).isTrue();
        assertThat(matches("year:2020")).isFalse();
        assertThat(matches("author:kalluri")).isTrue();
        assertThat(matches("doi:10.1038/nature14581")).isTrue();
        assertThat(matches("")).as("empty query matches everything").isTrue();
    }

    @Test
    void aSavedQueryMatchesAPaperAnnotatedWithTheEntityItNamesUnderAnotherName() throws Exception {
        // The paper writes "exosomes", never "exosome-like vesicles"; the indexer says that name is the exosome's.
        String q = "\"exosome-like vesicles\" AND pancreatic";
        Vocabulary names = Vocabulary.of(List.of(new Expansion("exosome-like vesicles", "EV:subtype/exosome",
                "EV_SUBTYPE", "exosome")));
        assertThat(matches(q)).as("as written").isFalse();
        Percolator.Compiled expanded = Percolator.Compiled.of("s", q, SearchFilters.NONE, names);
        assertThat(percolator.match(paper, List.of(expanded))).containsExactly("s");
        // The gateway's matcher finds it too, and only where the other words hold.
        SavedQueryIndex<Percolator.Compiled> index = SavedQueryIndex.ofQueries();
        index.sync(List.of(expanded, Percolator.Compiled.of("t", "\"exosome-like vesicles\" glioblastoma",
                SearchFilters.NONE, names)));
        assertThat(index.match(paper)).extracting(Percolator.Compiled::id).containsExactly("s");
        // entity: with a name the indexer resolved.
        Vocabulary disease = Vocabulary.of(List.of(new Expansion("PDAC", "MESH:D010190", "DISEASE",
                "Pancreatic Neoplasms")));
        assertThat(percolator.match(paper, List.of(Percolator.Compiled.of("u", "entity:PDAC", SearchFilters.NONE,
                disease)))).containsExactly("u");
        assertThat(matches("entity:PDAC")).as("a name the gateway cannot resolve matches nothing").isFalse();
    }

    @Test
    void appliesTheFiltersLikeSearch() throws Exception {
        assertThat(matches("", new SearchFilters(List.of("NCBIGene:2817", "NCBIGene:7157"), null, null, null, null,
                null, null, null))).isTrue();
        assertThat(matches("", new SearchFilters(List.of("NCBIGene:7157"), null, null, null, null, null, null,
                null))).isFalse();
        assertThat(matches("exosome", new SearchFilters(null, List.of("DISEASE"), LocalDate.of(2015, 1, 1),
                LocalDate.of(2015, 12, 31), List.of("Nature"), null, List.of("pubmed"), List.of("RELEVANT"))))
                .isTrue();
        assertThat(matches("exosome", new SearchFilters(null, null, LocalDate.of(2016, 1, 1), null, null, null,
                null, null))).isFalse();
        assertThat(matches("", new SearchFilters(null, null, null, null, List.of("Cell"), null, null, null)))
                .isFalse();
        assertThat(matches("", new SearchFilters(null, null, null, null, null, null, null, List.of("OFF_TOPIC"))))
                .isFalse();
    }

    @Test
    void returnsEveryMatchingSubscriptionInOrder() throws Exception {
        List<Percolator.Compiled> queries = new ArrayList<>();
        queries.add(Percolator.Compiled.of("a", "exosome", SearchFilters.NONE));
        queries.add(Percolator.Compiled.of("b", "glioma", SearchFilters.NONE));
        queries.add(Percolator.Compiled.of("c", "gpc1", SearchFilters.NONE));
        assertThat(percolator.match(paper, queries)).containsExactly("a", "c");
        assertThat(percolator.match(paper, List.of())).isEmpty();
    }

    @Test
    void aSyntaxErrorNamesItsPosition() {
        assertThatThrownBy(() -> Percolator.Compiled.of("x", "exosome AND (cancer", SearchFilters.NONE))
                .isInstanceOfSatisfying(QuerySyntaxException.class,
                        e -> assertThat(e.position()).isBetween(12, 19));
    }

    @Test
    void similarIsRefusedWhereEachPaperIsMatchedAlone() {
        assertThatThrownBy(() -> Percolator.Compiled.of("x", "exosome -similar:pmid:123", SearchFilters.NONE))
                .isInstanceOfSatisfying(QuerySyntaxException.class, e -> {
                    assertThat(e.position()).isBetween(9, 25);
                    assertThat(e.getMessage()).contains("similar:");
                });
    }
}
