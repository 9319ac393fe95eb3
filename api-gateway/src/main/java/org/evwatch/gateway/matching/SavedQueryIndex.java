package org.evwatch.gateway.matching;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
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
 * paper. Identical queries, as many subscribers save, are kept once with all their ids and checked once; equal
 * sub-queries of distinct queries are checked once a paper too ({@link QueryCheck.Shared}), and what saved a
 * matched query is listed by handing out the query's array of them ({@link Matches}).
 * <p>
 * What is indexed is anything that carries a saved query ({@code T}: a subscription, or the query itself), so that a
 * match hands back those very objects, with no look-up by id for each one.
 * <p>
 * The matching reads the Lucene queries the {@code query/} module builds rather than using
 * {@code lucene-monitor}: that library is published only for an older Lucene than the catalog's, and it would
 * index the queries in a second Lucene index whose candidates are then searched one by one on a memory index, which
 * is what this replaces. Working on the same query objects as search keeps the meaning of every query identical.
 * <p>
 * Adding or removing one query touches only that query's terms. Matching may run on several threads while queries
 * are added and removed; a paper matched while a query is added may or may not be matched against it.
 */
public final class SavedQueryIndex<T> {

    private final Function<T, Percolator.Compiled> queryOf;
    private final Function<Query, Requirement> presearch;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Registration<T>> byId = new HashMap<>();
    private final Map<Query, Group> groups = new HashMap<>();
    /** Every term that a query's check or presearch names, by field; a paper's terms are looked up here. */
    private final Map<String, Map<BytesRef, TermEntry>> terms = new HashMap<>();
    private final Map<String, Map<BytesRef, Postings>> prefixes = new HashMap<>();
    /** How many indexed prefixes have each length, so that papers offer only the lengths in use. */
    private final int[] prefixLengths = new int[RequiredTerms.PREFIX_KEY_BYTES + 1];
    private final Postings always = new Postings();
    /** The checks of sub-queries that several distinct queries hold, each run at most once a paper. */
    private final Map<Query, SharedEntry> shared = new HashMap<>();
    private final Numbers groupSlots = new Numbers();
    private final Numbers termIds = new Numbers();
    private final Numbers sharedSlots = new Numbers();
    /** How many distinct queries read each paper field, and how many may read any ({@link QueryFields}). */
    private final Map<String, Integer> fieldReaders = new HashMap<>();
    private int anyFieldReaders;

    /** An index of values that each carry their saved query, read by {@code queryOf}. */
    public SavedQueryIndex(Function<T, Percolator.Compiled> queryOf) {
        this(queryOf, RequiredTerms::of);
    }

    /** An index that finds candidates with the given extraction (a test gives a wrong one to see it caught). */
    SavedQueryIndex(Function<T, Percolator.Compiled> queryOf, Function<Query, Requirement> presearch) {
        this.queryOf = queryOf;
        this.presearch = presearch;
    }

    /** An index of saved queries themselves: a match lists the queries. */
    public static SavedQueryIndex<Percolator.Compiled> ofQueries() {
        return new SavedQueryIndex<>(Function.identity());
    }

    /** One id's value and query, the group of identical queries it is in, and its place in the group's values. */
    private static final class Registration<T> {
        final T value;
        final Percolator.Compiled compiled;
        final Group group;
        int index;

        Registration(T value, Percolator.Compiled compiled, Group group) {
            this.value = value;
            this.compiled = compiled;
            this.group = group;
        }
    }

    /** One distinct query, the ids that saved it, and what a paper must hold for it to match. */
    private static final class Group {
        final Query query;
        final Requirement requirement;
        final int slot;
        final Uses uses = new Uses();
        /** The paper fields the query reads, null when it may read any. */
        final Set<String> fields;
        /**
         * The values that saved the query: the first {@code size} of the array. Matches read the array in place
         * ({@link Matches}), so once one has, removing or replacing a value first copies it; adding one writes past
         * what they read.
         */
        Object[] values = new Object[1];
        int size;
        /** Whether a match has listed the array since it was last copied. */
        boolean listed;
        final List<Registration<?>> registrations = new ArrayList<>();
        QueryCheck check;
        boolean live = true;

        Group(Query query, Requirement requirement, int slot) {
            this.query = query;
            this.requirement = requirement;
            this.slot = slot;
            this.fields = QueryFields.of(query);
        }

        void add(Registration<?> r) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            r.index = size;
            values[size++] = r.value;
            registrations.add(r);
        }

        /** Puts a registration in the place of another one of the same query. */
        void replace(Registration<?> old, Registration<?> r) {
            writable();
            r.index = old.index;
            values[r.index] = r.value;
            registrations.set(r.index, r);
        }

        /** Swaps the last value into the removed one's place, so that removal costs the same for any group size. */
        void remove(Registration<?> r) {
            writable();
            int last = size - 1;
            Registration<?> moved = registrations.get(last);
            values[r.index] = moved.value;
            registrations.set(r.index, moved);
            moved.index = r.index;
            values[last] = null;
            registrations.remove(last);
            size--;
        }

        private void writable() {
            if (listed) {
                values = values.clone();
                listed = false;
            }
        }
    }

    /** The terms and shared checks that a distinct query's check, or a shared check, holds on to. */
    private static final class Uses {
        final List<TermEntry> terms = new ArrayList<>();
        final List<SharedEntry> shared = new ArrayList<>();
    }

    /** A shared check, the sub-query it checks, and how many distinct queries or shared checks hold it. */
    private static final class SharedEntry {
        final Query query;
        final Uses uses = new Uses();
        QueryCheck.Shared check;
        int holders;

        SharedEntry(Query query) {
            this.query = query;
        }
    }

    /** A term named by some queries: its number for the checks, and the groups indexed under it. */
    private static final class TermEntry {
        final String field;
        final BytesRef term;
        final int id;
        int uses;
        Postings postings;

        TermEntry(String field, BytesRef term, int id) {
            this.field = field;
            this.term = term;
            this.id = id;
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
                groups = Arrays.copyOf(groups, size * 2);
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
                Arrays.fill(groups, kept, size, null);
                size = kept;
                removed = 0;
            }
            return size == 0;
        }
    }

    /** Small numbers handed out and taken back, so that per-paper bit sets stay as small as the index. */
    private static final class Numbers {
        private final Deque<Integer> free = new ArrayDeque<>();
        private int next;

        int take() {
            Integer n = free.poll();
            return n != null ? n : next++;
        }

        void giveBack(int n) {
            free.push(n);
        }

        int limit() {
            return next;
        }
    }

    /** Adds a value, or replaces the one saved under the id of its query. */
    public void put(T value) {
        Percolator.Compiled query = queryOf.apply(value);
        lock.readLock().lock();
        try {
            Registration<T> known = byId.get(query.id());
            if (known != null && known.value == value) {
                return;
            }
        } finally {
            lock.readLock().unlock();
        }
        lock.writeLock().lock();
        try {
            Registration<T> known = byId.get(query.id());
            if (known != null && known.compiled.query().equals(query.query())) {
                // The same query with another value (a subscription renamed, say): only the value changes.
                Registration<T> r = new Registration<>(value, query, known.group);
                known.group.replace(known, r);
                byId.put(query.id(), r);
                return;
            }
            unregister(query.id());
            Group group = groups.get(query.query());
            if (group == null) {
                group = newGroup(query.query());
            }
            Registration<T> r = new Registration<>(value, query, group);
            group.add(r);
            byId.put(query.id(), r);
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
     * Makes the index hold exactly these values, touching only the ones added, changed or gone: cheap when the
     * same objects come back, as a refreshed list of subscriptions gives them.
     */
    public void sync(Collection<T> values) {
        if (holdsExactly(values)) {
            return;
        }
        Set<String> ids = new HashSet<>(values.size() * 2);
        for (T v : values) {
            ids.add(queryOf.apply(v).id());
            put(v);
        }
        List<String> gone = new ArrayList<>();
        lock.readLock().lock();
        try {
            byId.keySet().stream().filter(id -> !ids.contains(id)).forEach(gone::add);
        } finally {
            lock.readLock().unlock();
        }
        gone.forEach(this::remove);
    }

    /** Whether the index holds these very objects and no others (ids are unique in a list). */
    private boolean holdsExactly(Collection<T> values) {
        lock.readLock().lock();
        try {
            if (byId.size() != values.size()) {
                return false;
            }
            for (T v : values) {
                Registration<T> known = byId.get(queryOf.apply(v).id());
                if (known == null || known.value != v) {
                    return false;
                }
            }
            return true;
        } finally {
            lock.readLock().unlock();
        }
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

    /**
     * How many distinct terms the queries name and how many shared checks they hold (for tests: none are left once
     * every query is removed).
     */
    int distinctTerms() {
        lock.readLock().lock();
        try {
            return terms.values().stream().mapToInt(Map::size).sum() + prefixes.values().stream()
                    .mapToInt(Map::size).sum() + shared.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The values whose queries the paper matches, each once, in no particular order. */
    public List<T> match(PaperIndexed paper) {
        return match(PaperTerms.of(paper, this::reads));
    }

    /** Whether a saved query reads this field of a paper; a paper's other fields need no analysis. */
    public boolean reads(String field) {
        lock.readLock().lock();
        try {
            return readsLocked(field);
        } finally {
            lock.readLock().unlock();
        }
    }

    private boolean readsLocked(String field) {
        return anyFieldReaders > 0 || fieldReaders.containsKey(field);
    }

    private void countFieldReaders(Group group, int change) {
        if (group.fields == null) {
            anyFieldReaders += change;
            return;
        }
        for (String field : group.fields) {
            fieldReaders.merge(field, change, (a, b) -> a + b == 0 ? null : a + b);
        }
    }

    /**
     * The values whose queries the paper matches, each once, in no particular order: a list read in place from the
     * index (see {@link Matches}), which values added or removed later leave as it is.
     */
    public List<T> match(PaperTerms given) {
        lock.readLock().lock();
        try {
            PaperTerms paper = given.covering(this::readsLocked);
            BitSet present = new BitSet(termIds.limit());
            List<Postings> candidates = new ArrayList<>();
            candidates.add(always);
            for (Map.Entry<String, Map<BytesRef, int[]>> field : paper.fields().entrySet()) {
                Map<BytesRef, TermEntry> byTerm = terms.get(field.getKey());
                if (byTerm != null) {
                    for (BytesRef term : field.getValue().keySet()) {
                        TermEntry e = byTerm.get(term);
                        if (e != null) {
                            present.set(e.id);
                            candidates.add(e.postings);
                        }
                    }
                }
                Map<BytesRef, Postings> byPrefix = prefixes.get(field.getKey());
                if (byPrefix != null) {
                    addPrefixCandidates(candidates, byPrefix, field.getValue().keySet());
                }
            }
            Checker checker = new Checker(new QueryCheck.Checking(paper, present, sharedSlots.limit()),
                    new BitSet(groupSlots.limit()), new ArrayList<>());
            candidates.forEach(checker::check);
            return checker.values();
        } finally {
            lock.readLock().unlock();
        }
    }

    private void addPrefixCandidates(List<Postings> candidates, Map<BytesRef, Postings> byPrefix,
            Set<BytesRef> paperTerms) {
        for (BytesRef term : paperTerms) {
            for (int length = 1; length <= Math.min(term.length, RequiredTerms.PREFIX_KEY_BYTES); length++) {
                if (prefixLengths[length] > 0) {
                    candidates.add(byPrefix.get(new BytesRef(term.bytes, term.offset, length)));
                }
            }
        }
    }

    /** One paper's check of its candidate groups, each once. */
    private record Checker(QueryCheck.Checking checking, BitSet seen, List<Group> matched) {
        void check(Postings postings) {
            if (postings == null) {
                return;
            }
            Group[] groups = postings.groups;
            for (int i = 0; i < postings.size; i++) {
                Group g = groups[i];
                if (g.live && !seen.get(g.slot)) {
                    seen.set(g.slot);
                    if (g.check.test(checking)) {
                        matched.add(g);
                    }
                }
            }
        }

        /** The values of the matched groups, read in place. */
        <T> List<T> values() {
            Object[][] arrays = new Object[matched.size()][];
            int[] sizes = new int[arrays.length];
            for (int i = 0; i < arrays.length; i++) {
                Group g = matched.get(i);
                // Several matching threads may set it at once; the next change reads it under the write lock.
                g.listed = true;
                arrays[i] = g.values;
                sizes[i] = g.size;
            }
            return new Matches<>(arrays, sizes);
        }
    }

    private Group newGroup(Query query) {
        Requirement requirement = presearch.apply(query);
        Group group = new Group(query, requirement, groupSlots.take());
        QueryCheck check = QueryCheck.of(query, new Parts(group.uses));
        // A group is checked once a paper anyway: its own check runs directly, without recording its answer.
        group.check = check instanceof QueryCheck.Shared s ? s.check() : check;
        groups.put(query, group);
        countFieldReaders(group, 1);
        if (requirement.keys().isEmpty()) {
            // Needs nothing, or never matches: checked against every paper (the check is cheap either way).
            always.add(group);
            return group;
        }
        for (Key key : requirement.keys()) {
            if (key.prefix()) {
                prefixes.computeIfAbsent(key.field(), f -> new HashMap<>())
                        .computeIfAbsent(key.bytes(), b -> new Postings()).add(group);
                prefixLengths[key.bytes().length]++;
            } else {
                TermEntry e = use(group.uses, key.field(), key.bytes());
                if (e.postings == null) {
                    e.postings = new Postings();
                }
                e.postings.add(group);
            }
        }
        return group;
    }

    /** The entry of a term, numbered on first use; its use is counted until the holder goes. */
    private TermEntry use(Uses holder, String field, BytesRef term) {
        TermEntry e = terms.computeIfAbsent(field, f -> new HashMap<>()).computeIfAbsent(term,
                t -> new TermEntry(field, BytesRef.deepCopyOf(t), termIds.take()));
        e.uses++;
        holder.terms.add(e);
        return e;
    }

    /** The terms and shared checks that one holder's check is built from, counted as its uses. */
    private final class Parts implements QueryCheck.Parts {
        private final Uses holder;

        Parts(Uses holder) {
            this.holder = holder;
        }

        @Override
        public int termId(String field, BytesRef term) {
            return use(holder, field, term).id;
        }

        @Override
        public QueryCheck.Shared shared(Query query, Function<QueryCheck.Parts, QueryCheck> build) {
            SharedEntry e = shared.get(query);
            if (e == null) {
                e = new SharedEntry(query);
                e.check = new QueryCheck.Shared(sharedSlots.take(), build.apply(new Parts(e.uses)));
                shared.put(query, e);
            }
            e.holders++;
            holder.shared.add(e);
            return e.check;
        }
    }

    private boolean unregister(String id) {
        Registration<T> old = byId.remove(id);
        if (old == null) {
            return false;
        }
        Group group = old.group;
        group.remove(old);
        if (group.size == 0) {
            dropGroup(group);
        }
        return true;
    }

    private void dropGroup(Group group) {
        group.live = false;
        groups.remove(group.query);
        countFieldReaders(group, -1);
        if (group.requirement.keys().isEmpty()) {
            always.removedOne();
        }
        for (Key key : group.requirement.keys()) {
            if (key.prefix()) {
                Map<BytesRef, Postings> byPrefix = prefixes.get(key.field());
                if (byPrefix.get(key.bytes()).removedOne()) {
                    byPrefix.remove(key.bytes());
                    if (byPrefix.isEmpty()) {
                        prefixes.remove(key.field());
                    }
                }
                prefixLengths[key.bytes().length]--;
            } else {
                Map<BytesRef, TermEntry> byTerm = terms.get(key.field());
                TermEntry e = byTerm.get(key.bytes());
                if (e.postings.removedOne()) {
                    e.postings = null;
                }
            }
        }
        release(group.uses);
        groupSlots.giveBack(group.slot);
    }

    private void release(Uses uses) {
        uses.terms.forEach(this::release);
        for (SharedEntry e : uses.shared) {
            if (--e.holders == 0) {
                shared.remove(e.query);
                sharedSlots.giveBack(e.check.slot());
                release(e.uses);
            }
        }
    }

    private void release(TermEntry e) {
        if (--e.uses > 0) {
            return;
        }
        Map<BytesRef, TermEntry> byTerm = terms.get(e.field);
        byTerm.remove(e.term);
        if (byTerm.isEmpty()) {
            terms.remove(e.field);
        }
        termIds.giveBack(e.id);
    }
}
