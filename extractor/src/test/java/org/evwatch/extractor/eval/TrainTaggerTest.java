package org.evwatch.extractor.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.evwatch.events.EntityType;
import org.evwatch.extractor.ner.SequenceTagger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code TrainTagger} writes a model {@code Evaluate --tagger} reads: on the hand-made training corpus (three
 * abstracts, core vocabulary only), trained on two documents, scored on the third.
 */
class TrainTaggerTest {

    @Test
    void theModelItWritesIsTheOneEvaluateScores(@TempDir Path tmp) throws Exception {
        Path split = Files.writeString(tmp.resolve("train-ids.txt"), "101\n102\n");
        Path dev = Files.writeString(tmp.resolve("dev-ids.txt"), "103\n");
        Path model = tmp.resolve("tagger.model");
        ByteArrayOutputStream trained = new ByteArrayOutputStream();
        TrainTagger.run(Map.of("out", model.toString(), "train", EvaluateTrainingTest.TRAIN.toString(),
                "train-format", "pubtator", "train-docs", split.toString(), "epochs", "3"),
                new PrintStream(trained, true, StandardCharsets.UTF_8));
        SequenceTagger tagger = SequenceTagger.load(model);
        assertThat(tagger.types()).containsExactly(EntityType.DISEASE, EntityType.CHEMICAL);
        assertThat(tagger.version()).matches("tagger-[0-9a-f]{8}-[0-9a-f]{8}");
        // no held-out document among two: every merge scores alike and the dictionary keeps every type
        assertThat(tagger.merge(EntityType.DISEASE).merge()).isEqualTo(SequenceTagger.Merge.DICTIONARY);
        assertThat(trained.toString(StandardCharsets.UTF_8)).contains("model " + tagger.version() + " written");

        EvaluateTrainingTest.Run r = EvaluateTrainingTest.run(EvaluateTrainingTest.TRAIN.toString(), "--format",
                "pubtator", "--docs", dev.toString(), "--train", EvaluateTrainingTest.TRAIN.toString(),
                "--train-format", "pubtator", "--train-docs", split.toString(), "--tagger", model.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("(1 documents)", "document-level normalised ids",
                "the tagger's own mentions, strict match");
    }
}
