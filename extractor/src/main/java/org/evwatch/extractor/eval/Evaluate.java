package org.evwatch.extractor.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.evwatch.extractor.ner.EntityRecognizer;
import org.evwatch.extractor.ner.SequenceTagger;
import org.evwatch.extractor.vocab.AnnotatedCorpus;
import org.evwatch.extractor.vocab.AnnotatedDocument;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Command line: scores the entity recogniser on an annotated corpus.
 *
 * <pre>
 * Evaluate CORPUS --format pubtator|linnaeus|craft [--vocab DIR] [--docs IDS_FILE] [--tags TAGS_FILE] [--errors N]
 *          [--out FILE] [--tagger MODEL] [--train PATH[,PATH] --train-format pubtator|linnaeus[,...] [--train-docs IDS_FILE|-[,...]]]
 * </pre>
 *
 * CORPUS is a PubTator file (or a folder of them) or a LINNAEUS/CRAFT corpus folder; {@code --docs} restricts to
 * the document ids listed one per line (a train or dev split); {@code --tags} picks the LINNAEUS tag file (default:
 * the first {@code tags*.tsv}) of the scored corpus; {@code --errors N} also lists the N most frequent wrong and
 * missed ids; {@code --out FILE} writes the scored predictions in PubTator format ({@link PubtatorWriter}), so
 * that anyone can score them again against the corpus; {@code --tagger MODEL} adds the learned sequence tagger
 * written by {@link TrainTagger} (trained on the same train split) as a stage of recognition. Prints a table
 * (type, precision, recall, F1, counts) for
 * strict mention match and for document-level ids, then the same as JSON.
 * <p>
 * {@code --train} first lets the recogniser learn from annotated corpora (a train split: {@code --train-docs}
 * keeps the listed documents; a LINNAEUS training corpus is read with its folder's first {@code tags*.tsv}
 * whatever {@code --tags} says; with several corpora, format and
 * split can be given per corpus, in order, {@code -} meaning all documents). Learning from a document that is
 * then scored would measure memory, not recognition: the command refuses (exit 2) when a training document id is
 * also among the evaluated ones.
 */
public final class Evaluate {

    private Evaluate() {
    }

    public static void main(String[] args) throws IOException {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command; returns its exit status (2: wrong arguments, or training documents among the scored). */
    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        Map<String, String> opts = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                opts.put(args[i].substring(2), args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
        if (positional.size() != 1 || !opts.containsKey("format")
                || opts.containsKey("train") != opts.containsKey("train-format")) {
            err.println("usage: Evaluate CORPUS --format pubtator|linnaeus|craft [--vocab DIR] "
                    + "[--docs IDS_FILE] [--tags TAGS_FILE] [--errors N] [--out FILE] [--tagger MODEL] "
                    + "[--train PATH[,PATH] --train-format pubtator|linnaeus[,...] [--train-docs IDS_FILE|-[,...]]]");
            return 2;
        }
        List<Document> docs = read(Path.of(positional.get(0)), opts);
        Optional<Path> vocab = Optional.ofNullable(opts.get("vocab")).map(Path::of);
        EntityRecognizer recognizer;
        if (opts.containsKey("train")) {
            List<AnnotatedCorpus> training = training(opts);
            Set<String> overlap = overlap(training, docs);
            if (!overlap.isEmpty()) {
                err.printf("refusing to score documents the recogniser learns from: %d training document(s) "
                        + "are also evaluated (e.g. %s); train on the train split, score the dev split%n",
                        overlap.size(), overlap.iterator().next());
                return 2;
            }
            recognizer = EntityRecognizer.trained(vocab, training);
        } else {
            recognizer = EntityRecognizer.load(vocab);
        }
        if (opts.containsKey("tagger")) {
            recognizer = recognizer.withTagger(SequenceTagger.load(Path.of(opts.get("tagger"))));
        }
        Evaluation.Result result = score(recognizer, docs, opts.get("out"));
        print(result, positional.get(0), out);
        if (opts.containsKey("tagger")) {
            table("the tagger's own mentions, strict match", TaggerScores.strict(recognizer, docs), out);
        }
        int errors = Integer.parseInt(opts.getOrDefault("errors", "0"));
        if (errors > 0) {
            errors("most frequent false positives (document-level ids)", result.falsePositives(), errors, out);
            errors("most frequent false negatives (document-level ids)", result.falseNegatives(), errors, out);
        }
        return 0;
    }

    /** Scores the documents, writing the predictions to {@code out} in PubTator format when it is given. */
    static Evaluation.Result score(EntityRecognizer recognizer, List<Document> docs, String out) throws IOException {
        if (out == null) {
            return new Evaluation(recognizer).run(docs);
        }
        try (Writer w = Files.newBufferedWriter(Path.of(out), StandardCharsets.UTF_8)) {
            return new Evaluation(recognizer).run(docs, (d, predictions) -> {
                try {
                    PubtatorWriter.write(d, predictions, w);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * The training corpora named by {@code --train}. {@code --train-format} and {@code --train-docs} give one value
     * for all of them or one per corpus, in order ({@code -} for all documents of that corpus).
     */
    static List<AnnotatedCorpus> training(Map<String, String> opts) throws IOException {
        String[] paths = opts.get("train").split(",");
        String[] formats = perCorpus(opts.get("train-format"), paths.length, "--train-format");
        String[] splits = perCorpus(opts.getOrDefault("train-docs", "-"), paths.length, "--train-docs");
        List<AnnotatedCorpus> out = new ArrayList<>();
        for (int i = 0; i < paths.length; i++) {
            Path path = Path.of(paths[i].strip());
            AnnotatedCorpus c = switch (formats[i].strip()) {
                case "pubtator" -> AnnotatedCorpus.pubtator(path);
                // --tags names the scored corpus's tag file; training keeps its own folder's
                case "linnaeus" -> AnnotatedCorpus.linnaeus(path, AnnotatedCorpus.tagsOf(path));
                default -> throw new IllegalArgumentException("unknown training format " + formats[i]);
            };
            out.add(splits[i].strip().equals("-") ? c : c.only(ids(Path.of(splits[i].strip()))));
        }
        return out;
    }

    private static String[] perCorpus(String value, int corpora, String option) {
        String[] v = value.split(",");
        if (v.length == 1) {
            String[] all = new String[corpora];
            java.util.Arrays.fill(all, v[0]);
            return all;
        }
        if (v.length != corpora) {
            throw new IllegalArgumentException(option + " needs one value, or one per training corpus");
        }
        return v;
    }

    /** Ids of evaluated documents that are also training documents. */
    static Set<String> overlap(List<AnnotatedCorpus> training, List<Document> evaluated) {
        Set<String> scored = new HashSet<>();
        evaluated.forEach(d -> scored.add(d.id()));
        Set<String> out = new java.util.TreeSet<>();
        training.forEach(c -> c.documents().stream().map(AnnotatedDocument::id).filter(scored::contains)
                .forEach(out::add));
        return out;
    }

    private static Set<String> ids(Path file) throws IOException {
        Set<String> keep = new HashSet<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                keep.add(line.strip());
            }
        }
        return keep;
    }

    private static void errors(String title, Map<String, Integer> counts, int limit, PrintStream out) {
        out.printf("%n%s%n", title);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).forEach(e -> out.printf("%5d  %s%n", e.getValue(), e.getKey()));
    }

    static List<Document> read(Path corpus, Map<String, String> opts) throws IOException {
        List<Document> docs = switch (opts.get("format")) {
            case "pubtator" -> {
                if (Files.isDirectory(corpus)) {
                    List<Document> all = new ArrayList<>();
                    try (var s = Files.list(corpus)) {
                        for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                            all.addAll(PubtatorCorpus.read(p));
                        }
                    }
                    yield all;
                }
                yield PubtatorCorpus.read(corpus);
            }
            case "linnaeus" -> LinnaeusCorpus.read(corpus, opts.containsKey("tags")
                    ? Path.of(opts.get("tags"))
                    : AnnotatedCorpus.tagsOf(corpus));
            case "craft" -> CraftCorpus.read(corpus);
            default -> throw new IllegalArgumentException("unknown format " + opts.get("format"));
        };
        if (opts.containsKey("docs")) {
            Set<String> keep = ids(Path.of(opts.get("docs")));
            docs = docs.stream().filter(d -> keep.contains(d.id())).toList();
        }
        return docs;
    }

    static void print(Evaluation.Result r, String corpus, PrintStream out) throws IOException {
        out.printf("corpus: %s (%d documents)%n", corpus, r.documents());
        table("strict mention match", r.mentions(), out);
        table("document-level normalised ids", r.ids(), out);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("corpus", corpus);
        doc.put("documents", r.documents());
        doc.put("mentions", r.mentions());
        doc.put("ids", r.ids());
        out.println(json.writeValueAsString(doc));
    }

    private static void table(String title, List<Scores.Row> rows, PrintStream out) {
        out.printf("%n%s%n", title);
        out.printf("%-10s %9s %9s %9s %7s %7s %7s%n", "type", "precision", "recall", "F1", "TP", "FP", "FN");
        for (Scores.Row row : rows) {
            out.printf("%-10s %9.4f %9.4f %9.4f %7d %7d %7d%n", row.type(), row.precision(), row.recall(), row.f1(),
                    row.tp(), row.fp(), row.fn());
        }
    }
}
