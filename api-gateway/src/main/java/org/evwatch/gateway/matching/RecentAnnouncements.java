package org.evwatch.gateway.matching;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The (paper id, version) pairs handled lately. {@code papers.indexed} may carry an announcement twice (its publisher
 * re-sends what it cannot prove was acknowledged); a pair handled once is not shown to live streams again. Webhook
 * deliveries are kept unique by the delivery store itself, across restarts.
 */
final class RecentAnnouncements {

    private final Map<String, Boolean> seen;

    RecentAnnouncements(int capacity) {
        this.seen = new LinkedHashMap<>(capacity, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized boolean handled(String paperId, long version) {
        return seen.containsKey(paperId + '@' + version);
    }

    synchronized void markHandled(String paperId, long version) {
        seen.put(paperId + '@' + version, Boolean.TRUE);
    }
}
