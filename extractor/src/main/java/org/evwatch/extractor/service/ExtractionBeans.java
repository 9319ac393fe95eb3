package org.evwatch.extractor.service;

import java.util.List;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.evwatch.extractor.config.ExtractorConfig;
import org.evwatch.extractor.ner.EntityRecognizer;
import org.evwatch.extractor.ner.SequenceTagger;
import org.evwatch.extractor.parse.Parsers;
import org.evwatch.extractor.summary.Summarizer;

import io.quarkus.runtime.Startup;

/** The extraction components, built once per process; the vocabularies load at start, not on the first record. */
public class ExtractionBeans {

    @Produces
    @Singleton
    Parsers parsers() {
        return Parsers.standard();
    }

    @Produces
    @Singleton
    @Startup
    EntityRecognizer recognizer(ExtractorConfig config) {
        return recognizerWithTagger(EntityRecognizer.load(config.vocabularyDir(),
                config.trainingCorpora().orElse(List.of())), config);
    }

    /** The recognizer with the configured tagger model as a stage; without a readable one, the recognizer alone. */
    EntityRecognizer recognizerWithTagger(EntityRecognizer recognizer, ExtractorConfig config) {
        return recognizer.withTagger(SequenceTagger.find(config.tagger().model()).orElse(null));
    }

    @Produces
    @Singleton
    Summarizer summarizer() {
        return new Summarizer();
    }
}
