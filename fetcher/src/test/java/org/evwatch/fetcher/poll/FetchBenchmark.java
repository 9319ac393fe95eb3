package org.evwatch.fetcher.poll;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;

import org.evwatch.events.ContentTypes;
import org.evwatch.fetcher.http.FetchException;
import org.evwatch.fetcher.source.DateWindow;
import org.evwatch.fetcher.source.FetchResult;
import org.evwatch.fetcher.source.RecordSink;
import org.evwatch.fetcher.source.Records;
import org.evwatch.fetcher.source.Source;
import org.evwatch.testing.SharedData;
import org.evwatch.fetcher.watch.Watch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Records per second from a source to Kafka-acknowledged: dedup lookup, send, broker acknowledgement, and the
 * sent-record bookkeeping, against the real broker and PostgreSQL of the test runtime. A benchmark, not a test:
 * run with {@code -Devwatch.benchmark=true} (see docs/benchmarks.md).
 */
@QuarkusTest
@TestProfile(StubbedSourcesProfile.class)
@EnabledIfSystemProperty(named = "evwatch.benchmark", matches = "true")
class FetchBenchmark {

    @Inject
    WindowRunner runner;

    /** A source that hands over {@code count} copies of a real PubMed article, each with an id of its own. */
    private record StubSource(String payload, int count, String prefix) implements Source {

        @Override
        public String name() {
            return "bench";
        }

        @Override
        public FetchResult fetch(Watch watch, DateWindow window, RecordSink sink) throws FetchException {
            Instant now = Instant.now();
            for (int i = 0; i < count; i++) {
                String body = payload.replace("<PMID Version=\"1\">", "<PMID Version=\"1\">" + prefix + i + "-");
                sink.accept(Records.fetched("bench", prefix + i, ContentTypes.PUBMED_XML, body, "stub://bench",
                        watch.id(), now));
            }
            return FetchResult.of(count, count);
        }
    }

    @Test
    void recordsPerSecondToKafkaAcknowledged() throws Exception {
        String efetch = SharedData.apiSampleText("pubmed-eutils/biopython_pubmed6.xml");
        String article = efetch.substring(efetch.indexOf("<PubmedArticle>"),
                efetch.indexOf("</PubmedArticle>") + "</PubmedArticle>".length());
        DateWindow day = DateWindow.day(LocalDate.now());
        int count = Integer.getInteger("evwatch.benchmark.records", 20_000);
        // One record alone first: the topic is created by it, before many batches are in flight at once.
        runner.run(new StubSource(article, 1, "f" + UUID.randomUUID() + "-"), Watch.evCancer(), day, () -> false);
        // warm-up: connections, JIT
        runner.run(new StubSource(article, 500, "w" + UUID.randomUUID() + "-"), Watch.evCancer(), day, () -> false);

        String prefix = "b" + UUID.randomUUID() + "-";
        long start = System.nanoTime();
        WindowRunner.Outcome first = runner.run(new StubSource(article, count, prefix), Watch.evCancer(), day,
                () -> false);
        double firstSeconds = (System.nanoTime() - start) / 1e9;

        start = System.nanoTime();
        WindowRunner.Outcome again = runner.run(new StubSource(article, count, prefix), Watch.evCancer(), day,
                () -> false);
        double againSeconds = (System.nanoTime() - start) / 1e9;

        System.out.printf("%nFETCH BENCHMARK: %d records of %d chars%n", count, article.length());
        System.out.printf("  new records, sent and acknowledged: %d in %.2f s = %.0f records/s%n", first.sent(),
                firstSeconds, first.sent() / firstSeconds);
        System.out.printf("  same records again, skipped by dedup: %d in %.2f s = %.0f records/s%n",
                again.skipped(), againSeconds, again.skipped() / againSeconds);
    }
}
