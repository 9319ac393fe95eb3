package org.evwatch.extractor.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.evwatch.events.Entity;
import org.evwatch.events.EntityType;
import org.evwatch.events.Paper;
import org.evwatch.extractor.vocab.TermKind;
import org.evwatch.extractor.vocab.VocabularyBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A species' one-word common name written with a capital inside a sentence is part of a proper name. */
class ProperNounTest {

    static EntityRecognizer recognizer;

    @BeforeAll
    static void build() {
        VocabularyBuilder b = new VocabularyBuilder();
        b.concept(EntityType.SPECIES, "NCBITaxon:51338", "Castor canadensis");
        b.name("NCBITaxon:51338", "Castor canadensis", TermKind.PREFERRED);
        b.name("NCBITaxon:51338", "Beaver", TermKind.SYNONYM);
        b.concept(EntityType.SPECIES, "NCBITaxon:1350", "Enterococcus");
        b.name("NCBITaxon:1350", "Enterococcus", TermKind.PREFERRED, true);
        b.name("NCBITaxon:1350", "Streptococcus", TermKind.SYNONYM, true);
        b.concept(EntityType.SPECIES, "NCBITaxon:9606", "Homo sapiens");
        b.name("NCBITaxon:9606", "human", TermKind.CORE);
        recognizer = EntityRecognizer.of(b);
    }

    static List<String> species(String text) {
        List<Entity> e = recognizer.recognize(new Paper(null, null, List.of(new Paper.AbstractSection(null, text)),
                null, null, null, null, null, null, null, null, null, null));
        return e.stream().flatMap(x -> x.mentions().stream().map(m -> x.id() + " " + m.text())).toList();
    }

    @Test
    void aCapitalisedCommonNameInsideASentenceIsNotTheSpecies() {
        assertThat(species("as in the Beaver Dam Eye Study and others")).isEmpty();
    }

    @Test
    void lowerCaseOrSentenceInitialCommonNamesAreTheSpecies() {
        assertThat(species("The beaver builds dams.")).containsExactly("NCBITaxon:51338 beaver");
        assertThat(species("Beaver dams flood valleys. Beavers were counted.")).containsExactly(
                "NCBITaxon:51338 Beaver", "NCBITaxon:51338 Beavers");
        assertThat(species("Habitat:\nBeaver")).containsExactly("NCBITaxon:51338 Beaver");
    }

    @Test
    void namesMatchedWithTheirExactCaseKeepTheirCapital() {
        assertThat(species("isolates of Streptococcus were typed")).containsExactly("NCBITaxon:1350 Streptococcus");
    }

    @Test
    void scientificAndCoreNamesAreNotReadAsProperNouns() {
        assertThat(species("samples from Castor canadensis and from Human donors")).containsExactly(
                "NCBITaxon:51338 Castor canadensis", "NCBITaxon:9606 Human");
    }
}
