package org.evwatch.extractor.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.evwatch.events.Entity;
import org.evwatch.events.Paper;
import org.evwatch.events.PaperExtracted;
import org.evwatch.events.PaperFetched;
import org.evwatch.events.PaperKeys;
import org.evwatch.events.SourceRecord;
import org.evwatch.events.Summary;
import org.evwatch.extractor.config.ExtractorConfig;
import org.evwatch.extractor.ner.EntityRecognizer;
import org.evwatch.extractor.parse.ParseException;
import org.evwatch.extractor.parse.Parsers;
import org.evwatch.extractor.summary.Summarizer;

/**
 * One fetched record in, one canonical paper with its entities and summary out. Holds no state between records: any
 * number of instances can run side by side. The vocabularies are loaded once, when the recognizer is built.
 */
@ApplicationScoped
public class ExtractionService {

    private final Parsers parsers;
    private final EntityRecognizer recognizer;
    private final Summarizer summarizer;
    private final String version;
    private final String modelVersion;

    public ExtractionService(Parsers parsers, EntityRecognizer recognizer, Summarizer summarizer,
            ExtractorConfig config) {
        this.parsers = parsers;
        this.recognizer = recognizer;
        this.summarizer = summarizer;
        this.version = config.version();
        this.modelVersion = recognizer.taggerVersion().orElse(PaperExtracted.NO_MODEL);
    }

    public PaperExtracted extract(PaperFetched fetched) throws ParseException {
        Paper paper = parsers.parse(fetched.contentType(), fetched.payload());
        List<Entity> entities = recognizer.recognize(paper);
        Summary summary = summarizer.summarize(paper, entities)
                .withFromSource(parsers.sourceSummary(fetched.contentType(), fetched.payload()));
        return new PaperExtracted(PaperExtracted.SCHEMA_VERSION, PaperKeys.bestKey(paper), version,
                SourceRecord.of(fetched), paper, entities, summary, Instant.now(), modelVersion);
    }
}
