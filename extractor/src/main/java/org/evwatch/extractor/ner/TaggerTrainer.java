package org.evwatch.extractor.ner;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.CRC32;

import org.evwatch.events.EntityType;
import org.evwatch.extractor.vocab.AnnotatedCorpus;
import org.evwatch.extractor.vocab.AnnotatedDocument;
import org.evwatch.extractor.vocab.Annotation;

/**
 * Trains a {@link SequenceTagger} on annotated corpora as an averaged structured perceptron (Collins 2002): each
 * section of each document is decoded with the current weights, and where the best label sequence differs from the
 * annotated one the features of the annotated labels gain and those of the decoded labels lose one; the model keeps
 * the average of the weights over all steps, which generalises far better than the last ones. A corpus that does not
 * annotate a type (BC5CDR has no species) is decoded without that type's labels, so it never teaches that a species
 * is nothing. Deterministic: documents are visited in one seeded order.
 */
public final class TaggerTrainer {

    /** One section to learn from: the feature rows of each token, the annotated labels, the labels allowed. */
    private record Sequence(int[][] features, int[] gold, boolean[] allowed) {
    }

    /** Folds of the training documents for the lexicon features: each fold's names are unseen by its documents. */
    private static final int FOLDS = 5;

    private final Dictionary dictionary;
    private final List<EntityType> types;
    private final LongIntMap rows = new LongIntMap(1 << 16);
    private final List<Sequence> sequences = new ArrayList<>();
    private final int labels;

    private TaggerTrainer(Dictionary dictionary, List<EntityType> types) {
        this.dictionary = dictionary;
        this.types = types;
        this.labels = 1 + 2 * types.size();
    }

    /**
     * Learns a model of the types the corpora annotate, with the vocabularies of {@code recognizer} as features, in
     * {@code epochs} passes over the documents; merge choices are left to the dictionary until chosen.
     */
    public static SequenceTagger train(EntityRecognizer recognizer, List<AnnotatedCorpus> corpora, int epochs) {
        Set<EntityType> annotated = EnumSet.noneOf(EntityType.class);
        corpora.forEach(c -> annotated.addAll(c.types()));
        TaggerTrainer trainer = new TaggerTrainer(recognizer.dictionary(), List.copyOf(annotated));
        List<AnnotatedDocument> all = corpora.stream().flatMap(c -> c.documents().stream()).toList();
        List<TaggerLexicon> lexicons = new ArrayList<>();
        for (int fold = 0; fold < FOLDS; fold++) {
            int f = fold;
            lexicons.add(TaggerLexicon.of(all.stream().filter(d -> fold(d) != f).toList()));
        }
        for (AnnotatedCorpus c : corpora) {
            boolean[] allowed = trainer.allowed(c.types());
            c.documents().forEach(d -> trainer.read(d, allowed, lexicons.get(fold(d))));
        }
        return trainer.learn(epochs, TaggerLexicon.of(all));
    }

    /** The fold a document's lexicon features leave out: by a hash of its id. */
    private static int fold(AnnotatedDocument d) {
        return Math.floorMod(d.id().hashCode(), FOLDS);
    }

    private boolean[] allowed(Set<EntityType> annotated) {
        boolean[] allowed = new boolean[labels];
        allowed[0] = true;
        for (int k = 0; k < types.size(); k++) {
            allowed[1 + 2 * k] = annotated.contains(types.get(k));
            allowed[2 + 2 * k] = allowed[1 + 2 * k];
        }
        return allowed;
    }

    /** Adds the document's sections (title, abstract, body; offsets as in {@link AnnotatedDocument}). */
    private void read(AnnotatedDocument d, boolean[] allowed, TaggerLexicon lexicon) {
        if (d.title() != null) {
            add(d.title(), 0, d, allowed, lexicon);
        }
        if (d.abstractText() != null) {
            add(d.abstractText(), d.title() == null ? 0 : d.title().length() + 1, d, allowed, lexicon);
        }
        if (d.body() != null) {
            add(d.body(), 0, d, allowed, lexicon);
        }
    }

    private void add(String text, int shift, AnnotatedDocument d, boolean[] allowed, TaggerLexicon lexicon) {
        Tokens t = Tokenizer.tokenize(text);
        if (t.size == 0) {
            return;
        }
        TaggerFeatures prepared = new TaggerFeatures(t, dictionary.match(t), dictionary, lexicon);
        long[] keys = new long[TaggerFeatures.MAX];
        int[][] features = new int[t.size][];
        for (int i = 0; i < t.size; i++) {
            int count = prepared.of(i, keys);
            features[i] = new int[count];
            for (int k = 0; k < count; k++) {
                int row = rows.get(keys[k]);
                if (row < 0) {
                    row = rows.size();
                    rows.put(keys[k], row);
                }
                features[i][k] = row;
            }
        }
        addSentences(t, features, gold(t, text.length(), shift, d.annotations()), allowed);
    }

    /**
     * Adds the section sentence by sentence (cut after a full stop that no mention spans): a full-text body is one
     * long sequence, and the perceptron learns from each sequence once per pass.
     */
    private void addSentences(Tokens t, int[][] features, int[] gold, boolean[] allowed) {
        int from = 0;
        for (int i = 1; i <= t.size; i++) {
            boolean cut = i == t.size || ".".equals(t.norm[i - 1]) && (gold[i] == 0 || gold[i] % 2 == 1);
            if (cut) {
                sequences.add(new Sequence(Arrays.copyOfRange(features, from, i), Arrays.copyOfRange(gold, from, i),
                        allowed));
                from = i;
            }
        }
    }

    /** The annotated label of each token; of overlapping annotations the first and longest wins. */
    private int[] gold(Tokens t, int length, int shift, List<Annotation> annotations) {
        int[] gold = new int[t.size];
        List<Annotation> sorted = new ArrayList<>(annotations);
        sorted.sort(Comparator.comparingInt(Annotation::start).thenComparingInt(a -> -a.end()));
        for (Annotation a : sorted) {
            int type = types.indexOf(a.type());
            int start = a.start() - shift;
            int end = a.end() - shift;
            if (type < 0 || start < 0 || end > length) {
                continue;
            }
            int first = -1;
            for (int i = 0; i < t.size && t.start[i] < end; i++) {
                if (t.start[i] >= start && gold[i] == 0) {
                    gold[i] = first < 0 ? 1 + 2 * type : 2 + 2 * type;
                    first = first < 0 ? i : first;
                }
            }
        }
        return gold;
    }

    private SequenceTagger learn(int epochs, TaggerLexicon lexicon) {
        int n = rows.size();
        Perceptron p = new Perceptron(n * labels, (labels + 1) * labels, labels);
        List<Sequence> order = new ArrayList<>(sequences);
        Random random = new Random(42);
        for (int e = 0; e < epochs; e++) {
            Collections.shuffle(order, random);
            for (Sequence s : order) {
                p.step(s.features(), s.gold(), s.allowed());
            }
        }
        p.average();
        return new SequenceTagger(version(p), types, Map.of(), lexicon, rows, p.weights, p.transitions);
    }

    /** A version naming the model's content: the same training gives the same version, another one another. */
    private static String version(Perceptron p) {
        CRC32 crc = new CRC32();
        ByteBuffer b = ByteBuffer.allocate(4);
        for (float[] values : List.of(p.transitions, p.weights)) {
            for (float v : values) {
                b.clear();
                crc.update(b.putFloat(v).flip());
            }
        }
        return String.format("tagger-%08x", crc.getValue());
    }
}
