package org.evwatch.gateway.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.AutomatonQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefIterator;
import org.apache.lucene.util.automaton.CompiledAutomaton;
import org.apache.lucene.util.automaton.Operations;

/**
 * Whether one paper matches one saved query, decided from the paper's {@link PaperTerms} with Lucene's matching
 * rules for each kind of query the query syntax and the filters build: a term is present, a phrase's terms sit at
 * their relative positions, a wildcard accepts one of the field's terms, a point lies in a range, and boolean
 * clauses combine as in {@link BooleanQuery} (required all, prohibited none, at least the minimum of the optional
 * ones, at least one when nothing is required). Any other kind of query is run on the paper's memory index, as the
 * brute-force {@link Percolator} does. Only whether a paper matches counts here, never a score.
 * <p>
 * A search on a one-document memory index costs a few microseconds, mostly setting up a searcher, a weight and a
 * scorer; these checks cost tens to hundreds of nanoseconds, which is what lets a paper be checked against the
 * thousands of candidate queries that a large set of subscriptions yields. Everything but a single term look-up is a
 * {@link Shared} check: saved queries that hold an equal sub-query (the same word searched across fields, the same
 * phrase, filter or range) hold one check of it, which answers at most once a paper. {@code SavedQueryIndexTest} holds them
 * to the brute-force matcher's answers on many random queries and papers.
 */
sealed interface QueryCheck {

    /** One array for every empty list of clauses, so that checking one costs no memory read. */
    QueryCheck[] NO_CHECKS = {};

    /** Whether the paper being checked matches. */
    boolean test(Checking c);

    /**
     * What checks are built from, kept by the index: terms are numbered, so that a look-up is a bit test, and the
     * check of a sub-query is shared by every saved query that holds an equal one, so that it runs once a paper.
     */
    interface Parts {
        int termId(String field, BytesRef term);

        /** The one check of queries equal to this one, built by {@code build} if there is none yet. */
        Shared shared(Query query, Function<Parts, QueryCheck> build);
    }

    /**
     * One paper being checked: its terms, which of the index's numbered terms it holds, and what each shared check
     * has answered so far for it.
     */
    final class Checking {
        private static final byte MATCHES = 1;
        private static final byte FAILS = 2;

        final PaperTerms paper;
        private final BitSet present;
        private final byte[] answers;

        Checking(PaperTerms paper, BitSet present, int sharedChecks) {
            this.paper = paper;
            this.present = present;
            this.answers = new byte[sharedChecks];
        }

        boolean has(int termId) {
            return present.get(termId);
        }

        boolean answer(Shared shared) {
            byte known = answers[shared.slot()];
            if (known == 0) {
                known = shared.check().test(this) ? MATCHES : FAILS;
                answers[shared.slot()] = known;
            }
            return known == MATCHES;
        }
    }

    /** The check of a query as the query syntax and the filters build it. */
    static QueryCheck of(Query query, Parts ids) {
        if (query instanceof ConstantScoreQuery c) {
            return of(c.getQuery(), ids);
        }
        if (query instanceof BoostQuery b) {
            return of(b.getQuery(), ids);
        }
        if (query instanceof TermQuery t) {
            return new HasTerm(ids.termId(t.getTerm().field(), t.getTerm().bytes()));
        }
        if (query instanceof MatchAllDocsQuery) {
            return Const.ALL;
        }
        if (query instanceof MatchNoDocsQuery) {
            return Const.NONE;
        }
        return ids.shared(query, parts -> unshared(query, parts));
    }

    /** The check of a query that is more than one term look-up, built once for all equal queries. */
    private static QueryCheck unshared(Query query, Parts ids) {
        if (query instanceof BooleanQuery b) {
            return Bool.of(b, ids);
        }
        if (query instanceof DisjunctionMaxQuery d) {
            return AnyOf.of(all(d.getDisjuncts(), ids));
        }
        if (query instanceof PhraseQuery p && p.getSlop() == 0) {
            return Phrase.of(p, ids);
        }
        if (query instanceof TermInSetQuery s) {
            return TermSet.of(s, ids);
        }
        if (query instanceof AutomatonQuery a) {
            return Automaton.of(a);
        }
        if (query instanceof PointRangeQuery r) {
            return new Range(r.getField(), r.getNumDims(), r.getBytesPerDim(), r.getLowerPoint(), r.getUpperPoint());
        }
        return new Search(new ConstantScoreQuery(query));
    }

    /** The checks of some clauses, cheapest first, so that a conjunction fails at the least cost. */
    private static QueryCheck[] all(Collection<Query> queries, Parts ids) {
        if (queries.isEmpty()) {
            return NO_CHECKS;
        }
        return queries.stream().map(q -> of(q, ids)).sorted(Comparator.comparingInt(QueryCheck::cost))
                .toArray(QueryCheck[]::new);
    }

    /** A rough rank of how much a check costs: bit tests first, then positions and point values, then search. */
    private static int cost(QueryCheck check) {
        if (check instanceof Shared s) {
            return cost(s.check());
        }
        if (check instanceof Const || check instanceof HasTerm) {
            return 0;
        }
        if (check instanceof TermSet || check instanceof Range) {
            return 1;
        }
        if (check instanceof Phrase || check instanceof Automaton) {
            return 2;
        }
        return check instanceof Search ? 4 : 3;
    }

    /** Matches every paper or none. */
    enum Const implements QueryCheck {
        ALL, NONE;

        @Override
        public boolean test(Checking c) {
            return this == ALL;
        }
    }

    /** Boolean clauses as {@link BooleanQuery} combines them when only matching counts. */
    record Bool(QueryCheck[] required, QueryCheck[] prohibited, QueryCheck[] optional, int minShould)
            implements
                QueryCheck {

        static Bool of(BooleanQuery b, Parts ids) {
            List<Query> required = new ArrayList<>();
            List<Query> prohibited = new ArrayList<>();
            List<Query> optional = new ArrayList<>();
            for (BooleanClause c : b.clauses()) {
                switch (c.getOccur()) {
                    case MUST, FILTER -> required.add(c.getQuery());
                    case MUST_NOT -> prohibited.add(c.getQuery());
                    case SHOULD -> optional.add(c.getQuery());
                }
            }
            return new Bool(all(required, ids), all(prohibited, ids), all(optional, ids),
                    b.getMinimumNumberShouldMatch());
        }

        @Override
        public boolean test(Checking c) {
            for (QueryCheck r : required) {
                if (!r.test(c)) {
                    return false;
                }
            }
            for (QueryCheck p : prohibited) {
                if (p.test(c)) {
                    return false;
                }
            }
            // With no required clause, one optional clause must match; with none at all, nothing matches.
            int needed = required.length == 0 ? Math.max(1, minShould) : minShould;
            for (int i = 0; i < optional.length && needed > 0; i++) {
                if (optional.length - i < needed) {
                    return false;
                }
                if (optional[i].test(c)) {
                    needed--;
                }
            }
            return needed <= 0;
        }
    }

    /** Any of the disjuncts matches; none when there are none. */
    record AnyOf(QueryCheck[] any) implements QueryCheck {

        /** A word searched across fields is a set of terms: tested as one loop over their numbers. */
        static QueryCheck of(QueryCheck[] any) {
            if (any.length > 0 && Arrays.stream(any).allMatch(c -> c instanceof HasTerm)) {
                return new TermSet(Arrays.stream(any).mapToInt(c -> ((HasTerm) c).id()).toArray());
            }
            return new AnyOf(any);
        }

        @Override
        public boolean test(Checking c) {
            for (QueryCheck check : any) {
                if (check.test(c)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A check shared by equal sub-queries of several saved queries: run at most once a paper. */
    record Shared(int slot, QueryCheck check) implements QueryCheck {
        @Override
        public boolean test(Checking c) {
            return c.answer(this);
        }
    }

    record HasTerm(int id) implements QueryCheck {
        @Override
        public boolean test(Checking c) {
            return c.has(id);
        }
    }

    /** An exact phrase (no slop): the terms at their relative positions, somewhere in the field. */
    record Phrase(PhraseQuery query, String field, int[] ids, BytesRef[] terms, int[] positions)
            implements
                QueryCheck {

        static QueryCheck of(PhraseQuery p, Parts ids) {
            Term[] terms = p.getTerms();
            if (terms.length == 0) {
                return Const.NONE;
            }
            if (terms.length == 1) {
                return new HasTerm(ids.termId(p.getField(), terms[0].bytes()));
            }
            BytesRef[] bytes = Arrays.stream(terms).map(t -> BytesRef.deepCopyOf(t.bytes())).toArray(BytesRef[]::new);
            int[] termIds = Arrays.stream(bytes).mapToInt(b -> ids.termId(p.getField(), b)).toArray();
            return new Phrase(p, p.getField(), termIds, bytes, p.getPositions().clone());
        }

        @Override
        public boolean test(Checking c) {
            for (int id : ids) {
                if (!c.has(id)) {
                    return false;
                }
            }
            Map<BytesRef, int[]> byTerm = c.paper.terms(field);
            int[][] at = new int[terms.length][];
            for (int i = 0; i < terms.length; i++) {
                at[i] = byTerm.get(terms[i]);
                if (at[i] == null) {
                    return false;
                }
                if (at[i] == PaperTerms.NO_POSITIONS) {
                    // A field indexed without positions: let Lucene give its own answer.
                    return c.paper.search(query);
                }
            }
            for (int first : at[0]) {
                int start = first - positions[0];
                if (allAt(at, start)) {
                    return true;
                }
            }
            return false;
        }

        private boolean allAt(int[][] at, int start) {
            for (int i = 1; i < at.length; i++) {
                // Positions are read in increasing order from the postings.
                if (Arrays.binarySearch(at[i], start + positions[i]) < 0) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Any of a set of terms, as {@link TermInSetQuery} (several values of one filter). */
    record TermSet(int[] ids) implements QueryCheck {

        static TermSet of(TermInSetQuery s, Parts ids) {
            List<BytesRef> terms = new ArrayList<>();
            try {
                BytesRefIterator it = s.getBytesRefIterator();
                for (BytesRef t = it.next(); t != null; t = it.next()) {
                    terms.add(BytesRef.deepCopyOf(t));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("terms of a query are in memory", e);
            }
            return new TermSet(terms.stream().mapToInt(t -> ids.termId(s.getField(), t)).toArray());
        }

        @Override
        public boolean test(Checking c) {
            for (int id : ids) {
                if (c.has(id)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Prefix and wildcard queries: one of the field's terms is accepted by the query's automaton. */
    record Automaton(String field, CompiledAutomaton compiled) implements QueryCheck {

        static Automaton of(AutomatonQuery a) {
            return new Automaton(a.getField(), new CompiledAutomaton(a.getAutomaton(), null, true,
                    Operations.DEFAULT_DETERMINIZE_WORK_LIMIT, a.isAutomatonBinary()));
        }

        @Override
        public boolean test(Checking c) {
            Map<BytesRef, int[]> byTerm = c.paper.terms(field);
            return switch (compiled.type) {
                case NONE -> false;
                case ALL -> !byTerm.isEmpty();
                case SINGLE -> byTerm.containsKey(compiled.term);
                case NORMAL -> byTerm.keySet().stream()
                        .anyMatch(t -> compiled.runAutomaton.run(t.bytes, t.offset, t.length));
            };
        }
    }

    /** A point (year, published day) within inclusive bounds in every dimension, compared as Lucene does. */
    record Range(String field, int dims, int bytesPerDim, byte[] lower, byte[] upper) implements QueryCheck {
        @Override
        public boolean test(Checking c) {
            for (byte[] value : c.paper.points(field)) {
                if (inside(value)) {
                    return true;
                }
            }
            return false;
        }

        private boolean inside(byte[] value) {
            for (int d = 0; d < dims; d++) {
                int from = d * bytesPerDim;
                int to = from + bytesPerDim;
                if (Arrays.compareUnsigned(value, from, to, lower, from, to) < 0
                        || Arrays.compareUnsigned(value, from, to, upper, from, to) > 0) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A kind of query this matcher does not read itself: searched on the paper's memory index. */
    record Search(Query query) implements QueryCheck {
        @Override
        public boolean test(Checking c) {
            return c.paper.search(query);
        }
    }
}
