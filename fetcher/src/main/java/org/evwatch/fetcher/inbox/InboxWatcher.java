package org.evwatch.fetcher.inbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.evwatch.events.PaperFetched;
import org.evwatch.events.metrics.PipelineMetric;
import org.evwatch.events.metrics.PipelineMetrics;
import org.evwatch.fetcher.config.FetcherConfig;
import org.evwatch.fetcher.imports.ImportOutcome;
import org.evwatch.fetcher.imports.Importer;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * The local inbox: every file dropped into the directory becomes one {@link PaperFetched} per paper it holds, whatever
 * format the extractor reads (see {@link InboxRecords}). A file is moved to {@code processed/} once Kafka has
 * acknowledged all its records, or to {@code rejected/} (with a {@code .reason.txt} beside it, one line) when it can
 * never become records: too large, empty, binary, not UTF-8, malformed, refused by the hardened XML parser (entity
 * declarations, external DTDs) or in no format the inbox reads. A record sent before with the same content is not
 * sent again.
 */
@ApplicationScoped
public class InboxWatcher {

    public static final String SOURCE = "inbox";
    private static final Logger LOG = Logger.getLogger(InboxWatcher.class);
    /** A file younger than this may still be being written; it is taken on the next scan. */
    private static final long SETTLE_MILLIS = 300;

    private final FetcherConfig.Inbox config;
    private final Importer importer;
    private final PipelineMetrics metrics;

    public InboxWatcher(FetcherConfig config, Importer importer, PipelineMetrics metrics) {
        this.config = config.inbox();
        this.importer = importer;
        this.metrics = metrics;
    }

    @Scheduled(every = "${evwatch.fetcher.inbox.interval:200ms}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = InboxDisabled.class)
    void scan() {
        for (Path file : pendingFiles()) {
            try {
                process(file);
            } catch (RuntimeException e) {
                // The database or the broker failed, not the file: it stays for the next scan, and the files after
                // it are still taken now.
                LOG.errorf(e, "inbox file %s left for the next scan", file.getFileName());
            }
        }
    }

    List<Path> pendingFiles() {
        Path dir = config.dir();
        try {
            Files.createDirectories(dir);
            try (Stream<Path> files = Files.list(dir)) {
                long now = System.currentTimeMillis();
                return files.filter(Files::isRegularFile)
                        .filter(f -> !f.getFileName().toString().startsWith("."))
                        .filter(f -> !f.getFileName().toString().endsWith(".part"))
                        .filter(f -> now - lastModified(f) >= SETTLE_MILLIS)
                        .sorted()
                        .toList();
            }
        } catch (IOException e) {
            LOG.errorf("inbox %s cannot be listed: %s", dir, e.getMessage());
            return List.of();
        }
    }

    /**
     * Reads one file and imports its entries (see {@link Importer}); returns how many were accepted. A file whose
     * entries were all rejected moves to {@code rejected/}; a file with some rejected entries moves to
     * {@code processed/} with a {@code .rejected.txt} beside it naming each, one a line.
     */
    int process(Path file) {
        List<ImportEntry> entries;
        try {
            entries = InboxRecords.entries(InboxFiles.readText(file, config.maxFileSize().asLongValue()),
                    file.getFileName().toString(), null);
        } catch (UnreadableFileException e) {
            reject(file, e.getMessage());
            return 0;
        } catch (IOException e) {
            reject(file, "the file cannot be read: " + e);
            return 0;
        }
        List<ImportOutcome> outcomes;
        try {
            outcomes = importer.run(entries, SOURCE, file.toUri().toString(), config.watchId(), done -> {
            });
        } catch (Exception e) {
            // Left in place: the next scan takes it again, and what was acknowledged is skipped then.
            LOG.errorf("inbox file %s: Kafka did not acknowledge its records (%s); will retry", file.getFileName(),
                    e.getMessage());
            fetch("failed");
            return 0;
        }
        List<ImportOutcome> rejected = outcomes.stream()
                .filter(o -> o.outcome() == ImportOutcome.Outcome.REJECTED).toList();
        if (rejected.size() == outcomes.size()) {
            reject(file, "no entry could be imported: " + rejected.get(0).entry() + ": " + rejected.get(0).detail()
                    + (rejected.size() > 1 ? " (and " + (rejected.size() - 1) + " more)" : ""));
            return 0;
        }
        long accepted = outcomes.stream().filter(o -> o.outcome() == ImportOutcome.Outcome.ACCEPTED).count();
        LOG.infof("inbox file %s: %d entries, %d accepted, %d merged, %d rejected", file.getFileName(),
                outcomes.size(), accepted, outcomes.size() - accepted - rejected.size(), rejected.size());
        fetch("ok");
        Path moved = moveTo(file, "processed");
        if (moved != null && !rejected.isEmpty()) {
            writeLines(moved.resolveSibling(moved.getFileName() + ".rejected.txt"), rejected.stream()
                    .map(o -> (o.entry() + ": " + o.detail()).replaceAll("\\s+", " ").strip()).toList());
        }
        return (int) accepted;
    }

    private void fetch(String outcome) {
        metrics.counter(PipelineMetric.FETCHES, SOURCE, outcome).increment();
    }

    private static void writeLines(Path target, List<String> lines) {
        try {
            Files.write(target, lines);
        } catch (IOException e) {
            LOG.warnf("could not write %s: %s", target, e.getMessage());
        }
    }

    private void reject(Path file, String why) {
        fetch("rejected");
        // One line, whatever the parser said: the reason file is read by a person, or by a script line by line.
        String reason = why.replaceAll("\\s+", " ").strip();
        LOG.warnf("inbox file %s rejected: %s", file.getFileName(), reason);
        Path moved = moveTo(file, "rejected");
        if (moved != null) {
            try {
                Files.writeString(moved.resolveSibling(moved.getFileName() + ".reason.txt"), reason + "\n");
            } catch (IOException e) {
                LOG.warnf("could not write the reason for %s: %s", moved, e.getMessage());
            }
        }
    }

    private Path moveTo(Path file, String folder) {
        try {
            Path target = config.dir().resolve(folder);
            Files.createDirectories(target);
            Path dest = target.resolve(Instant.now().toEpochMilli() + "-" + file.getFileName());
            return Files.move(file, dest, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.errorf("could not move %s to %s/: %s", file, folder, e.getMessage());
            return null;
        }
    }

    private static long lastModified(Path f) {
        try {
            return Files.getLastModifiedTime(f).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }
}
