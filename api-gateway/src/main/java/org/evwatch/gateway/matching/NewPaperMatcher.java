package org.evwatch.gateway.matching;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.evwatch.events.PaperIndexed;
import org.evwatch.gateway.subscriptions.Subscriptions;

/**
 * Matches each new paper against the subscriptions and the open query streams through two presearch indexes
 * ({@link SavedQueryIndex}). The indexes follow the lists the gateway already keeps: the subscriptions' list is
 * replaced when a subscription changes or is refreshed from the database, and only then is the index brought in
 * line, touching only the queries added, changed or gone; open query streams (at most a thousand) are checked
 * against their index for each paper, which costs a look-up per stream. What a paper costs grows with the
 * subscriptions it matches, not with all there are.
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
    private List<Subscriptions.Active> indexedSubscriptions;

    /** The subscriptions and query streams the paper matches. */
    Matched match(PaperIndexed paper, List<Subscriptions.Active> subscriptions, List<Percolator.Compiled> streams) {
        follow(subscriptions, streams);
        // Only the fields some subscription or stream reads are analysed (none when all match every paper).
        PaperTerms terms = PaperTerms.of(paper, field -> subscriptionQueries.reads(field)
                || streamQueries.reads(field));
        Set<String> matchedStreams = new HashSet<>();
        streamQueries.match(terms).forEach(q -> matchedStreams.add(q.id()));
        return new Matched(subscriptionQueries.match(terms), matchedStreams);
    }

    private synchronized void follow(List<Subscriptions.Active> subscriptions, List<Percolator.Compiled> streams) {
        if (subscriptions != indexedSubscriptions) {
            subscriptionQueries.sync(subscriptions);
            indexedSubscriptions = subscriptions;
        }
        streamQueries.sync(streams);
    }
}
