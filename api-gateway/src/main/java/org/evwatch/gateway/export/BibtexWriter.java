package org.evwatch.gateway.export;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.evwatch.events.Paper;
import org.evwatch.indexer.api.PaperView;

/**
 * BibTeX entries ({@code @article}, {@code @misc} for preprints) with keys like {@code thery2024exosomes}, unique
 * within one file. Values are brace-delimited with TeX's special characters escaped; non-ASCII letters are kept as
 * UTF-8, which biber, Zotero and JabRef read.
 */
public final class BibtexWriter implements CitationWriter {

    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
            "nov", "dec"};

    @Override
    public String write(List<PaperView> papers) {
        Map<String, Integer> used = new HashMap<>();
        StringBuilder out = new StringBuilder();
        for (PaperView paper : papers) {
            String key = key(paper);
            int n = used.merge(key, 1, Integer::sum);
            if (n > 1) {
                key = key + (char) ('a' + Math.min(n - 2, 25)) + (n > 27 ? Integer.toString(n) : "");
            }
            entry(out, paper, key);
        }
        return out.toString();
    }

    private void entry(StringBuilder out, PaperView paper, String key) {
        boolean preprint = Citations.kind(paper) == Citations.Kind.PREPRINT;
        out.append(preprint ? "@misc{" : "@article{").append(key).append(",\n");
        List<String[]> fields = new ArrayList<>();
        field(fields, "title", paper.title());
        String authors = Citations.authors(paper).stream().map(BibtexWriter::author)
                .collect(Collectors.joining(" and "));
        if (!authors.isEmpty()) {
            fields.add(new String[]{"author", authors});
        }
        Paper.Journal journal = paper.journal();
        field(fields, preprint ? "howpublished" : "journal", journal.title());
        if (paper.year() != null) {
            field(fields, "year", paper.year().toString());
        }
        var date = org.evwatch.gateway.model.PartialDate.parse(paper.dates().published());
        if (date != null && date.month() != null) {
            fields.add(new String[]{"month", MONTHS[date.month() - 1]});
        }
        field(fields, "volume", journal.volume());
        field(fields, "number", journal.issue());
        String[] pages = Citations.pages(journal);
        if (pages != null) {
            field(fields, "pages", pages[1] == null ? pages[0] : pages[0] + "--" + pages[1]);
        }
        field(fields, "issn", journal.issn() != null ? journal.issn() : journal.eissn());
        field(fields, "publisher", journal.publisher());
        field(fields, "doi", paper.ids().doi());
        field(fields, "pmid", paper.ids().pmid());
        field(fields, "pmcid", paper.ids().pmcid());
        field(fields, "url", paper.ids().doi() != null ? "https://doi.org/" + paper.ids().doi() : paper.url());
        field(fields, "abstract", paper.abstractText());
        List<String> keywords = new ArrayList<>(paper.keywords());
        paper.meshHeadings().forEach(m -> keywords.add(m.name()));
        field(fields, "keywords", String.join(", ", keywords));
        field(fields, "language", paper.language());
        for (int i = 0; i < fields.size(); i++) {
            String[] f = fields.get(i);
            boolean raw = f[0].equals("month");
            out.append("  ").append(f[0]).append(" = ");
            out.append(raw ? f[1] : "{" + f[1] + "}");
            out.append(i + 1 < fields.size() ? ",\n" : "\n");
        }
        out.append("}\n\n");
    }

    private static String author(Paper.Author a) {
        if (a.family() == null) {
            // Double braces keep a group name from being split into given and family names.
            return "{" + escape(a.collectiveName()) + "}";
        }
        return Citations.present(a.given()) ? escape(a.family()) + ", " + escape(a.given()) : escape(a.family());
    }

    private static void field(List<String[]> fields, String name, String value) {
        if (Citations.present(value)) {
            boolean verbatim = name.equals("url") || name.equals("doi");
            String v = value.replaceAll("\\s+", " ").strip();
            fields.add(new String[]{name, verbatim ? escapeVerbatim(v) : escape(v)});
        }
    }

    /** Escapes TeX's special characters so a title like "5% of CD63+ & CD81_high" survives. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '{', '}', '&', '%', '$', '#', '_' -> out.append('\\').append(c);
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** URLs and DOIs are read verbatim by biblatex; only unbalanced braces and percent signs would break them. */
    private static String escapeVerbatim(String s) {
        return s.replace("%", "\\%").replace("{", "%7B").replace("}", "%7D");
    }

    /** First author's family name, year and first significant title word, folded to ASCII letters and digits. */
    static String key(PaperView paper) {
        List<Paper.Author> authors = Citations.authors(paper);
        String who = authors.isEmpty()
                ? "anon"
                : authors.get(0).family() != null ? authors.get(0).family() : authors.get(0).collectiveName();
        String word = "";
        if (paper.title() != null) {
            for (String w : ascii(paper.title()).split(" ")) {
                if (w.length() > 3 && !List.of("with", "from", "into", "that", "their", "these", "this").contains(w)) {
                    word = w;
                    break;
                }
            }
        }
        String whoKey = ascii(who).replace(" ", "");
        String key = (whoKey.isEmpty() ? "anon" : whoKey) + (paper.year() == null ? "" : paper.year()) + word;
        return key.length() > 40 ? key.substring(0, 40) : key;
    }

    private static String ascii(String s) {
        String folded = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
    }
}
