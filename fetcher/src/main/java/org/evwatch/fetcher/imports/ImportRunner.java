package org.evwatch.fetcher.imports;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.evwatch.fetcher.config.FetcherConfig;
import org.evwatch.fetcher.inbox.ImportEntry;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Runs import jobs in the background, one at a time (the sources' rate limits are shared anyway), storing the
 * outcome of each chunk of entries as Kafka acknowledges it. A job a stopped fetcher left running is marked failed
 * at the next start.
 */
@ApplicationScoped
public class ImportRunner {

    /** The source name of records uploaded through the API. */
    public static final String SOURCE = "import";
    private static final Logger LOG = Logger.getLogger(ImportRunner.class);

    private final ImportJobs jobs;
    private final Importer importer;
    private final String watchId;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "evwatch-imports");
        t.setDaemon(true);
        return t;
    });

    public ImportRunner(ImportJobs jobs, Importer importer, FetcherConfig config) {
        this.jobs = jobs;
        this.importer = importer;
        this.watchId = config.imports().watchId();
    }

    void onStart(@Observes StartupEvent event) {
        jobs.failInterrupted();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** Stores the job with every entry pending and starts it; returns it as it stands. */
    public ImportJob start(String owner, String fileName, String contentType, List<ImportEntry> entries) {
        UUID id = jobs.create(owner, fileName, contentType, entries);
        executor.submit(() -> run(id, entries));
        return jobs.find(id).orElseThrow();
    }

    private void run(UUID id, List<ImportEntry> entries) {
        try {
            importer.run(entries, SOURCE, "urn:evwatch:import:" + id, watchId, outcomes -> jobs.record(id, outcomes));
            jobs.finish(id, ImportJob.State.DONE, null);
        } catch (Exception e) {
            LOG.errorf(e, "import %s failed", id);
            jobs.finish(id, ImportJob.State.FAILED, "the import stopped: " + e
                    + "; import the file again: records already sent are not sent twice");
        }
    }
}
