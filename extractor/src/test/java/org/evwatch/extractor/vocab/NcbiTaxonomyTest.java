package org.evwatch.extractor.vocab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import org.evwatch.events.Entity;
import org.evwatch.events.EntityType;
import org.evwatch.events.Paper;
import org.evwatch.extractor.ner.EntityRecognizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The taxdump loader on a small dump in NCBI's layout: real taxa, ids and ranks, with lineages trimmed to a few of
 * each taxon's real ancestors (Homo sapiens, Mus musculus and a subspecies, Drosophila melanogaster down from its
 * genus through subgenus and species group, Enterococcus faecalis and a strain, Mouse mammary tumor virus and two
 * strains, three hamsters, an uncultured bacterium, and the higher taxa above them).
 */
class NcbiTaxonomyTest {

    static final Path TAXDUMP = Path.of("src/test/resources/vocab/taxdump");
    static final Path BROKEN = Path.of("src/test/resources/vocab/taxdump-broken");

    static VocabularyBuilder load(Path names) throws IOException {
        VocabularyBuilder b = new VocabularyBuilder();
        new NcbiTaxonomy().load(names, b);
        return b;
    }

    static List<Term> terms(VocabularyBuilder b, String id) {
        return b.terms().stream().filter(t -> t.conceptId().equals(id)).toList();
    }

    static List<String> names(VocabularyBuilder b, String id) {
        return VocabularyLoadersTest.names(b, id);
    }

    static Term term(VocabularyBuilder b, String id, String text) {
        return terms(b, id).stream().filter(t -> t.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError(text + " is not a name of " + id + ": " + names(b, id)));
    }

    @Test
    void acceptsNamesDmpOnly() {
        NcbiTaxonomy t = new NcbiTaxonomy();
        assertThat(t.accepts(Path.of("taxdump/names.dmp"))).isTrue();
        assertThat(t.accepts(Path.of("taxdump/names.dmp.gz"))).isTrue();
        assertThat(t.accepts(Path.of("taxdump/nodes.dmp"))).isFalse();
        assertThat(t.accepts(Path.of("taxdump/merged.dmp"))).isFalse();
    }

    @Test
    void genusAndEverythingBelowItAreSpeciesConceptsHigherTaxaAndPlaceholdersAreNot() throws Exception {
        VocabularyBuilder b = load(TAXDUMP.resolve("names.dmp"));
        Map<String, Concept> c = VocabularyLoadersTest.concepts(b);
        assertThat(c.keySet()).containsExactlyInAnyOrder(
                // genera, a subgenus, a species group and subgroup
                "NCBITaxon:1350", "NCBITaxon:1386", "NCBITaxon:7215", "NCBITaxon:9596", "NCBITaxon:9605",
                "NCBITaxon:10028",
                "NCBITaxon:10035", "NCBITaxon:10088", "NCBITaxon:153135", "NCBITaxon:32281", "NCBITaxon:862507",
                "NCBITaxon:32346", "NCBITaxon:32351",
                // species
                "NCBITaxon:1351", "NCBITaxon:1352", "NCBITaxon:7227", "NCBITaxon:9598", "NCBITaxon:9606",
                "NCBITaxon:10029", "NCBITaxon:10030", "NCBITaxon:10036", "NCBITaxon:10090", "NCBITaxon:11757",
                // below a species: subspecies, a strain, "no rank" virus strains
                "NCBITaxon:10092", "NCBITaxon:63221", "NCBITaxon:226185", "NCBITaxon:11758", "NCBITaxon:11759");
        // Higher taxa of every rank, "clade" and "no rank" nodes under them: not species mentions.
        assertThat(c).doesNotContainKeys("NCBITaxon:40674", "NCBITaxon:9989", "NCBITaxon:9443", "NCBITaxon:7214",
                "NCBITaxon:46879", "NCBITaxon:2", "NCBITaxon:10239", "NCBITaxon:33154", "NCBITaxon:1783272",
                "NCBITaxon:48479", "NCBITaxon:2559587", "NCBITaxon:1");
        // Placeholders: "uncultured bacterium" (rank species), "Enterococcus sp." (a species under a genus), and
        // "Bacillus sp. (in: Bacteria)", the same with the kingdom that tells the bacterial Bacillus apart.
        assertThat(c).doesNotContainKeys("NCBITaxon:77133", "NCBITaxon:35783", "NCBITaxon:1409");
        assertThat(c.values()).allMatch(k -> k.type() == EntityType.SPECIES && k.namespace().equals("NCBITaxon"));
        assertThat(c.get("NCBITaxon:7215").name()).isEqualTo("Drosophila");
        assertThat(c.get("NCBITaxon:9606").name()).isEqualTo("Homo sapiens");
        // A scientific name with a qualifier still names the concept, though it is never matched in text.
        assertThat(c.get("NCBITaxon:11758").name()).isEqualTo("Mouse mammary tumor virus (strain BR6)");
        assertThat(names(b, "NCBITaxon:11758")).containsExactly("Mouse mammary tumor virus strain BR6");
    }

    @Test
    void nameClassesBecomePreferredSynonymOrNothing() throws Exception {
        VocabularyBuilder b = load(TAXDUMP.resolve("names.dmp"));
        // authority and type material are skipped; the synonym and the scientific name get their abbreviations.
        assertThat(names(b, "NCBITaxon:1351")).containsExactlyInAnyOrder("Enterococcus faecalis", "E. faecalis",
                "Streptococcus faecalis", "S. faecalis", "Micrococcus zymogenes", "M. zymogenes");
        assertThat(term(b, "NCBITaxon:1351", "Enterococcus faecalis").kind()).isEqualTo(TermKind.PREFERRED);
        assertThat(term(b, "NCBITaxon:1351", "Streptococcus faecalis").kind()).isEqualTo(TermKind.SYNONYM);
        assertThat(term(b, "NCBITaxon:1351", "S. faecalis")).satisfies(t -> {
            assertThat(t.kind()).isEqualTo(TermKind.DERIVED);
            assertThat(t.caseSensitive()).isTrue();
        });
        // includes, authority
        assertThat(names(b, "NCBITaxon:1350")).containsExactly("Enterococcus");
        // genbank common name, common name; includes ("nude mice", "Mus sp. 129SV") and authority skipped
        assertThat(names(b, "NCBITaxon:10090")).containsExactlyInAnyOrder("Mus musculus", "M. musculus",
                "house mouse", "mouse");
        assertThat(term(b, "NCBITaxon:10090", "house mouse").kind()).isEqualTo(TermKind.SYNONYM);
        assertThat(term(b, "NCBITaxon:10090", "house mouse").caseSensitive()).isFalse();
        assertThat(names(b, "NCBITaxon:9606")).containsExactlyInAnyOrder("Homo sapiens", "H. sapiens", "human");
        // equivalent name
        assertThat(term(b, "NCBITaxon:11757", "Mouse mammary tumour virus").kind()).isEqualTo(TermKind.SYNONYM);
        // a trinomial gets no abbreviation; its binomial synonym does
        assertThat(names(b, "NCBITaxon:10092")).containsExactlyInAnyOrder("Mus musculus domesticus",
                "Mus domesticus", "M. domesticus", "western European house mouse");
    }

    @Test
    void oneWordLatinNamesMatchWithTheirCapitalOnly() throws Exception {
        VocabularyBuilder b = load(TAXDUMP.resolve("names.dmp"));
        assertThat(term(b, "NCBITaxon:9596", "Pan").caseSensitive()).isTrue();
        assertThat(term(b, "NCBITaxon:7215", "Drosophila").caseSensitive()).isTrue();
        assertThat(term(b, "NCBITaxon:9596", "chimpanzees").caseSensitive()).isFalse();
        assertThat(term(b, "NCBITaxon:9606", "Homo sapiens").caseSensitive()).isFalse();
    }

    @Test
    void acronymsAreCaseSensitiveAndASpeciesKeepsTheOneItSharesWithItsStrains() throws Exception {
        VocabularyBuilder b = load(TAXDUMP.resolve("names.dmp"));
        // Three taxa carry "MMTV", more than an unrelated sharing would allow; the species is the others' ancestor.
        assertThat(3).isGreaterThan(UniprotSpecies.MAX_TAXA_PER_COMMON_NAME);
        assertThat(b.terms()).filteredOn(t -> t.text().equalsIgnoreCase("MMTV")).singleElement().satisfies(t -> {
            assertThat(t.conceptId()).isEqualTo("NCBITaxon:11757");
            assertThat(t.kind()).isEqualTo(TermKind.SYNONYM);
            assertThat(t.caseSensitive()).isTrue();
        });
    }

    @Test
    void commonNamesOfUnrelatedTaxaGoToTheLowerIdOfTwoAndToNoneOfMore() throws Exception {
        VocabularyBuilder b = load(TAXDUMP.resolve("names.dmp"));
        // "hamster" is a common name of three hamsters in two genera, none an ancestor of another.
        assertThat(3).isGreaterThan(UniprotSpecies.MAX_TAXA_PER_COMMON_NAME);
        assertThat(b.terms()).noneMatch(t -> t.text().equalsIgnoreCase("hamster"));
        assertThat(names(b, "NCBITaxon:10036")).containsExactlyInAnyOrder("Mesocricetus auratus", "M. auratus",
                "golden hamster");
        // "dwarf hamster" (any case) names two sister species: the lower id has it.
        assertThat(b.terms()).filteredOn(t -> t.text().equalsIgnoreCase("dwarf hamster")).singleElement()
                .satisfies(t -> assertThat(t.conceptId()).isEqualTo("NCBITaxon:10029"));
        assertThat(names(b, "NCBITaxon:10030")).contains("long-tailed dwarf hamster").doesNotContain("Dwarf hamster");
    }

    @Test
    void damagedDumpsAreRejectedWithFileAndLine() {
        assertThatThrownBy(() -> load(BROKEN.resolve("bad-names/names.dmp")))
                .isInstanceOf(VocabularyFormatException.class).hasMessageContaining("names.dmp:3:")
                .hasMessageContaining("tab-pipe-tab");
        assertThatThrownBy(() -> load(BROKEN.resolve("bad-nodes/names.dmp")))
                .isInstanceOf(VocabularyFormatException.class).hasMessageContaining("nodes.dmp:4:")
                .hasMessageContaining("tab-pipe-tab");
        assertThatThrownBy(() -> load(BROKEN.resolve("no-nodes/names.dmp")))
                .isInstanceOf(VocabularyFormatException.class)
                .hasMessageContaining("nodes.dmp (or nodes.dmp.gz) is needed beside names.dmp");
    }

    @Test
    void namesOfOneTaxonOnScatteredLinesAreRejected(@TempDir Path dir) throws Exception {
        Files.copy(TAXDUMP.resolve("nodes.dmp"), dir.resolve("nodes.dmp"));
        Files.writeString(dir.resolve("names.dmp"), """
                9605\t|\tHomo\t|\t\t|\tscientific name\t|
                9606\t|\tHomo sapiens\t|\t\t|\tscientific name\t|
                9605\t|\tHomo Linnaeus, 1758\t|\t\t|\tauthority\t|
                """);
        assertThatThrownBy(() -> load(dir.resolve("names.dmp"))).isInstanceOf(VocabularyFormatException.class)
                .hasMessageContaining("names.dmp:3:").hasMessageContaining("taxon 9605");
    }

    @Test
    void theDirectoryReportsEachDamagedDumpAndGoesOn() {
        List<LoadReport.Source> broken = VocabularyDirectory.load(BROKEN, new VocabularyBuilder());
        assertThat(broken.subList(1, broken.size())).hasSize(3).allMatch(LoadReport.Source::failed)
                .allMatch(s -> s.loader().equals("NCBI Taxonomy (taxdump)"));
    }

    @Test
    void gzippedDumpsReadTheSame(@TempDir Path dir) throws Exception {
        VocabularyBuilder plain = load(TAXDUMP.resolve("names.dmp"));
        Path both = Files.createDirectory(dir.resolve("both"));
        gzip(TAXDUMP.resolve("names.dmp"), both.resolve("names.dmp.gz"));
        gzip(TAXDUMP.resolve("nodes.dmp"), both.resolve("nodes.dmp.gz"));
        Path nodesOnly = Files.createDirectory(dir.resolve("nodes-only"));
        Files.copy(TAXDUMP.resolve("names.dmp"), nodesOnly.resolve("names.dmp"));
        gzip(TAXDUMP.resolve("nodes.dmp"), nodesOnly.resolve("nodes.dmp.gz"));
        for (Path names : List.of(both.resolve("names.dmp.gz"), nodesOnly.resolve("names.dmp"))) {
            VocabularyBuilder b = load(names);
            assertThat(b.concepts()).isEqualTo(plain.concepts());
            assertThat(b.terms()).isEqualTo(plain.terms());
        }
        assertThat(plain.conceptCount()).isEqualTo(28);
    }

    private static void gzip(Path from, Path to) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(to))) {
            Files.copy(from, out);
        }
    }

    @Test
    void recognisedInTextThroughTheVocabularyDirectory() {
        EntityRecognizer r = EntityRecognizer.load(Optional.of(TAXDUMP));
        assertThat(r.report().sources()).anyMatch(s -> s.loader().equals("NCBI Taxonomy (taxdump)")
                && !s.failed() && s.conceptsAdded() > 0);
        String text = "Enterococcus isolates (S. faecalis) and Drosophila cells infected with MMTV were compared "
                + "in a pan-cancer screen; mmtv reads were discarded.";
        List<Entity> found = r.recognize(new Paper(null, null, List.of(new Paper.AbstractSection(null, text)), null,
                null, null, null, null, null, null, null, null, null));
        Map<String, String> idByMention = new java.util.HashMap<>();
        for (Entity e : found) {
            e.mentions().forEach(m -> idByMention.put(m.text(), e.id()));
        }
        assertThat(idByMention).containsEntry("Enterococcus", "NCBITaxon:1350")
                .containsEntry("S. faecalis", "NCBITaxon:1351").containsEntry("MMTV", "NCBITaxon:11757")
                // The curated core reads the bare genus as the model organism; the genus concept is there too.
                .containsEntry("Drosophila", "NCBITaxon:7227")
                // "mmtv" is not the acronym; "pan" in "pan-cancer" is not the chimpanzee genus.
                .doesNotContainKeys("mmtv", "pan");
        assertThat(r.concept("NCBITaxon:7215")).isPresent();
    }
}
