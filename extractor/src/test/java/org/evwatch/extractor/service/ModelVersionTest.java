package org.evwatch.extractor.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.EntityType;
import org.evwatch.events.PaperExtracted;
import org.evwatch.events.PaperFetched;
import org.evwatch.events.PaperKeys;
import org.evwatch.extractor.ExtractorVersion;
import org.evwatch.extractor.config.ExtractorConfig;
import org.evwatch.extractor.ner.EntityRecognizer;
import org.evwatch.extractor.ner.SequenceTagger;
import org.evwatch.extractor.ner.TaggerTrainer;
import org.evwatch.extractor.parse.Parsers;
import org.evwatch.extractor.summary.Summarizer;
import org.evwatch.extractor.vocab.AnnotatedCorpus;
import org.evwatch.extractor.vocab.AnnotatedDocument;
import org.evwatch.extractor.vocab.Annotation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every extracted record names the tagger model that took part, or none when the dictionary recognised alone. */
class ModelVersionTest {

    static EntityRecognizer recognizer;

    @BeforeAll
    static void load() {
        recognizer = EntityRecognizer.load(Optional.empty());
    }

    static PaperFetched fetched() {
        String payload = """
                <PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="1">99300001</PMID>
                <Article><Journal><JournalIssue><Volume>9</Volume><PubDate><Year>2025</Year></PubDate>
                </JournalIssue><Title>Journal of extracellular vesicles</Title></Journal>
                <ArticleTitle>Serum exosomes in ovarian cancer</ArticleTitle>
                <Abstract><AbstractText>Serum exosomes carried miR-1246 in ovarian cancer.</AbstractText></Abstract>
                </Article></MedlineCitation></PubmedArticle>""";
        return new PaperFetched(PaperFetched.SCHEMA_VERSION, "test", "99300001", ContentTypes.PUBMED_XML, payload,
                PaperKeys.sha256(payload), false, Instant.now(), "test://99300001", "ev-cancer");
    }

    static ExtractionService service(Optional<Path> model) {
        ExtractorConfig config = new ExtractorConfig() {
            @Override
            public Optional<Path> vocabularyDir() {
                return Optional.empty();
            }

            @Override
            public Optional<List<Path>> trainingCorpora() {
                return Optional.empty();
            }

            @Override
            public Tagger tagger() {
                return () -> model;
            }

            @Override
            public String version() {
                return ExtractorVersion.CURRENT;
            }
        };
        EntityRecognizer r = new ExtractionBeans().recognizerWithTagger(recognizer, config);
        return new ExtractionService(Parsers.standard(), r, new Summarizer(), config);
    }

    @Test
    void aRecordExtractedWithAModelCarriesItsVersion(@TempDir Path dir) throws Exception {
        String text = "Patients with ovarian cancer were treated.";
        int at = text.indexOf("ovarian cancer");
        AnnotatedCorpus corpus = new AnnotatedCorpus("tiny", List.of(new AnnotatedDocument("1", null, text, null,
                List.of(new Annotation(at, at + 14, "ovarian cancer", EntityType.DISEASE, List.of("MESH:D010051"))))));
        SequenceTagger tagger = TaggerTrainer.train(recognizer, List.of(corpus), 2).withVersion("tagger-test-7");
        Path model = dir.resolve("tagger.model");
        tagger.save(model);
        PaperExtracted record = service(Optional.of(model)).extract(fetched());
        assertThat(record.modelVersion()).isEqualTo("tagger-test-7");
        assertThat(record.extractorVersion()).isEqualTo(ExtractorVersion.CURRENT);
        assertThat(record.entities()).isNotEmpty();
    }

    @Test
    void aRecordExtractedWithoutAModelSaysSo(@TempDir Path dir) throws Exception {
        assertThat(service(Optional.empty()).extract(fetched()).modelVersion()).isEqualTo(PaperExtracted.NO_MODEL);
        PaperExtracted missing = service(Optional.of(dir.resolve("absent.model"))).extract(fetched());
        assertThat(missing.modelVersion()).isEqualTo(PaperExtracted.NO_MODEL);
        assertThat(missing.entities()).isEqualTo(service(Optional.empty()).extract(fetched()).entities())
                .isNotEmpty();
    }
}
