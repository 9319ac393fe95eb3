package org.evwatch.query;

import java.time.Instant;
import java.util.List;

import org.evwatch.events.EntityType;
import org.evwatch.events.Paper;
import org.evwatch.events.PaperIndexed;
import org.evwatch.events.Summary;

/** Small, realistic papers for the tests. */
final class TestPapers {

    private TestPapers() {
    }

    static PaperIndexed exosomePaper() {
        Paper paper = new Paper(
                new Paper.Identifiers("10.1038/s41467-024-1", "38000001", "PMC10000001", "10.1101/2023.01.01.1", null),
                "Tumour-derived exosomes carry miR-21 to the pre-metastatic niche",
                List.of(new Paper.AbstractSection("Background",
                        "Small extracellular vesicles released by breast cancer cells prepare distant organs."),
                        new Paper.AbstractSection("Results", "Exosomal miR-21 was enriched in plasma of patients.")),
                List.of(new Paper.Author("Clotilde", "Théry", null, "0000-0001-2345-6789", List.of("Institut Curie")),
                        new Paper.Author("Ana", "Smith", null, null, List.of())),
                new Paper.Journal("Nature Communications", "Nat Commun", "2041-1723", null, "15", "1", null, "123",
                        "Springer Nature"),
                new Paper.PaperDates("2024-01-02", "2024-03-04", "2024-05-12", "2024-05-10"),
                List.of("Journal Article"),
                List.of("liquid biopsy", "exosomes"),
                List.of(new Paper.MeshHeading("D001943", "Breast Neoplasms", true)),
                "CC BY", "eng", "https://doi.org/10.1038/s41467-024-1", List.of());
        return new PaperIndexed(1, "p-1", PaperIndexed.Change.CREATED, 1, Instant.parse("2024-06-01T00:00:00Z"),
                paper,
                List.of(new PaperIndexed.EntityCount(EntityType.DISEASE, "MESH:D001943", "Breast Neoplasms", 2),
                        new PaperIndexed.EntityCount(EntityType.MIRNA, "MIMAT0000076", "hsa-miR-21-5p", 2),
                        new PaperIndexed.EntityCount(EntityType.EV_SUBTYPE, "EV:subtype/exosome", "exosome", 3)),
                new Summary("Tumour exosomes deliver miR-21 to distant organs.", List.of(),
                        new Summary.Relevance(Summary.Relevance.Label.RELEVANT, 0.93)),
                List.of("pubmed", "crossref"));
    }

    /**
     * A paper that never writes "exosome": it says "small extracellular vesicles", which the extractor linked to the
     * exosome; it names the marker CD63 and the disease in words, never "TSPAN30" or "NSCLC".
     */
    static PaperIndexed smallVesiclePaper() {
        Paper paper = new Paper(Paper.Identifiers.NONE, "Small extracellular vesicles in lung cancer",
                List.of(new Paper.AbstractSection(null, "Small extracellular vesicles carrying CD63 were isolated "
                        + "from the plasma of patients with non-small cell lung carcinoma.")),
                List.of(), Paper.Journal.NONE, new Paper.PaperDates(null, null, "2023-02-01", null), List.of(),
                List.of(), List.of(), null, "eng", null, List.of());
        return new PaperIndexed(1, "p-2", PaperIndexed.Change.CREATED, 1, Instant.parse("2024-06-01T00:00:00Z"),
                paper,
                List.of(new PaperIndexed.EntityCount(EntityType.EV_SUBTYPE, "EV:subtype/exosome", "exosome", 1),
                        new PaperIndexed.EntityCount(EntityType.EV_MARKER, "EV:marker/CD63", "CD63", 1),
                        new PaperIndexed.EntityCount(EntityType.DISEASE, "MESH:D002289",
                                "Carcinoma, Non-Small-Cell Lung", 1)),
                Summary.NONE, List.of("pubmed"));
    }
}
