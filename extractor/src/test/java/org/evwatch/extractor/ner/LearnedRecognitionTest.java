package org.evwatch.extractor.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.evwatch.events.Entity;
import org.evwatch.events.EntityType;
import org.evwatch.events.Paper;
import org.evwatch.extractor.vocab.AnnotatedCorpus;
import org.evwatch.extractor.vocab.AnnotatedDocument;
import org.evwatch.extractor.vocab.LoadReport;
import org.evwatch.extractor.vocab.TermKind;
import org.evwatch.extractor.vocab.VocabularyBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Learning from a hand-made annotated corpus ({@code ner/training/train.pubtator}, three abstracts) with the core
 * vocabulary only, so what is learned is known: "depression" is annotated D003866 three times and D003863 once;
 * "Fits" once D004827 and once D012640 (a tie); "autosomal recessive disorder" and "nephrotoxicity" (D051437, which
 * the core reads as kidney disease D007674) are annotated once each; "toxicity", a core name, is recognised four
 * times and never annotated; "mice" four times, but the corpus annotates no species.
 */
class LearnedRecognitionTest {

    static final Path TRAINING = Path.of("src/test/resources/ner/training");
    static AnnotatedCorpus corpus;
    static EntityRecognizer untrained;
    static EntityRecognizer trained;

    @BeforeAll
    static void learn() throws Exception {
        corpus = AnnotatedCorpus.pubtator(TRAINING.resolve("train.pubtator"));
        untrained = EntityRecognizer.load(Optional.empty());
        trained = EntityRecognizer.trained(Optional.empty(), List.of(corpus));
    }

    static List<Entity> entities(EntityRecognizer r, String text) {
        return r.recognize(new Paper(null, null, List.of(new Paper.AbstractSection(null, text)), null, null, null,
                null, null, null, null, null, null, null));
    }

    static List<String> ids(EntityRecognizer r, String text) {
        return entities(r, text).stream().map(Entity::id).toList();
    }

    @Test
    void annotatedNamesNoVocabularyListsAreLearned() {
        String text = "A boy with depression and an autosomal recessive disorder.";
        assertThat(ids(untrained, text)).doesNotContain("MESH:D003866", "MESH:D030342");
        List<Entity> e = entities(trained, text);
        assertThat(e).extracting(Entity::type, Entity::id).contains(
                org.assertj.core.api.Assertions.tuple(EntityType.DISEASE, "MESH:D003866"),
                org.assertj.core.api.Assertions.tuple(EntityType.DISEASE, "MESH:D030342"));
        assertThat(e).filteredOn(x -> x.id().equals("MESH:D030342")).singleElement()
                .satisfies(x -> assertThat(x.namespace()).isEqualTo("MESH"))
                .satisfies(x -> assertThat(x.mentions()).extracting(Entity.Mention::text)
                        .containsExactly("autosomal recessive disorder"));
    }

    @Test
    void theIdAnnotatedMostOftenWinsAndOutranksTheVocabularyReading() {
        assertThat(ids(trained, "Depression was common.")).containsExactly("MESH:D003866");
        assertThat(ids(untrained, "Nephrotoxicity was rare.")).containsExactly("MESH:D007674");
        assertThat(ids(trained, "Nephrotoxicity was rare.")).containsExactly("MESH:D051437");
    }

    @Test
    void tiesGoToTheSmallerIdWhateverTheDocumentOrder() {
        assertThat(ids(trained, "Fits were seen.")).containsExactly("MESH:D004827");
        List<AnnotatedDocument> reversed = new ArrayList<>(corpus.documents());
        Collections.reverse(reversed);
        EntityRecognizer other = EntityRecognizer.trained(Optional.empty(),
                List.of(new AnnotatedCorpus("reversed", reversed)));
        assertThat(ids(other, "Fits were seen.")).containsExactly("MESH:D004827");
        assertThat(other.suppressedNames()).isEqualTo(trained.suppressedNames());
    }

    @Test
    void namesOftenFoundButRarelyAnnotatedAreSuppressedForTheAnnotatedTypesOnly() {
        String text = "Toxicity in mice given cisplatin.";
        assertThat(ids(untrained, text)).contains("MESH:D064420", "NCBITaxon:10090", "MESH:D002945");
        // toxicity: 4 found, 0 annotated; cisplatin: 3 found as a chemical, 2 annotated as one (kept); mice: the
        // corpus annotates no species, so it says nothing about them.
        assertThat(ids(trained, text)).containsExactly("NCBITaxon:10090", "MESH:D002945");
        assertThat(trained.suppressedNames()).isEqualTo(Map.of(EntityType.DISEASE, java.util.Set.of("toxicity")));
    }

    @Test
    void countsBehindTheFilter() {
        Map<EntityType, Map<String, PrecisionFilter.Count>> counts = PrecisionFilter.count(untrained, List.of(corpus));
        assertThat(counts.get(EntityType.DISEASE).get("toxicity")).isEqualTo(new PrecisionFilter.Count(4, 0));
        assertThat(counts.get(EntityType.DISEASE).get("hypertensive")).isEqualTo(new PrecisionFilter.Count(3, 3));
        assertThat(counts.get(EntityType.CHEMICAL).get("cisplatin")).isEqualTo(new PrecisionFilter.Count(3, 2));
        assertThat(counts).doesNotContainKey(EntityType.SPECIES);
        assertThat(new PrecisionFilter.Count(2, 0).suppressed()).isFalse();
        assertThat(new PrecisionFilter.Count(10, 2).suppressed()).isTrue();
        assertThat(new PrecisionFilter.Count(10, 3).suppressed()).isFalse();
    }

    @Test
    void aNameIsKeptOnlyWhereItsOwnSpanIsAnnotatedNotAWordInsideIt(@TempDir Path tmp) throws Exception {
        // "angiotensin converting enzyme" is the enzyme; annotators mark "angiotensin" inside it, three times.
        Files.writeString(tmp.resolve("local.evwatch.tsv"),
                "CHEMICAL\tMESH:D000809\tAngiotensins\t\tangiotensin\t\n"
                        + "CHEMICAL\tMESH:D007703\tPeptidyl-Dipeptidase A\t\tangiotensin converting enzyme\t\n");
        StringBuilder pubtator = new StringBuilder();
        for (int i = 1; i <= 3; i++) {
            pubtator.append(i).append("|t|Angiotensin converting enzyme inhibitors.\n").append(i)
                    .append("|a|No effect.\n").append(i).append("\t0\t11\tAngiotensin\tChemical\tD000809\n\n");
        }
        Path train = Files.writeString(tmp.resolve("train.pubtator"), pubtator);
        EntityRecognizer r = EntityRecognizer.load(Optional.of(tmp), List.of(train));
        String text = "An angiotensin converting enzyme inhibitor.";
        assertThat(ids(EntityRecognizer.load(Optional.of(tmp)), text)).containsExactly("MESH:D007703");
        assertThat(r.suppressedNames()).containsEntry(EntityType.CHEMICAL,
                java.util.Set.of("angiotensin converting enzyme"));
        assertThat(entities(r, text)).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("MESH:D000809");
            assertThat(e.mentions()).extracting(Entity.Mention::text).containsExactly("angiotensin");
        });
    }

    @Test
    void compositeMentionsAndTypeConflictsTeachNothing() {
        VocabularyBuilder builder = new VocabularyBuilder();
        builder.concept(EntityType.CHEMICAL, "MESH:D002945", "Cisplatin");
        LearnedLexicon.Stats stats = LearnedLexicon.learn(List.of(corpus), builder);
        // "colon and breast cancers" has two ids; "cisplatin" annotated once as a disease is a chemical here.
        assertThat(stats.skippedComposite()).isEqualTo(1);
        assertThat(stats.skippedTypeConflict()).isEqualTo(1);
        assertThat(builder.terms()).noneMatch(t -> t.text().contains("colon"));
        assertThat(builder.terms()).filteredOn(t -> t.conceptId().equals("MESH:D002945"))
                .allMatch(t -> t.kind() == TermKind.LEARNED).extracting(t -> t.text()).containsExactly("cisplatin");
        assertThat(builder.typeOf("MESH:D051437")).isEqualTo(EntityType.DISEASE);
        assertThat(builder.knows("MESH:D003863")).isFalse();
        assertThat(stats.names()).isEqualTo(builder.termCount());
    }

    @Test
    void aDamagedCorpusIsSkippedAndReportedTheOthersStillTeach() {
        EntityRecognizer r = EntityRecognizer.load(Optional.empty(),
                List.of(TRAINING.resolve("broken.pubtator"), TRAINING.resolve("train.pubtator")));
        assertThat(r.report().sources()).filteredOn(LoadReport.Source::failed).singleElement()
                .satisfies(s -> assertThat(s.error()).contains("broken.pubtator:3"));
        assertThat(ids(r, "Depression was common.")).containsExactly("MESH:D003866");
        assertThat(r.report().summary()).contains("learned lexicon", "learned precision filter");
    }

    @Test
    void withoutCorporaNothingChanges() {
        EntityRecognizer r = EntityRecognizer.load(Optional.empty(), List.of());
        assertThat(r.suppressedNames()).isEmpty();
        assertThat(ids(r, "Toxicity in mice given cisplatin.")).isEqualTo(ids(untrained,
                "Toxicity in mice given cisplatin."));
        assertThat(r.report().summary()).doesNotContain("learned");
    }
}
