package org.evwatch.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The query syntax, checked the way the gateway uses it: against one paper held in a MemoryIndex. */
class QuerySyntaxTest {

    private static final MemoryIndex PAPER = MemoryIndex.fromDocument(
            PaperDocuments.toDocument(TestPapers.exosomePaper()), PaperAnalysis.analyzer());

    private static boolean matches(String q) throws QuerySyntaxException {
        return PAPER.search(QuerySyntax.parse(q)) > 0.0f;
    }

    @Test
    void similarNamesAPaperForTheSearcherToResolveAndMatchesNothingUnresolved() throws Exception {
        org.apache.lucene.search.Query q = QuerySyntax.parse("exosome AND similar:p-42");
        assertThat(q.toString()).contains("similar:p-42");
        assertThat(QuerySyntax.parse("similar:\"doi:10.1/x\"")).isEqualTo(new SimilarToQuery("doi:10.1/x", 8));
        assertThat(((SimilarToQuery) QuerySyntax.parse("  similar:p-42")).position()).isEqualTo(10);
        assertThat(matches("similar:p-42")).as("a saved query matched against one paper").isFalse();
        assertThat(matches("exosome OR similar:p-42")).isTrue();
        assertThatThrownBy(() -> QuerySyntax.parse("similar:[a TO b]")).isInstanceOf(QuerySyntaxException.class);
    }

    @Test
    void emptyQueryMatchesAll() throws Exception {
        assertThat(QuerySyntax.parse("")).isInstanceOf(MatchAllDocsQuery.class);
        assertThat(QuerySyntax.parse("   ")).isInstanceOf(MatchAllDocsQuery.class);
        assertThat(QuerySyntax.parse(null)).isInstanceOf(MatchAllDocsQuery.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            exosome cancer                                  | true
            exosomes                                        | true
            abstract:exosome                                | true
            exosome glioblastoma                            | false
            exosome OR glioblastoma                         | true
            exosome AND NOT glioblastoma                    | true
            exosome -breast                                 | false
            -glioblastoma                                   | true
            NOT exosome                                     | false
            "small extracellular vesicles"                  | true
            "extracellular small vesicles"                  | false
            (glioblastoma OR breast) AND (miR-21 OR plasma) | true
            title:exosomes                                  | true
            title:plasma                                    | false
            abstract:plasma                                 | true
            author:thery                                    | true
            author:"Clotilde Théry"                          | true
            author:jones                                    | false
            journal:"nature communications"                 | true
            journal:"Nat Commun"                            | true
            keyword:"liquid biopsy"                         | true
            keyword:"breast neoplasms"                      | true
            entity:MESH:D001943                             | true
            entity:"MESH:D001943"                           | true
            entity:mesh:d001943                             | true
            entity:"MESH:D009369"                           | false
            type:mirna                                      | true
            type:ev-subtype                                 | true
            type:GENE                                       | false
            doi:10.1038/s41467-024-1                        | true
            doi:"https://doi.org/10.1038/S41467-024-1"      | true
            doi:10.1101/2023.01.01.1                        | true
            pmid:38000001                                   | true
            pmcid:pmc10000001                               | true
            year:2024                                       | true
            year:2023                                       | false
            year:[2020 TO 2024]                             | true
            year:[2020 TO 2024}                             | false
            year:{2024 TO *]                                | false
            year:[* TO 2024]                                | true
            source:PubMed                                   | true
            source:europepmc                                | false
            pubtype:"journal article"                       | true
            pubtype:review                                  | false
            relevance:relevant                              | true
            relevance:off_topic                             | false
            exos*                                           | true
            title:metasta*                                  | true
            ex?some                                         | true
            doi:10.1038/*                                   | true
            title:(exosome OR glioma) AND year:2024         | true
            title:(glioma OR astrocytoma)                   | false
            the exosome                                     | true
            """)
    void matchesThePaperAsExpected(String q, boolean expected) throws Exception {
        assertThat(matches(q)).as(q).isEqualTo(expected);
    }

    @Test
    void titleMatchesScoreHigherThanAbstractMatches() throws Exception {
        // "niche" is only in the title, "plasma" only in the abstract: the title boost must show.
        assertThat(PAPER.search(QuerySyntax.parse("niche"))).isGreaterThan(PAPER.search(QuerySyntax.parse("plasma")));
    }

    @Test
    void onlyStopWordsMatchNothing() throws Exception {
        assertThat(matches("the of")).isFalse();
        // A negated stop word has nothing to exclude: the query has no searchable words, alone or in an OR.
        assertThat(matches("-the")).isFalse();
        assertThat(matches("NOT of OR -the")).isFalse();
        assertThat(matches("exosome OR -the")).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            exosome AND                         | 8
            exosome OR                          | 8
            OR exosome                          | 0
            (exosome                            | 0
            exosome)                            | 7
            a (b (c)                            | 2
            "small vesicles                     | 0
            title:"small vesicles               | 6
            foo:bar                             | 0
            exosome colour:red                  | 8
            *some                               | 0
            exosome ?xosome                     | 8
            e*                                  | 1
            year:20x4                           | 5
            year:[2020 TO 99999]                | 14
            year:[0 TO 2024]                    | 6
            year:[2020 2024]                    | 5
            year:[2020 TO 2024                  | 5
            title:[a TO b]                      | 6
            title:                              | 6
            ()                                  | 0
            - exosome                           | 0
            NOT                                 | 0
            exosome AND OR vesicle              | 8
            title:(abstract:x)                  | 7
            year:20*                            | 7
            """)
    void errorsReportTheirPosition(String q, int position) {
        assertThatThrownBy(() -> QuerySyntax.parse(q))
                .as(q)
                .isInstanceOfSatisfying(QuerySyntaxException.class, e -> {
                    assertThat(e.position()).as(q + " -> " + e.getMessage()).isEqualTo(position);
                    assertThat(e.getMessage()).isNotBlank();
                });
    }

    @Test
    void veryLongQueriesAreRefused() {
        String q = "exosome ".repeat(400);
        assertThatThrownBy(() -> QuerySyntax.parse(q)).isInstanceOfSatisfying(QuerySyntaxException.class,
                e -> assertThat(e.position()).isEqualTo(QuerySyntax.MAX_LENGTH));
    }

    @Test
    void tooManyTermsAreRefused() {
        String q = "ab ".repeat(QuerySyntax.MAX_TERMS + 1);
        assertThatThrownBy(() -> QuerySyntax.parse(q)).isInstanceOfSatisfying(QuerySyntaxException.class,
                e -> assertThat(e.position()).isEqualTo(3 * QuerySyntax.MAX_TERMS));
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        String q = "(".repeat(500) + "exosome" + ")".repeat(500);
        assertThatThrownBy(() -> QuerySyntax.parse(q)).isInstanceOfSatisfying(QuerySyntaxException.class,
                e -> assertThat(e.position()).isEqualTo(QuerySyntax.MAX_DEPTH));
        String longNot = "NOT ".repeat(400) + "exosome";
        // Many NOTs are within the length limit; they must not exhaust the stack either.
        Query ignored = null;
        try {
            ignored = QuerySyntax.parse(longNot);
        } catch (QuerySyntaxException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
        assertThat(ignored == null || ignored.toString().length() > 0).isTrue();
    }

    @Test
    void allowedNestingStillParses() throws Exception {
        String q = "(".repeat(QuerySyntax.MAX_DEPTH) + "exosome" + ")".repeat(QuerySyntax.MAX_DEPTH);
        assertThat(matches(q)).isTrue();
    }
}
