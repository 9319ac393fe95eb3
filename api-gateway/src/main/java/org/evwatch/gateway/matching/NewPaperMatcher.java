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
 * against their index for each paper, which costs a look-up per stream.
 */
final class NewPaperMatcher {

    private final SavedQueryIndex subscriptionQueries = new SavedQueryIndex();
    private final SavedQueryIndex streamQueries = new SavedQueryIndex();
    private List<Subscriptions.Active> indexedSubscriptions;

    /** The ids of the subscriptions and query streams the paper matches. */
    Set<String> match(PaperIndexed paper, List<Subscriptions.Active> subscriptions,
            List<Percolator.Compiled> streams) {
        follow(subscriptions, streams);
        PaperTerms terms = PaperTerms.of(paper);
        Set<String> matched = new HashSet<>(subscriptionQueries.match(terms));
        matched.addAll(streamQueries.match(terms));
        return matched;
    }

    private synchronized void follow(List<Subscriptions.Active> subscriptions, List<Percolator.Compiled> streams) {
        if (subscriptions != indexedSubscriptions) {
            subscriptionQueries.sync(subscriptions.stream().map(Subscriptions.Active::query).toList());
            indexedSubscriptions = subscriptions;
        }
        streamQueries.sync(streams);
    }
}
