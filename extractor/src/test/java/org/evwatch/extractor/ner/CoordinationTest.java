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

/** Diseases named by coordinated modifiers that share one head noun ("breast and ovarian cancers"). */
class CoordinationTest {

    static EntityRecognizer recognizer;

    @BeforeAll
    static void build() {
        VocabularyBuilder b = new VocabularyBuilder();
        disease(b, "MESH:D001943", "Breast Neoplasms", "breast cancer");
        disease(b, "MESH:D010051", "Ovarian Neoplasms", "ovarian cancer");
        disease(b, "MESH:D011471", "Prostatic Neoplasms", "prostate cancer");
        disease(b, "MESH:D001932", "Brain Neoplasms", "brain cancer");
        disease(b, "MESH:D018307", "Neoplasms, Squamous Cell", "squamous cell neoplasms");
        disease(b, "MESH:D003920", "Diabetes Mellitus", "diabetes");
        b.concept(EntityType.CHEMICAL, "MESH:D002945", "Cisplatin");
        b.name("MESH:D002945", "cisplatin", TermKind.PREFERRED);
        recognizer = EntityRecognizer.of(b);
    }

    private static void disease(VocabularyBuilder b, String id, String name, String synonym) {
        b.concept(EntityType.DISEASE, id, name);
        b.name(id, name, TermKind.PREFERRED);
        b.name(id, synonym, TermKind.SYNONYM);
    }

    static List<Entity> entities(String text) {
        return recognizer.recognize(new Paper(null, null, List.of(new Paper.AbstractSection(null, text)), null,
                null, null, null, null, null, null, null, null, null));
    }

    static List<String> ids(String text) {
        return entities(text).stream().map(Entity::id).toList();
    }

    @Test
    void eachModifierNamesItsOwnDisease() {
        assertThat(ids("Carriers have a high risk of breast and ovarian cancers."))
                .containsExactlyInAnyOrder("MESH:D001943", "MESH:D010051");
        assertThat(ids("Families with brain, breast, and prostate cancer were studied."))
                .containsExactlyInAnyOrder("MESH:D001932", "MESH:D001943", "MESH:D011471");
        assertThat(ids("Families with breast or prostate cancer.")).containsExactlyInAnyOrder("MESH:D001943",
                "MESH:D011471");
    }

    @Test
    void aShorterTailIsTriedWhenTheWholeOneNamesNothing() {
        assertThat(ids("Mutations in breast and squamous cell neoplasms."))
                .containsExactlyInAnyOrder("MESH:D001943", "MESH:D018307");
    }

    @Test
    void theModifierIsTheMention() {
        Entity breast = entities("Risk of breast and ovarian cancers.").stream()
                .filter(e -> e.id().equals("MESH:D001943")).findFirst().orElseThrow();
        assertThat(breast.mentions()).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("breast");
            assertThat(m.start()).isEqualTo(8);
        });
    }

    @Test
    void onlyBareWordsDirectlyCoordinatedWithADiseaseCount() {
        // "diabetes" is a disease of its own, and "diabetes cancer" names nothing.
        assertThat(ids("Patients with diabetes and ovarian cancer.")).containsExactlyInAnyOrder("MESH:D003920",
                "MESH:D010051");
        // "tissue" breaks the chain: "breast" is not coordinated with "ovarian cancer".
        assertThat(ids("Breast tissue and ovarian cancer samples.")).containsExactly("MESH:D010051");
        // Only diseases are expanded.
        assertThat(ids("Gemcitabine and cisplatin were given.")).containsExactly("MESH:D002945");
    }
}
