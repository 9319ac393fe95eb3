package org.evwatch.extractor.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.evwatch.events.Entity;
import org.evwatch.events.EntityType;
import org.evwatch.events.Paper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hand-checked sentences against the bundled core vocabulary alone. */
class EntityRecognizerCoreTest {

    static EntityRecognizer recognizer;

    @BeforeAll
    static void load() {
        recognizer = EntityRecognizer.load(Optional.empty());
    }

    static Paper paper(String title, String abstractText) {
        return new Paper(null, title, List.of(new Paper.AbstractSection(null, abstractText)), null, null, null, null,
                null, null, null, null, null, null);
    }

    static List<Entity> entities(String text) {
        return recognizer.recognize(paper(null, text));
    }

    static Entity only(String text, String id) {
        return entities(text).stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not found in: " + text + " -> " + entities(text)));
    }

    static List<String> mentionTexts(String text, String id) {
        return only(text, id).mentions().stream().map(Entity.Mention::text).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"exosome", "exosomes", "Exosomes", "exosomal"})
    void exosomeVariants(String word) {
        String text = "We isolated " + word + " from plasma.";
        Entity e = only(text, "EV:subtype/exosome");
        assertThat(e.type()).isEqualTo(EntityType.EV_SUBTYPE);
        assertThat(e.mentions()).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo(word);
            assertThat(text.substring(m.start(), m.end())).isEqualTo(word);
            assertThat(m.section()).isEqualTo("abstract");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"extracellular vesicle", "extracellular vesicles", "Extracellular Vesicles", "EVs", "EV",
            "extracellular-vesicle"})
    void extracellularVesicleVariants(String words) {
        assertThat(mentionTexts("Circulating " + words + " were counted.", "EV:subtype/extracellular-vesicle"))
                .containsExactly(words);
    }

    @Test
    void smallEvsAreTheirOwnSubtypeAndWinOverEv() {
        String text = "Small EVs (sEVs) and small extracellular vesicles differ from large EVs.";
        assertThat(mentionTexts(text, "EV:subtype/small-ev")).containsExactly("Small EVs", "sEVs",
                "small extracellular vesicles");
        assertThat(mentionTexts(text, "EV:subtype/large-ev")).containsExactly("large EVs");
        assertThat(entities(text)).noneMatch(e -> e.id().equals("EV:subtype/extracellular-vesicle"));
    }

    @Test
    void otherSubtypes() {
        String text = "Microvesicles, ectosomes, large oncosomes, apoptotic bodies and exomeres were separated.";
        assertThat(mentionTexts(text, "EV:subtype/microvesicle")).containsExactly("Microvesicles");
        assertThat(mentionTexts(text, "EV:subtype/ectosome")).containsExactly("ectosomes");
        assertThat(mentionTexts(text, "EV:subtype/oncosome")).containsExactly("large oncosomes");
        assertThat(mentionTexts(text, "EV:subtype/apoptotic-body")).containsExactly("apoptotic bodies");
        assertThat(mentionTexts(text, "EV:subtype/exomere")).containsExactly("exomeres");
    }

    @Test
    void mirnaNamesWithAndWithoutSpeciesAndArm() {
        String text = "Serum miR-21-5p and hsa-miR-155 were elevated, as was microRNA-21.";
        assertThat(only(text, "MIMAT0000076").mentions()).extracting(Entity.Mention::text)
                .containsExactly("miR-21-5p", "microRNA-21");
        assertThat(only(text, "MIMAT0000646").mentions()).extracting(Entity.Mention::text)
                .containsExactly("hsa-miR-155");
        assertThat(only(text, "MIMAT0000076").type()).isEqualTo(EntityType.MIRNA);
        assertThat(only(text, "MIMAT0000076").namespace()).isEqualTo("miRBase");
    }

    @Test
    void abbreviationDefinedInTextIsResolvedAndPropagated() {
        Paper p = paper("Exosomal PD-L1 in NSCLC",
                "Patients with non-small cell lung cancer (NSCLC) were enrolled. NSCLC exosomes carried PD-L1.");
        Entity nsclc = recognizer.recognize(p).stream().filter(e -> e.id().equals("MESH:D002289")).findFirst()
                .orElseThrow();
        assertThat(nsclc.mentions()).extracting(m -> m.section() + ":" + m.text()).containsExactly("title:NSCLC",
                "abstract:non-small cell lung cancer", "abstract:NSCLC", "abstract:NSCLC");
        assertThat(nsclc.xrefs()).contains("DOID:3908");
        assertThat(nsclc.name()).isEqualTo("Carcinoma, Non-Small-Cell Lung");
    }

    @Test
    void abbreviationDefinedAsSomethingElseDoesNotFireAsTheDictionaryReading() {
        // In the core vocabulary "PD" is Parkinson disease; here the paper defines it otherwise.
        String text = "Progressive disease (PD) was seen in five patients; PD was assessed by RECIST.";
        assertThat(entities(text)).noneMatch(e -> e.id().equals("MESH:D010300"));
    }

    @Test
    void geneSymbolsThatAreWordsDoNotFireOnTheWord() {
        String text = "The met criteria were met in all cases, and we set a threshold for the MET receptor.";
        assertThat(entities(text)).filteredOn(e -> e.id().equals("NCBIGene:4233")).singleElement()
                .satisfies(e -> assertThat(e.mentions()).extracting(Entity.Mention::text).containsExactly("MET"));
    }

    @Test
    void markersCarryTheirGeneIdAsXref() {
        Entity cd63 = only("EVs were positive for CD63, CD9 and TSG101 and negative for calnexin.",
                "EV:marker/CD63");
        assertThat(cd63.type()).isEqualTo(EntityType.EV_MARKER);
        assertThat(cd63.xrefs()).contains("NCBIGene:967", "HGNC:1692");
        assertThat(only("EVs were negative for calnexin.", "EV:marker/CANX").mentions())
                .extracting(Entity.Mention::text).containsExactly("calnexin");
    }

    @Test
    void markersAreAlsoTheirGene() {
        String text = "EVs were positive for CD63 and CD9; CD63 was enriched.";
        List<Entity> found = entities(text);
        Entity marker = only(text, "EV:marker/CD63");
        Entity gene = only(text, "NCBIGene:967");
        assertThat(gene.type()).isEqualTo(EntityType.GENE);
        assertThat(gene.namespace()).isEqualTo("NCBIGene");
        assertThat(gene.name()).isEqualTo("CD63");
        assertThat(gene.xrefs()).contains("EV:marker/CD63", "HGNC:1692").doesNotContain("NCBIGene:967");
        assertThat(gene.mentions()).isEqualTo(marker.mentions()).hasSize(2);
        // Each follows its marker, once.
        assertThat(found).extracting(Entity::id).containsSubsequence("EV:marker/CD63", "NCBIGene:967",
                "EV:marker/CD9", "NCBIGene:928").doesNotHaveDuplicates();
    }

    @Test
    void greekLettersAndSpelledOutFormsMeetTheSameConcept() {
        String text = "TNF-α, TNF alpha and TGF-β1 were measured.";
        assertThat(mentionTexts(text, "NCBIGene:7124")).containsExactly("TNF-α", "TNF alpha");
        assertThat(mentionTexts(text, "NCBIGene:7040")).containsExactly("TGF-β1");
    }

    @Test
    void methodsBiofluidsCargoSpeciesCellsAndLines() {
        String text = "EVs from the plasma of mice and from MDA-MB-231 cells were isolated by size-exclusion "
                + "chromatography, characterised by nanoparticle tracking analysis (NTA) and transmission electron "
                + "microscopy, and their lncRNA cargo was profiled; macrophages took them up.";
        List<String> ids = entities(text).stream().map(Entity::id).toList();
        assertThat(ids).contains("EV:biofluid/plasma", "NCBITaxon:10090", "CVCL_0062",
                "EV:method/size-exclusion-chromatography", "EV:method/nta", "EV:method/electron-microscopy",
                "EV:cargo/lncrna", "CL:0000235");
        assertThat(mentionTexts(text, "EV:method/nta")).containsExactly("nanoparticle tracking analysis", "NTA");
    }

    @Test
    void longestMatchWinsOnOverlap() {
        String text = "Triple-negative breast cancer differs from breast cancer.";
        assertThat(mentionTexts(text, "MESH:D064726")).containsExactly("Triple-negative breast cancer");
        assertThat(mentionTexts(text, "MESH:D001943")).containsExactly("breast cancer");
        assertThat(entities(text)).noneMatch(e -> e.id().equals("MESH:D009369"));
    }

    @Test
    void rnaExosomeComplexIsNotAnExtracellularVesicle() {
        String text = "The RNA exosome complex degrades transcripts.";
        assertThat(entities(text)).noneMatch(e -> e.type() == EntityType.EV_SUBTYPE);
    }

    @Test
    void outputIsDeterministic() {
        String text = "Exosomal miR-21 from HCC patients and hepatocellular carcinoma (HCC) cell lines.";
        assertThat(entities(text)).isEqualTo(entities(text));
    }
}
