package org.evwatch.extractor.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.evwatch.events.Paper;
import org.evwatch.events.PaperExtracted;
import org.evwatch.events.PaperFetched;
import org.evwatch.events.PaperKeys;
import org.evwatch.events.SourceRecord;
import org.evwatch.events.Summary;
import org.evwatch.extractor.ExtractorVersion;
import org.evwatch.extractor.parse.ParseException;
import org.evwatch.extractor.parse.Parsers;

/** One fetched record in, one canonical paper out. Stateless: any number of instances can run side by side. */
@ApplicationScoped
public class ExtractionService {

    private final Parsers parsers = Parsers.standard();

    public PaperExtracted extract(PaperFetched fetched) throws ParseException {
        Paper paper = parsers.parse(fetched.contentType(), fetched.payload());
        return new PaperExtracted(PaperExtracted.SCHEMA_VERSION, PaperKeys.bestKey(paper), ExtractorVersion.CURRENT,
                SourceRecord.of(fetched), paper, java.util.List.of(), Summary.NONE, Instant.now());
    }
}
