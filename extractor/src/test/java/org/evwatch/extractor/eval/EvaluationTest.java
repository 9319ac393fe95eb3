package org.evwatch.extractor.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.evwatch.extractor.ner.EntityRecognizer;
import org.evwatch.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The evaluation on tiny hand-made corpora whose scores were worked out by hand (see the comments), with the core
 * vocabulary only so the predictions are known.
 */
class EvaluationTest {

    static final Path FIXTURES = Path.of("src/test/resources/eval");
    static Evaluation evaluation;

    @BeforeAll
    static void load() {
        evaluation = new Evaluation(EntityRecognizer.load(Optional.empty()));
    }

    @Test
    void pubtatorScoresMatchTheHandComputedOnes() throws Exception {
        List<Document> docs = PubtatorCorpus.read(FIXTURES.resolve("tiny.pubtator"));
        assertThat(docs).hasSize(2);
        Evaluation.Result r = evaluation.run(docs);
        // Found: breast cancer, Cisplatin, paclitaxel, lung cancer (not annotated), Doxorubicin, cardiotoxicity.
        // Missed: apnea. Gold gives paclitaxel a wrong id and cardiotoxicity a second (composite) id.
        assertThat(r.mentions()).extracting(Scores.Row::type, Scores.Row::tp, Scores.Row::fp, Scores.Row::fn,
                Scores.Row::f1).containsExactly(
                        tuple("CHEMICAL", 3, 0, 0, 1.0),
                        tuple("DISEASE", 2, 1, 1, 0.6667),
                        tuple("ALL", 5, 1, 1, 0.8333));
        assertThat(r.ids()).extracting(Scores.Row::type, Scores.Row::tp, Scores.Row::fp, Scores.Row::fn,
                Scores.Row::precision, Scores.Row::recall, Scores.Row::f1).containsExactly(
                        tuple("CHEMICAL", 2, 1, 1, 0.6667, 0.6667, 0.6667),
                        tuple("DISEASE", 2, 1, 2, 0.6667, 0.5, 0.5714),
                        tuple("ALL", 4, 2, 3, 0.6667, 0.5714, 0.6154));
        assertThat(r.falseNegatives()).containsKeys("DISEASE|MESH:D001049 apnea", "CHEMICAL|MESH:D999999 paclitaxel");
    }

    @Test
    void linnaeusScoresMatchTheHandComputedOnes() throws Exception {
        Path dir = FIXTURES.resolve("linnaeus");
        List<Document> docs = LinnaeusCorpus.read(dir, dir.resolve("tags.tsv"));
        assertThat(docs).extracting(Document::id).containsExactly("doc1", "doc2");
        Evaluation.Result r = evaluation.run(docs);
        // "E. coli" is annotated one character off: wrong as a mention, right as a document id. "Mules" (taxon 0,
        // no NCBI id) is not found: a missed mention, but no missed id, as no id was annotated.
        assertThat(r.mentions()).extracting(Scores.Row::type, Scores.Row::tp, Scores.Row::fp, Scores.Row::fn,
                Scores.Row::f1).containsExactly(tuple("SPECIES", 2, 1, 2, 0.5714));
        assertThat(r.ids()).extracting(Scores.Row::tp, Scores.Row::fp, Scores.Row::fn, Scores.Row::f1)
                .containsExactly(tuple(3, 0, 0, 1.0));
    }

    @Test
    void craftScoresMatchTheHandComputedOnes() throws Exception {
        Evaluation.Result r = evaluation.run(CraftCorpus.read(FIXTURES.resolve("craft")));
        // The discontinuous "T ... cells" cannot be matched; the rest is found.
        assertThat(r.mentions()).extracting(Scores.Row::type, Scores.Row::tp, Scores.Row::fp, Scores.Row::fn,
                Scores.Row::precision, Scores.Row::recall, Scores.Row::f1).containsExactly(
                        tuple("SPECIES", 1, 0, 0, 1.0, 1.0, 1.0),
                        tuple("CELL_TYPE", 2, 0, 1, 1.0, 0.6667, 0.8),
                        tuple("ALL", 3, 0, 1, 1.0, 0.75, 0.8571));
        assertThat(r.ids()).extracting(Scores.Row::type, Scores.Row::tp, Scores.Row::fn).containsExactly(
                tuple("SPECIES", 1, 0), tuple("CELL_TYPE", 2, 1), tuple("ALL", 3, 1));
    }

    @Test
    void commandLineOutputHasBothTablesAndTheSameFiguresAsJson() throws Exception {
        Evaluation.Result r = evaluation.run(PubtatorCorpus.read(FIXTURES.resolve("tiny.pubtator")));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Evaluate.print(r, "tiny.pubtator", new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("strict mention match", "document-level normalised ids")
                .containsPattern("DISEASE\\s+0\\.6667\\s+0\\.5000\\s+0\\.5714\\s+2\\s+1\\s+2");
        JsonNode json = new ObjectMapper().readTree(out.substring(out.indexOf('{')));
        assertThat(json.get("documents").asInt()).isEqualTo(2);
        assertThat(json.get("ids").get(1).get("f1").asDouble()).isEqualTo(0.5714);
    }

    @Test
    void splitFileRestrictsTheDocuments() throws Exception {
        Path ids = java.nio.file.Files.writeString(java.nio.file.Files.createTempFile("ids", ".txt"), "2\n");
        List<Document> docs = Evaluate.read(FIXTURES.resolve("tiny.pubtator"),
                Map.of("format", "pubtator", "docs", ids.toString()));
        assertThat(docs).extracting(Document::id).containsExactly("2");
    }

    @Test
    void realCorporaAreReadCompletely() throws Exception {
        List<Document> cdr = PubtatorCorpus.read(SharedData.data("ner/bc5cdr/CDR_DevelopmentSet.PubTator.txt"));
        assertThat(cdr).hasSize(489);
        assertThat(cdr.stream().mapToInt(d -> d.gold().size()).sum()).isEqualTo(9334);
        assertThat(cdr.get(0).gold().get(0).ids()).allMatch(id -> id.startsWith("MESH:"));

        List<Document> ncbi = PubtatorCorpus.read(SharedData.data("ner/ncbi-disease/NCBIdevelopset_corpus.txt"));
        assertThat(ncbi).hasSize(100);
        assertThat(ncbi.stream().mapToInt(d -> d.gold().size()).sum()).isEqualTo(787);

        Path linnaeus = SharedData.data("ner/linnaeus");
        List<Document> lin = LinnaeusCorpus.read(linnaeus, linnaeus.resolve("tags.train_devel.tsv"));
        assertThat(lin).hasSize(67);
        assertThat(lin.stream().mapToInt(d -> d.gold().size()).sum()).isEqualTo(2827);

        List<Document> craft = CraftCorpus.read(SharedData.data("ner/craft"));
        assertThat(craft).hasSize(67);
        assertThat(craft.stream().flatMap(d -> d.gold().stream()).filter(g -> g.type() == EvalType.CELL_TYPE)
                .count()).isEqualTo(4043);
    }
}
