package org.evwatch.extractor.eval;

import java.io.IOException;
import java.io.PrintStream;
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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Command line: scores the entity recogniser on an annotated corpus.
 *
 * <pre>
 * Evaluate CORPUS --format pubtator|linnaeus|craft [--vocab DIR] [--docs IDS_FILE] [--tags TAGS_FILE] [--errors N]
 * </pre>
 *
 * CORPUS is a PubTator file (or a folder of them) or a LINNAEUS/CRAFT corpus folder; {@code --docs} restricts to
 * the document ids listed one per line (a train or dev split); {@code --tags} picks the LINNAEUS tag file (default:
 * the first {@code tags*.tsv}); {@code --errors N} also lists the N most frequent wrong and missed ids. Prints a table (type, precision, recall, F1, counts) for strict mention match and for
 * document-level ids, then the same as JSON.
 */
public final class Evaluate {

    private Evaluate() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                opts.put(args[i].substring(2), args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
        if (positional.size() != 1 || !opts.containsKey("format")) {
            System.err.println("usage: Evaluate CORPUS --format pubtator|linnaeus|craft [--vocab DIR] "
                    + "[--docs IDS_FILE] [--tags TAGS_FILE] [--errors N]");
            System.exit(2);
        }
        List<Document> docs = read(Path.of(positional.get(0)), opts);
        EntityRecognizer recognizer = EntityRecognizer.load(Optional.ofNullable(opts.get("vocab")).map(Path::of));
        Evaluation.Result result = new Evaluation(recognizer).run(docs);
        print(result, positional.get(0), System.out);
        int errors = Integer.parseInt(opts.getOrDefault("errors", "0"));
        if (errors > 0) {
            errors("most frequent false positives (document-level ids)", result.falsePositives(), errors);
            errors("most frequent false negatives (document-level ids)", result.falseNegatives(), errors);
        }
    }

    private static void errors(String title, Map<String, Integer> counts, int limit) {
        System.out.printf("%n%s%n", title);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).forEach(e -> System.out.printf("%5d  %s%n", e.getValue(), e.getKey()));
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
                    : firstTags(corpus));
            case "craft" -> CraftCorpus.read(corpus);
            default -> throw new IllegalArgumentException("unknown format " + opts.get("format"));
        };
        if (opts.containsKey("docs")) {
            Set<String> keep = new HashSet<>();
            for (String line : Files.readAllLines(Path.of(opts.get("docs")))) {
                if (!line.isBlank()) {
                    keep.add(line.strip());
                }
            }
            docs = docs.stream().filter(d -> keep.contains(d.id())).toList();
        }
        return docs;
    }

    private static Path firstTags(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("tags")).sorted().findFirst()
                    .orElseThrow(() -> new IOException("no tags*.tsv in " + dir));
        }
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
