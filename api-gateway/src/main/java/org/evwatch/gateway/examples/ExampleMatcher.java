package org.evwatch.gateway.examples;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.evwatch.query.SimilarityModel;

/**
 * Finds the subscriptions by example papers that a new paper passes, from an inverted map of their words and entities:
 * a paper is scored only against the subscriptions it shares a word or an entity with, and what it costs grows with
 * those, not with all the subscriptions there are. The map is rebuilt when the list of subscriptions is replaced.
 *
 * @param <T> a subscription
 */
public final class ExampleMatcher<T> {

    /** A subscription's coefficient for one word or entity. */
    private record Posting(int slot, double coefficient) {
    }

    private final Function<T, ExampleSet> examplesOf;
    /** The list last given, and the subscriptions of it that have examples. */
    private List<T> given = List.of();
    private List<T> indexed = List.of();
    private List<ExampleSet> sets = List.of();
    private Map<String, List<Posting>> terms = Map.of();
    private Map<String, List<Posting>> entities = Map.of();

    public ExampleMatcher(Function<T, ExampleSet> examplesOf) {
        this.examplesOf = examplesOf;
    }

    /**
     * Indexes the subscriptions that have examples, in place of those indexed before; nothing is done when the list
     * holds the same subscription objects as the last one (a refresh that found no change).
     */
    public synchronized void sync(List<T> subscriptions) {
        if (same(subscriptions)) {
            return;
        }
        given = List.copyOf(subscriptions);
        List<T> kept = new ArrayList<>();
        List<ExampleSet> keptSets = new ArrayList<>();
        Map<String, List<Posting>> t = new HashMap<>();
        Map<String, List<Posting>> e = new HashMap<>();
        for (T s : subscriptions) {
            ExampleSet set = examplesOf.apply(s);
            if (set == null) {
                continue;
            }
            int slot = kept.size();
            kept.add(s);
            keptSets.add(set);
            set.termCoefficients().forEach((term, c) -> t.computeIfAbsent(term, k -> new ArrayList<>(2))
                    .add(new Posting(slot, c)));
            set.entityCoefficients().forEach((id, c) -> e.computeIfAbsent(id, k -> new ArrayList<>(2))
                    .add(new Posting(slot, c)));
        }
        indexed = List.copyOf(kept);
        sets = List.copyOf(keptSets);
        terms = t;
        entities = e;
    }

    private boolean same(List<T> subscriptions) {
        if (subscriptions.size() != given.size()) {
            return false;
        }
        for (int i = 0; i < given.size(); i++) {
            if (subscriptions.get(i) != given.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** How many subscriptions with examples are indexed. */
    public synchronized int size() {
        return indexed.size();
    }

    /** The subscriptions whose examples the paper resembles enough, in the order they were given. */
    public synchronized List<T> match(SimilarityModel.Profile paper) {
        if (indexed.isEmpty()) {
            return List.of();
        }
        double[] scores = new double[indexed.size()];
        boolean[] touched = new boolean[indexed.size()];
        paper.terms().forEach((term, count) -> {
            List<Posting> postings = terms.get(term);
            if (postings != null) {
                double local = ExampleSet.localWeight(count, paper.length());
                for (Posting p : postings) {
                    scores[p.slot()] += p.coefficient() * local;
                    touched[p.slot()] = true;
                }
            }
        });
        for (String id : paper.entities()) {
            for (Posting p : entities.getOrDefault(id, List.of())) {
                scores[p.slot()] += p.coefficient();
                touched[p.slot()] = true;
            }
        }
        List<T> passed = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            if (touched[i] && scores[i] >= sets.get(i).threshold()) {
                passed.add(indexed.get(i));
            }
        }
        return passed;
    }
}
