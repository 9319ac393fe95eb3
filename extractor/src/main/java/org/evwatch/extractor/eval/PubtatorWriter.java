package org.evwatch.extractor.eval;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;

/**
 * Writes predictions in PubTator format, so that they can be compared with the corpus by any PubTator tool:
 * {@code PMID|t|title}, {@code PMID|a|abstract}, then one line per mention {@code PMID, start, end, mention, type,
 * id} (tab-separated, offsets into {@code title + " " + abstract}), and a blank line after each document. Types
 * are written as PubTator names ({@code Chemical}, {@code Disease}, {@code Gene}, {@code Species},
 * {@code CellLine}, {@code CellType}); ids keep their namespace ({@code MESH:D009369}, {@code NCBIGene:967}).
 * A full-text document (LINNAEUS, CRAFT) has no title or abstract: its body is written as the title line with an
 * empty abstract, so that the offsets stay the corpus's own. Tabs and line breaks in texts are written as spaces,
 * which keeps every offset.
 */
public final class PubtatorWriter {

    private PubtatorWriter() {
    }

    /** Appends one document and its predictions, ordered by position. */
    public static void write(Document d, List<Evaluation.Prediction> predictions, Appendable out)
            throws IOException {
        boolean fullText = d.title() == null && d.abstractText() == null;
        String title = fullText ? d.body() : d.title();
        String abs = fullText ? "" : d.abstractText();
        out.append(d.id()).append("|t|").append(oneLine(title)).append('\n');
        out.append(d.id()).append("|a|").append(oneLine(abs)).append('\n');
        List<Evaluation.Prediction> sorted = predictions.stream()
                .sorted(Comparator.comparingInt(Evaluation.Prediction::start)
                        .thenComparingInt(Evaluation.Prediction::end))
                .toList();
        for (Evaluation.Prediction p : sorted) {
            out.append(d.id()).append('\t').append(Integer.toString(p.start())).append('\t')
                    .append(Integer.toString(p.end())).append('\t').append(oneLine(p.text())).append('\t')
                    .append(typeName(p.type())).append('\t').append(p.id()).append('\n');
        }
        out.append('\n');
    }

    /** The PubTator type name an evaluation type is written as; the PubTator reader reads each back. */
    static String typeName(EvalType t) {
        return switch (t) {
            case CHEMICAL -> "Chemical";
            case DISEASE -> "Disease";
            case GENE -> "Gene";
            case SPECIES -> "Species";
            case CELL_LINE -> "CellLine";
            case CELL_TYPE -> "CellType";
        };
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
