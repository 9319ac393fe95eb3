package org.evwatch.extractor.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.evwatch.events.Entity;
import org.evwatch.events.EntityType;
import org.evwatch.events.Paper;
import org.evwatch.extractor.vocab.AnnotatedCorpus;
import org.evwatch.extractor.vocab.AnnotatedDocument;
import org.evwatch.extractor.vocab.Annotation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learned tagger on a tiny synthetic corpus, with the core vocabulary only: made-up diseases ending in "-itis"
 * or "-osis" ("florbitis"), each named once, follow "diagnosed with" or "cases of", which no vocabulary can know; "cancer" (a core
 * name) is annotated, "toxicity" (also a core disease name) appears but is never annotated.
 */
class SequenceTaggerTest {

    static final String[] STEMS = {"florb", "quenn", "marzel", "tobr", "plim", "skarv", "durn", "welk", "zamp",
            "brokk", "jilt", "morv", "nabb", "pesk", "rulf", "sopp", "tarn", "vusk", "yell", "grob"};

    static EntityRecognizer recognizer;
    static SequenceTagger tagger;

    @BeforeAll
    static void train() {
        recognizer = EntityRecognizer.load(Optional.empty());
        tagger = TaggerTrainer.train(recognizer, List.of(corpus()), 6);
    }

    static AnnotatedCorpus corpus() {
        List<AnnotatedDocument> docs = new ArrayList<>();
        for (int i = 0; i < STEMS.length; i++) {
            String disease = STEMS[i] + (i % 2 == 0 ? "itis" : "osis");
            String other = STEMS[i] + "and" + (i % 3 == 0 ? "osis" : "itis");
            String text = "Ten patients were diagnosed with " + disease + " in the clinic. No toxicity was seen. "
                    + "Two cases of " + other + " and one of cancer were found.";
            List<Annotation> gold = new ArrayList<>();
            gold.add(annotation(text, disease, "MESH:D00000" + i));
            gold.add(annotation(text, other, "MESH:D00001" + i));
            gold.add(annotation(text, "cancer", "MESH:D009369"));
            docs.add(new AnnotatedDocument("doc" + i, null, text, null, gold));
        }
        return new AnnotatedCorpus("synthetic", docs);
    }

    static Annotation annotation(String text, String mention, String id) {
        int at = text.indexOf(mention);
        return new Annotation(at, at + mention.length(), mention, EntityType.DISEASE, List.of(id));
    }

    static List<Entity> entities(EntityRecognizer r, String text) {
        return r.recognize(new Paper(null, null, List.of(new Paper.AbstractSection(null, text)), null, null, null,
                null, null, null, null, null, null, null));
    }

    @Test
    void learnsAPatternTheDictionaryCannotKnow() {
        String text = "Ten patients were diagnosed with krendosis in the clinic.";
        int at = text.indexOf("krendosis");
        assertThat(recognizer.withTagger(tagger).tagged(text))
                .containsExactly(new EntityRecognizer.Tagged(at, at + "krendosis".length(), EntityType.DISEASE));
        assertThat(entities(recognizer, text)).extracting(Entity::type).doesNotContain(EntityType.DISEASE);
        assertThat(recognizer.tagged(text)).as("no tagger, no tagged mentions").isEmpty();
        String cases = "Two cases of vamitis and one of cancer were found.";
        assertThat(recognizer.withTagger(tagger).tagged(cases)).extracting(m -> cases.substring(m.start(), m.end()))
                .containsExactly("vamitis", "cancer");
    }

    @Test
    void aWordTheAnnotatorsNeverMarkIsNotTagged() {
        String text = "No toxicity was seen in cases of cancer.";
        assertThat(recognizer.withTagger(tagger).tagged(text)).extracting(m -> text.substring(m.start(), m.end()))
                .containsExactly("cancer");
    }

    @Test
    void aConfirmedMergeKeepsOnlyTheDictionaryReadingsTheTaggerMarks() {
        String text = "No toxicity was seen in cases of cancer.";
        assertThat(entities(recognizer, text)).extracting(Entity::name).hasSize(2);
        EntityRecognizer confirmed = recognizer.withTagger(tagger.withMerge(
                Map.of(EntityType.DISEASE, new SequenceTagger.Choice(SequenceTagger.Merge.CONFIRMED, 0))));
        assertThat(entities(confirmed, text)).extracting(Entity::id).containsExactly("MESH:D009369");
        assertThat(entities(recognizer.withTagger(tagger), text)).as("by default the dictionary decides")
                .isEqualTo(entities(recognizer, text));
    }

    @Test
    void aVetoDropsOnlyTheReadingsTheTaggerIsSureAreNothing() {
        String text = "No toxicity was seen in cases of cancer.";
        EntityRecognizer veto = recognizer.withTagger(tagger.withMerge(
                Map.of(EntityType.DISEASE, new SequenceTagger.Choice(SequenceTagger.Merge.VETO, 0))));
        assertThat(entities(veto, text)).extracting(Entity::id).containsExactly("MESH:D009369");
        EntityRecognizer timid = recognizer.withTagger(tagger.withMerge(
                Map.of(EntityType.DISEASE, new SequenceTagger.Choice(SequenceTagger.Merge.VETO, 1e9f))));
        assertThat(entities(timid, text)).isEqualTo(entities(recognizer, text));
    }

    @Test
    void aModelReadsBackAsItWasWritten(@TempDir Path dir) throws Exception {
        SequenceTagger chosen = tagger.withMerge(Map.of(EntityType.DISEASE,
                new SequenceTagger.Choice(SequenceTagger.Merge.VETO, 250))).withVersion("tagger-test-1");
        Path file = dir.resolve("model.bin.gz");
        chosen.save(file);
        SequenceTagger read = SequenceTagger.load(file);
        assertThat(read.version()).isEqualTo("tagger-test-1");
        assertThat(read.types()).containsExactly(EntityType.DISEASE);
        assertThat(read.merge(EntityType.DISEASE)).isEqualTo(new SequenceTagger.Choice(SequenceTagger.Merge.VETO,
                250));
        for (String text : List.of("Patients were diagnosed with krendosis.", "Two cases of vamitis and cancer.",
                "No toxicity was seen.")) {
            assertThat(recognizer.withTagger(read).tagged(text)).isEqualTo(recognizer.withTagger(chosen)
                    .tagged(text));
        }
        assertThat(SequenceTagger.find(Optional.of(file))).get().extracting(SequenceTagger::version)
                .isEqualTo("tagger-test-1");
    }

    @Test
    void theVersionNamesTheModelAndTrainingIsDeterministic() {
        assertThat(tagger.version()).matches("tagger-[0-9a-f]{8}");
        assertThat(TaggerTrainer.train(recognizer, List.of(corpus()), 6).version()).isEqualTo(tagger.version());
        assertThat(TaggerTrainer.train(recognizer, List.of(corpus()), 2).version()).isNotEqualTo(tagger.version());
        assertThat(recognizer.withTagger(tagger).taggerVersion()).contains(tagger.version());
    }

    @Test
    void withoutAModelTheDictionaryRecognizesAlone(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("absent.model");
        Path damaged = Files.writeString(dir.resolve("damaged.model"), "not a model");
        assertThat(SequenceTagger.find(Optional.empty())).isEmpty();
        assertThat(SequenceTagger.find(Optional.of(missing))).isEmpty();
        assertThat(SequenceTagger.find(Optional.of(damaged))).isEmpty();
        EntityRecognizer fallback = recognizer.withTagger(SequenceTagger.find(Optional.of(missing)).orElse(null));
        assertThat(fallback.taggerVersion()).isEmpty();
        String text = "No toxicity was seen in cases of cancer.";
        assertThat(entities(fallback, text)).isEqualTo(entities(recognizer, text)).isNotEmpty();
    }
}
