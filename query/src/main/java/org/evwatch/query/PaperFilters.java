package org.evwatch.query;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;
import java.util.function.Function;

import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.evwatch.events.PaperKeys;

/**
 * Normalisation of keyword values and the filter queries built on them. Documents and queries both go through the
 * same normalisers, so {@code type:disease} and the API's {@code entityType=DISEASE} hit the same term.
 */
public final class PaperFilters {

    private PaperFilters() {
    }

    /** The normalised form of a keyword value for a keyword field, or null when the value cannot match. */
    public static String normalise(String field, String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        if (v.isEmpty()) {
            return null;
        }
        return switch (field) {
            case PaperFields.TYPE, PaperFields.RELEVANCE -> v.toUpperCase(Locale.ROOT).replace('-', '_');
            case PaperFields.DOI -> {
                String doi = PaperKeys.normaliseDoi(v);
                yield doi != null ? doi : v.toLowerCase(Locale.ROOT);
            }
            case PaperFields.PMCID -> {
                String pmcid = PaperKeys.normalisePmcid(v);
                yield pmcid != null ? pmcid : v.toUpperCase(Locale.ROOT);
            }
            case PaperFields.ID, PaperFields.PMID -> v;
            default -> v.toLowerCase(Locale.ROOT);
        };
    }

    /** Matches papers whose keyword field holds any of the values (OR within one API parameter). */
    public static Query anyOf(String field, Collection<String> values) {
        return anyOf(field, values, v -> normalise(field, v));
    }

    private static Query anyOf(String field, Collection<String> values, Function<String, String> normaliser) {
        var terms = values.stream().map(normaliser).filter(v -> v != null).distinct().map(BytesRef::new).toList();
        if (terms.isEmpty()) {
            return new BooleanQuery.Builder().build();
        }
        if (terms.size() == 1) {
            return new TermQuery(new Term(field, terms.get(0)));
        }
        return new TermInSetQuery(field, terms);
    }

    /** Papers whose exact journal title is any of the given ones (the journal facet's values). */
    public static Query journals(Collection<String> titles) {
        return anyOf(PaperFields.JOURNAL_EXACT, titles, t -> t == null || t.isBlank() ? null : t.trim());
    }

    /** Papers of a year in [from, to]. */
    public static Query years(int from, int to) {
        return IntPoint.newRangeQuery(PaperFields.YEAR, from, to);
    }

    /** Papers published in [from, to], inclusive; either bound may be null. Undated papers are never in a range. */
    public static Query published(LocalDate from, LocalDate to) {
        long lo = from == null ? PaperDocuments.NO_DATE + 1 : from.toEpochDay();
        long hi = to == null ? Long.MAX_VALUE : to.toEpochDay();
        return LongPoint.newRangeQuery(PaperFields.PUBLISHED, lo, hi);
    }
}
