package org.evwatch.indexer.search;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.evwatch.events.EntityType;
import org.evwatch.query.PaperFields;
import org.evwatch.query.PaperFilters;

/**
 * The timeline of a search. The matches per month come from the pass that counts the facets (one array look-up per
 * match, see {@link FacetCounts}); years and the recent months are read off them. The most frequent entities of the
 * charted types are read off the entity facet's counts; their matches per year take a second pass, over only the
 * matches that hold one of them, reading the entity ordinals the facets already keep in memory.
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
     * The timeline of the matches of {@code matching}, from the counts of the facet pass (which counted months).
     *
     * @param now the current month: the monthly series ends with it
     */
    static SearchResult.Timeline of(IndexSearcher searcher, Query matching, SegmentFacets.Cache cache,
            ReaderFacets values, FacetCounts.Result counts, YearMonth now) throws IOException {
        long[] months = counts.months() == null ? new long[0] : counts.months();
        int first = values.minMonth();
        List<SearchResult.Period> years = years(months, first);
        long dated = Arrays.stream(months).sum();
        List<SearchResult.EntityTrend> entities = years.isEmpty()
                ? List.of()
                : entities(searcher, matching, cache, values, counts.counts(), Integer.parseInt(years.get(0).period()),
                        years.size());
        return new SearchResult.Timeline(counts.total() - dated, years, recentMonths(months, first, now), entities);
    }

    /** Every year from the first to the last with a match, with its matches. */
    private static List<SearchResult.Period> years(long[] months, int first) {
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

    private static List<SearchResult.Period> yearPeriods(int firstYear, long[] perYear) {
        List<SearchResult.Period> out = new ArrayList<>(perYear.length);
        for (int i = 0; i < perYear.length; i++) {
            int year = firstYear + i;
            out.add(new SearchResult.Period(Integer.toString(year), LocalDate.of(year, 1, 1),
                    LocalDate.of(year, 12, 31), perYear[i]));
        }
        return out;
    }

    /** The {@link #MONTHS} months up to {@code now}, with their matches. */
    private static List<SearchResult.Period> recentMonths(long[] months, int first, YearMonth now) {
        List<SearchResult.Period> out = new ArrayList<>(MONTHS);
        for (YearMonth ym = now.minusMonths(MONTHS - 1L); !ym.isAfter(now); ym = ym.plusMonths(1)) {
            int i = ym.getYear() * 12 + ym.getMonthValue() - 1 - first;
            long count = i >= 0 && i < months.length ? months[i] : 0;
            out.add(new SearchResult.Period(ym.toString(), ym.atDay(1), ym.atEndOfMonth(), count));
        }
        return out;
    }

    /** The top entities of each charted type, with their matches per year from {@code firstYear} on. */
    private static List<SearchResult.EntityTrend> entities(IndexSearcher searcher, Query matching,
            SegmentFacets.Cache cache, ReaderFacets values, long[] counts, int firstYear, int years)
            throws IOException {
        int f = values.fields().indexOf(PaperFields.FACET_ENTITY);
        List<ReaderFacets.Ranked> ranked = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        int[] rowOfGroup = new int[values.groupCount(f)];
        Arrays.fill(rowOfGroup, -1);
        for (String type : CHARTED_TYPES) {
            ReaderFacets.Ranked top = values.rank(f, counts, ENTITIES_PER_TYPE, type);
            ranked.add(top);
            for (int i = 0; i < top.groups().length; i++) {
                rowOfGroup[top.groups()[i]] = ids.size();
                ids.add(top.key(i));
            }
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        Query withThem = new BooleanQuery.Builder().add(matching, Occur.MUST)
                .add(PaperFilters.anyOf(PaperFields.ENTITY, ids), Occur.FILTER).build();
        long[][] perYear = searcher.search(withThem,
                new EntityYears(cache, values, f, rowOfGroup, ids.size(), firstYear, years));
        List<SearchResult.EntityTrend> out = new ArrayList<>(ids.size());
        int row = 0;
        for (int t = 0; t < CHARTED_TYPES.size(); t++) {
            ReaderFacets.Ranked top = ranked.get(t);
            for (int i = 0; i < top.groups().length; i++, row++) {
                out.add(new SearchResult.EntityTrend(CHARTED_TYPES.get(t), top.key(i), top.label(i), top.count(i),
                        yearPeriods(firstYear, perYear[row])));
            }
        }
        return out;
    }

    /** Counts the matches per chosen entity (a row) and year (a column). */
    private static final class EntityYears implements CollectorManager<EntityYears.Counter, long[][]> {
        private final SegmentFacets.Cache cache;
        private final ReaderFacets values;
        private final int field;
        private final int[] rowOfGroup;
        private final int rows;
        private final int firstYear;
        private final int years;

        EntityYears(SegmentFacets.Cache cache, ReaderFacets values, int field, int[] rowOfGroup, int rows,
                int firstYear, int years) {
            this.cache = cache;
            this.values = values;
            this.field = field;
            this.rowOfGroup = rowOfGroup;
            this.rows = rows;
            this.firstYear = firstYear;
            this.years = years;
        }

        @Override
        public Counter newCollector() {
            return new Counter();
        }

        @Override
        public long[][] reduce(Collection<Counter> collectors) {
            long[][] out = new long[rows][years];
            for (Counter c : collectors) {
                for (int r = 0; r < rows; r++) {
                    for (int y = 0; y < years; y++) {
                        out[r][y] += c.counts[r][y];
                    }
                }
            }
            return out;
        }

        final class Counter implements Collector {
            private final int[][] counts = new int[rows][years];

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }

            @Override
            public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
                SegmentFacets facets = cache.of(context.reader());
                int[] toGlobal = values.toGlobal(context.ord);
                int base = facets.fieldStart(field);
                int[] rowOf = new int[facets.fieldStart(field + 1) - base];
                for (int i = 0; i < rowOf.length; i++) {
                    rowOf[i] = rowOfGroup[values.groupOf(toGlobal[base + i])];
                }
                return new LeafCollector() {
                    @Override
                    public void setScorer(Scorable scorer) {
                    }

                    @Override
                    public void collect(int doc) {
                        int month = facets.month(doc);
                        int column = month / 12 - firstYear;
                        if (month >= 0 && column >= 0 && column < years) {
                            facets.countRows(field, doc, rowOf, column, counts);
                        }
                    }
                };
            }
        }
    }
}
