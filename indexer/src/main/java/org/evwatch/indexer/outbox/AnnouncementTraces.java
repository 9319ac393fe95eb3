package org.evwatch.indexer.outbox;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The trace context ({@code traceparent}) of each announcement waiting in the outbox, so that its publication on
 * papers.indexed continues the trace of the record that made it. Held in memory only, and for the newest
 * {@value #MAX} announcements: one published after a restart, or after a long outage, starts no span, and its paper's
 * trace ends at the indexer.
 */
@ApplicationScoped
public class AnnouncementTraces {

    static final int MAX = 10_000;

    private final Map<String, String> traces = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX;
        }
    };

    /** Remembers the trace of the announcement of {@code paperId} at {@code version}. */
    public synchronized void put(String paperId, long version, String traceparent) {
        traces.put(key(paperId, version), traceparent);
    }

    /** The trace of that announcement, forgotten once taken; null if unknown. */
    public synchronized String take(String paperId, long version) {
        return traces.remove(key(paperId, version));
    }

    private static String key(String paperId, long version) {
        return paperId + '@' + version;
    }
}
