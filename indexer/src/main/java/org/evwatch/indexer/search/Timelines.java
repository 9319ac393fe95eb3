package org.evwatch.indexer.search;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;
import org.evwatch.events.EntityType;
import org.evwatch.query.PaperFields;

/**
 * The timeline of a search. The matches per month come from the pass that counts the facets (one array look-up per
 * match, see {@link FacetCounts}); years and the recent months are read off them. The most frequent entities of the
 * charted types are read off the entity facet's counts; their matches per year are then counted over the matches
 * that pass kept, from the entity ordinals and months the facet arrays hold: the query does not run again.
 */
final class Timelines {

    /** The entity types the timeline follows: EV subtypes, diseases (the cancers) and EV markers. */
    static final List<String> CHARTED_TYPES = List.of(EntityType.EV_SUBTYPE.name(), EntityType.DISEASE.name(),
            EntityType.EV_MARKER.name());
    /** Entities followed per charted type. */
    static final int ENTITIES_PER_TYPE = 5;
    /** Months in the monthly series, the current one included. */
    static final int MONTHS = 24;

    private Timelines() {
    }

    /**
     * The timeline of the matches, from the counts of the facet pass (which counted months and kept the matches).
     *
     * @param now the current month: the monthly series ends with it
     */
    static SearchResult.Timeline of(IndexSearcher searcher, SegmentFacets.Cache cache, ReaderFacets values,
            FacetCounts.Result counts, YearMonth now) throws IOException {
        long[] months = counts.months() == null ? new long[0] : counts.months();
        int first = values.minMonth();
        List<SearchResult.Period> years = years(months, first);
        long dated = Arrays.stream(months).sum();
        List<SearchResult.EntityTrend> entities = years.isEmpty()
                ? List.of()
                : entities(searcher, cache, values, counts, Integer.parseInt(years.get(0).period()), years.size());
        return new SearchResult.Timeline(counts.total() - dated, years, recentMonths(months, first, now), entities);
    }

    /** Every year from the first to the last with a match, with its matches. */
    static List<SearchResult.Period> years(long[] months, int first) {
        int lo = 0;
        while (lo < months.length && months[lo] == 0) {
            lo++;
        }
        int hi = months.length - 1;
        while (hi >= lo && months[hi] == 0) {
            hi--;
        }
        if (lo > hi) {
            return List.of();
        }
        int firstYear = (first + lo) / 12;
        long[] perYear = new long[(first + hi) / 12 - firstYear + 1];
        for (int m = lo; m <= hi; m++) {
            perYear[(first + m) / 12 - firstYear] += months[m];
        }
        return yearPeriods(firstYear, perYear);
    }

    static List<SearchResult.Period> yearPeriods(int firstYear, long[] perYear) {
        List<SearchResult.Period> out = new ArrayList<>(perYear.length);
        for (int i = 0; i < perYear.length; i++) {
            int year = firstYear + i;
            out.add(new SearchResult.Period(Integer.toString(year), LocalDate.of(year, 1, 1),
                    LocalDate.of(year, 12, 31), perYear[i]));
        }
        return out;
    }

    /** The {@link #MONTHS} months up to {@code now}, with their matches. */
    static List<SearchResult.Period> recentMonths(long[] months, int first, YearMonth now) {
        List<SearchResult.Period> out = new ArrayList<>(MONTHS);
        for (YearMonth ym = now.minusMonths(MONTHS - 1L); !ym.isAfter(now); ym = ym.plusMonths(1)) {
            int i = ym.getYear() * 12 + ym.getMonthValue() - 1 - first;
            long count = i >= 0 && i < months.length ? months[i] : 0;
            out.add(new SearchResult.Period(ym.toString(), ym.atDay(1), ym.atEndOfMonth(), count));
        }
        return out;
    }

    /** The top entities of each charted type, with their matches per year from {@code firstYear} on. */
    private static List<SearchResult.EntityTrend> entities(IndexSearcher searcher, SegmentFacets.Cache cache,
            ReaderFacets values, FacetCounts.Result counts, int firstYear, int years) throws IOException {
        int f = values.fields().indexOf(PaperFields.FACET_ENTITY);
        List<ReaderFacets.Ranked> ranked = new ArrayList<>();
        int[] rowOfGroup = new int[values.groupCount(f)];
        Arrays.fill(rowOfGroup, -1);
        int rows = 0;
        for (String type : CHARTED_TYPES) {
            ReaderFacets.Ranked top = values.rank(f, counts.counts(), ENTITIES_PER_TYPE, type);
            ranked.add(top);
            for (int group : top.groups()) {
                rowOfGroup[group] = rows++;
            }
        }
        int[][] perYear = new int[rows][years];
        if (rows > 0) {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                FixedBitSet matched = counts.matched()[leaf.ord];
                if (matched != null) {
                    countYears(cache.of(leaf.reader()), values.toGlobal(leaf.ord), matched,
                            new EntityRows(f, values, rowOfGroup, firstYear), perYear);
                }
            }
        }
        List<SearchResult.EntityTrend> out = new ArrayList<>(rows);
        int row = 0;
        for (int t = 0; t < CHARTED_TYPES.size(); t++) {
            ReaderFacets.Ranked top = ranked.get(t);
            for (int i = 0; i < top.groups().length; i++, row++) {
                out.add(new SearchResult.EntityTrend(CHARTED_TYPES.get(t), top.key(i), top.label(i), top.count(i),
                        yearPeriods(firstYear, Arrays.stream(perYear[row]).asLongStream().toArray())));
            }
        }
        return out;
    }

    /** Where the chosen entities are counted: the entity field, each group's row (-1: none), the first year. */
    private record EntityRows(int field, ReaderFacets values, int[] rowOfGroup, int firstYear) {
    }

    /** Adds the matches of one segment to the row of each chosen entity they have, in the column of their year. */
    private static void countYears(SegmentFacets facets, int[] toGlobal, FixedBitSet matched, EntityRows e,
            int[][] perYear) {
        int base = facets.fieldStart(e.field());
        int[] rowOf = new int[facets.fieldStart(e.field() + 1) - base];
        for (int i = 0; i < rowOf.length; i++) {
            rowOf[i] = e.rowOfGroup()[e.values().groupOf(toGlobal[base + i])];
        }
        int years = perYear.length == 0 ? 0 : perYear[0].length;
        BitSetIterator docs = new BitSetIterator(matched, 0);
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
            int month = facets.month(doc);
            int column = month < 0 ? -1 : month / 12 - e.firstYear();
            if (column >= 0 && column < years) {
                facets.countRows(e.field(), doc, rowOf, column, perYear);
            }
        }
    }
}
