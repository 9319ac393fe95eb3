package org.evwatch.indexer.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.evwatch.events.EntityType;
import org.evwatch.events.Paper;
import org.evwatch.events.PaperIndexed;
import org.evwatch.events.Summary;

/** Papers for the search tests: a small hand-written corpus and a seeded random one for exact-count checks. */
final class Corpus {

    private Corpus() {
    }

    static PaperIndexed paper(String id, String title, String abstractText, int year, String journal,
            String source, Summary.Relevance.Label relevance, List<PaperIndexed.EntityCount> entities,
            String... pubTypes) {
        return dated(id, title, abstractText, year + "-0" + (1 + Math.abs(id.hashCode()) % 9) + "-15", journal,
                source, relevance, entities, pubTypes);
    }

    /** A paper published on {@code published} (an ISO date, possibly partial; null for none). */
    static PaperIndexed dated(String id, String title, String abstractText, String published, String journal,
            String source, Summary.Relevance.Label relevance, List<PaperIndexed.EntityCount> entities,
            String... pubTypes) {
        Paper paper = new Paper(new Paper.Identifiers("10.1000/" + id, null, null, null, null), title,
                List.of(new Paper.AbstractSection(null, abstractText)),
                List.of(new Paper.Author("Ana", "Author" + id, null, null, List.of())),
                new Paper.Journal(journal, null, null, null, null, null, null, null, null),
                new Paper.PaperDates(null, null, published, null),
                List.of(pubTypes), List.of(), List.of(), null, "eng", null, List.of());
        return new PaperIndexed(1, id, PaperIndexed.Change.CREATED, 1, Instant.parse("2025-01-01T00:00:00Z"), paper,
                entities, new Summary(null, List.of(), new Summary.Relevance(relevance, 0.5)), List.of(source));
    }

    static PaperIndexed.EntityCount entity(EntityType type, String id, String name) {
        return new PaperIndexed.EntityCount(type, id, name, 1);
    }

    static final PaperIndexed.EntityCount EXOSOME = entity(EntityType.EV_SUBTYPE, "EV:subtype/exosome", "exosome");
    static final PaperIndexed.EntityCount BREAST = entity(EntityType.DISEASE, "MESH:D001943", "Breast Neoplasms");
    static final PaperIndexed.EntityCount GLIOMA = entity(EntityType.DISEASE, "MESH:D005910", "Glioma");
    static final PaperIndexed.EntityCount MIR21 = entity(EntityType.MIRNA, "MIMAT0000076", "hsa-miR-21-5p");
    static final PaperIndexed.EntityCount CD63 = entity(EntityType.EV_MARKER, "NCBIGene:967", "CD63");

    /** The fixed corpus of the relevance tests. */
    static List<PaperIndexed> small() {
        var R = Summary.Relevance.Label.RELEVANT;
        var B = Summary.Relevance.Label.BORDERLINE;
        var O = Summary.Relevance.Label.OFF_TOPIC;
        return List.of(
                paper("p01", "Exosomes in breast cancer metastasis",
                        "Tumour-derived exosomes prepare the pre-metastatic niche in breast cancer.", 2024,
                        "Nature Communications", "pubmed", R, List.of(EXOSOME, BREAST), "Journal Article"),
                paper("p02", "Small extracellular vesicles carry miR-21 in glioma",
                        "We isolated small extracellular vesicles from plasma of glioma patients by ultracentrifugation.",
                        2023, "Neuro-Oncology", "europepmc", R, List.of(MIR21, GLIOMA), "Journal Article"),
                paper("p03", "A survey of liquid biopsy technologies",
                        "Circulating tumour DNA, cells and exosomes are reviewed as cancer biomarkers.", 2022,
                        "Nature Communications", "crossref", B, List.of(EXOSOME), "Review"),
                paper("p04", "Statin use and cardiovascular outcomes",
                        "A cohort study of statin use and heart attacks; no vesicles were studied.", 2021,
                        "The Lancet", "pubmed", O, List.of(), "Journal Article"),
                paper("p05", "CD63-positive exosomes as glioma biomarkers",
                        "CD63 marks exosomes released by glioma cells into cerebrospinal fluid.", 2024,
                        "Neuro-Oncology", "pubmed", R, List.of(EXOSOME, GLIOMA, CD63), "Journal Article"),
                paper("p06", "Extracellular vesicle isolation methods compared",
                        "Size-exclusion chromatography and ultracentrifugation yield different vesicle populations.",
                        2020, "Journal of Extracellular Vesicles", "biorxiv", B, List.of(CD63), "Preprint"),
                paper("p07", "Breast cancer screening in rural areas",
                        "Mammography uptake in rural breast cancer screening programmes.", 2023, "The Lancet",
                        "crossref", O, List.of(BREAST), "Journal Article"),
                paper("p08", "Exosomal miR-21 promotes breast cancer chemoresistance",
                        "Exosomes transfer miR-21 between breast cancer cells and induce resistance.", 2025,
                        "Cancer Letters", "pubmed", R, List.of(EXOSOME, BREAST, MIR21), "Journal Article"));
    }

    static final List<String> JOURNALS = List.of("Nature Communications", "Cancer Letters", "Neuro-Oncology",
            "Journal of Extracellular Vesicles", "The Lancet");
    static final List<String> SOURCES = List.of("pubmed", "europepmc", "crossref", "biorxiv", "feed");
    static final List<PaperIndexed.EntityCount> ENTITIES = List.of(EXOSOME, BREAST, GLIOMA, MIR21, CD63);
    private static final List<String> WORDS = List.of("exosome", "vesicle", "cancer", "tumour", "plasma", "marker",
            "cohort", "glioma", "breast", "isolation", "proteomics", "uptake");

    /** A seeded random corpus: the same every run, varied enough that wrong facet counts would show. */
    static List<PaperIndexed> random(int n, long seed) {
        Random random = new Random(seed);
        List<PaperIndexed> out = new ArrayList<>();
        var labels = Summary.Relevance.Label.values();
        for (int i = 0; i < n; i++) {
            List<PaperIndexed.EntityCount> entities = ENTITIES.stream().filter(e -> random.nextInt(3) == 0).toList();
            String title = WORDS.get(random.nextInt(WORDS.size())) + " " + WORDS.get(random.nextInt(WORDS.size()));
            String abstractText = String.join(" ", WORDS.get(random.nextInt(WORDS.size())),
                    WORDS.get(random.nextInt(WORDS.size())), WORDS.get(random.nextInt(WORDS.size())));
            out.add(paper(String.format("r%05d", i), title, abstractText, 2015 + random.nextInt(11),
                    JOURNALS.get(random.nextInt(JOURNALS.size())), SOURCES.get(random.nextInt(SOURCES.size())),
                    labels[random.nextInt(labels.length)], entities,
                    random.nextBoolean() ? "Journal Article" : "Review"));
        }
        return out;
    }
}
