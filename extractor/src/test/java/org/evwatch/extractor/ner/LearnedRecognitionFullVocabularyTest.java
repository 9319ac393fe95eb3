package org.evwatch.extractor.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.evwatch.events.Entity;
import org.evwatch.events.EntityType;
import org.evwatch.events.Paper;
import org.evwatch.extractor.vocab.LoadReport;
import org.evwatch.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Learning from the real BC5CDR train set on top of every public vocabulary, as
 * {@code evwatch.extractor.training-corpora} does in production: the corpus's conventions replace the
 * vocabularies' readings.
 */
class LearnedRecognitionFullVocabularyTest {

    static EntityRecognizer recognizer;

    @BeforeAll
    static void load() {
        recognizer = EntityRecognizer.load(Optional.of(SharedData.data("vocab")),
                List.of(SharedData.data("ner/bc5cdr/CDR_TrainingSet.PubTator.txt")));
    }

    static List<String> ids(String text) {
        return recognizer.recognize(new Paper(null, null, List.of(new Paper.AbstractSection(null, text)), null,
                null, null, null, null, null, null, null, null, null)).stream().map(Entity::id).toList();
    }

    @Test
    void reportsWhatWasLearned() {
        assertThat(recognizer.report().sources()).noneMatch(LoadReport.Source::failed)
                .extracting(LoadReport.Source::loader).contains("learned lexicon", "learned precision filter");
        LoadReport.Source lexicon = recognizer.report().sources().stream()
                .filter(s -> s.loader().equals("learned lexicon")).findFirst().orElseThrow();
        assertThat(lexicon.termsAdded()).isGreaterThan(2_000);
        assertThat(recognizer.suppressedNames().get(EntityType.DISEASE)).isNotEmpty();
    }

    @Test
    void theCorpusConventionDecides() {
        // BC5CDR annotates "depression" as depressive disorder (D003866), the vocabularies read it as D003863.
        assertThat(ids("Depression was reported after treatment.")).contains("MESH:D003866")
                .doesNotContain("MESH:D003863");
    }
}
