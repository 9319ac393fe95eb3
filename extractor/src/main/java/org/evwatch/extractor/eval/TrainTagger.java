package org.evwatch.extractor.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.evwatch.events.EntityType;
import org.evwatch.extractor.ner.EntityRecognizer;
import org.evwatch.extractor.ner.SequenceTagger;
import org.evwatch.extractor.ner.TaggerTrainer;
import org.evwatch.extractor.vocab.AnnotatedCorpus;

/**
 * Command line: trains the learned sequence tagger and writes its model file.
 *
 * <pre>
 * TrainTagger --out MODEL --vocab DIR --train PATH[,PATH] --train-format pubtator|linnaeus[,...]
 *             [--train-docs IDS_FILE|-[,...]] [--epochs N] [--version V]
 * </pre>
 *
 * The training corpora are given as to {@link Evaluate}. First the merge of the tagger's mentions with the
 * dictionary's is chosen per type on the training documents alone: every fifth document of each corpus is held out,
 * recognizer and tagger learn from the others, and the held-out documents are scored (document-level ids) with each
 * {@link SequenceTagger.Merge}; the best per type is kept, the dictionary alone on a tie. Then recognizer and tagger
 * learn from all the training documents and the model is written with those choices. The version is {@code --version}
 * or {@code tagger-} with a checksum of the weights and one of the merges chosen.
 */
public final class TrainTagger {

    static final int EPOCHS = 8;

    /** The merges tried, the dictionary alone first so that it wins ties; vetoes from weak to strong. */
    static final List<SequenceTagger.Choice> CHOICES = List.of(
            new SequenceTagger.Choice(SequenceTagger.Merge.DICTIONARY, 0),
            new SequenceTagger.Choice(SequenceTagger.Merge.CONFIRMED, 0),
            new SequenceTagger.Choice(SequenceTagger.Merge.PREFERRED, 0),
            new SequenceTagger.Choice(SequenceTagger.Merge.VETO, 1000),
            new SequenceTagger.Choice(SequenceTagger.Merge.VETO, 500),
            new SequenceTagger.Choice(SequenceTagger.Merge.VETO, 250),
            new SequenceTagger.Choice(SequenceTagger.Merge.VETO, 100),
            new SequenceTagger.Choice(SequenceTagger.Merge.VETO, 50),
            new SequenceTagger.Choice(SequenceTagger.Merge.VETO, 25),
            new SequenceTagger.Choice(SequenceTagger.Merge.VETO, 10));

    private TrainTagger() {
    }

    /** Trains and writes the model; exits with status 2 and the usage when an option is missing. */
    public static void main(String[] args) throws IOException {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (!opts.containsKey("out") || !opts.containsKey("train") || !opts.containsKey("train-format")) {
            System.err.println("usage: TrainTagger --out MODEL --vocab DIR --train PATH[,PATH] "
                    + "--train-format pubtator|linnaeus[,...] [--train-docs IDS_FILE|-[,...]] [--epochs N] "
                    + "[--version V]");
            System.exit(2);
        }
        run(opts, System.out);
    }

    static void run(Map<String, String> opts, PrintStream out) throws IOException {
        Optional<Path> vocab = Optional.ofNullable(opts.get("vocab")).map(Path::of);
        int epochs = Integer.parseInt(opts.getOrDefault("epochs", String.valueOf(EPOCHS)));
        List<AnnotatedCorpus> corpora = Evaluate.training(opts);
        Map<EntityType, SequenceTagger.Choice> merge = chooseMerge(vocab, corpora, epochs, out);
        long t0 = System.nanoTime();
        EntityRecognizer recognizer = EntityRecognizer.trained(vocab, corpora);
        SequenceTagger tagger = TaggerTrainer.train(recognizer, corpora, epochs).withMerge(merge);
        // the weights' checksum, and the merges chosen: the same weights merged otherwise recognise otherwise
        tagger = tagger.withVersion(opts.getOrDefault("version",
                tagger.version() + String.format("-%08x", merge.toString().hashCode())));
        tagger.save(Path.of(opts.get("out")));
        out.printf("model %s written to %s: types %s, merge %s (%d s)%n", tagger.version(), opts.get("out"),
                tagger.types(), merge, (System.nanoTime() - t0) / 1_000_000_000);
    }

    /**
     * The merge per type that scores best on held-out training documents (every fifth of each corpus), each corpus
     * scored on the types it annotates and the counts added up over the corpora.
     */
    static Map<EntityType, SequenceTagger.Choice> chooseMerge(Optional<Path> vocab, List<AnnotatedCorpus> corpora,
            int epochs, PrintStream out) {
        List<AnnotatedCorpus> learn = new ArrayList<>();
        List<List<Document>> heldOut = new ArrayList<>();
        for (AnnotatedCorpus c : corpora) {
            List<String> keep = new ArrayList<>();
            List<Document> held = new ArrayList<>();
            for (int i = 0; i < c.documents().size(); i++) {
                if (i % 5 == 4) {
                    held.add(PubtatorCorpus.document(c.documents().get(i)));
                } else {
                    keep.add(c.documents().get(i).id());
                }
            }
            learn.add(c.only(keep));
            heldOut.add(held);
        }
        EntityRecognizer recognizer = EntityRecognizer.trained(vocab, learn);
        SequenceTagger tagger = TaggerTrainer.train(recognizer, learn, epochs);
        Scores alone = new Scores();
        heldOut.forEach(part -> add(alone, TaggerScores.strict(recognizer.withTagger(tagger), part)));
        alone.rows().forEach(r -> out.printf("tagger alone, strict mentions: %-10s P %.4f R %.4f F1 %.4f%n",
                r.type(), r.precision(), r.recall(), r.f1()));
        out.printf("held-out training documents: %d; document-level id F1 / strict mention F1 per merge%n",
                heldOut.stream().mapToInt(List::size).sum());
        Map<EntityType, SequenceTagger.Choice> best = new EnumMap<>(EntityType.class);
        Map<EntityType, Double> bestF1 = new EnumMap<>(EntityType.class);
        for (SequenceTagger.Choice m : CHOICES) {
            Map<EntityType, SequenceTagger.Choice> all = new EnumMap<>(EntityType.class);
            tagger.types().forEach(t -> all.put(t, m));
            Scores ids = new Scores();
            Scores mentions = new Scores();
            for (List<Document> part : heldOut) {
                Evaluation.Result r = new Evaluation(recognizer.withTagger(tagger.withMerge(all))).run(part);
                add(ids, r.ids());
                add(mentions, r.mentions());
            }
            for (EntityType t : tagger.types()) {
                double f1 = f1(ids.rows(), t);
                out.printf("  %-12s %-10s %.4f / %.4f%n", m, t, f1, f1(mentions.rows(), t));
                if (!bestF1.containsKey(t) || f1 > bestF1.get(t)) {
                    bestF1.put(t, f1);
                    best.put(t, m);
                }
            }
        }
        return best;
    }

    private static void add(Scores into, List<Scores.Row> rows) {
        rows.stream().filter(r -> !r.type().equals("ALL"))
                .forEach(r -> into.add(EvalType.valueOf(r.type()), r.tp(), r.fp(), r.fn()));
    }

    private static double f1(List<Scores.Row> rows, EntityType type) {
        EvalType t = EvalType.of(type);
        return rows.stream().filter(r -> t != null && r.type().equals(t.name())).mapToDouble(Scores.Row::f1)
                .findFirst().orElse(0);
    }
}
