package org.evwatch.fetcher.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.PaperFetched;
import org.evwatch.events.PaperKeys;
import org.evwatch.fetcher.messaging.OutgoingRecord;
import org.evwatch.testing.KafkaAndPostgresResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Time to remember a batch of acknowledged records (the bookkeeping after every window and every import chunk),
 * new ones and the same ones again as updates, against the embedded PostgreSQL of the test runtime. A benchmark, not
 * a test: run with {@code -Devwatch.benchmark=true} (see docs/benchmarks.md).
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresResource.class)
@EnabledIfSystemProperty(named = "evwatch.benchmark", matches = "true")
class SentRecordsBenchmark {

    @Inject
    SentRecords sent;

    @Test
    void timeToMarkABatchSent() throws IOException {
        int count = Integer.getInteger("evwatch.benchmark.records", 5_000);
        int rounds = Integer.getInteger("evwatch.benchmark.rounds", 3);
        String payload = fixture();
        // warm-up, not reported: connections, JIT
        String warmUp = "w" + UUID.randomUUID() + "-";
        mark(batch(warmUp, count, payload, "a"));
        mark(batch(warmUp, count, payload, "b"));
        System.out.printf("%nSENT RECORDS BENCHMARK: batches of %d records of %d chars%n", count,
                payload.length());
        for (int round = 1; round <= rounds; round++) {
            String prefix = "b" + UUID.randomUUID() + "-";
            double fresh = mark(batch(prefix, count, payload, "a"));
            double again = mark(batch(prefix, count, payload, "b"));
            System.out.printf("  round %d: new %.3f s, updates %.3f s%n", round, fresh, again);
        }
    }

    private double mark(List<OutgoingRecord> records) {
        long start = System.nanoTime();
        sent.markAllSent(records);
        return (System.nanoTime() - start) / 1e9;
    }

    private static List<OutgoingRecord> batch(String prefix, int count, String payload, String version) {
        Instant now = Instant.now();
        List<OutgoingRecord> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String body = payload.replace("99100001", prefix + i + version);
            out.add(OutgoingRecord.of(new PaperFetched(PaperFetched.SCHEMA_VERSION, "bench", prefix + i,
                    ContentTypes.PUBMED_XML, body, PaperKeys.sha256(body), false, now, "stub://bench",
                    "ev-cancer")));
        }
        return out;
    }

    private static String fixture() throws IOException {
        try (InputStream in = SentRecordsBenchmark.class.getResourceAsStream("/inbox/two-articles.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
