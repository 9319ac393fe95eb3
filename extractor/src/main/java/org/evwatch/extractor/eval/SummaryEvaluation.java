package org.evwatch.extractor.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.evwatch.events.Paper;
import org.evwatch.events.Summary;
import org.evwatch.extractor.ner.EntityRecognizer;
import org.evwatch.extractor.parse.ParseException;
import org.evwatch.extractor.parse.Parsers;
import org.evwatch.extractor.summary.Summarizer;

/**
 * Command line: scores the summaries the extractor writes against summary pages that carry their own TL;DR and key
 * findings, on the same abstracts.
 *
 * <pre>
 * SummaryEvaluation FOLDER|FILE... [--vocab DIR]
 * </pre>
 *
 * Each page is parsed as the extractor parses it (its abstract is the paper's text; its TL;DR and key findings are
 * the reference), its entities are recognised and it is summarised. Per page: ROUGE-L ({@link RougeL}) of the
 * written TL;DR against the page's TL;DR, of the written key findings (joined) against the page's (joined), and,
 * for each of the page's findings, the best ROUGE-L F1 any written finding reaches, averaged. Then the means over
 * the scored pages. Pages without a summary of their own are listed with the TL;DR written for them, unscored.
 */
public final class SummaryEvaluation {

    /** One page: the reference and written summaries and their scores (null scores when nothing to score). */
    public record Row(String page, Summary.FromSource reference, Summary written, RougeL.Score tldr,
            RougeL.Score findings, double bestMatch) {

        boolean scored() {
            return tldr != null;
        }
    }

    private SummaryEvaluation() {
    }

    public static void main(String[] args) throws IOException, ParseException {
        List<Path> pages = new ArrayList<>();
        Optional<Path> vocab = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--vocab") && i + 1 < args.length) {
                vocab = Optional.of(Path.of(args[++i]));
            } else {
                pages.addAll(files(Path.of(args[i])));
            }
        }
        if (pages.isEmpty()) {
            System.err.println("usage: SummaryEvaluation FOLDER|FILE... [--vocab DIR]");
            System.exit(2);
        }
        print(score(pages, EntityRecognizer.load(vocab)), System.out);
    }

    static List<Path> files(Path p) throws IOException {
        if (!Files.isDirectory(p)) {
            return List.of(p);
        }
        try (Stream<Path> s = Files.list(p)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    public static List<Row> score(List<Path> pages, EntityRecognizer recognizer) throws IOException, ParseException {
        Parsers parsers = Parsers.standard();
        Summarizer summarizer = new Summarizer();
        List<Row> rows = new ArrayList<>();
        for (Path page : pages) {
            String text = Files.readString(page, StandardCharsets.UTF_8);
            Paper paper = parsers.parse(null, text);
            Summary written = summarizer.summarize(paper, recognizer.recognize(paper));
            Summary.FromSource reference = parsers.sourceSummary(null, text);
            rows.add(row(page.getFileName().toString(), reference, written));
        }
        return rows;
    }

    static Row row(String page, Summary.FromSource reference, Summary written) {
        if (reference == null || reference.tldr() == null || reference.keyFindings().isEmpty()) {
            return new Row(page, reference, written, null, null, 0);
        }
        RougeL.Score tldr = RougeL.score(written.tldr(), reference.tldr());
        RougeL.Score findings = RougeL.score(String.join(" ", written.keyFindings()),
                String.join(" ", reference.keyFindings()));
        double best = 0;
        for (String ref : reference.keyFindings()) {
            best += written.keyFindings().stream().mapToDouble(w -> RougeL.score(w, ref).f1()).max().orElse(0);
        }
        return new Row(page, reference, written, tldr, findings, best / reference.keyFindings().size());
    }

    static void print(List<Row> rows, PrintStream out) {
        List<Row> scored = rows.stream().filter(Row::scored).toList();
        for (Row r : rows) {
            out.printf("%n== %s%n", r.page());
            if (r.scored()) {
                out.printf("reference TL;DR: %s%n", r.reference().tldr());
            }
            out.printf("written TL;DR:   %s%n", r.written().tldr());
            r.written().keyFindings().forEach(f -> out.printf("  written finding: %s%n", f));
            if (r.scored()) {
                r.reference().keyFindings().forEach(f -> out.printf("  reference finding: %s%n", f));
                out.printf("TL;DR ROUGE-L P/R/F1 %.3f / %.3f / %.3f; key findings (joined) %.3f / %.3f / %.3f; "
                        + "best match per reference finding, mean F1 %.3f%n", r.tldr().precision(),
                        r.tldr().recall(), r.tldr().f1(), r.findings().precision(), r.findings().recall(),
                        r.findings().f1(), r.bestMatch());
            } else {
                out.println("(no TL;DR and key findings of its own: not scored)");
            }
        }
        out.printf("%nscored pages: %d of %d%n", scored.size(), rows.size());
        if (!scored.isEmpty()) {
            out.printf("mean ROUGE-L F1: TL;DR %.3f, key findings (joined) %.3f, best match per finding %.3f%n",
                    scored.stream().mapToDouble(r -> r.tldr().f1()).average().orElse(0),
                    scored.stream().mapToDouble(r -> r.findings().f1()).average().orElse(0),
                    scored.stream().mapToDouble(Row::bestMatch).average().orElse(0));
        }
    }
}
