package org.evwatch.gateway.export;

import java.util.List;

import org.evwatch.events.Paper;
import org.evwatch.gateway.model.PartialDate;
import org.evwatch.indexer.api.PaperView;

/**
 * RIS, the tagged format every reference manager imports: one {@code TAG  - value} line per field, CRLF line ends,
 * {@code TY} first and {@code ER} last in each record.
 */
public final class RisWriter implements CitationWriter {

    private static final String EOL = "\r\n";

    @Override
    public String write(List<PaperView> papers) {
        StringBuilder out = new StringBuilder();
        for (PaperView paper : papers) {
            record(out, paper);
        }
        return out.toString();
    }

    private void record(StringBuilder out, PaperView paper) {
        tag(out, "TY", switch (Citations.kind(paper)) {
            case PREPRINT -> "UNPB";
            case ARTICLE, REVIEW -> "JOUR";
        });
        tag(out, "ID", paper.id());
        tag(out, "TI", paper.title());
        for (Paper.Author author : Citations.authors(paper)) {
            if (author.family() != null) {
                tag(out, "AU", Citations.present(author.given())
                        ? author.family() + ", " + author.given()
                        : author.family());
            } else {
                tag(out, "AU", author.collectiveName());
            }
        }
        PartialDate date = PartialDate.parse(paper.dates().published() != null
                ? paper.dates().published()
                : paper.dates().epub());
        if (date != null) {
            tag(out, "PY", Integer.toString(date.year()));
            tag(out, "DA", risDate(date));
        } else if (paper.year() != null) {
            tag(out, "PY", paper.year().toString());
        }
        Paper.Journal journal = paper.journal();
        tag(out, "T2", journal.title());
        tag(out, "J2", journal.isoAbbreviation());
        tag(out, "VL", journal.volume());
        tag(out, "IS", journal.issue());
        String[] pages = Citations.pages(journal);
        if (pages != null) {
            tag(out, "SP", pages[0]);
            tag(out, "EP", pages[1]);
        }
        tag(out, "SN", journal.issn() != null ? journal.issn() : journal.eissn());
        tag(out, "PB", journal.publisher());
        tag(out, "DO", paper.ids().doi());
        tag(out, "AN", paper.ids().pmid() != null ? "PMID:" + paper.ids().pmid() : null);
        tag(out, "C2", paper.ids().pmcid());
        tag(out, "UR", paper.ids().doi() != null ? "https://doi.org/" + paper.ids().doi() : paper.url());
        tag(out, "AB", paper.abstractText());
        for (String keyword : paper.keywords()) {
            tag(out, "KW", keyword);
        }
        for (Paper.MeshHeading mesh : paper.meshHeadings()) {
            tag(out, "KW", mesh.name());
        }
        tag(out, "LA", paper.language());
        out.append("ER  - ").append(EOL);
    }

    private static String risDate(PartialDate date) {
        // RIS dates are YYYY/MM/DD/other, with empty parts kept as slashes.
        return String.format("%04d/%s/%s/", date.year(),
                date.month() == null ? "" : String.format("%02d", date.month()),
                date.day() == null ? "" : String.format("%02d", date.day()));
    }

    private static void tag(StringBuilder out, String tag, String value) {
        if (!Citations.present(value)) {
            return;
        }
        // A value is one line in RIS: line breaks inside it would start a bogus tag.
        String flat = value.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        out.append(tag).append("  - ").append(flat).append(EOL);
    }
}
