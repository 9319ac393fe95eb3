package org.evwatch.extractor.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.evwatch.events.Entity;
import org.evwatch.events.EntityType;
import org.evwatch.events.Paper;
import org.evwatch.extractor.vocab.AnnotatedCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A gene name read as the gene of the paper's organism, learned from a hand-made corpus
 * ({@code ner/organisms/organisms.pubtator}) with the core vocabulary only: "p53" is annotated as the mouse gene
 * ({@code NCBIGene:22059}) five times in two papers about mice and as the human gene ({@code NCBIGene:7157}) twice
 * in a paper about patients; "Bax" is the mouse id {@code NCBIGene:12028} in both kinds of paper.
 */
class GeneOrganismsTest {

    static final String HUMAN_P53 = "NCBIGene:7157";
    static final String MOUSE_P53 = "NCBIGene:22059";
    static EntityRecognizer trained;

    @BeforeAll
    static void learn() throws Exception {
        AnnotatedCorpus corpus = AnnotatedCorpus
                .pubtator(Path.of("src/test/resources/ner/organisms/organisms.pubtator"));
        trained = EntityRecognizer.trained(Optional.empty(), List.of(corpus));
    }

    static List<String> genes(EntityRecognizer r, String text) {
        return r.recognize(new Paper(null, null, List.of(new Paper.AbstractSection(null, text)), null, null, null,
                null, null, null, null, null, null, null)).stream().filter(e -> e.type() == EntityType.GENE)
                .map(Entity::id).toList();
    }

    @Test
    void aGeneNameIsTheGeneOfThePapersOrganism() {
        assertThat(genes(trained, "Mice lacking p53 developed tumours in the mouse liver.")).containsExactly(MOUSE_P53);
        assertThat(genes(trained, "Tumours of patients with p53 mutations.")).containsExactly(HUMAN_P53);
    }

    @Test
    void aPaperNamingNoSpeciesIsAboutHumans() {
        // The most annotated reading of "p53" is the mouse gene; without a species named, the human one is meant.
        assertThat(genes(trained, "Loss of p53 was common.")).containsExactly(HUMAN_P53);
    }

    @Test
    void aNameWithOneIdInEveryOrganismKeepsIt() {
        assertThat(genes(trained, "Bax was measured in patients.")).containsExactly("NCBIGene:12028");
    }

    @Test
    void withoutTrainingTheVocabularyReadingStands() {
        assertThat(genes(EntityRecognizer.load(Optional.empty()), "Mice lacking p53 developed tumours."))
                .containsExactly(HUMAN_P53);
    }

    @Test
    void thePapersOrganismIsTheSpeciesNamedMostHumanOnATie() {
        assertThat(GeneOrganisms.organism(Map.of())).isEqualTo(GeneOrganisms.HUMAN);
        assertThat(GeneOrganisms.organism(Map.of("NCBITaxon:10090", 3, "NCBITaxon:9606", 1)))
                .isEqualTo("NCBITaxon:10090");
        assertThat(GeneOrganisms.organism(Map.of("NCBITaxon:10090", 2, "NCBITaxon:9606", 2)))
                .isEqualTo(GeneOrganisms.HUMAN);
        assertThat(GeneOrganisms.organism(Map.of("NCBITaxon:10116", 2, "NCBITaxon:10090", 2)))
                .isEqualTo("NCBITaxon:10090");
    }
}
