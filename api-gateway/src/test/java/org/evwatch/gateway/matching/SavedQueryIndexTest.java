package org.evwatch.gateway.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.apache.lucene.search.Query;
import org.evwatch.events.PaperIndexed;
import org.evwatch.gateway.matching.RequiredTerms.Requirement;
import org.evwatch.gateway.testsupport.Fixtures;
import org.evwatch.query.QuerySyntaxException;
import org.junit.jupiter.api.Test;

/** The presearcher must match exactly what running every query on every paper matches. */
class SavedQueryIndexTest {

    private final Percolator bruteForce = new Percolator();

    /** The papers on which the presearcher and brute force disagree, with both answers. */
    private List<String> differences(SavedQueryIndex<Percolator.Compiled> index, List<Percolator.Compiled> queries,
            List<PaperIndexed> papers) {
        return differencesFrom(index, papers, papers.stream()
                .map(p -> (Set<String>) new HashSet<>(bruteForce.match(p, queries))).toList());
    }

    private static List<String> differencesFrom(SavedQueryIndex<Percolator.Compiled> index, List<PaperIndexed> papers,
            List<Set<String>> bruteForceAnswers) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < papers.size(); i++) {
            PaperIndexed paper = papers.get(i);
            Set<String> expected = bruteForceAnswers.get(i);
            List<String> actual = ids(index.match(paper));
            if (!new HashSet<>(actual).equals(expected) || actual.size() != expected.size()) {
                Set<String> missed = new HashSet<>(expected);
                actual.forEach(missed::remove);
                Set<String> extra = new HashSet<>(actual);
                extra.removeAll(expected);
                out.add(paper.paperId() + " missed " + missed + " extra " + extra);
            }
        }
        return out;
    }

    private static List<String> ids(List<Percolator.Compiled> matched) {
        List<String> ids = new ArrayList<>();
        matched.forEach(q -> ids.add(q.id()));
        return ids;
    }

    private static List<Percolator.Compiled> randomQueries(RandomSavedQueries random, int count) {
        List<Percolator.Compiled> queries = new ArrayList<>();
        for (int i = 0; queries.size() < count; i++) {
            try {
                queries.add(Percolator.Compiled.of("q" + i, random.query(), random.filters()));
            } catch (QuerySyntaxException e) {
                // The syntax refuses some random texts (a wildcard too short, an operator without a term).
            }
        }
        return queries;
    }

    private static List<PaperIndexed> randomPapers(RandomSavedQueries random, int count) {
        List<PaperIndexed> papers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            papers.add(random.paper(i));
        }
        papers.add(Fixtures.indexed("exosome-pdac"));
        return papers;
    }

    private static SavedQueryIndex<Percolator.Compiled> indexOf(List<Percolator.Compiled> queries) {
        SavedQueryIndex<Percolator.Compiled> index = SavedQueryIndex.ofQueries();
        queries.forEach(index::put);
        return index;
    }

    @Test
    void matchesWhatBruteForceMatchesForRandomQueriesOfEveryShape() {
        RandomSavedQueries random = new RandomSavedQueries(20261207);
        List<Percolator.Compiled> queries = randomQueries(random, 3000);
        List<PaperIndexed> papers = randomPapers(random, 200);
        List<Set<String>> expected = papers.stream()
                .map(p -> (Set<String>) new HashSet<>(bruteForce.match(p, queries))).toList();

        assertThat(differencesFrom(indexOf(queries), papers, expected)).isEmpty();

        // The comparison means something only if queries match some papers and not others.
        long pairs = expected.stream().mapToLong(Set::size).sum();
        assertThat(pairs).isBetween((long) papers.size() * queries.size() / 50,
                (long) papers.size() * queries.size() / 2);
    }

    @Test
    void matchesWhatBruteForceMatchesOnTheBenchmarkWorkloads() throws Exception {
        PaperIndexed base = Fixtures.indexed("exosome-pdac");
        for (PercolatorWorkload workload : List.of(PercolatorWorkload.benchmark(), PercolatorWorkload.wide())) {
            Random random = new Random(42);
            List<Percolator.Compiled> queries = workload.queries(random, 2000);
            List<PaperIndexed> papers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                papers.add(workload.paper(base, random, i));
            }
            assertThat(differences(indexOf(queries), queries, papers)).isEmpty();
        }
    }

    @Test
    void theComparisonCatchesAPresearcherThatDropsABranchOfADisjunction() {
        // A wrong extraction: a disjunction keeps only its first branch's terms, so papers matching another
        // branch are never checked against the query.
        RandomSavedQueries random = new RandomSavedQueries(7);
        List<Percolator.Compiled> queries = randomQueries(random, 1000);
        List<PaperIndexed> papers = randomPapers(random, 60);
        List<Set<String>> expected = papers.stream()
                .map(p -> (Set<String>) new HashSet<>(bruteForce.match(p, queries))).toList();
        SavedQueryIndex<Percolator.Compiled> wrong = new SavedQueryIndex<>(Function.identity(),
                SavedQueryIndexTest::firstKeyOnly);
        queries.forEach(wrong::put);

        assertThat(differencesFrom(wrong, papers, expected)).isNotEmpty();
        assertThat(differencesFrom(indexOf(queries), papers, expected)).isEmpty();
    }

    private static Requirement firstKeyOnly(Query query) {
        Requirement right = RequiredTerms.of(query);
        return right.keys().isEmpty()
                ? right
                : new Requirement(Set.of(right.keys().iterator().next()), false);
    }

    @Test
    void queriesAreAddedReplacedAndRemovedOneAtATime() throws Exception {
        PaperIndexed paper = Fixtures.indexed("exosome-pdac");
        SavedQueryIndex<Percolator.Compiled> index = SavedQueryIndex.ofQueries();
        index.put(Percolator.Compiled.of("a", "exosome", SearchFilters.NONE));
        index.put(Percolator.Compiled.of("b", "exosome", SearchFilters.NONE));
        index.put(Percolator.Compiled.of("c", "glioma OR gpc1", SearchFilters.NONE));
        index.put(Percolator.Compiled.of("d", "-glioma", SearchFilters.NONE));
        index.put(Percolator.Compiled.of("e", "pancrea* AND year:[2015 TO 2015]", SearchFilters.NONE));
        assertThat(ids(index.match(paper))).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
        assertThat(index.distinctQueries()).as("a and b share one query").isEqualTo(4);

        index.put(Percolator.Compiled.of("b", "glioma", SearchFilters.NONE));
        assertThat(index.remove("d")).isTrue();
        assertThat(index.remove("d")).isFalse();
        assertThat(ids(index.match(paper))).containsExactlyInAnyOrder("a", "c", "e");

        index.sync(List.of(Percolator.Compiled.of("c", "glioma OR gpc1", SearchFilters.NONE),
                Percolator.Compiled.of("f", "\"early pancreatic cancer\"", SearchFilters.NONE)));
        assertThat(ids(index.match(paper))).containsExactlyInAnyOrder("c", "f");
        assertThat(index.size()).isEqualTo(2);

        index.sync(List.of());
        assertThat(ids(index.match(paper))).isEmpty();
        assertThat(index.distinctQueries()).isZero();
        assertThat(index.distinctTerms()).as("no term or shared check outlives the queries that hold it").isZero();
    }

    @Test
    void aPaperIsAnalysedOnlyInTheFieldsSavedQueriesRead() throws Exception {
        PaperIndexed paper = Fixtures.indexed("exosome-pdac");
        SavedQueryIndex<Percolator.Compiled> index = SavedQueryIndex.ofQueries();
        index.put(Percolator.Compiled.of("everything", "", SearchFilters.NONE));
        PaperTerms none = PaperTerms.of(paper, index::reads);
        assertThat(none.fields()).as("match-all reads no field").isEmpty();
        assertThat(ids(index.match(none))).containsExactly("everything");

        index.put(Percolator.Compiled.of("title", "title:pancreatic", SearchFilters.NONE));
        PaperTerms titleOnly = PaperTerms.of(paper, index::reads);
        assertThat(titleOnly.fields().keySet()).containsExactly("title");
        assertThat(ids(index.match(titleOnly))).containsExactlyInAnyOrder("everything", "title");

        // Queries on fields the terms left out, saved after they were read: the paper is read again in full.
        index.put(Percolator.Compiled.of("not-glioma", "-glioma", SearchFilters.NONE));
        index.put(Percolator.Compiled.of("not-exosome", "-exosome", SearchFilters.NONE));
        List<String> expected = bruteForce.match(paper, List.of(Percolator.Compiled.of("everything", "",
                SearchFilters.NONE), Percolator.Compiled.of("title", "title:pancreatic", SearchFilters.NONE),
                Percolator.Compiled.of("not-glioma", "-glioma", SearchFilters.NONE),
                Percolator.Compiled.of("not-exosome", "-exosome", SearchFilters.NONE)));
        assertThat(expected).containsExactlyInAnyOrder("everything", "title", "not-glioma");
        assertThat(ids(index.match(none))).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(ids(index.match(titleOnly))).containsExactlyInAnyOrderElementsOf(expected);

        index.sync(List.of(Percolator.Compiled.of("everything", "", SearchFilters.NONE)));
        assertThat(index.reads("title")).as("no query reads the title any more").isFalse();
    }

    @Test
    void aQueryOfAnUnknownKindReadsEveryField() {
        Query unknown = new Query() {
            @Override
            public String toString(String field) {
                return "unknown";
            }

            @Override
            public void visit(org.apache.lucene.search.QueryVisitor visitor) {
                visitor.visitLeaf(this);
            }

            @Override
            public boolean equals(Object other) {
                return other == this;
            }

            @Override
            public int hashCode() {
                return 1;
            }
        };
        assertThat(QueryFields.of(unknown)).isNull();
        SavedQueryIndex<Percolator.Compiled> index = SavedQueryIndex.ofQueries();
        index.put(new Percolator.Compiled("unknown", unknown));
        assertThat(index.reads("abstract")).isTrue();
        assertThat(index.reads("title")).isTrue();
    }

    @Test
    void aListOfMatchesStaysAsItWasWhenQueriesChangeAfterwards() throws Exception {
        PaperIndexed paper = Fixtures.indexed("exosome-pdac");
        SavedQueryIndex<Percolator.Compiled> index = SavedQueryIndex.ofQueries();
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            // Three distinct queries, twenty ids each, all matching the paper.
            String text = List.of("exosome", "pancreatic cancer", "exosome AND year:[2015 TO 2015]").get(i % 3);
            index.put(Percolator.Compiled.of("id-" + i, text, SearchFilters.NONE));
            all.add("id-" + i);
        }
        List<Percolator.Compiled> before = index.match(paper);
        assertThat(ids(before)).containsExactlyInAnyOrderElementsOf(all);
        Percolator.Compiled first = before.stream().filter(q -> q.id().equals("id-1")).findFirst().orElseThrow();

        for (int i = 0; i < 60; i += 2) {
            index.remove("id-" + i);
        }
        index.put(Percolator.Compiled.of("late", "exosome", SearchFilters.NONE));
        // The same query under the same id, as another object: it takes the old one's place.
        Percolator.Compiled again = Percolator.Compiled.of("id-1", "pancreatic cancer", SearchFilters.NONE);
        index.put(again);
        List<Percolator.Compiled> after = index.match(paper);

        assertThat(ids(before)).as("read by index").containsExactlyInAnyOrderElementsOf(all);
        List<Percolator.Compiled> byForEach = new ArrayList<>();
        before.forEach(byForEach::add);
        assertThat(ids(byForEach)).as("read by forEach").containsExactlyInAnyOrderElementsOf(all);
        for (int i = 0; i < before.size(); i++) {
            assertThat(before.get(i)).isSameAs(byForEach.get(i));
        }
        // Compiled queries are equal by value: the objects are told apart by identity.
        assertThat(before).anyMatch(q -> q == first).noneMatch(q -> q == again);
        assertThat(ids(after)).hasSize(31).contains("late", "id-1").doesNotContain("id-0");
        assertThat(after).anyMatch(q -> q == again).noneMatch(q -> q == first);
    }

    @Test
    void churnKeepsTheIndexEqualToBruteForceOverWhatIsLeft() {
        RandomSavedQueries random = new RandomSavedQueries(99);
        List<Percolator.Compiled> all = randomQueries(random, 1500);
        List<PaperIndexed> papers = randomPapers(random, 40);
        SavedQueryIndex<Percolator.Compiled> index = indexOf(all);
        Random pick = new Random(5);
        List<Percolator.Compiled> kept = new ArrayList<>(all);
        for (int round = 0; round < 1000; round++) {
            Percolator.Compiled q = kept.remove(pick.nextInt(kept.size()));
            index.remove(q.id());
            if (pick.nextBoolean()) {
                // Back under the same id with another saved query's text: a subscription edited.
                Percolator.Compiled edited = new Percolator.Compiled(q.id(), all.get(pick.nextInt(all.size())).query());
                index.put(edited);
                kept.add(edited);
            }
        }
        assertThat(index.size()).isEqualTo(kept.size());
        assertThat(differences(index, kept, papers)).isEmpty();
    }

    @Test
    void matchingRunsWhileQueriesComeAndGo() throws Exception {
        PaperIndexed paper = Fixtures.indexed("exosome-pdac");
        SavedQueryIndex<Percolator.Compiled> index = SavedQueryIndex.ofQueries();
        List<String> stable = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            index.put(Percolator.Compiled.of("stable-" + i, i % 2 == 0 ? "exosome" : "pancreatic cancer",
                    SearchFilters.NONE));
            stable.add("stable-" + i);
        }
        List<Percolator.Compiled> churn = randomQueries(new RandomSavedQueries(3), 500);
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> matcher = threads.submit(() -> {
                int rounds = 0;
                while (!done.get() || rounds < 50) {
                    List<String> matched = ids(index.match(paper));
                    assertThat(matched).containsAll(stable).doesNotHaveDuplicates();
                    rounds++;
                }
                return rounds;
            });
            Future<?> writer = threads.submit(() -> {
                for (int round = 0; round < 20; round++) {
                    churn.forEach(index::put);
                    churn.forEach(q -> index.remove(q.id()));
                }
                done.set(true);
            });
            writer.get(60, TimeUnit.SECONDS);
            assertThat(matcher.get(60, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(50);
        } finally {
            threads.shutdownNow();
        }
        assertThat(index.size()).isEqualTo(200);
        assertThat(new HashSet<>(ids(index.match(paper)))).isEqualTo(new HashSet<>(stable));
    }
}
