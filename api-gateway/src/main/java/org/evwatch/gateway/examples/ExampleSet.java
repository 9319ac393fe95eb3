package org.evwatch.gateway.examples;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.evwatch.events.PaperIndexed;
import org.evwatch.indexer.api.PaperProfile;
import org.evwatch.query.SimilarityModel;

/**
 * What a subscription by example papers scores a new paper: the weighted mean of the related-papers score
 * ({@link SimilarityModel}) of the paper against each example, less the mean score against the papers to avoid. The
 * score of a paper against an example is a sum over the words and entities they share: the word's weight in the
 * example times its weight in the new paper (with the rarity the catalog gave the word when the example was added),
 * and the square of a shared entity's weight. Being a sum of sums, the whole reduces to one coefficient per word and
 * per entity, and a new paper is scored from the words and entities it shares with the examples alone: no collection
 * statistics are needed when it comes.
 */
public final class ExampleSet {

    private final List<Example> examples;
    private final double threshold;
    /** Per word: the sum over the examples of their share times the word's {@code sqrt(idf)}-scaled weight. */
    private final Map<String, Double> terms;
    private final Map<String, Double> entities;

    public ExampleSet(List<Example> examples, double threshold) {
        this.examples = List.copyOf(examples);
        this.threshold = threshold;
        double examplesTotal = examples.stream().filter(e -> !e.avoid()).mapToDouble(Example::weight).sum();
        double avoidTotal = examples.stream().filter(Example::avoid).mapToDouble(Example::weight).sum();
        Map<String, Double> t = new HashMap<>();
        Map<String, Double> en = new HashMap<>();
        for (Example e : examples) {
            double share = e.avoid() ? -e.weight() / avoidTotal : e.weight() / examplesTotal;
            for (PaperProfile.Term term : e.profile().terms()) {
                t.merge(term.term(), share * term.weight() * Math.sqrt(term.idf()), Double::sum);
            }
            for (PaperProfile.EntityWeight entity : e.profile().entities()) {
                en.merge(entity.id(), share * entity.weight() * entity.weight(), Double::sum);
            }
        }
        this.terms = Collections.unmodifiableMap(t);
        this.entities = Collections.unmodifiableMap(en);
    }

    public List<Example> examples() {
        return examples;
    }

    /** The score a new paper passes to be delivered. */
    public double threshold() {
        return threshold;
    }

    /** Each word's coefficient: what it adds per unit of its local weight in a new paper (negative: avoided). */
    Map<String, Double> termCoefficients() {
        return terms;
    }

    /** Each entity's coefficient: what a new paper carrying it adds. */
    Map<String, Double> entityCoefficients() {
        return entities;
    }

    /** How alike a new paper is to the examples, less how alike it is to the papers to avoid. */
    public double score(SimilarityModel.Profile paper) {
        double score = 0;
        for (Map.Entry<String, Integer> term : paper.terms().entrySet()) {
            Double c = terms.get(term.getKey());
            if (c != null) {
                score += c * localWeight(term.getValue(), paper.length());
            }
        }
        for (String entity : paper.entities()) {
            score += entities.getOrDefault(entity, 0.0);
        }
        return score;
    }

    /** Whether the paper scores the threshold or more. */
    public boolean passes(SimilarityModel.Profile paper) {
        return score(paper) >= threshold;
    }

    /**
     * A word's weight in a paper without its rarity: the model's weight is this times {@code sqrt(idf)}, so the
     * example's stored idf completes it.
     */
    static double localWeight(int count, int length) {
        return SimilarityModel.termWeight(count, length, 1.0);
    }

    /** A paper of the catalog as the model sees it, from the catalog's profile of it. */
    public static SimilarityModel.Profile profile(PaperProfile paper) {
        Map<String, Integer> counts = new HashMap<>();
        paper.terms().forEach(t -> counts.put(t.term(), t.count()));
        return new SimilarityModel.Profile(counts, paper.length(),
                paper.entities().stream().map(PaperProfile.EntityWeight::id).collect(Collectors.toSet()));
    }

    /** A new paper as the model sees it: its analysed title and abstract words and its entity ids. */
    public static SimilarityModel.Profile profile(PaperIndexed paper) {
        return SimilarityModel.Profile.of(paper.paper().title(), paper.paper().abstractText(),
                paper.entities() == null
                        ? List.of()
                        : paper.entities().stream().map(PaperIndexed.EntityCount::id)
                                .toList());
    }
}
