package org.evwatch.extractor.ner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.evwatch.events.EntityType;
import org.evwatch.extractor.vocab.AnnotatedCorpus;
import org.evwatch.extractor.vocab.LoadReport;
import org.evwatch.extractor.vocab.VocabularyBuilder;
import org.evwatch.extractor.vocab.VocabularyDirectory;
import org.evwatch.extractor.vocab.VocabularyFormatException;
import org.jboss.logging.Logger;

/**
 * Builds a recognizer at start: loads the vocabularies, learns from annotated corpora (the lexicon of annotated
 * names, then the precision filter, judged by running the untrained recognizer over the same corpora), compiles the
 * dictionary and reports every source with the time and heap taken.
 */
final class RecognizerLoader {

    private static final Logger LOG = Logger.getLogger(EntityRecognizer.class);

    private final List<LoadReport.Source> sources = new ArrayList<>();

    private RecognizerLoader() {
    }

    /** Reads the corpora at the paths; one that cannot be read is skipped and reported as failed. */
    static EntityRecognizer load(Optional<Path> vocabularyDir, List<Path> trainingCorpora) {
        List<AnnotatedCorpus> corpora = new ArrayList<>();
        List<LoadReport.Source> failed = new ArrayList<>();
        for (Path p : trainingCorpora) {
            long t = System.nanoTime();
            try {
                corpora.add(AnnotatedCorpus.read(p));
            } catch (IOException | UncheckedIOException | VocabularyFormatException e) {
                LOG.warnf("skipping training corpus %s: %s", p, e.getMessage());
                failed.add(new LoadReport.Source(p.toString(), "annotated corpus", 0, 0, millisSince(t),
                        String.valueOf(e.getMessage())));
            }
        }
        return new RecognizerLoader().build(vocabularyDir, corpora, failed);
    }

    static EntityRecognizer trained(Optional<Path> vocabularyDir, List<AnnotatedCorpus> corpora) {
        return new RecognizerLoader().build(vocabularyDir, corpora, List.of());
    }

    private EntityRecognizer build(Optional<Path> vocabularyDir, List<AnnotatedCorpus> corpora,
            List<LoadReport.Source> failed) {
        long t0 = System.nanoTime();
        long heap0 = usedHeap();
        VocabularyBuilder builder = new VocabularyBuilder();
        sources.addAll(VocabularyDirectory.load(vocabularyDir.orElse(null), builder));
        sources.addAll(failed);
        LearnedLexicon.Stats learned = corpora.isEmpty() ? null : learnLexicon(corpora, builder);
        int concepts = builder.conceptCount();
        int terms = builder.termCount();
        Dictionary d = Dictionary.compile(builder.concepts(), builder.terms());
        builder = null; // measured below: what stays reachable is the dictionary alone
        Map<EntityType, Set<String>> suppressed = corpora.isEmpty() ? Map.of() : learnFilter(d, corpora, learned);
        long measured = usedHeap() - heap0;
        long heap = measured > 0 ? measured : d.estimatedBytes();
        LoadReport report = new LoadReport(sources, concepts, terms, d.distinctNames(), millisSince(t0), heap);
        LOG.info(report.summary());
        GeneOrganisms organisms = learned == null
                ? GeneOrganisms.NONE
                : GeneOrganisms.compile(learned.geneIdsByOrganism(), d);
        return new EntityRecognizer(d, report, suppressed, organisms);
    }

    private LearnedLexicon.Stats learnLexicon(List<AnnotatedCorpus> corpora, VocabularyBuilder builder) {
        long t = System.nanoTime();
        int before = builder.conceptCount();
        LearnedLexicon.Stats learned = LearnedLexicon.learn(corpora, builder);
        sources.add(new LoadReport.Source(String.join(", ", corpora.stream().map(AnnotatedCorpus::source).toList()),
                "learned lexicon", builder.conceptCount() - before, learned.names(), millisSince(t), null));
        return learned;
    }

    private Map<EntityType, Set<String>> learnFilter(Dictionary d, List<AnnotatedCorpus> corpora,
            LearnedLexicon.Stats learned) {
        long t = System.nanoTime();
        EntityRecognizer untrained = new EntityRecognizer(d, null, Map.of(), GeneOrganisms.NONE);
        Map<EntityType, Set<String>> suppressed = PrecisionFilter
                .suppressed(PrecisionFilter.count(untrained, corpora));
        int n = suppressed.values().stream().mapToInt(Set::size).sum();
        int docs = corpora.stream().mapToInt(k -> k.documents().size()).sum();
        sources.add(new LoadReport.Source(n + " names suppressed, judged on " + docs + " training documents",
                "learned precision filter", 0, 0, millisSince(t), null));
        LOG.infof("learned from %d annotated corpora: %d names (%d composite mentions, %d type conflicts and %d gene "
                + "ids against the official symbols skipped), %d names suppressed", corpora.size(), learned.names(),
                learned.skippedComposite(), learned.skippedTypeConflict(), learned.skippedAgainstNomenclature(), n);
        return suppressed;
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }
}
