package org.evwatch.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.evwatch.events.PaperIndexed;
import org.evwatch.events.Summary;
import org.evwatch.events.Topics;
import org.evwatch.events.tracing.PipelineTracing;
import org.evwatch.events.tracing.RecordLog;
import org.evwatch.events.tracing.TraceStep;
import org.evwatch.indexer.catalog.CatalogService;
import org.jboss.logging.MDC;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the service's index logs of a paper the catalog committed but the search engine refused. */
class SearchIndexTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @TempDir
    Path dir;

    /** A logged line, formatted, with the logging context it was logged in. */
    record Line(Level level, String text, Map<String, String> context) {
    }

    @Test
    void aPaperNotIndexedIsNamedInItsLineWithItsRecordAndTrace() throws Exception {
        SearchEngine closed = PaperIndex.open(dir, 1.0, null);
        closed.close(); // every write now fails, as on a full disk or a broken index
        PipelineTracing tracing = new PipelineTracing("http://127.0.0.1:9", "indexer-test", Duration.ofHours(1));
        TraceStep traced = tracing.receive(Topics.PAPERS_EXTRACTED, "00-" + TRACE + "-00f067aa0ba902b7-01",
                PipelineTracing.RECORD_ID, "pubmed:1");
        PaperIndexed merged = paper("evw-1");
        PaperIndexed untraced = paper("evw-2");
        List<CatalogService.Outcome> outcomes = List.of(
                new CatalogService.Outcome(merged, "{}", 7, List.of("evw-9"), "pubmed:1"),
                new CatalogService.Outcome(untraced, "{}", 8, List.of(), "crossref:2"));
        List<Line> lines = new CopyOnWriteArrayList<>();
        Handler capture = capture(lines);
        Logger logger = Logger.getLogger(SearchIndex.class.getName());
        logger.addHandler(capture);
        try {
            new SearchIndex(closed).applyAll(outcomes, key -> key.equals("pubmed:1") ? traced : TraceStep.NONE);
        } finally {
            logger.removeHandler(capture);
            traced.close();
            tracing.shutdown();
        }
        List<Line> notIndexed = lines.stream().filter(l -> l.text().contains("not indexed")).toList();
        assertThat(notIndexed).hasSize(2);
        assertThat(notIndexed.get(0).level()).isEqualTo(org.jboss.logmanager.Level.ERROR);
        assertThat(notIndexed.get(0).text()).contains("paper evw-1 (version 3)", "evw-9");
        assertThat(notIndexed.get(0).context()).containsEntry(RecordLog.PAPER_ID, "evw-1")
                .containsEntry(RecordLog.RECORD_ID, "pubmed:1").containsEntry(RecordLog.TRACE_ID, TRACE);
        assertThat(notIndexed.get(1).text()).contains("paper evw-2 (version 3)").doesNotContain("evw-1", "evw-9");
        assertThat(notIndexed.get(1).context()).containsEntry(RecordLog.PAPER_ID, "evw-2")
                .containsEntry(RecordLog.RECORD_ID, "crossref:2").doesNotContainKey(RecordLog.TRACE_ID);
        assertThat(MDC.getMap()).as("no paper named once the batch is logged")
                .doesNotContainKeys(RecordLog.PAPER_ID, RecordLog.RECORD_ID, RecordLog.TRACE_ID);
    }

    private static PaperIndexed paper(String id) {
        PaperIndexed p = Corpus.paper(id, "Exosomes in glioma", "Tumour-derived vesicles.", 2025, "J", "pubmed",
                Summary.Relevance.Label.RELEVANT, List.of());
        return new PaperIndexed(1, p.paperId(), PaperIndexed.Change.UPDATED, 3, p.indexedAt(), p.paper(),
                p.entities(), p.summary(), p.sources());
    }

    private static Handler capture(List<Line> lines) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                String text = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
                Map<String, String> context = new HashMap<>();
                MDC.getMap().forEach((k, v) -> context.put(k, String.valueOf(v)));
                lines.add(new Line(record.getLevel(), text, context));
            }

            @Override
            public void flush() {
                // nothing buffered
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }
}
