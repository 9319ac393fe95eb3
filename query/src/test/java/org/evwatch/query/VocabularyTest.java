package org.evwatch.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** Queries that know the names the extractor linked to entities. */
class VocabularyTest {

    private static final Vocabulary.Entity EXOSOME = new Vocabulary.Entity("EV:subtype/exosome", "EV_SUBTYPE",
            "exosome");
    private static final Vocabulary.Entity CD63 = new Vocabulary.Entity("EV:marker/CD63", "EV_MARKER", "CD63");
    private static final Vocabulary.Entity NSCLC = new Vocabulary.Entity("MESH:D002289", "DISEASE",
            "Carcinoma, Non-Small-Cell Lung");

    /** Names as papers mentioned them, the preferred names among them. */
    private static EntityNames names() {
        EntityNames names = new EntityNames();
        names.add("exosome", EXOSOME);
        names.add("Exosomal", EXOSOME);
        names.add("CD63", CD63);
        names.add("TSPAN30", CD63);
        names.add("NSCLC", NSCLC);
        names.add("non-small cell lung carcinoma", NSCLC);
        names.add("Carcinoma, Non-Small-Cell Lung", NSCLC);
        return names;
    }

    /** The ids of the test papers a query finds, best first: p-1 says "exosome", p-2 does not. */
    private static List<String> search(String q, Vocabulary vocabulary) throws Exception {
        Query query = QuerySyntax.parse(q, vocabulary).query();
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(PaperAnalysis.analyzer()))) {
                w.addDocument(PaperDocuments.toDocument(TestPapers.exosomePaper()));
                w.addDocument(PaperDocuments.toDocument(TestPapers.smallVesiclePaper()));
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                List<String> ids = new ArrayList<>();
                for (ScoreDoc hit : searcher.search(query, 10).scoreDocs) {
                    ids.add(searcher.storedFields().document(hit.doc).get(PaperFields.ID));
                }
                return ids;
            }
        }
    }

    @Test
    void namesMeetWhateverTheirCaseAccentsAndEndings() {
        EntityNames names = names();
        assertThat(names.lookup("Exosomes")).containsExactly(EXOSOME);
        assertThat(names.lookup("exosomal")).containsExactly(EXOSOME);
        assertThat(names.lookup("tspan30")).containsExactly(CD63);
        assertThat(names.lookup("Non-small cell lung carcinoma")).containsExactly(NSCLC);
        assertThat(names.lookup("lung")).isEmpty();
        assertThat(names.lookup("the")).isEmpty();
    }

    @Test
    void aWordThatNamesAnEntityAlsoFindsPapersAnnotatedWithItUnderOtherNames() throws Exception {
        // p-2 never writes TSPAN30 or NSCLC: it is found through the entities its words were linked to.
        assertThat(search("TSPAN30", Vocabulary.NONE)).isEmpty();
        assertThat(search("TSPAN30", names())).containsExactly("p-2");
        assertThat(search("NSCLC", names())).containsExactly("p-2");
        assertThat(search("\"non-small cell lung carcinoma\"", names())).containsExactly("p-2");
        // Combined with other words, each word is expanded on its own.
        assertThat(search("TSPAN30 plasma", names())).containsExactly("p-2");
        assertThat(search("TSPAN30 breast", names())).isEmpty();
    }

    @Test
    void literalMatchesRankAboveMatchesByEntityAlone() throws Exception {
        // p-1 writes "exosomes"; p-2 is only annotated with the exosome: it comes second.
        EntityNames names = names();
        names.add("small extracellular vesicles", EXOSOME);
        assertThat(search("\"small extracellular vesicles\"", names)).containsExactly("p-2", "p-1");
        assertThat(search("CD63", names)).containsExactly("p-2");
        assertThat(search("exosome", names)).first().isEqualTo("p-1");
    }

    @Test
    void theParseReportsTheExpansionsItUsed() throws Exception {
        QuerySyntax.Parsed parsed = QuerySyntax.parse("TSPAN30 AND (nsclc OR glioma) entity:CD63", names());
        assertThat(parsed.expansions()).containsExactly(
                new Expansion("TSPAN30", "EV:marker/CD63", "EV_MARKER", "CD63"),
                new Expansion("nsclc", "MESH:D002289", "DISEASE", "Carcinoma, Non-Small-Cell Lung"),
                new Expansion("CD63", "EV:marker/CD63", "EV_MARKER", "CD63"));
        assertThat(QuerySyntax.parse("title:TSPAN30 tspan3*", names()).expansions()).isEmpty();
        // The expansions alone rebuild the same query, as a saved query is rebuilt where only they are known.
        assertThat(QuerySyntax.parse("TSPAN30 AND (nsclc OR glioma) entity:CD63",
                Vocabulary.of(parsed.expansions())).query()).isEqualTo(parsed.query());
    }

    @Test
    void entityTakesANameAsWellAsAnId() throws Exception {
        assertThat(search("entity:TSPAN30", names())).containsExactly("p-2");
        assertThat(search("entity:\"non-small cell lung carcinoma\"", names())).containsExactly("p-2");
        assertThat(search("entity:exosome", names())).containsExactlyInAnyOrder("p-1", "p-2");
        assertThat(search("entity:\"EV:marker/CD63\"", names())).containsExactly("p-2");
    }

    @Test
    void anUnknownEntityNameIsAnErrorAtItsPosition() {
        assertThatThrownBy(() -> QuerySyntax.parse("exosome entity:\"no such thing\"", names()))
                .isInstanceOfSatisfying(QuerySyntaxException.class, e -> {
                    assertThat(e.position()).isEqualTo(15);
                    assertThat(e.getMessage()).contains("no entity is named 'no such thing'");
                });
        // Without the vocabulary (the gateway's own syntax check), a name is no error: it matches nothing.
        assertThat(catchNothing("exosome entity:\"no such thing\"")).isTrue();
    }

    private static boolean catchNothing(String q) {
        try {
            QuerySyntax.parse(q);
            return true;
        } catch (QuerySyntaxException e) {
            return false;
        }
    }

    @Test
    void suggestionsListEachEntityOnceUnderItsShortestMatchingName() {
        EntityNames names = names();
        assertThat(names.suggest("ts", 10)).containsExactly(new EntityNames.Name("TSPAN30", List.of(CD63)));
        assertThat(names.suggest("non-sm", 10)).containsExactly(
                new EntityNames.Name("non-small cell lung carcinoma", List.of(NSCLC)));
        assertThat(names.suggest("c", 10)).extracting(EntityNames.Name::text)
                .containsExactly("CD63", "Carcinoma, Non-Small-Cell Lung");
        assertThat(names.suggest("", 10)).isEmpty();
        assertThat(names.suggest("c", 1)).hasSize(1);
    }
}
