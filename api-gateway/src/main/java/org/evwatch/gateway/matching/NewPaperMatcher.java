package org.evwatch.gateway.matching;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.evwatch.events.PaperIndexed;
import org.evwatch.gateway.examples.ExampleMatcher;
import org.evwatch.gateway.examples.ExampleSet;
import org.evwatch.gateway.subscriptions.Subscriptions;

/**
 * Matches each new paper against the subscriptions and the open query streams through two presearch indexes
 * ({@link SavedQueryIndex}). The indexes follow the lists the gateway already keeps: the subscriptions' list is
 * replaced when a subscription changes or is refreshed from the database, and only then is the index brought in
 * line, touching only the queries added, changed or gone; open query streams (at most a thousand) are checked
 * against their index for each paper, which costs a look-up per stream. What a paper costs grows with the
 * subscriptions it matches, not with all there are.
 * <p>
 * Subscriptions by example papers are matched apart, through the inverted map of their examples' words and entities
 * ({@link ExampleMatcher}); those the paper passes are then held to their query and filters, if they have any.
 */
final class NewPaperMatcher {

    /**
     * What one paper matched: the subscriptions (a list read in place from the index, see {@link Matches}), and the
     * ids of the open query streams.
     */
    record Matched(List<Subscriptions.Active> subscriptions, Set<String> streams) {

        /** Whether the paper matched the open query stream with this id. */
        boolean contains(String streamId) {
            return streams.contains(streamId);
        }
    }

    private final SavedQueryIndex<Subscriptions.Active> subscriptionQueries = new SavedQueryIndex<>(
            Subscriptions.Active::query);
    private final SavedQueryIndex<Percolator.Compiled> streamQueries = SavedQueryIndex.ofQueries();
    private final ExampleMatcher<Subscriptions.Active> subscriptionExamples = new ExampleMatcher<>(
            Subscriptions.Active::examples);
    private final Percolator percolator = new Percolator();
    private List<Subscriptions.Active> indexedSubscriptions;

    /** The subscriptions and query streams the paper matches. */
    Matched match(PaperIndexed paper, List<Subscriptions.Active> subscriptions, List<Percolator.Compiled> streams) {
        follow(subscriptions, streams);
        // Only the fields some subscription or stream reads are analysed (none when all match every paper).
        PaperTerms terms = PaperTerms.of(paper, field -> subscriptionQueries.reads(field)
                || streamQueries.reads(field));
        Set<String> matchedStreams = new HashSet<>();
        streamQueries.match(terms).forEach(q -> matchedStreams.add(q.id()));
        List<Subscriptions.Active> byQuery = subscriptionQueries.match(terms);
        List<Subscriptions.Active> byExamples = byExamples(paper);
        if (byExamples.isEmpty()) {
            return new Matched(byQuery, matchedStreams);
        }
        List<Subscriptions.Active> all = new ArrayList<>(byQuery);
        all.addAll(byExamples);
        return new Matched(all, matchedStreams);
    }

    /** The subscriptions by example papers the paper passes, held to their query and filters where they have any. */
    private List<Subscriptions.Active> byExamples(PaperIndexed paper) {
        if (subscriptionExamples.size() == 0) {
            return List.of();
        }
        List<Subscriptions.Active> passed = subscriptionExamples.match(ExampleSet.profile(paper));
        List<Percolator.Compiled> narrowed = passed.stream().map(Subscriptions.Active::query)
                .filter(q -> !matchesEverything(q)).toList();
        if (narrowed.isEmpty()) {
            return passed;
        }
        Set<String> kept = new HashSet<>(percolator.match(paper, narrowed));
        return passed.stream().filter(a -> matchesEverything(a.query()) || kept.contains(a.query().id())).toList();
    }

    private static boolean matchesEverything(Percolator.Compiled q) {
        return q.query() instanceof ConstantScoreQuery c && c.getQuery() instanceof MatchAllDocsQuery;
    }

    private synchronized void follow(List<Subscriptions.Active> subscriptions, List<Percolator.Compiled> streams) {
        if (subscriptions != indexedSubscriptions) {
            subscriptionQueries.sync(subscriptions.stream().filter(a -> a.examples() == null).toList());
            subscriptionExamples.sync(subscriptions);
            indexedSubscriptions = subscriptions;
        }
        streamQueries.sync(streams);
    }
}
