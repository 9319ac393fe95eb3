package org.evwatch.gateway.matching;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.evwatch.events.PaperIndexed;
import org.evwatch.gateway.matching.RequiredTerms.Key;
import org.evwatch.gateway.matching.RequiredTerms.Requirement;

/**
 * Saved queries indexed by the terms a paper must hold for them to match (a presearcher, as in Lucene's monitor), so
 * that a new paper is checked only against the queries it can match: the paper's terms are looked up in an
 * in-memory inverted index of the queries' required terms, and each query found is then checked exactly
 * ({@link QueryCheck}). Queries that require no term (ranges, match-all, negations only) are checked against every
 * paper. Identical queries, as many subscribers save, are kept once with all their ids and checked once.
 * <p>
 * The matching reads the Lucene queries the {@code query/} module builds rather than using
 * {@code lucene-monitor}: that library is published only for an older Lucene than the catalog's, and it would
 * index the queries in a second Lucene index whose candidates are then searched one by one on a memory index, which
 * is what this replaces. Working on the same query objects as search keeps the meaning of every query identical.
 * <p>
 * Adding or removing one query touches only that query's terms. Matching may run on several threads while queries
 * are added and removed; a paper matched while a query is added may or may not be matched against it.
 */
public final class SavedQueryIndex {

    private final Function<Query, Requirement> presearch;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Registration> byId = new HashMap<>();
    private final Map<Query, Group> groups = new HashMap<>();
    private final Map<String, Map<BytesRef, Postings>> exact = new HashMap<>();
    private final Map<String, Map<BytesRef, Postings>> prefixes = new HashMap<>();
    /** How many indexed prefixes have each length, so that papers offer only the lengths in use. */
    private final int[] prefixLengths = new int[RequiredTerms.PREFIX_KEY_BYTES + 1];
    private final Postings always = new Postings();
    private final Deque<Integer> freeSlots = new ArrayDeque<>();
    private int nextSlot;

    public SavedQueryIndex() {
        this(RequiredTerms::of);
    }

    /** An index that finds candidates with the given extraction (a test gives a wrong one to see it caught). */
    SavedQueryIndex(Function<Query, Requirement> presearch) {
        this.presearch = presearch;
    }

    /** One id's query and the group of identical queries it belongs to. */
    private record Registration(Percolator.Compiled compiled, Group group) {
    }

    /** One distinct query, the ids that saved it, and what a paper must hold for it to match. */
    private static final class Group {
        final Query query;
        final QueryCheck check;
        final Requirement requirement;
        final int slot;
        final Set<String> ids = new LinkedHashSet<>();
        boolean live = true;

        Group(Query query, Requirement requirement, int slot) {
            this.query = query;
            this.check = QueryCheck.of(query);
            this.requirement = requirement;
            this.slot = slot;
        }
    }

    /**
     * The groups under one key. A removed group stays until half the list is removed ones, then the list is
     * compacted: removal costs amortised constant time, and matching iterates a plain array.
     */
    private static final class Postings {
        Group[] groups = new Group[2];
        int size;
        int removed;

        void add(Group g) {
            if (size == groups.length) {
                groups = java.util.Arrays.copyOf(groups, size * 2);
            }
            groups[size++] = g;
        }

        /** Counts one more removed group; returns whether the list is now empty. */
        boolean removedOne() {
            removed++;
            if (removed * 2 > size) {
                int kept = 0;
                for (int i = 0; i < size; i++) {
                    if (groups[i].live) {
                        groups[kept++] = groups[i];
                    }
                }
                java.util.Arrays.fill(groups, kept, size, null);
                size = kept;
                removed = 0;
            }
            return size == 0;
        }
    }

    /** Adds a query, or replaces the query saved under its id. */
    public void put(Percolator.Compiled query) {
        lock.readLock().lock();
        try {
            Registration known = byId.get(query.id());
            if (known != null && (known.compiled() == query || known.compiled().query().equals(query.query()))) {
                return;
            }
        } finally {
            lock.readLock().unlock();
        }
        lock.writeLock().lock();
        try {
            unregister(query.id());
            Group group = groups.get(query.query());
            if (group == null) {
                group = newGroup(query.query());
            }
            group.ids.add(query.id());
            byId.put(query.id(), new Registration(query, group));
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes the query saved under an id; returns whether there was one. */
    public boolean remove(String id) {
        lock.writeLock().lock();
        try {
            return unregister(id);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Makes the index hold exactly these queries, touching only the ones added, changed or gone: cheap when the
     * same query objects come back, as a refreshed list of subscriptions gives them.
     */
    public void sync(Collection<Percolator.Compiled> queries) {
        Set<String> ids = new HashSet<>(queries.size() * 2);
        for (Percolator.Compiled q : queries) {
            ids.add(q.id());
            put(q);
        }
        List<String> gone = new ArrayList<>();
        lock.readLock().lock();
        try {
            if (byId.size() == ids.size()) {
                return;
            }
            byId.keySet().stream().filter(id -> !ids.contains(id)).forEach(gone::add);
        } finally {
            lock.readLock().unlock();
        }
        gone.forEach(this::remove);
    }

    /** How many ids have a query here. */
    public int size() {
        lock.readLock().lock();
        try {
            return byId.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How many distinct queries there are: identical queries saved under several ids count once. */
    public int distinctQueries() {
        lock.readLock().lock();
        try {
            return groups.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The ids of the queries the paper matches, each once, in no particular order. */
    public List<String> match(PaperIndexed paper) {
        return match(PaperTerms.of(paper));
    }

    /** The ids of the queries the paper matches, each once, in no particular order. */
    public List<String> match(PaperTerms paper) {
        lock.readLock().lock();
        try {
            Candidates candidates = new Candidates(paper, new BitSet(nextSlot), new ArrayList<>());
            candidates.check(always);
            for (Map.Entry<String, Map<BytesRef, int[]>> field : paper.fields().entrySet()) {
                Map<BytesRef, Postings> byTerm = exact.get(field.getKey());
                if (byTerm != null) {
                    for (BytesRef term : field.getValue().keySet()) {
                        candidates.check(byTerm.get(term));
                    }
                }
                Map<BytesRef, Postings> byPrefix = prefixes.get(field.getKey());
                if (byPrefix != null) {
                    checkPrefixes(candidates, byPrefix, field.getValue().keySet());
                }
            }
            return candidates.matched();
        } finally {
            lock.readLock().unlock();
        }
    }

    private void checkPrefixes(Candidates candidates, Map<BytesRef, Postings> byPrefix, Set<BytesRef> terms) {
        BytesRef probe = new BytesRef();
        for (BytesRef term : terms) {
            probe.bytes = term.bytes;
            probe.offset = term.offset;
            for (int length = 1; length <= Math.min(term.length, RequiredTerms.PREFIX_KEY_BYTES); length++) {
                if (prefixLengths[length] > 0) {
                    probe.length = length;
                    candidates.check(byPrefix.get(probe));
                }
            }
        }
    }

    /** One paper's walk through the index: each candidate group is checked once. */
    private record Candidates(PaperTerms paper, BitSet seen, List<String> matched) {
        void check(Postings postings) {
            if (postings == null) {
                return;
            }
            Group[] groups = postings.groups;
            for (int i = 0; i < postings.size; i++) {
                Group g = groups[i];
                if (g.live && !seen.get(g.slot)) {
                    seen.set(g.slot);
                    if (g.check.test(paper)) {
                        matched.addAll(g.ids);
                    }
                }
            }
        }
    }

    private Group newGroup(Query query) {
        Requirement requirement = presearch.apply(query);
        Integer free = freeSlots.poll();
        Group group = new Group(query, requirement, free != null ? free : nextSlot++);
        groups.put(query, group);
        if (requirement.keys().isEmpty()) {
            // Needs nothing, or never matches: checked against every paper (the check is cheap either way).
            always.add(group);
            return group;
        }
        for (Key key : requirement.keys()) {
            Map<String, Map<BytesRef, Postings>> map = key.prefix() ? prefixes : exact;
            map.computeIfAbsent(key.field(), f -> new HashMap<>()).computeIfAbsent(key.bytes(), b -> new Postings())
                    .add(group);
            if (key.prefix()) {
                prefixLengths[key.bytes().length]++;
            }
        }
        return group;
    }

    private boolean unregister(String id) {
        Registration old = byId.remove(id);
        if (old == null) {
            return false;
        }
        Group group = old.group();
        group.ids.remove(id);
        if (group.ids.isEmpty()) {
            dropGroup(group);
        }
        return true;
    }

    private void dropGroup(Group group) {
        group.live = false;
        groups.remove(group.query);
        if (group.requirement.keys().isEmpty()) {
            always.removedOne();
        }
        for (Key key : group.requirement.keys()) {
            Map<String, Map<BytesRef, Postings>> map = key.prefix() ? prefixes : exact;
            Map<BytesRef, Postings> byTerm = map.get(key.field());
            if (byTerm.get(key.bytes()).removedOne()) {
                byTerm.remove(key.bytes());
                if (byTerm.isEmpty()) {
                    map.remove(key.field());
                }
            }
            if (key.prefix()) {
                prefixLengths[key.bytes().length]--;
            }
        }
        freeSlots.push(group.slot);
    }
}
