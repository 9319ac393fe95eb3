package org.evwatch.extractor.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.evwatch.events.Entity;
import org.evwatch.events.EntityType;
import org.evwatch.events.Paper;
import org.evwatch.extractor.vocab.AnnotatedCorpus;
import org.evwatch.extractor.vocab.AnnotatedDocument;
import org.evwatch.extractor.vocab.Annotation;
import org.evwatch.extractor.vocab.TermKind;
import org.evwatch.extractor.vocab.VocabularyBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How gene and protein names are read as NCBI Gene ids, on made-up sentences and a small vocabulary laid out as
 * {@code gene_info} is loaded: official symbols and aliases case-sensitively, full names in any case.
 */
class GeneNormalisationTest {

    static EntityRecognizer recognizer;

    @BeforeAll
    static void build() {
        recognizer = EntityRecognizer.of(vocabulary());
    }

    static VocabularyBuilder vocabulary() {
        VocabularyBuilder b = new VocabularyBuilder();
        gene(b, "1558", "CYP2C8", "cytochrome P450 family 2 subfamily C member 8");
        gene(b, "7428", "VHL", "von Hippel-Lindau tumor suppressor");
        gene(b, "5595", "MAPK3", "mitogen-activated protein kinase 3", "ERK1");
        gene(b, "5594", "MAPK1", "mitogen-activated protein kinase 1", "ERK2");
        gene(b, "4313", "MMP2", "matrix metallopeptidase 2", "MMP-2");
        gene(b, "4318", "MMP9", "matrix metallopeptidase 9", "MMP-9");
        gene(b, "4130", "MAP1A", "microtubule associated protein 1A", "MAP1L");
        gene(b, "28514", "DLL1", "delta like canonical Notch ligand 1", "Delta");
        gene(b, "10683", "DLL3", "delta like canonical Notch ligand 3");
        gene(b, "54567", "DLL4", "delta like canonical Notch ligand 4");
        gene(b, "5071", "PRKN", "parkin RBR E3 ubiquitin protein ligase", "par");
        gene(b, "1234", "CCR5", "C-C motif chemokine receptor 5");
        gene(b, "1499", "CTNNB1", "catenin beta 1", "beta-catenin");
        b.concept(EntityType.CHEMICAL, "MESH:D053218", "Fas Ligand Protein");
        b.name("MESH:D053218", "Fas Ligand Protein", TermKind.PREFERRED);
        b.name("MESH:D053218", "Fas ligand", TermKind.SYNONYM);
        gene(b, "356", "FASLG", "Fas ligand"); // after MeSH, as the vocabularies load
        b.concept(EntityType.CHEMICAL, "MESH:D065727", "Cytochrome P-450 CYP2C8");
        b.name("MESH:D065727", "Cytochrome P-450 CYP2C8", TermKind.PREFERRED);
        b.name("MESH:D065727", "CYP2C8", TermKind.SYNONYM);
        gene(b, "1674", "DES", "desmin");
        b.concept(EntityType.CHEMICAL, "MESH:D004054", "Diethylstilbestrol");
        b.name("MESH:D004054", "Diethylstilbestrol", TermKind.PREFERRED);
        b.name("MESH:D004054", "DES", TermKind.SYNONYM);
        b.concept(EntityType.DISEASE, "MESH:D006623", "von Hippel-Lindau Disease");
        b.name("MESH:D006623", "von Hippel-Lindau Disease", TermKind.PREFERRED);
        b.name("MESH:D006623", "VHL", TermKind.SYNONYM);
        return b;
    }

    private static void gene(VocabularyBuilder b, String id, String symbol, String fullName, String... aliases) {
        b.concept(EntityType.GENE, "NCBIGene:" + id, symbol);
        b.name("NCBIGene:" + id, symbol, TermKind.GENE_SYMBOL);
        b.name("NCBIGene:" + id, fullName, TermKind.SYNONYM, false);
        for (String alias : aliases) {
            b.name("NCBIGene:" + id, alias, TermKind.GENE_ALIAS);
        }
    }

    static Map<String, List<String>> mentions(EntityRecognizer r, String text) {
        List<Entity> e = r.recognize(new Paper(null, null, List.of(new Paper.AbstractSection(null, text)), null,
                null, null, null, null, null, null, null, null, null));
        return e.stream().collect(Collectors.toMap(Entity::id,
                x -> x.mentions().stream().map(Entity.Mention::text).toList()));
    }

    @Test
    void aShortAliasThatIsAWordIsAGeneOnlyWithAGeneCueNearby() {
        assertThat(mentions(recognizer, "Survival was on par with the controls.")).isEmpty();
        assertThat(mentions(recognizer, "Loss of the par gene was seen in every family."))
                .isEqualTo(Map.of("NCBIGene:5071", List.of("par")));
    }

    @Test
    void anOfficialSymbolWrittenExactlyBeatsTheChemicalThatSharesIt() {
        assertThat(mentions(recognizer, "CYP2C8 metabolises the drug.")).containsOnlyKeys("NCBIGene:1558");
        // a symbol without a digit is a drug's acronym as much as a gene's: the gene needs a cue
        assertThat(mentions(recognizer, "DES was given to the mothers.")).containsOnlyKeys("MESH:D004054");
        assertThat(mentions(recognizer, "DES expression was lost in the muscle.")).containsOnlyKeys("NCBIGene:1674");
    }

    @Test
    void aSymbolSharedWithADiseaseIsTheGeneOnlyWithAGeneCue() {
        assertThat(mentions(recognizer, "Two had von Hippel-Lindau disease; VHL runs in the family."))
                .isEqualTo(Map.of("MESH:D006623", List.of("von Hippel-Lindau disease", "VHL")));
        assertThat(mentions(recognizer, "Germline VHL mutations run in the family."))
                .isEqualTo(Map.of("NCBIGene:7428", List.of("VHL")));
        // the cue decides even where the paper names the disease too
        assertThat(mentions(recognizer, "Two had von Hippel-Lindau disease; VHL mutations run in the family."))
                .isEqualTo(Map.of("MESH:D006623", List.of("von Hippel-Lindau disease"),
                        "NCBIGene:7428", List.of("VHL")));
    }

    @Test
    void numberedGenesWrittenOnceAreEachRead() {
        assertThat(mentions(recognizer, "ERK1/2 phosphorylation rose.")).isEqualTo(Map.of(
                "NCBIGene:5595", List.of("ERK1"), "NCBIGene:5594", List.of("2")));
        assertThat(mentions(recognizer, "MMP-2/-9 activity and MMP-2, -9 levels.")).isEqualTo(Map.of(
                "NCBIGene:4313", List.of("MMP-2", "MMP-2"), "NCBIGene:4318", List.of("9", "9")));
        // a number no gene of the family has is left alone
        assertThat(mentions(recognizer, "ERK1/7 phosphorylation rose.")).containsOnlyKeys("NCBIGene:5595");
    }

    @Test
    void anAliasThatNamesAFamilyIsNotReadAsOneMember() {
        assertThat(mentions(recognizer, "Delta protein binds Notch.")).isEmpty();
        assertThat(mentions(recognizer, "Delta like canonical Notch ligand 1 binds Notch."))
                .containsOnlyKeys("NCBIGene:28514");
    }

    @Test
    void aSymbolThePaperDefinesIsReadAsItsLongForm() {
        assertThat(mentions(recognizer, "Delta like canonical Notch ligand 4 (DLCN4) was raised; DLCN4 fell."))
                .isEqualTo(Map.of("NCBIGene:54567",
                        List.of("Delta like canonical Notch ligand 4", "DLCN4", "DLCN4")));
    }

    @Test
    void aSymbolDefinedByAGeneLikeLongFormNoVocabularyNamesStaysTheGene() {
        assertThat(mentions(recognizer, "C-C chemokine receptor 5 (CCR5) was measured; CCR5 rose."))
                .isEqualTo(Map.of("NCBIGene:1234", List.of("CCR5", "CCR5")));
        // defined as something else, the symbol is not the gene
        assertThat(mentions(recognizer, "The cumulative cancer risk at 5 years (CCR5) was low; CCR5 fell.")).isEmpty();
    }

    @Test
    void aGeneFullNameAChemicalSharesIsTheGeneWithAGeneCue() {
        assertThat(mentions(recognizer, "Fas ligand was injected.")).containsOnlyKeys("MESH:D053218");
        assertThat(mentions(recognizer, "Fas ligand expression rose.")).containsOnlyKeys("NCBIGene:356");
    }

    @Test
    void aSpelledOutGreekLetterIsAlsoReadAsItsLatinInitial() {
        // a lower-case alias needs a gene cue ("expression", "level")
        assertThat(mentions(recognizer, "b-catenin expression and β-catenin and beta-catenin levels fell."))
                .isEqualTo(Map.of("NCBIGene:1499", List.of("b-catenin", "β-catenin", "beta-catenin")));
        assertThat(GreekInitials.latin("HIF-1alpha")).isEqualTo("HIF-1a");
        assertThat(GreekInitials.latin("TGF-BETA")).isEqualTo("TGF-B");
        assertThat(GreekInitials.latin("alphabet")).isNull();
        assertThat(GreekInitials.latin("GAMMA2")).isNull();
    }

    @Test
    void aCorpusIdThatGivesOneGenesSymbolToAnotherGeneIsNotLearned() {
        VocabularyBuilder b = vocabulary();
        String title = "MMP-2 and MAP1L in tumours";
        AnnotatedDocument doc = new AnnotatedDocument("1", title, "", null, List.of(
                new Annotation(0, 5, "MMP-2", EntityType.GENE, List.of("NCBIGene:4130")),
                new Annotation(10, 15, "MAP1L", EntityType.GENE, List.of("NCBIGene:4313"))));
        LearnedLexicon.Stats stats = LearnedLexicon.learn(List.of(new AnnotatedCorpus("made up", List.of(doc))), b);
        EntityRecognizer trained = EntityRecognizer.of(b);
        // "MMP-2" is MMP2's symbol: the corpus's MAP1A is not learned. "MAP1L" is only an alias: the corpus may
        // choose, and its choice is learned.
        assertThat(stats.skippedAgainstNomenclature()).isEqualTo(1);
        assertThat(mentions(trained, "MMP-2 and MAP1L were measured.")).isEqualTo(Map.of(
                "NCBIGene:4313", List.of("MMP-2", "MAP1L")));
    }

    @Test
    void anEvMarkerCarriesItsEvLayerIdAndItsGeneId() {
        Map<String, List<String>> found = mentions(EntityRecognizer.load(Optional.empty()),
                "Vesicles were CD63-positive.");
        assertThat(found).containsEntry("EV:marker/CD63", List.of("CD63"))
                .containsEntry("NCBIGene:967", List.of("CD63"));
    }
}
