package org.evwatch.fetcher.poll;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import org.evwatch.events.PaperFetched;
import org.evwatch.fetcher.messaging.FetchedPublisher;
import org.evwatch.fetcher.persistence.SentRecords;
import org.evwatch.fetcher.source.RecordSink;

/**
 * The sink of one window: drops records already sent with the same content, marks changed ones as updates, sends
 * the rest at once, and remembers them as sent only after Kafka acknowledged every one.
 */
final class WindowSender implements RecordSink {

    private final SentRecords sent;
    private final FetchedPublisher publisher;
    private final BooleanSupplier cancelled;
    private final Set<String> inThisWindow = new HashSet<>();
    private final List<PaperFetched> pending = new ArrayList<>();
    private final List<CompletableFuture<Void>> acks = new ArrayList<>();
    private long skipped;

    WindowSender(SentRecords sent, FetchedPublisher publisher, BooleanSupplier cancelled) {
        this.sent = sent;
        this.publisher = publisher;
        this.cancelled = cancelled;
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
        SentRecords.Decision decision = sent.decide(record.source(), record.sourceRecordId(), record.contentHash());
        if (decision == SentRecords.Decision.SKIP) {
            skipped++;
            return;
        }
        PaperFetched toSend = decision == SentRecords.Decision.UPDATE ? asUpdate(record) : record;
        pending.add(toSend);
        acks.add(publisher.send(toSend));
    }

    /** Waits until Kafka has every record sent, then remembers them; throws when one was refused or is late. */
    long awaitAcknowledged(long timeoutMillis) throws InterruptedException, ExecutionException, TimeoutException {
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(timeoutMillis, TimeUnit.MILLISECONDS);
        for (PaperFetched r : pending) {
            sent.markSent(r.source(), r.sourceRecordId(), r.contentHash());
        }
        return pending.size();
    }

    long skipped() {
        return skipped;
    }

    private static PaperFetched asUpdate(PaperFetched r) {
        return new PaperFetched(r.schemaVersion(), r.source(), r.sourceRecordId(), r.contentType(), r.payload(),
                r.contentHash(), true, r.fetchedAt(), r.sourceUrl(), r.watchId());
    }
}
