package org.evwatch.fetcher.imports;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.evwatch.events.IdentifierList;
import org.evwatch.events.PaperFetched;
import org.evwatch.events.PaperKeys;
import org.evwatch.fetcher.config.FetchConfig;
import org.evwatch.fetcher.config.FetcherConfig;
import org.evwatch.fetcher.inbox.ImportEntry;
import org.evwatch.fetcher.inbox.InboxRecord;
import org.evwatch.fetcher.messaging.FetchedPublisher;
import org.evwatch.fetcher.messaging.OutgoingRecord;
import org.evwatch.fetcher.persistence.SentRecords;
import org.evwatch.fetcher.poll.SourceRegistry;
import org.evwatch.fetcher.source.CrossrefSource;
import org.evwatch.fetcher.source.EuropePmcSource;
import org.evwatch.fetcher.source.IdentifierLookup;
import org.evwatch.fetcher.source.PubMedSource;

/**
 * The one path every imported file takes, whether dropped into the inbox or uploaded through the API: its entries are
 * taken a chunk at a time, identifiers looked up at their sources, each record checked against what was sent before,
 * the new and changed ones sent to {@code papers.fetched} and awaited, and the outcome of every entry reported as the
 * chunk is acknowledged. A bad entry never holds back the others.
 */
@ApplicationScoped
public class Importer {

    /** Entries handled, and records sent, before waiting for Kafka's acknowledgement. */
    static final int CHUNK = 100;

    /** Told the outcomes of each chunk once Kafka has acknowledged its records. */
    @FunctionalInterface
    public interface Progress {
        void done(List<ImportOutcome> outcomes);
    }

    private final FetchedPublisher publisher;
    private final SentRecords sent;
    private final IdentifierLookup lookup;
    private final long ackTimeoutMillis;

    public Importer(FetcherConfig config, FetchConfig fetch, SourceRegistry registry, FetchedPublisher publisher,
            SentRecords sent) {
        this.publisher = publisher;
        this.sent = sent;
        this.ackTimeoutMillis = config.inbox().sendTimeout().toMillis();
        FetchConfig.PubMed pm = fetch.pubmed();
        this.lookup = new IdentifierLookup(registry.http(), new PubMedSource.Settings(pm.baseUrl(), pm.apiKey()
                .orElse(null), pm.tool(), fetch.contactEmail(), pm.batchSize(), 10_000),
                new EuropePmcSource.Settings(fetch.europepmc().baseUrl(), 1, fetch.contactEmail()),
                new CrossrefSource.Settings(fetch.crossref().baseUrl(), 1, fetch.contactEmail()),
                registry.fullTexts(), config.imports().allowPrivateHosts(), Clock.systemUTC());
    }

    /**
     * Imports the entries; records of the file itself are sent as {@code source}, looked-up ones as the source that
     * served them. Throws when Kafka does not acknowledge a chunk: the chunks before it are reported and remembered,
     * so importing the file again sends only the rest.
     */
    public List<ImportOutcome> run(List<ImportEntry> entries, String source, String url, String watchId,
            Progress progress) throws Exception {
        List<ImportOutcome> all = new ArrayList<>();
        Map<String, Integer> firstPosition = new HashMap<>();
        for (int from = 0; from < entries.size(); from += CHUNK) {
            List<ImportEntry> chunk = entries.subList(from, Math.min(entries.size(), from + CHUNK));
            List<ImportOutcome> outcomes = chunk(chunk, source, url, watchId, firstPosition);
            progress.done(outcomes);
            all.addAll(outcomes);
        }
        return all;
    }

    private List<ImportOutcome> chunk(List<ImportEntry> chunk, String source, String url, String watchId,
            Map<String, Integer> firstPosition) throws Exception {
        Map<IdentifierList.Item, IdentifierLookup.Result> found = lookup.resolve(chunk.stream()
                .filter(e -> e.lookup() != null).map(ImportEntry::lookup).toList(), watchId);
        Map<ImportEntry, PaperFetched> records = new LinkedHashMap<>();
        List<PaperFetched> fullTexts = new ArrayList<>();
        List<ImportOutcome> outcomes = new ArrayList<>();
        for (ImportEntry e : chunk) {
            IdentifierLookup.Result result = e.lookup() == null ? null : found.get(e.lookup());
            String rejection = e.rejection() != null ? e.rejection() : result != null ? result.rejection() : null;
            if (rejection != null) {
                outcomes.add(ImportOutcome.rejected(e, rejection));
            } else {
                records.put(e, result != null ? result.record() : fetched(e.record(), source, url, watchId));
                if (result != null && result.fullText() != null) {
                    fullTexts.add(result.fullText());
                }
            }
        }
        List<PaperFetched> all = new ArrayList<>(records.values());
        all.addAll(fullTexts);
        Known known = new Known(sent.decideAll(all), firstPosition);
        List<PaperFetched> toSend = new ArrayList<>();
        for (Map.Entry<ImportEntry, PaperFetched> r : records.entrySet()) {
            outcomes.add(decide(r.getKey(), r.getValue(), known, toSend));
        }
        fullTexts.forEach(f -> companion(f, known, toSend));
        List<OutgoingRecord> outgoing = toSend.stream().map(OutgoingRecord::of).toList();
        publisher.sendAll(outgoing).get(ackTimeoutMillis, TimeUnit.MILLISECONDS);
        sent.markAllSent(outgoing);
        outcomes.sort(java.util.Comparator.comparingInt(ImportOutcome::position));
        return outcomes;
    }

    /**
     * What is known of a chunk's records: what was sent before (looked up for the whole chunk at once), and where in
     * this import each record first came.
     */
    private record Known(Map<String, Map<String, SentRecords.Decision>> sentBefore,
            Map<String, Integer> firstPosition) {

        /** The entry that brought the record earlier in this import, or null: from now on, it is {@code position}. */
        Integer earlier(PaperFetched record, int position) {
            return firstPosition.putIfAbsent(record.source() + "\u0000" + record.sourceRecordId(), position);
        }

        SentRecords.Decision decision(PaperFetched record) {
            return sentBefore.get(record.source()).get(record.sourceRecordId());
        }
    }

    /** New: sent and accepted. Known: an update is sent, the same content is not; either way it merges. */
    private ImportOutcome decide(ImportEntry e, PaperFetched record, Known known, List<PaperFetched> toSend) {
        Integer earlier = known.earlier(record, e.position());
        if (earlier != null) {
            return ImportOutcome.merged(e, record, "the same record as entry " + earlier + " of this import");
        }
        return switch (known.decision(record)) {
            case NEW -> {
                toSend.add(record);
                yield ImportOutcome.accepted(e, record);
            }
            case UPDATE -> {
                toSend.add(withUpdate(record));
                yield ImportOutcome.merged(e, record, "sent before with other content; sent again as an update of"
                        + " the paper it belongs to");
            }
            case SKIP -> ImportOutcome.merged(e, record, "sent before with the same content; the catalog has it");
        };
    }

    /** A full text goes with its paper's entry, without an outcome of its own: sent unless sent before as it is. */
    private void companion(PaperFetched fullText, Known known, List<PaperFetched> toSend) {
        if (known.earlier(fullText, -1) != null) {
            return;
        }
        switch (known.decision(fullText)) {
            case NEW -> toSend.add(fullText);
            case UPDATE -> toSend.add(withUpdate(fullText));
            case SKIP -> {
            }
        }
    }

    private static PaperFetched fetched(InboxRecord r, String source, String url, String watchId) {
        return new PaperFetched(PaperFetched.SCHEMA_VERSION, source, r.id(), r.contentType(), r.payload(),
                PaperKeys.sha256(r.payload()), false, java.time.Instant.now(), url, watchId);
    }

    private static PaperFetched withUpdate(PaperFetched r) {
        return new PaperFetched(r.schemaVersion(), r.source(), r.sourceRecordId(), r.contentType(), r.payload(),
                r.contentHash(), true, r.fetchedAt(), r.sourceUrl(), r.watchId());
    }
}
