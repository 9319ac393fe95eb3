package org.evwatch.fetcher.poll;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import org.evwatch.events.PaperFetched;
import org.evwatch.fetcher.messaging.FetchedPublisher;
import org.evwatch.fetcher.messaging.OutgoingRecord;
import org.evwatch.fetcher.persistence.SentRecords;
import org.evwatch.fetcher.source.RecordSink;

/**
 * The sink of one window: drops records already sent with the same content, marks changed ones as updates, sends
 * the rest, and remembers them as sent only after Kafka acknowledged every one. Records are looked up in small
 * batches, one query per batch, because a lookup per record costs more than the send.
 */
final class WindowSender implements RecordSink {

    private static final int BATCH = 200;
    /** Sends not yet acknowledged at once: the emitter refuses records beyond what Kafka has asked for. */
    private static final int MAX_IN_FLIGHT = 100;

    private final SentRecords sent;
    private final FetchedPublisher publisher;
    private final BooleanSupplier cancelled;
    private final Set<String> inThisWindow = new HashSet<>();
    private final List<PaperFetched> batch = new ArrayList<>();
    private final Set<String> batchIds = new HashSet<>();
    /** Ids sent in this window and not yet remembered in the database. */
    private final Set<String> sentInWindow = new HashSet<>();
    private final List<OutgoingRecord> pending = new ArrayList<>();
    private final List<CompletableFuture<Void>> acks = new ArrayList<>();
    private final long ackTimeoutMillis;
    private int acknowledgedUpTo;
    private long skipped;

    WindowSender(SentRecords sent, FetchedPublisher publisher, BooleanSupplier cancelled, long ackTimeoutMillis) {
        this.sent = sent;
        this.publisher = publisher;
        this.cancelled = cancelled;
        this.ackTimeoutMillis = ackTimeoutMillis;
    }

    @Override
    public void accept(PaperFetched record) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("cancelled");
        }
        // A record can come twice in one window (a last page repeated); it is sent once.
        if (!inThisWindow.add(record.source() + '\n' + record.sourceRecordId() + '\n' + record.contentHash())) {
            skipped++;
            return;
        }
        // Two versions of one record in a batch: the first is decided and sent before the second is looked at.
        if (!batchIds.add(record.source() + '\n' + record.sourceRecordId())) {
            flush();
            batchIds.add(record.source() + '\n' + record.sourceRecordId());
        }
        batch.add(record);
        if (batch.size() >= BATCH) {
            flush();
        }
    }

    /** Sends what is still batched, waits until Kafka has every record, then remembers them. */
    long awaitAcknowledged(long timeoutMillis) throws InterruptedException, ExecutionException, TimeoutException {
        flush();
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(timeoutMillis, TimeUnit.MILLISECONDS);
        sent.markAllSent(pending);
        long count = pending.size();
        pending.clear();
        acks.clear();
        acknowledgedUpTo = 0;
        return count;
    }

    long skipped() {
        return skipped;
    }

    private void flush() {
        // A landing page travels with its feed item, so one batch may hold two sources.
        Map<String, Map<String, SentRecords.Decision>> decisions = sent.decideAll(batch);
        for (PaperFetched r : batch) {
            String key = r.source() + '\n' + r.sourceRecordId();
            SentRecords.Decision decision = sentInWindow.contains(key)
                    ? SentRecords.Decision.UPDATE
                    : decisions.get(r.source()).get(r.sourceRecordId());
            if (decision == SentRecords.Decision.SKIP) {
                skipped++;
                continue;
            }
            PaperFetched toSend = decision == SentRecords.Decision.UPDATE ? asUpdate(r) : r;
            OutgoingRecord outgoing = OutgoingRecord.of(toSend);
            pending.add(outgoing);
            sentInWindow.add(key);
            waitForRoom();
            acks.add(publisher.send(outgoing));
        }
        batch.clear();
        batchIds.clear();
    }

    private void waitForRoom() {
        while (acks.size() - acknowledgedUpTo >= MAX_IN_FLIGHT) {
            try {
                acks.get(acknowledgedUpTo).get(ackTimeoutMillis, TimeUnit.MILLISECONDS);
                acknowledgedUpTo++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Kafka", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("Kafka did not acknowledge a record: " + e, e);
            }
        }
    }

    private static PaperFetched asUpdate(PaperFetched r) {
        return new PaperFetched(r.schemaVersion(), r.source(), r.sourceRecordId(), r.contentType(), r.payload(),
                r.contentHash(), true, r.fetchedAt(), r.sourceUrl(), r.watchId());
    }
}
