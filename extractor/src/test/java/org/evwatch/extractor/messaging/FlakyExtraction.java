package org.evwatch.extractor.messaging;

import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.evwatch.events.PaperExtracted;
import org.evwatch.events.PaperFetched;
import org.evwatch.extractor.config.ExtractorConfig;
import org.evwatch.extractor.ner.EntityRecognizer;
import org.evwatch.extractor.parse.ParseException;
import org.evwatch.extractor.parse.Parsers;
import org.evwatch.extractor.service.ExtractionService;
import org.evwatch.extractor.summary.Summarizer;

/**
 * The real extraction behind a dependency that times out a set number of times for records whose id starts with
 * {@code flaky-}: a transient failure thrown outside any retried call. Enabled only by {@link TransientFailureIT};
 * a singleton, since the real service it extends has no constructor a client proxy could use.
 */
@Alternative
@Singleton
public class FlakyExtraction extends ExtractionService {

    static final AtomicInteger TIMEOUTS_LEFT = new AtomicInteger();
    static final AtomicInteger TIMEOUTS_THROWN = new AtomicInteger();

    @Inject
    public FlakyExtraction(Parsers parsers, EntityRecognizer recognizer, Summarizer summarizer,
            ExtractorConfig config) {
        super(parsers, recognizer, summarizer, config);
    }

    @Override
    public PaperExtracted extract(PaperFetched fetched) throws ParseException {
        if (fetched.sourceRecordId().startsWith("flaky-") && TIMEOUTS_LEFT.getAndDecrement() > 0) {
            TIMEOUTS_THROWN.incrementAndGet();
            throw new UncheckedIOException(new SocketTimeoutException("the dependency did not answer in time"));
        }
        return super.extract(fetched);
    }
}
