package org.evwatch.gateway.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.evwatch.indexer.api.PaperProfile;
import org.evwatch.query.SimilarityModel;
import org.junit.jupiter.api.Test;

/** Scoring new papers against example papers and papers to avoid, as stored profiles. */
public class ExampleSetTest {

    private static final SimilarityModel MODEL = new SimilarityModel();

    private static final SimilarityModel.Profile PANCREAS_EXOSOMES = SimilarityModel.Profile.of(
            "Glypican-1 positive exosomes in the serum of pancreatic cancer patients",
            "Circulating exosomes carrying glypican-1 distinguish pancreatic ductal adenocarcinoma from benign "
                    + "pancreatic disease; exosome glypican-1 levels fall after surgery.",
            List.of("NCBIGene:2817", "MESH:D010190"));
    private static final SimilarityModel.Profile PANCREAS_VESICLES = SimilarityModel.Profile.of(
            "Serum exosome glypican-1 as a marker of early pancreatic cancer",
            "We measured glypican-1 on circulating exosomes in patients with pancreatic ductal adenocarcinoma and "
                    + "chronic pancreatitis.",
            List.of("NCBIGene:2817", "MESH:D010190"));
    private static final SimilarityModel.Profile GLIOMA_RNA = SimilarityModel.Profile.of(
            "MicroRNA-21 in cerebrospinal fluid vesicles of glioma",
            "Cerebrospinal fluid of glioblastoma patients carries vesicles rich in miR-21, which tracks tumour volume.",
            List.of("MESH:D005910", "miRBase:MIMAT0000076"));
    private static final SimilarityModel.Profile BONE_FRACTURE = SimilarityModel.Profile.of(
            "Healing of tibial fractures in elderly adults",
            "Time to union of tibial shaft fractures after intramedullary nailing in a cohort of elderly adults.",
            List.of());
    private static final SimilarityModel.Profile PANCREATITIS = SimilarityModel.Profile.of(
            "Glypican-1 in chronic pancreatitis serum",
            "Serum glypican-1 and pancreatic exosomes in chronic pancreatitis without cancer.",
            List.of("NCBIGene:2817", "MESH:D010195"));

    /** Words most papers use. */
    private static final java.util.Set<String> COMMON = java.util.Set.of("in", "the", "of", "a", "after", "and",
            "with", "from", "as", "which", "we", "without", "to", "on");

    /**
     * A small collection's statistics: the common words are in 900 of 1000 papers, exosomes and patients in 300,
     * every other word in 5 and each entity in 20.
     */
    private static final SimilarityModel.Rarity RARITY = SimilarityModel.Rarity.of(1000,
            term -> COMMON.contains(term) ? 900 : term.startsWith("exosom") || term.startsWith("patient") ? 300 : 5,
            entity -> 20);

    /** The profile the catalog gives a paper: each word's weight and idf, each entity's weight. */
    public static PaperProfile stored(String id, SimilarityModel.Profile p, SimilarityModel.Rarity rarity) {
        List<PaperProfile.Term> terms = new ArrayList<>();
        p.terms().forEach((term, k) -> {
            double idf = SimilarityModel.idf(rarity.papers(), rarity.papersWithTerm(term));
            terms.add(new PaperProfile.Term(term, k, SimilarityModel.termWeight(k, p.length(), idf), idf));
        });
        List<PaperProfile.EntityWeight> entities = MODEL.entities(p, rarity).stream()
                .map(w -> new PaperProfile.EntityWeight(w.value(), w.weight())).toList();
        return new PaperProfile(id, p.length(), terms, entities);
    }

    private static Example example(String id, SimilarityModel.Profile p, double weight) {
        return new Example(id, weight, false, stored(id, p, RARITY));
    }

    private static Example avoid(String id, SimilarityModel.Profile p) {
        return new Example(id, 1, true, stored(id, p, RARITY));
    }

    @Test
    void aSimilarPaperPassesTheThresholdAndAnUnrelatedOneDoesNot() {
        // Related-papers scores: about 13 for the paper on the same marker and cancer, 1.3 for the glioma paper
        // (shared "carry" and "patient"), near 0 for the fracture paper.
        ExampleSet set = new ExampleSet(List.of(example("a", PANCREAS_EXOSOMES, 1)), 3.0);

        assertThat(set.score(PANCREAS_VESICLES)).isGreaterThan(3.0);
        assertThat(set.passes(PANCREAS_VESICLES)).isTrue();
        assertThat(set.score(BONE_FRACTURE)).as("common words only").isLessThan(0.5);
        assertThat(set.passes(BONE_FRACTURE)).isFalse();
        assertThat(set.score(GLIOMA_RNA)).isLessThan(3.0);
    }

    @Test
    void theScoreIsTheModelsWeightedMeanOverTheExamples() {
        ExampleSet set = new ExampleSet(List.of(example("a", PANCREAS_EXOSOMES, 3), example("b", GLIOMA_RNA, 1)),
                3.0);

        double expected = (3 * MODEL.score(PANCREAS_EXOSOMES, PANCREAS_VESICLES, RARITY).value()
                + MODEL.score(GLIOMA_RNA, PANCREAS_VESICLES, RARITY).value()) / 4;
        assertThat(set.score(PANCREAS_VESICLES)).isPositive().isCloseTo(expected, within(1e-9));
    }

    @Test
    void aPaperLikeOneToAvoidIsPushedDown() {
        ExampleSet plain = new ExampleSet(List.of(example("a", PANCREAS_EXOSOMES, 1)), 3.0);
        ExampleSet avoiding = new ExampleSet(List.of(example("a", PANCREAS_EXOSOMES, 1),
                avoid("x", PANCREATITIS)), 3.0);

        double pushed = plain.score(PANCREATITIS) - avoiding.score(PANCREATITIS);
        assertThat(pushed).isCloseTo(MODEL.score(PANCREATITIS, PANCREATITIS, RARITY).value(), within(1e-9));
        assertThat(plain.passes(PANCREATITIS)).isTrue();
        assertThat(avoiding.passes(PANCREATITIS)).isFalse();
        assertThat(avoiding.score(PANCREAS_VESICLES)).isLessThan(plain.score(PANCREAS_VESICLES));
    }

    @Test
    void theInvertedMapFindsExactlyTheSetsThatPass() {
        Map<String, ExampleSet> sets = new HashMap<>();
        sets.put("pancreas", new ExampleSet(List.of(example("a", PANCREAS_EXOSOMES, 1)), 1.0));
        sets.put("pancreas-strict", new ExampleSet(List.of(example("a", PANCREAS_EXOSOMES, 1)), 1e6));
        sets.put("glioma", new ExampleSet(List.of(example("g", GLIOMA_RNA, 1)), 1.0));
        sets.put("avoiding", new ExampleSet(List.of(example("a", PANCREAS_EXOSOMES, 1),
                avoid("x", PANCREATITIS)), 1.0));
        List<String> ids = List.of("pancreas", "pancreas-strict", "glioma", "avoiding", "query-only");
        ExampleMatcher<String> matcher = new ExampleMatcher<>(sets::get);
        matcher.sync(ids);

        assertThat(matcher.size()).isEqualTo(4);
        for (SimilarityModel.Profile paper : List.of(PANCREAS_VESICLES, GLIOMA_RNA, BONE_FRACTURE, PANCREATITIS)) {
            List<String> expected = ids.stream().filter(id -> sets.containsKey(id) && sets.get(id).passes(paper))
                    .toList();
            assertThat(matcher.match(paper)).as(paper.terms().keySet().toString()).isEqualTo(expected);
        }
        assertThat(matcher.match(PANCREAS_VESICLES)).contains("pancreas").doesNotContain("pancreas-strict",
                "glioma");
        assertThat(matcher.match(BONE_FRACTURE)).isEmpty();
    }
}
