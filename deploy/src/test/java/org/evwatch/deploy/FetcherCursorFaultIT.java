package org.evwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.evwatch.deploy.PubmedUpstream.Paper;
import org.evwatch.deploy.PubmedUpstream.Request;
import org.evwatch.deploy.PubmedUpstream.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The fetcher's PubMed cursor never moves past a window it did not finish, with the real processes: the local
 * runtime's fetcher polls a stand-in for NCBI E-utilities ({@link PubmedUpstream}) serving generated papers entered
 * over the last 30 days, in 3-day windows of 50-record efetch batches. Three times the stand-in holds an efetch in the
 * middle of a window (after one to three batches of it were served), and the fetcher is killed with SIGKILL while it
 * waits for that answer, then started again.
 *
 * <p>
 * What is checked:
 * <ol>
 * <li><b>The cursor is behind Kafka.</b> Every ~200 ms the test reads the cursor ({@code fetcher.source_cursor}) and
 * then, after it, the end offset of each partition of papers.fetched. At the end it reads papers.fetched from the
 * beginning and notes where each PMID first appears. The fetcher writes a cursor D only after Kafka acknowledged every
 * record of the windows up to D, and an acknowledged record (acks=all) lies below the partition's end offset from then
 * on; the end offsets are read after the cursor, so for every sample each paper entered on or before D must first
 * appear below that sample's end offset of its partition. A cursor written ahead of a record shows as that record at
 * or above the end offset, or missing.</li>
 * <li><b>A window in flight at a kill is fetched again.</b> At each kill the cursor is still before the held window's
 * last day, and after the restart the stand-in is asked for that window again and serves every paper of it again.</li>
 * <li><b>Nothing is lost or doubled.</b> Every paper is in the catalog exactly once and no dead-letter topic received
 * a record.</li>
 * <li><b>The cursor ends on the last settled day</b> (today minus the settle days): the two newest days are fetched
 * on every poll but never move it.</li>
 * </ol>
 *
 * <p>
 * {@code -Devwatch.cursor.papers=N} sets how many papers the stand-in serves (default 1,500), {@code
 * -Devwatch.cursor.kills=K} how many windows are interrupted (default 3, at most 4).
 */
class FetcherCursorFaultIT {

    static final int PAPERS = Integer.getInteger("evwatch.cursor.papers", 1500);
    static final int KILLS = Math.min(4, Integer.getInteger("evwatch.cursor.kills", 3));
    static final long FIRST_PMID = 93_000_000L;
    static final int DAYS = 30;
    static final int LOOKBACK_DAYS = 30;
    static final int WINDOW_DAYS = 3;
    static final int SETTLE_DAYS = 2;
    static final int BATCH = 50;
    static final String SOURCE = "pubmed";
    static final String WATCH = "ev-cancer";

    /** One kill: the request held when it happened, the cursor then, and where the stand-in's log stood. */
    record Kill(Request held, Optional<LocalDate> cursor, long seqAfter) {

        @Override
        public String toString() {
            return held.kind() + " of " + held.window() + " from " + held.retstart() + " (cursor "
                    + cursor.map(LocalDate::toString).orElse("none") + ")";
        }
    }

    static LocalStack stack;
    static PubmedUpstream upstream;
    static CursorSampler sampler;

    @AfterAll
    static void stop() throws InterruptedException {
        if (sampler != null) {
            sampler.close();
        }
        if (stack != null) {
            stack.close();
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    @Test
    void cursorNeverPassesAWindowTheFetcherDidNotFinish() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        upstream = new PubmedUpstream(PubmedUpstream.spread(23, FIRST_PMID, PAPERS, today.minusDays(DAYS - 1), DAYS),
                Duration.ofMillis(150), 23).start();
        List<PubmedUpstream.Hold> holds = holdMidWindows(today.minusDays(LOOKBACK_DAYS));
        stack = new LocalStack(Folders.ephemeralRuntime("fetcher-cursor-runtime"));
        upstream.feed(stack, BATCH, WINDOW_DAYS, LOOKBACK_DAYS, SETTLE_DAYS);
        stack.start();
        sampler = new CursorSampler(stack, SOURCE, WATCH, Duration.ofMillis(200)).start();

        List<Kill> kills = new ArrayList<>();
        for (PubmedUpstream.Hold hold : holds) {
            kills.add(killWhileHeld(hold));
        }
        LocalDate settled = awaitSettled();
        sampler.close();
        System.out.printf("%d papers, kills %s, %d cursor samples (%d not taken: %s), %d requests served%n",
                PAPERS, kills, sampler.samples().size(), sampler.errors().size(),
                sampler.errors().stream().distinct().limit(3).toList(), upstream.nextSeq());

        assertCursorBehindKafka(sampler.samples(), FetchedRecords.firstPositions(stack));
        kills.forEach(FetcherCursorFaultIT::assertFetchedAgain);
        Set<Long> expected = upstream.papers().stream().map(Paper::pmid).collect(Collectors.toSet());
        assertThat(GatewayProbe.pmids(stack, FIRST_PMID, FIRST_PMID + PAPERS)).as("the served papers, each once")
                .isEqualTo(expected);
        assertThat(GatewayProbe.papers(stack)).as("papers in the catalog").isEqualTo(PAPERS);
        assertThat(stack.deadLetters()).as("records on the dead-letter topics").isEmpty();
        assertThat(CursorSampler.read(stack, SOURCE, WATCH)).as("the final cursor").contains(settled);
    }

    /**
     * Holds in the 2nd, 4th, 6th (and 8th) windows of the first poll (all settled): an efetch after one, two or three
     * batches of the window were served, or its search when it has no papers.
     */
    private static List<PubmedUpstream.Hold> holdMidWindows(LocalDate firstDay) {
        List<PubmedUpstream.Hold> holds = new ArrayList<>();
        for (int i = 0; i < KILLS; i++) {
            LocalDate from = firstDay.plusDays((long) WINDOW_DAYS * (1 + 2 * i));
            Window window = new Window(from, from.plusDays(WINDOW_DAYS - 1));
            int papers = upstream.papersIn(window).size();
            long retstart = (long) BATCH * Math.min(1 + i % 3, Math.max(0, (papers - 1) / BATCH));
            String kind = papers == 0 ? "esearch" : "efetch";
            holds.add(upstream.holdAt(r -> r.kind().equals(kind) && r.window().equals(window)
                    && r.retstart() == retstart));
        }
        return holds;
    }

    /** Kills the fetcher while the stand-in holds its request, notes the cursor, and starts the fetcher again. */
    private static Kill killWhileHeld(PubmedUpstream.Hold hold) throws Exception {
        Request held = hold.caught().get(4, TimeUnit.MINUTES);
        stack.kill("fetcher");
        long seqAfter = upstream.nextSeq();
        hold.release();
        Optional<LocalDate> cursor = CursorSampler.read(stack, SOURCE, WATCH);
        stack.restart("fetcher");
        return new Kill(held, cursor, seqAfter);
    }

    /**
     * Waits until the cursor is on the last settled day and the catalog holds every paper, or 5 minutes; that day.
     * What went wrong, if anything, is for the assertions to say.
     */
    private static LocalDate awaitSettled() {
        LocalDate[] settled = new LocalDate[1];
        try {
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> {
                settled[0] = LocalDate.now(ZoneOffset.UTC).minusDays(SETTLE_DAYS);
                return CursorSampler.read(stack, SOURCE, WATCH).filter(settled[0]::equals).isPresent()
                        && GatewayProbe.papers(stack) >= PAPERS;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            System.out.println("the cursor did not reach " + settled[0] + " with every paper in the catalog");
        }
        return settled[0];
    }

    private static void assertCursorBehindKafka(List<CursorSampler.Sample> samples,
            Map<String, FetchedRecords.Position> first) {
        List<String> violations = new ArrayList<>();
        Set<LocalDate> cursors = new HashSet<>();
        for (CursorSampler.Sample s : new HashSet<>(samples.stream()
                .map(x -> new CursorSampler.Sample(0, x.cursor(), x.ends())).toList())) {
            if (s.cursor() == null) {
                continue;
            }
            cursors.add(s.cursor());
            for (Paper p : upstream.papers()) {
                FetchedRecords.Position at = first.get(String.valueOf(p.pmid()));
                if (!p.day().isAfter(s.cursor()) && (at == null || at.offset() >= s.ends().get(at.partition()))) {
                    violations.add("cursor " + s.cursor() + " with end offsets " + s.ends() + " but " + p
                            + " first at " + at);
                }
            }
        }
        assertThat(violations.size()).as("papers not yet on papers.fetched when the cursor had passed their day, "
                + "e.g. %s", violations.stream().limit(5).toList()).isZero();
        assertThat(samples).as("cursor samples").hasSizeGreaterThan(100);
        assertThat(cursors).as("cursor values seen while sampling").hasSizeGreaterThanOrEqualTo(5);
    }

    /** The held window was not finished when the fetcher died, and after the restart it was fetched again whole. */
    private static void assertFetchedAgain(Kill kill) {
        Window window = kill.held().window();
        assertThat(kill.cursor().filter(cursor -> !cursor.isBefore(window.to())))
                .as("the cursor when the fetcher died in %s", window).isEmpty();
        List<Request> after = upstream.requests().stream().filter(r -> r.seq() >= kill.seqAfter()).toList();
        assertThat(after).as("requests after the restart").anyMatch(r -> r.kind().equals("esearch")
                && r.window().covers(window));
        Set<Long> again = after.stream().filter(r -> r.kind().equals("efetch") && r.window().covers(window))
                .flatMap(r -> r.pmids().stream()).collect(Collectors.toSet());
        assertThat(again).as("papers of %s served after the restart", window)
                .containsAll(upstream.papersIn(window).stream().map(Paper::pmid).toList());
    }
}
