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
 * The hard cases again with every public vocabulary loaded, where ambiguity is real: 480,000 names, gene aliases
 * that are words, MeSH's own "Exosomes".
 */
class EntityRecognizerFullVocabularyTest {

    static EntityRecognizer recognizer;

    @BeforeAll
    static void load() {
        recognizer = EntityRecognizer.load(Optional.of(SharedData.data("vocab")));
    }

    static List<Entity> entities(String title, String text) {
        return recognizer.recognize(new Paper(null, title, List.of(new Paper.AbstractSection(null, text)), null,
                null, null, null, null, null, null, null, null, null));
    }

    static List<String> mentions(List<Entity> entities, String id) {
        return entities.stream().filter(e -> e.id().equals(id)).flatMap(e -> e.mentions().stream())
                .map(Entity.Mention::text).toList();
    }

    @Test
    void reportsWhatWasLoaded() {
        LoadReport r = recognizer.report();
        assertThat(r.sources()).extracting(LoadReport.Source::loader).contains("EVwatch core vocabulary",
                "CTD diseases", "MeSH descriptors", "NCBI gene_info (human)", "OBO ontology", "miRBase precursors",
                "UniProt species list");
        assertThat(r.sources()).noneMatch(LoadReport.Source::failed);
        assertThat(r.concepts()).isGreaterThan(150_000);
        assertThat(r.heapBytes()).isPositive();
        assertThat(r.summary()).contains("concepts", "ms", "MB");
    }

    @Test
    void evTermsKeepTheirEvIdsAgainstMesh() {
        List<Entity> e = entities("Exosomes and small EVs", "Exosomal cargo, extracellular vesicles (EVs), "
                + "microvesicles, ectosomes, oncosomes, apoptotic bodies and exomeres were compared.");
        assertThat(mentions(e, "EV:subtype/exosome")).containsExactly("Exosomes", "Exosomal");
        assertThat(mentions(e, "EV:subtype/small-ev")).containsExactly("small EVs");
        assertThat(mentions(e, "EV:subtype/extracellular-vesicle")).containsExactly("extracellular vesicles",
                "EVs");
        assertThat(e).extracting(Entity::id).contains("EV:subtype/microvesicle", "EV:subtype/ectosome",
                "EV:subtype/oncosome", "EV:subtype/apoptotic-body", "EV:subtype/exomere");
    }

    @Test
    void mirnas() {
        List<Entity> e = entities(null, "miR-21-5p, hsa-miR-155 and miR-1246 were enriched; mmu-miR-122-5p too.");
        assertThat(mentions(e, "MIMAT0000076")).containsExactly("miR-21-5p");
        assertThat(mentions(e, "MIMAT0000646")).containsExactly("hsa-miR-155");
        assertThat(mentions(e, "MIMAT0005898")).containsExactly("miR-1246");
        assertThat(e).filteredOn(x -> x.type() == EntityType.MIRNA).extracting(Entity::name)
                .contains("mmu-miR-122-5p");
    }

    @Test
    void abbreviationsPropagate() {
        List<Entity> e = entities("Plasma EVs in NSCLC",
                "In non-small cell lung cancer (NSCLC), EV PD-L1 predicted response. NSCLC patients (n = 40) ...");
        assertThat(mentions(e, "MESH:D002289")).containsExactly("NSCLC", "non-small cell lung cancer", "NSCLC",
                "NSCLC");
    }

    @Test
    void geneSymbolsThatAreEnglishWordsDoNotFireOnWords() {
        List<Entity> e = entities(null, "All patients were met at the clinic; we set out to impact care and can "
                + "not rule out that age was a factor. Cells were then washed.");
        assertThat(e).noneMatch(x -> x.type() == EntityType.GENE);
    }

    @Test
    void geneSymbolsFireOnTheSymbol() {
        List<Entity> e = entities(null, "TP53 and KRAS mutations, EGFR expression and MET amplification.");
        assertThat(e).extracting(Entity::id).contains("NCBIGene:7157", "NCBIGene:3845", "NCBIGene:1956",
                "NCBIGene:4233");
        assertThat(e).filteredOn(x -> x.id().equals("NCBIGene:7157")).singleElement()
                .satisfies(x -> assertThat(x.xrefs()).contains("HGNC:11998"));
    }

    @Test
    void diseasesChemicalsSpeciesCellsAndLines() {
        List<Entity> e = entities(null, "Hepatocellular carcinoma cells (HepG2) treated with cisplatin released "
                + "exosomes that polarised macrophages in mice.");
        assertThat(e).extracting(Entity::id).contains("MESH:D006528", "CVCL_0027", "MESH:D002945", "CL:0000235",
                "NCBITaxon:10090", "EV:subtype/exosome");
    }
}
