package org.evwatch.extractor.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.evwatch.events.Entity;
import org.evwatch.events.EntityType;
import org.evwatch.events.Paper;
import org.evwatch.extractor.vocab.TermKind;
import org.evwatch.extractor.vocab.VocabularyBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A name several concepts share is read as the one the paper names unambiguously elsewhere. */
class AmbiguousNameContextTest {

    static EntityRecognizer recognizer;

    @BeforeAll
    static void build() {
        VocabularyBuilder b = new VocabularyBuilder();
        b.concept(EntityType.SPECIES, "NCBITaxon:476", "Moraxella bovis");
        b.name("NCBITaxon:476", "Moraxella bovis", TermKind.PREFERRED);
        b.name("NCBITaxon:476", "M. bovis", TermKind.DERIVED);
        b.concept(EntityType.SPECIES, "NCBITaxon:1765", "Mycobacterium bovis");
        b.name("NCBITaxon:1765", "Mycobacterium bovis", TermKind.PREFERRED);
        b.name("NCBITaxon:1765", "M. bovis", TermKind.DERIVED);
        recognizer = EntityRecognizer.of(b);
    }

    static Map<String, List<String>> mentions(String text) {
        List<Entity> e = recognizer.recognize(new Paper(null, null, List.of(new Paper.AbstractSection(null, text)),
                null, null, null, null, null, null, null, null, null, null));
        return e.stream().collect(Collectors.toMap(Entity::id,
                x -> x.mentions().stream().map(Entity.Mention::text).toList()));
    }

    @Test
    void withoutContextTheFirstReadingStands() {
        assertThat(mentions("M. bovis was isolated from cattle.")).isEqualTo(Map.of("NCBITaxon:476",
                List.of("M. bovis")));
    }

    @Test
    void theReadingThePaperWritesOutWins() {
        assertThat(mentions("M. bovis was isolated. Mycobacterium bovis causes tuberculosis in cattle."))
                .isEqualTo(Map.of("NCBITaxon:1765", List.of("M. bovis", "Mycobacterium bovis")));
        assertThat(mentions("Moraxella bovis and M. bovis.")).isEqualTo(Map.of("NCBITaxon:476",
                List.of("Moraxella bovis", "M. bovis")));
    }
}
