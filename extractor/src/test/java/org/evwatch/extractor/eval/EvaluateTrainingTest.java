package org.evwatch.extractor.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.evwatch.extractor.ner.EntityRecognizer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Evaluate --train}: learns from the given documents before scoring, and refuses to score a document it
 * learned from. Core vocabulary only, so each run is quick.
 */
class EvaluateTrainingTest {

    static final Path TRAIN = Path.of("src/test/resources/ner/training/train.pubtator");
    static final Path TINY = Path.of("src/test/resources/eval/tiny.pubtator");

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Evaluate.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void refusesToScoreTheDocumentsItLearnsFrom() throws Exception {
        Run r = run(TRAIN.toString(), "--format", "pubtator", "--train", TINY + "," + TRAIN, "--train-format",
                "pubtator");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("refusing", "3 training document(s)", "101");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aTrainSplitThatLeavesTheScoredDocumentsOutIsAccepted(@TempDir Path tmp) throws Exception {
        Path split = Files.writeString(tmp.resolve("train-ids.txt"), "101\n102\n");
        Path dev = Files.writeString(tmp.resolve("dev-ids.txt"), "103\n");
        Run refused = run(TRAIN.toString(), "--format", "pubtator", "--train", TRAIN.toString(), "--train-format",
                "pubtator");
        assertThat(refused.status()).isEqualTo(2);
        Run r = run(TRAIN.toString(), "--format", "pubtator", "--docs", dev.toString(), "--train", TRAIN.toString(),
                "--train-format", "pubtator", "--train-docs", split.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("(1 documents)", "document-level normalised ids");
        assertThat(Evaluate.training(Map.of("train", TRAIN.toString(), "train-format", "pubtator", "train-docs",
                split.toString()))).singleElement().satisfies(c -> assertThat(c.documents()).hasSize(2));
    }

    @Test
    void learningFromTheTrainSplitChangesTheDevScores(@TempDir Path tmp) throws Exception {
        Path split = Files.writeString(tmp.resolve("train-ids.txt"), "101\n102\n");
        Path dev = Files.writeString(tmp.resolve("dev-ids.txt"), "103\n");
        var docs = Evaluate.read(TRAIN, Map.of("format", "pubtator", "docs", dev.toString()));
        var training = Evaluate.training(Map.of("train", TRAIN.toString(), "train-format", "pubtator",
                "train-docs", split.toString()));
        Evaluation.Result plain = new Evaluation(EntityRecognizer.load(Optional.empty())).run(docs);
        Evaluation.Result trained = new Evaluation(EntityRecognizer.trained(Optional.empty(), training)).run(docs);
        // Document 103 annotates hypertension, depression (D003866), nephrotoxicity (D051437) and, as a disease,
        // cisplatin. The core alone finds hypertension; "depression" is learned from documents 101 and 102.
        assertThat(plain.ids()).filteredOn(row -> row.type().equals("DISEASE")).singleElement()
                .extracting(Scores.Row::tp, Scores.Row::fn).containsExactly(1, 3);
        assertThat(trained.ids()).filteredOn(row -> row.type().equals("DISEASE")).singleElement()
                .extracting(Scores.Row::tp, Scores.Row::fn).containsExactly(2, 2);
        assertThat(trained.falseNegatives()).doesNotContainKey("DISEASE|MESH:D003866 depression");
    }

    @Test
    void formatAndSplitCanBeGivenPerCorpus(@TempDir Path tmp) throws Exception {
        Path split = Files.writeString(tmp.resolve("train-ids.txt"), "101\n");
        var corpora = Evaluate.training(Map.of("train", TRAIN + "," + TINY, "train-format", "pubtator,pubtator",
                "train-docs", split + ",-"));
        assertThat(corpora).extracting(c -> c.documents().size()).containsExactly(1, 2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Evaluate.training(Map.of("train", TRAIN + ","
                + TINY, "train-format", "pubtator", "train-docs", split + ",-,-")))
                .hasMessageContaining("one per training corpus");
    }

    @Test
    void trainWithoutItsFormatIsAUsageError() throws Exception {
        Run r = run(TINY.toString(), "--format", "pubtator", "--train", TRAIN.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("usage", "--train-format");
    }

    @Test
    void tagsChooseTheScoredTagsButNotTheTrainingOnes(@TempDir Path tmp) throws Exception {
        Path linnaeus = Path.of("src/test/resources/eval/linnaeus");
        Path other = Files.writeString(tmp.resolve("other-tags.tsv"),
                "#species id\tdocument\tstart\tend\ttext\tcode\nspecies:ncbi:9606\tdoc1\t9\t15\thumans\t\n");
        Map<String, String> withTags = Map.of("format", "linnaeus", "tags", other.toString(), "train",
                linnaeus.toString(), "train-format", "linnaeus");
        Map<String, String> without = Map.of("format", "linnaeus", "train", linnaeus.toString(), "train-format",
                "linnaeus");
        // Scored: the given tag file (one mention) instead of the folder's (four).
        assertThat(Evaluate.read(linnaeus, withTags).stream().mapToInt(d -> d.gold().size()).sum()).isEqualTo(1);
        assertThat(Evaluate.read(linnaeus, without).stream().mapToInt(d -> d.gold().size()).sum()).isEqualTo(4);
        // Learned from: the folder's own tags either way.
        var trained = Evaluate.training(withTags);
        assertThat(trained).singleElement().satisfies(c -> assertThat(c.documents())
                .isEqualTo(Evaluate.training(without).get(0).documents())
                .flatExtracting(org.evwatch.extractor.vocab.AnnotatedDocument::annotations).hasSize(4));
    }

}
