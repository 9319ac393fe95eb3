package org.evwatch.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.evwatch.events.EntityType;
import org.evwatch.events.PaperIndexed;
import org.evwatch.events.Summary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The timeline of a search, the same from every engine, against a real index of papers with known dates and
 * entities: every count is checked against a count over the papers themselves. {@link TimelineTest} runs it against
 * the embedded Lucene index, {@link OpenSearchIndexIT} against an OpenSearch node.
 */
abstract class TimelineContract {

    private static final List<String> CHARTED = List.of("EV_SUBTYPE", "DISEASE", "EV_MARKER");

    protected SearchEngine index;
    /** Each paper's published day, null when it has none. */
    private final Map<String, LocalDate> published = new HashMap<>();

    @AfterEach
    void close() throws IOException {
        if (index != null) {
            index.close();
        }
    }

    /** A new, empty index. */
    protected abstract SearchEngine open() throws Exception;

    protected void load(List<PaperIndexed> papers) throws Exception {
        index = open();
        SearchEngineContract.fill(index, papers);
    }

    @Test
    void yearsMonthsAndEntityTrendsCountEveryMatchExactly() throws Exception {
        List<PaperIndexed> corpus = corpus(700, 11);
        load(corpus);
        for (String q : List.of("", "exosome", "cancer OR plasma", "vesicle -plasma")) {
            assertTimelineIsExact(SearchRequest.of(q).withTimeline(true), corpus);
        }
        SearchRequest markers = new SearchRequest("", null, List.of("EV_MARKER"), null, null, null, null, null, null,
                SearchRequest.SortOrder.DATE, 20, null, Set.of(), false, true);
        assertTimelineIsExact(markers, corpus);
    }

    @Test
    void aPeriodsBoundsFilterTheSearchToExactlyItsPapers() throws Exception {
        List<PaperIndexed> corpus = corpus(400, 3);
        load(corpus);
        SearchResult.Timeline timeline = index.search(SearchRequest.of("exosome").withTimeline(true)).timeline();
        List<SearchResult.Period> periods = new ArrayList<>(timeline.years());
        periods.addAll(timeline.months());
        Set<String> exosome = matching(SearchRequest.of("exosome"));
        for (SearchResult.Period p : periods) {
            SearchRequest within = new SearchRequest("exosome", null, null, p.from(), p.to(), null, null, null, null,
                    SearchRequest.SortOrder.DATE, 100, null, Set.of(), false, false);
            long inData = exosome.stream().map(published::get)
                    .filter(d -> d != null && !d.isBefore(p.from()) && !d.isAfter(p.to())).count();
            assertThat(index.search(within).total()).as(p.period()).isEqualTo(inData).isEqualTo(p.count());
        }
        assertThat(periods).anySatisfy(p -> assertThat(p.count()).isPositive());
    }

    @Test
    void theTimelineIsOnlyComputedWhenAskedAndNeedsNoFacets() throws Exception {
        load(corpus(60, 8));
        assertThat(index.search(SearchRequest.of("")).timeline()).isNull();
        SearchResult bare = index.search(SearchRequest.of("").withFacets(Set.of()).withTimeline(true));
        assertThat(bare.facets()).isEmpty();
        assertThat(bare.timeline().entities()).isNotEmpty();
        assertThat(bare.timeline().months()).hasSize(24);
    }

    private Set<String> matching(SearchRequest request) throws Exception {
        Set<String> ids = new HashSet<>();
        SearchRequest r = request.withSize(100).withFacets(Set.of()).withTimeline(false);
        for (SearchResult page = index.search(r);; page = index.search(r.withCursor(page.nextCursor()))) {
            page.hits().forEach(h -> ids.add(h.id()));
            if (page.nextCursor() == null) {
                return ids;
            }
        }
    }

    protected void assertTimelineIsExact(SearchRequest request, List<PaperIndexed> corpus) throws Exception {
        Set<String> ids = matching(request);
        List<PaperIndexed> matches = corpus.stream().filter(p -> ids.contains(p.paperId())).toList();
        SearchResult result = index.search(request);
        assertThat(result.total()).isEqualTo(matches.size());
        SearchResult.Timeline timeline = result.timeline();
        String what = request.q() + " " + request.entityTypes();
        assertThat(timeline.undated()).as(what)
                .isEqualTo(matches.stream().filter(p -> published.get(p.paperId()) == null).count());
        List<SearchResult.Period> years = expectedYears(matches, p -> true);
        assertThat(timeline.years()).as(what).isEqualTo(years);
        assertThat(timeline.months()).as(what).isEqualTo(expectedMonths(matches));
        assertThat(timeline.entities()).as(what).isEqualTo(expectedTrends(matches, years));
    }

    private List<SearchResult.Period> expectedYears(List<PaperIndexed> matches,
            java.util.function.Predicate<PaperIndexed> with) {
        TreeMap<Integer, Long> all = new TreeMap<>();
        matches.stream().map(p -> published.get(p.paperId())).filter(d -> d != null)
                .forEach(d -> all.merge(d.getYear(), 1L, Long::sum));
        if (all.isEmpty()) {
            return List.of();
        }
        List<SearchResult.Period> out = new ArrayList<>();
        for (int y = all.firstKey(); y <= all.lastKey(); y++) {
            int year = y;
            long n = matches.stream().filter(with).map(p -> published.get(p.paperId()))
                    .filter(d -> d != null && d.getYear() == year).count();
            out.add(new SearchResult.Period(Integer.toString(y), LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), n));
        }
        return out;
    }

    private List<SearchResult.Period> expectedMonths(List<PaperIndexed> matches) {
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        List<SearchResult.Period> out = new ArrayList<>();
        for (int back = 23; back >= 0; back--) {
            YearMonth m = now.minusMonths(back);
            long n = matches.stream().map(p -> published.get(p.paperId()))
                    .filter(d -> d != null && YearMonth.from(d).equals(m)).count();
            out.add(new SearchResult.Period(m.toString(), m.atDay(1), m.atEndOfMonth(), n));
        }
        return out;
    }

    /** Per charted type, the 5 entities most matches have (ties: by id), with their years. */
    private List<SearchResult.EntityTrend> expectedTrends(List<PaperIndexed> matches,
            List<SearchResult.Period> years) {
        List<SearchResult.EntityTrend> out = new ArrayList<>();
        for (String type : CHARTED) {
            Map<String, Long> counts = new HashMap<>();
            Map<String, String> names = new HashMap<>();
            for (PaperIndexed p : matches) {
                p.entities().stream().filter(e -> e.type().name().equals(type)).forEach(e -> {
                    counts.merge(e.id(), 1L, Long::sum);
                    names.put(e.id(), e.name());
                });
            }
            counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())))
                    .limit(5)
                    .forEach(e -> out.add(new SearchResult.EntityTrend(type, e.getKey(), names.get(e.getKey()),
                            e.getValue(), years.isEmpty()
                                    ? List.of()
                                    : expectedYears(matches, p -> p.entities()
                                            .stream().anyMatch(x -> x.id().equals(e.getKey()))))));
        }
        return years.isEmpty() ? List.of() : out;
    }

    /**
     * Papers dated over the last 15 years, a third of them in the last 30 months, a few undated and a few dated in
     * the coming weeks; with EV subtypes, markers, 90 diseases of very unequal frequency, and miRNAs (not charted).
     */
    protected List<PaperIndexed> corpus(int n, long seed) {
        Random random = new Random(seed);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<PaperIndexed.EntityCount> subtypes = List.of("exosome", "microvesicle", "apoptotic body",
                "large oncosome", "ectosome", "migrasome", "exomere").stream()
                .map(s -> Corpus.entity(EntityType.EV_SUBTYPE, "EV:subtype/" + s.replace(' ', '-'), s)).toList();
        List<PaperIndexed.EntityCount> markers = List.of("CD63", "CD9", "CD81", "TSG101", "PDCD6IP", "FLOT1",
                "CANX").stream().map(s -> Corpus.entity(EntityType.EV_MARKER, "EV:marker/" + s, s)).toList();
        List<PaperIndexed.EntityCount> mirnas = List.of(Corpus.MIR21,
                Corpus.entity(EntityType.MIRNA, "MIMAT0000062", "hsa-let-7a-5p"));
        List<String> words = List.of("exosome", "vesicle", "cancer", "plasma", "marker", "tumour");
        List<PaperIndexed> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = String.format("t%05d", i);
            LocalDate date = date(random, today);
            published.put(id, date);
            List<PaperIndexed.EntityCount> entities = new ArrayList<>();
            pick(random, subtypes, 0.5, entities);
            pick(random, markers, 0.4, entities);
            pick(random, mirnas, 0.3, entities);
            for (int k = random.nextInt(3); k > 0; k--) {
                int d = (int) Math.floor(90 * Math.pow(random.nextDouble(), 2.5)); // low ids far more often
                PaperIndexed.EntityCount disease = Corpus.entity(EntityType.DISEASE,
                        String.format("MESH:D9%05d", d), "Disease " + d);
                if (!entities.contains(disease)) {
                    entities.add(disease);
                }
            }
            String title = words.get(random.nextInt(words.size())) + " " + words.get(random.nextInt(words.size()));
            out.add(Corpus.dated(id, title, words.get(random.nextInt(words.size())),
                    date == null ? null : date.toString(), "Journal " + random.nextInt(4), "pubmed",
                    Summary.Relevance.Label.RELEVANT, entities, "Journal Article"));
        }
        return out;
    }

    private static LocalDate date(Random random, LocalDate today) {
        int kind = random.nextInt(30);
        if (kind < 3) {
            return null;
        }
        if (kind == 3) {
            return today.plusDays(1 + random.nextInt(50));
        }
        if (kind < 14) {
            return today.minusDays(random.nextInt(913));
        }
        return today.minusYears(15).plusDays(random.nextInt(15 * 365 - 913));
    }

    /** Each entity with a probability falling from {@code first} for the first to a quarter of it for the last. */
    private static void pick(Random random, List<PaperIndexed.EntityCount> from, double first,
            List<PaperIndexed.EntityCount> into) {
        for (int i = 0; i < from.size(); i++) {
            if (random.nextDouble() < first * (1 - 0.75 * i / from.size())) {
                into.add(from.get(i));
            }
        }
    }
}
