package org.evwatch.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The related-papers model: word weights, shared entities, and the reasons a score gives. */
class SimilarityModelTest {

    /** A small collection: 1,000 papers, "exosome" in half of them, CD63 on 20, everything else on 5. */
    private static final SimilarityModel.Rarity RARITY = new SimilarityModel.Rarity() {
        @Override
        public long papers() {
            return 1000;
        }

        @Override
        public long papersWithTerm(String term) {
            return term.equals("exosome") ? 500 : 5;
        }

        @Override
        public long papersWithEntity(String entityId) {
            return entityId.equals("ev:marker/cd63") ? 20 : 5;
        }
    };

    private final SimilarityModel model = new SimilarityModel();

    @Test
    void aWordWeighsMoreTheMoreAShortPaperUsesItAndTheRarerItIs() {
        double idf = SimilarityModel.idf(1000, 5);
        assertThat(SimilarityModel.termWeight(3, 100, idf)).isGreaterThan(SimilarityModel.termWeight(1, 100, idf));
        assertThat(SimilarityModel.termWeight(2, 100, idf)).isGreaterThan(SimilarityModel.termWeight(2, 400, idf));
        assertThat(SimilarityModel.termWeight(2, 100, idf))
                .isGreaterThan(SimilarityModel.termWeight(2, 100, SimilarityModel.idf(1000, 500)));
        assertThat(SimilarityModel.idf(1000, 1000)).isPositive();
    }

    @Test
    void theProfileCountsAnalysedWordsOfTitleAndAbstractAndNormalisesEntityIds() {
        SimilarityModel.Profile p = SimilarityModel.Profile.of("Exosomal CD63 in pancreatic cancer",
                "Plasma exosomes carry CD63.", List.of("EV:marker/CD63", " "));

        assertThat(p.terms()).containsEntry("exosome", 2).containsEntry("cd63", 2).containsEntry("pancreatic", 1)
                .doesNotContainKey("in");
        assertThat(p.length()).isEqualTo(p.terms().values().stream().mapToInt(Integer::intValue).sum());
        assertThat(p.entities()).containsExactly("ev:marker/cd63");
    }

    @Test
    void aSharedRareEntityLiftsAPaperThatSharesFewWordsAndIsNamedAsTheReason() {
        SimilarityModel.Profile source = SimilarityModel.Profile.of("CD63-positive plasma exosomes in pancreatic "
                + "ductal adenocarcinoma", "Circulating vesicles as a diagnostic marker.",
                List.of("EV:marker/CD63", "MESH:D010190"));
        SimilarityModel.Profile sameMarkerAndCancer = SimilarityModel.Profile.of("Tetraspanin-rich vesicles in serum",
                "Liquid biopsy of a pancreas tumour.", List.of("EV:marker/CD63", "MESH:D010190"));
        SimilarityModel.Profile wordsOnly = SimilarityModel.Profile.of("Exosomes of plasma",
                "Proteomics of vesicles.", List.of("EV:marker/CD9"));

        SimilarityModel.Score entities = model.score(source, sameMarkerAndCancer, RARITY);
        SimilarityModel.Score words = model.score(source, wordsOnly, RARITY);

        assertThat(entities.value()).isGreaterThan(words.value());
        assertThat(entities.entities()).extracting(SimilarityModel.Weighted::value)
                .containsExactlyInAnyOrder("ev:marker/cd63", "mesh:d010190");
        assertThat(words.entities()).isEmpty();
        assertThat(words.terms()).extracting(SimilarityModel.Weighted::value).contains("plasma", "exosome");
        double sum = words.terms().stream().mapToDouble(SimilarityModel.Weighted::weight).sum();
        assertThat(words.value()).isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void againstSeveralExamplesACandidateScoresTheSumOfItsScores() {
        SimilarityModel.Profile a = new SimilarityModel.Profile(Map.of("mir-21", 2, "glioma", 1), 50,
                java.util.Set.of());
        SimilarityModel.Profile b = new SimilarityModel.Profile(Map.of("glioma", 3), 40,
                java.util.Set.of("ev:marker/cd63"));
        SimilarityModel.Profile c = new SimilarityModel.Profile(Map.of("mir-21", 1, "glioma", 1), 30,
                java.util.Set.of("ev:marker/cd63"));

        double both = model.score(List.of(a, b), c, RARITY).value();

        assertThat(both).isCloseTo(model.score(a, c, RARITY).value() + model.score(b, c, RARITY).value(),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(model.score(a, b, RARITY).terms()).extracting(SimilarityModel.Weighted::value)
                .containsExactly("glioma");
    }

    @Test
    void theTopTermsAreTheHeaviestAndTheirNumberIsBounded() {
        SimilarityModel.Profile p = new SimilarityModel.Profile(Map.of("exosome", 4, "cd63", 3, "glioma", 1), 60,
                java.util.Set.of());

        List<SimilarityModel.Weighted> top = model.topTerms(p, RARITY, 2);

        assertThat(top).extracting(SimilarityModel.Weighted::value).containsExactly("cd63", "glioma");
    }
}
