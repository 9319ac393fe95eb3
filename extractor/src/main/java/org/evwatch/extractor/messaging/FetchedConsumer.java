package org.evwatch.extractor.messaging;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.evwatch.events.PaperExtracted;
import org.evwatch.events.PaperFetched;
import org.evwatch.events.Topics;
import org.evwatch.events.metrics.PipelineMetric;
import org.evwatch.events.metrics.PipelineMetrics;
import org.evwatch.events.serde.PaperFetchedDeserializer;
import org.evwatch.events.tracing.PipelineTracing;
import org.evwatch.events.tracing.RecordLog;
import org.evwatch.events.tracing.TraceStep;
import org.evwatch.extractor.parse.ParseException;
import org.evwatch.extractor.service.ExtractionService;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Timer;
import io.smallrye.common.annotation.Blocking;

/**
 * papers.fetched to papers.extracted. A record that is not a valid event, or that cannot be parsed, fails: the
 * channel's dead-letter strategy parks it on papers.fetched.extractor-dlq with the reason in a header, and the
 * partition moves on. Records are read as bytes and decoded here, so the dead-letter topic keeps them exactly as
 * they arrived, whatever is wrong with them. Each extraction is timed, traced as a step of its record's trace (the
 * paper sent on carries it) and logged with the record's id.
 */
@ApplicationScoped
public class FetchedConsumer {

    private static final Logger LOG = Logger.getLogger(FetchedConsumer.class);

    private final ExtractionService extraction;
    private final PaperFetchedDeserializer deserializer = new PaperFetchedDeserializer();
    private final PipelineMetrics metrics;
    private final PipelineTracing tracing;
    private final Timer extracted;
    private final Timer failed;

    public FetchedConsumer(ExtractionService extraction, PipelineMetrics metrics, PipelineTracing tracing) {
        this.extraction = extraction;
        this.metrics = metrics;
        this.tracing = tracing;
        this.extracted = metrics.timer(PipelineMetric.EXTRACTION, "ok");
        this.failed = metrics.timer(PipelineMetric.EXTRACTION, "failed");
    }

    @Incoming("papers-fetched")
    @Outgoing("papers-extracted")
    @Blocking
    public ProducerRecord<String, PaperExtracted> extract(ConsumerRecord<String, byte[]> record)
            throws ParseException {
        metrics.recordsIn(Topics.PAPERS_FETCHED, 1);
        TraceStep step = tracing.receive(Topics.PAPERS_FETCHED, PipelineTracing.traceparent(record.headers()),
                PipelineTracing.RECORD_ID, record.key());
        RecordLog.enter(record.key(), step);
        long start = System.nanoTime();
        try {
            PaperExtracted paper = extract(record, step);
            extracted.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            RecordHeaders headers = new RecordHeaders();
            step.addTo(headers);
            metrics.recordOut(Topics.PAPERS_EXTRACTED);
            return new ProducerRecord<>(Topics.PAPERS_EXTRACTED, null, paper.paperKey(), paper, headers);
        } catch (ParseException | RuntimeException e) {
            failed.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            step.fail(e);
            throw e;
        } finally {
            step.close();
            RecordLog.leave();
        }
    }

    private PaperExtracted extract(ConsumerRecord<String, byte[]> record, TraceStep step) throws ParseException {
        PaperFetched fetched = deserializer.decode(record);
        try {
            PaperExtracted paper = extraction.extract(fetched);
            step.attribute(PipelineTracing.PAPER_ID, paper.paperKey());
            return paper;
        } catch (ParseException | RuntimeException e) {
            // The failure policy decides: dead-lettered when the record is at fault, read again when a dependency is.
            LOG.warnf("record %s/%s (partition %d, offset %d) failed: %s", fetched.source(),
                    fetched.sourceRecordId(), record.partition(), record.offset(), e.getMessage());
            throw e;
        }
    }
}
