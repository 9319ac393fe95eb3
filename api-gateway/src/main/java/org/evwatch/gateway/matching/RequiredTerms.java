package org.evwatch.gateway.matching;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.evwatch.query.PaperFields;

/**
 * The terms a paper must hold for a saved query to match it, in the manner of Lucene's monitor (its
 * term-filtered presearcher), read from the Lucene query the query syntax and the filters build:
 * <ul>
 * <li>a term or a phrase needs a term of its own (for a phrase, the one least likely to be common);</li>
 * <li>a conjunction needs what any one of its required clauses needs, so the most selective clause is kept;</li>
 * <li>a disjunction needs what one of its branches needs, so the needs of every branch are kept;</li>
 * <li>a prefix or wildcard needs a term starting with its literal prefix (cut to
 * {@value #PREFIX_KEY_BYTES} bytes);</li>
 * <li>everything else — year and date ranges, match-all, queries of only negations — needs nothing: such a query is
 * checked against every paper.</li>
 * </ul>
 * Prohibited clauses are left out: they can only make a query match less.
 */
final class RequiredTerms {

    /** Longest prefix a wildcard is indexed under; papers offer each term's prefixes up to this length. */
    static final int PREFIX_KEY_BYTES = 4;

    /** Keyword fields with a handful of values, which most papers hold: kept only when nothing better is required. */
    private static final Set<String> COMMON_VALUE_FIELDS = Set.of(PaperFields.TYPE, PaperFields.RELEVANCE,
            PaperFields.SOURCE, PaperFields.PUBTYPE);

    private RequiredTerms() {
    }

    /** A term a paper may hold: exact, or the first bytes of one of the field's terms. */
    record Key(String field, BytesRef bytes, boolean prefix) {
    }

    /** What a query needs: at least one of {@code keys}; or nothing ({@link #ANY}); or it never matches. */
    record Requirement(Set<Key> keys, boolean never) {
        static final Requirement ANY = new Requirement(Set.of(), false);
        static final Requirement NEVER = new Requirement(Set.of(), true);

        /** Whether any paper may match, so the query is checked against every paper. */
        boolean any() {
            return keys.isEmpty() && !never;
        }

        double cost() {
            return keys.stream().mapToDouble(RequiredTerms::cost).sum();
        }
    }

    /** What a paper must hold for the query to match. */
    static Requirement of(Query query) {
        if (query instanceof ConstantScoreQuery c) {
            return of(c.getQuery());
        }
        if (query instanceof BoostQuery b) {
            return of(b.getQuery());
        }
        if (query instanceof BooleanQuery b) {
            return ofBoolean(b);
        }
        if (query instanceof DisjunctionMaxQuery d) {
            return anyOf(d.getDisjuncts().stream().map(RequiredTerms::of).toList());
        }
        if (query instanceof TermQuery t) {
            return exact(List.of(t.getTerm()));
        }
        if (query instanceof PhraseQuery p) {
            // Every term of a phrase is required, whatever its slop: the least common one suffices.
            List<Requirement> each = new ArrayList<>();
            for (Term t : p.getTerms()) {
                each.add(exact(List.of(t)));
            }
            return each.isEmpty() ? Requirement.NEVER : allOf(each);
        }
        if (query instanceof TermInSetQuery s) {
            return termSet(s);
        }
        if (query instanceof PrefixQuery p) {
            return prefix(p.getField(), p.getPrefix().bytes());
        }
        if (query instanceof WildcardQuery w) {
            return prefix(w.getField(), literalPrefix(w.getTerm().text()));
        }
        if (query instanceof MatchNoDocsQuery) {
            return Requirement.NEVER;
        }
        return Requirement.ANY;
    }

    private static Requirement ofBoolean(BooleanQuery b) {
        List<Requirement> required = new ArrayList<>();
        List<Requirement> optional = new ArrayList<>();
        for (BooleanClause c : b.clauses()) {
            switch (c.getOccur()) {
                case MUST, FILTER -> required.add(of(c.getQuery()));
                case SHOULD -> optional.add(of(c.getQuery()));
                case MUST_NOT -> {
                    // Excluding terms never adds a term a paper must hold.
                }
            }
        }
        if (required.isEmpty()) {
            // Lucene matches nothing with no required and no optional clause (only negations, or no clause).
            return optional.isEmpty() ? Requirement.NEVER : anyOf(optional);
        }
        if (b.getMinimumNumberShouldMatch() > 0 && !optional.isEmpty()) {
            required.add(anyOf(optional));
        }
        return allOf(required);
    }

    /** A conjunction: one required clause's terms suffice, so the cheapest is kept. */
    static Requirement allOf(List<Requirement> required) {
        if (required.stream().anyMatch(Requirement::never)) {
            return Requirement.NEVER;
        }
        return required.stream().filter(r -> !r.any()).min(Comparator.comparingDouble(Requirement::cost))
                .orElse(Requirement.ANY);
    }

    /** A disjunction: a match may come from any branch, so every branch's terms are needed. */
    static Requirement anyOf(Collection<Requirement> branches) {
        Set<Key> keys = new LinkedHashSet<>();
        for (Requirement r : branches) {
            if (r.any()) {
                return Requirement.ANY;
            }
            keys.addAll(r.keys());
        }
        return keys.isEmpty() ? Requirement.NEVER : new Requirement(Set.copyOf(keys), false);
    }

    private static Requirement exact(List<Term> terms) {
        Set<Key> keys = new LinkedHashSet<>();
        for (Term t : terms) {
            keys.add(new Key(t.field(), BytesRef.deepCopyOf(t.bytes()), false));
        }
        return keys.isEmpty() ? Requirement.NEVER : new Requirement(Set.copyOf(keys), false);
    }

    private static Requirement termSet(TermInSetQuery s) {
        List<Term> terms = new ArrayList<>();
        try {
            var it = s.getBytesRefIterator();
            for (BytesRef t = it.next(); t != null; t = it.next()) {
                terms.add(new Term(s.getField(), BytesRef.deepCopyOf(t)));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("terms of a query are in memory", e);
        }
        return exact(terms);
    }

    private static Requirement prefix(String field, BytesRef prefix) {
        if (prefix.length == 0) {
            return Requirement.ANY;
        }
        int length = Math.min(prefix.length, PREFIX_KEY_BYTES);
        BytesRef cut = new BytesRef(prefix.bytes, prefix.offset, length);
        return new Requirement(Set.of(new Key(field, BytesRef.deepCopyOf(cut), true)), false);
    }

    /** The characters before the first unescaped {@code *} or {@code ?}, as {@link WildcardQuery} reads them. */
    static BytesRef literalPrefix(String pattern) {
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == WildcardQuery.WILDCARD_STRING || c == WildcardQuery.WILDCARD_CHAR) {
                break;
            }
            if (c == WildcardQuery.WILDCARD_ESCAPE && i + 1 < pattern.length()) {
                c = pattern.charAt(++i);
            }
            literal.append(c);
        }
        // Stop before a lone surrogate at the cut, which would not encode the way the term's bytes do.
        int end = literal.length();
        if (end > 0 && Character.isHighSurrogate(literal.charAt(end - 1))) {
            end--;
        }
        return new BytesRef(literal.substring(0, end).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * How often a paper is likely to hold a key, as a rank, not a probability: ids are rarer than words, long words
     * rarer than short ones, and entity types or relevance labels are held by most papers.
     */
    private static double cost(Key key) {
        if (COMMON_VALUE_FIELDS.contains(key.field())) {
            return 100;
        }
        if (key.prefix()) {
            return 20.0 / key.bytes().length;
        }
        if (PaperFields.ENTITY.equals(key.field()) || PaperFields.DOI.equals(key.field())
                || PaperFields.PMID.equals(key.field()) || PaperFields.PMCID.equals(key.field())) {
            return 0.5;
        }
        return 1 + 4.0 / Math.max(1, key.bytes().length);
    }
}
