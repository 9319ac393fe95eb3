package org.evwatch.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How alike two papers are, after PubMed's related-articles model (Lin and Wilbur 2007, "PubMed related articles: a
 * probabilistic topic-based model for content similarity", BMC Bioinformatics 8:423), extended with the papers'
 * entity ids.
 * <p>
 * A word of the title and abstract weighs {@code sqrt(idf) / (1 + (mu/lambda)^(k-1) * e^(-(mu-lambda) * l))}, where
 * {@code k} is how often the paper uses it, {@code l} the paper's length in words, and {@code idf} how rare the word
 * is in the collection: used often in a short paper and rare elsewhere, it weighs most. Two papers score the sum, over
 * the words they share, of the products of their weights. An entity id (a gene, a disease, a cell line...) the two
 * papers share adds {@code entityWeight^2 * idf} of the entity, so that two papers on CD63-positive exosomes in
 * pancreatic cancer meet even when they describe them in other words.
 * <p>
 * Against several example papers a candidate scores the sum of its scores against each. Every score names what it
 * came from: the shared words and entities with their share of it. The class knows nothing of where papers are kept:
 * the collection's statistics come through {@link Rarity}.
 */
public final class SimilarityModel {

    /** The model's expected rate of a word in a paper about the word's topic (per word of text). */
    public static final double LAMBDA = 0.022;
    /** The model's expected rate of a word in a paper not about its topic. */
    public static final double MU = 0.013;
    /** What one shared entity weighs against shared words (see the class comment). */
    public static final double DEFAULT_ENTITY_WEIGHT = 0.4;
    /** Shared words and entities a score names, the heaviest first. */
    public static final int REASONS = 6;

    private final double entityWeight;

    public SimilarityModel() {
        this(DEFAULT_ENTITY_WEIGHT);
    }

    public SimilarityModel(double entityWeight) {
        this.entityWeight = entityWeight;
    }

    /**
     * A paper as the model sees it: its analysed title and abstract words with their counts, its length in words,
     * and its entity ids (as {@link PaperFilters#normalise} writes them).
     */
    public record Profile(Map<String, Integer> terms, int length, Set<String> entities) {

        public Profile {
            terms = Map.copyOf(terms);
            entities = Set.copyOf(entities);
        }

        /** The profile of a paper from its title, abstract and entity ids, analysed as the index analyses text. */
        public static Profile of(String title, String abstractText, Collection<String> entityIds) {
            Map<String, Integer> terms = new HashMap<>();
            int length = 0;
            for (String text : new String[]{title, abstractText}) {
                String analysed = PaperAnalysis.termKey(text);
                if (analysed.isEmpty()) {
                    continue;
                }
                for (String term : analysed.split(" ")) {
                    terms.merge(term, 1, Integer::sum);
                    length++;
                }
            }
            Set<String> entities = new LinkedHashSet<>();
            for (String id : entityIds) {
                String normalised = PaperFilters.normalise(PaperFields.ENTITY, id);
                if (normalised != null) {
                    entities.add(normalised);
                }
            }
            return new Profile(terms, length, entities);
        }
    }

    /** The collection's statistics: how many papers there are, and how many use a word or carry an entity. */
    public interface Rarity {
        long papers();

        long papersWithTerm(String term);

        long papersWithEntity(String entityId);

        /** Statistics given as functions: of a word and of an entity id, how many papers have it. */
        static Rarity of(long papers, java.util.function.ToLongFunction<String> withTerm,
                java.util.function.ToLongFunction<String> withEntity) {
            return new Rarity() {
                @Override
                public long papers() {
                    return papers;
                }

                @Override
                public long papersWithTerm(String term) {
                    return withTerm.applyAsLong(term);
                }

                @Override
                public long papersWithEntity(String entityId) {
                    return withEntity.applyAsLong(entityId);
                }
            };
        }

        /** The same statistics, each looked up once. */
        default Rarity cached() {
            Rarity source = this;
            Map<String, Long> terms = new HashMap<>();
            Map<String, Long> entities = new HashMap<>();
            return of(source.papers(), term -> terms.computeIfAbsent(term, source::papersWithTerm),
                    entityId -> entities.computeIfAbsent(entityId, source::papersWithEntity));
        }
    }

    /** A word or entity id and its weight in a paper, or its share of a score. */
    public record Weighted(String value, double weight) {
    }

    /** A score and what it came from, each list the heaviest first and at most {@link #REASONS} long. */
    public record Score(double value, List<Weighted> terms, List<Weighted> entities) {

        public static final Score ZERO = new Score(0, List.of(), List.of());
    }

    /** The inverse document frequency, positive even for a word every paper uses (as BM25's). */
    public static double idf(long papers, long papersWith) {
        return Math.log(1 + (papers - papersWith + 0.5) / (papersWith + 0.5));
    }

    /** The weight of a word used {@code k} times in a paper of {@code length} words, with the given idf. */
    public static double termWeight(int k, int length, double idf) {
        double notAbout = Math.pow(MU / LAMBDA, k - 1) * Math.exp(-(MU - LAMBDA) * length);
        return Math.sqrt(idf) / (1 + notAbout);
    }

    /** The weight of an entity id a paper carries. */
    public double entityWeight(String entityId, Rarity rarity) {
        return entityWeight * Math.sqrt(idf(rarity.papers(), rarity.papersWithEntity(entityId)));
    }

    /** The paper's words by weight, the heaviest {@code limit} first: what best finds papers like it. */
    public List<Weighted> topTerms(Profile paper, Rarity rarity, int limit) {
        List<Weighted> all = new ArrayList<>(paper.terms().size());
        paper.terms().forEach((term, k) -> all.add(new Weighted(term,
                termWeight(k, paper.length(), idf(rarity.papers(), rarity.papersWithTerm(term))))));
        return heaviest(all, limit);
    }

    /** The paper's entity ids by weight, every one of them. */
    public List<Weighted> entities(Profile paper, Rarity rarity) {
        List<Weighted> all = new ArrayList<>(paper.entities().size());
        paper.entities().forEach(id -> all.add(new Weighted(id, entityWeight(id, rarity))));
        return heaviest(all, all.size());
    }

    /** How alike a candidate is to the example papers, and why. */
    public Score score(List<Profile> examples, Profile candidate, Rarity rarity) {
        Map<String, Double> terms = new HashMap<>();
        Map<String, Double> entities = new HashMap<>();
        for (Profile example : examples) {
            example.terms().forEach((term, k) -> {
                Integer kc = candidate.terms().get(term);
                if (kc != null) {
                    double idf = idf(rarity.papers(), rarity.papersWithTerm(term));
                    terms.merge(term, termWeight(k, example.length(), idf)
                            * termWeight(kc, candidate.length(), idf), Double::sum);
                }
            });
            for (String id : example.entities()) {
                if (candidate.entities().contains(id)) {
                    double w = entityWeight(id, rarity);
                    entities.merge(id, w * w, Double::sum);
                }
            }
        }
        double total = terms.values().stream().mapToDouble(Double::doubleValue).sum()
                + entities.values().stream().mapToDouble(Double::doubleValue).sum();
        return new Score(total, reasons(terms), reasons(entities));
    }

    /** How alike a candidate is to one example paper, and why. */
    public Score score(Profile example, Profile candidate, Rarity rarity) {
        return score(List.of(example), candidate, rarity);
    }

    private static List<Weighted> reasons(Map<String, Double> shares) {
        List<Weighted> all = new ArrayList<>(shares.size());
        shares.forEach((value, share) -> all.add(new Weighted(value, share)));
        return heaviest(all, REASONS);
    }

    private static List<Weighted> heaviest(List<Weighted> all, int limit) {
        return all.stream()
                .sorted(Comparator.comparingDouble(Weighted::weight).reversed().thenComparing(Weighted::value))
                .limit(limit)
                .toList();
    }
}
