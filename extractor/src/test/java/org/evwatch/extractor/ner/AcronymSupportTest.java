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

/** A disease acronym from a standard vocabulary counts only when the paper defines it or also writes it out. */
class AcronymSupportTest {

    static EntityRecognizer recognizer;

    @BeforeAll
    static void build() {
        VocabularyBuilder b = new VocabularyBuilder();
        b.concept(EntityType.DISEASE, "MESH:D001260", "Ataxia Telangiectasia");
        b.name("MESH:D001260", "Ataxia Telangiectasia", TermKind.PREFERRED);
        b.name("MESH:D001260", "AT", TermKind.SYNONYM);
        b.concept(EntityType.CHEMICAL, "MESH:D004317", "Doxorubicin");
        b.name("MESH:D004317", "Doxorubicin", TermKind.PREFERRED);
        b.name("MESH:D004317", "DOX", TermKind.SYNONYM);
        b.concept(EntityType.DISEASE, "EV:test/curated", "Curated disease");
        b.name("EV:test/curated", "CDX", TermKind.CORE);
        recognizer = EntityRecognizer.of(b);
    }

    static List<String> ids(String title, String text) {
        return recognizer.recognize(new Paper(null, title, List.of(new Paper.AbstractSection(null, text)), null,
                null, null, null, null, null, null, null, null, null)).stream().map(Entity::id).toList();
    }

    @Test
    void aLoneDiseaseAcronymIsNotADisease() {
        assertThat(ids(null, "A GT to AT transition at the splice site.")).isEmpty();
    }

    @Test
    void writtenOutOrDefinedItIs() {
        assertThat(ids("AT in children", "Patients with ataxia telangiectasia were studied.")).containsExactly(
                "MESH:D001260");
        assertThat(ids(null, "Ataxia telangiectasia (AT) is rare; AT cells are radiosensitive.")).containsExactly(
                "MESH:D001260");
    }

    @Test
    void chemicalAcronymsAndCuratedNamesAreTrustedAlone() {
        assertThat(ids(null, "Mice were given DOX weekly.")).containsExactly("MESH:D004317");
        assertThat(ids(null, "Cases of CDX were seen.")).containsExactly("EV:test/curated");
    }
}
