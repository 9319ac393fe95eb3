package org.evwatch.extractor.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.evwatch.extractor.ner.EntityRecognizer;
import org.evwatch.extractor.vocab.AnnotatedCorpus;
import org.evwatch.extractor.vocab.AnnotatedDocument;
import org.evwatch.extractor.vocab.Annotation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Evaluate --out}: the predictions written in PubTator format read back, through the reader the corpora are
 * read with, as exactly the predicted mentions, on the documents' own texts. Core vocabulary only.
 */
class PubtatorOutputTest {

    static final Path TINY = Path.of("src/test/resources/eval/tiny.pubtator");
    static final Path LINNAEUS = Path.of("src/test/resources/eval/linnaeus");
    static EntityRecognizer recognizer;

    @BeforeAll
    static void load() {
        recognizer = EntityRecognizer.load(Optional.empty());
    }

    /** The predictions per document, as the evaluation scored them. */
    static Map<String, List<Evaluation.Prediction>> predicted(List<Document> docs) {
        Map<String, List<Evaluation.Prediction>> out = new LinkedHashMap<>();
        new Evaluation(recognizer).run(docs, (d, p) -> out.put(d.id(), new ArrayList<>(p)));
        return out;
    }

    @Test
    void writtenPredictionsReadBackAsThePredictedMentions(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("predicted.pubtator");
        var run = EvaluateTrainingTest.run(TINY.toString(), "--format", "pubtator", "--out", out.toString());
        assertThat(run.status()).isZero();

        List<Document> docs = PubtatorCorpus.read(TINY);
        Map<String, List<Evaluation.Prediction>> predicted = predicted(docs);
        List<AnnotatedDocument> written = AnnotatedCorpus.pubtator(out).documents();
        assertThat(written).extracting(AnnotatedDocument::id, AnnotatedDocument::title,
                AnnotatedDocument::abstractText)
                .containsExactly(docs.stream().map(d -> tuple(d.id(), d.title(), d.abstractText())).toArray(
                        org.assertj.core.groups.Tuple[]::new));
        for (AnnotatedDocument d : written) {
            assertThat(d.annotations()).extracting(Annotation::start, Annotation::end, Annotation::text,
                    a -> EvalType.of(a.type()), Annotation::ids)
                    .containsExactlyInAnyOrderElementsOf(predicted.get(d.id()).stream()
                            .map(p -> tuple(p.start(), p.end(), p.text(), p.type(), List.of(p.id()))).toList());
            String text = d.title() + " " + d.abstractText();
            assertThat(d.annotations()).allSatisfy(a -> assertThat(text.substring(a.start(), a.end()))
                    .isEqualTo(a.text()));
        }
        // The core vocabulary finds these in document 1 (see EvaluationTest): written with their MeSH ids.
        assertThat(Files.readString(out)).contains("1\t19\t32\tbreast cancer\tDisease\tMESH:D001943\n",
                "1\t33\t42\tCisplatin\tChemical\tMESH:D002945\n");
    }

    @Test
    void writtenPredictionsScoreAsTheEvaluationDid(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("predicted.pubtator");
        List<Document> docs = PubtatorCorpus.read(TINY);
        Evaluation.Result scored = Evaluate.score(recognizer, docs, out.toString());
        // Read back as gold: a perfect score over the same number of mentions the evaluation counted as found.
        Evaluation.Result again = new Evaluation(recognizer).run(PubtatorCorpus.read(out));
        int found = scored.mentions().stream().filter(r -> r.type().equals("ALL")).mapToInt(r -> r.tp() + r.fp())
                .sum();
        assertThat(again.mentions()).filteredOn(r -> r.type().equals("ALL")).singleElement()
                .extracting(Scores.Row::tp, Scores.Row::fp, Scores.Row::fn).containsExactly(found, 0, 0);
    }

    @Test
    void aFullTextDocumentKeepsItsOffsets(@TempDir Path tmp) throws Exception {
        List<Document> docs = LinnaeusCorpus.read(LINNAEUS, LINNAEUS.resolve("tags.tsv"));
        Path out = tmp.resolve("predicted.pubtator");
        Evaluate.score(recognizer, docs, out.toString());
        Map<String, List<Evaluation.Prediction>> predicted = predicted(docs);
        List<AnnotatedDocument> written = AnnotatedCorpus.pubtator(out).documents();
        assertThat(written).hasSize(docs.size());
        assertThat(written.get(0).annotations()).isNotEmpty();
        for (int i = 0; i < docs.size(); i++) {
            String body = docs.get(i).body();
            AnnotatedDocument w = written.get(i);
            assertThat(w.title()).hasSameSizeAs(body);
            assertThat(w.annotations()).hasSize(predicted.get(w.id()).size())
                    .allSatisfy(a -> assertThat(body.substring(a.start(), a.end())).isEqualTo(a.text()));
        }
    }
}
