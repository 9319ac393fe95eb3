package org.evwatch.extractor.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.evwatch.common.library.BibtexLibrary;
import org.evwatch.events.ContentTypes;
import org.evwatch.events.Paper;

/**
 * BibTeX and BibLaTeX entries, as Zotero, JabRef, Mendeley and journals write them: LaTeX decoded, authors split on
 * {@code and} ("Family, Given", "Given Family", a braced group name), {@code year}/{@code month}/{@code day} or
 * BibLaTeX {@code date}, the ids of {@code doi}, {@code pmid}, {@code pmcid} or {@code eprint} with
 * {@code eprinttype = {pubmed}}. The fetcher sends one entry per record (with the file's {@code @string} macros
 * before it); a whole library is read here too, and fails on its first unreadable entry.
 */
final class BibtexParser implements PaperParser {

    static final String FORMAT = "BibTeX";

    private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("article", "journal-article"),
            Map.entry("inproceedings", "proceedings-article"), Map.entry("conference", "proceedings-article"),
            Map.entry("incollection", "book-chapter"), Map.entry("inbook", "book-chapter"),
            Map.entry("phdthesis", "thesis"), Map.entry("mastersthesis", "thesis"), Map.entry("thesis", "thesis"),
            Map.entry("techreport", "report"), Map.entry("report", "report"), Map.entry("book", "book"),
            Map.entry("online", "web-page"), Map.entry("unpublished", "preprint"));

    @Override
    public List<String> contentTypes() {
        return List.of(ContentTypes.BIBTEX, "text/x-bibtex");
    }

    @Override
    public List<Paper> parseAll(String payload) throws ParseException {
        BibtexLibrary.Library library = BibtexLibrary.read(payload);
        if (!library.failures().isEmpty()) {
            BibtexLibrary.Failure f = library.failures().get(0);
            throw new ParseException(FORMAT + ": entry " + (f.key() == null ? "" : f.key() + " ") + "at line "
                    + f.line() + ": " + f.reason());
        }
        if (library.entries().isEmpty()) {
            throw new ParseException(FORMAT + ": no @type{key, ...} entry in the payload");
        }
        return Records.each(library.entries(), "entry", BibtexParser::paper);
    }

    private static Paper paper(BibtexLibrary.Entry e) throws ParseException {
        PaperDraft d = new PaperDraft();
        ids(d, e);
        d.title(Latex.toText(e.field("title")));
        String subtitle = Latex.toText(e.field("subtitle"));
        if (d.title != null && subtitle != null) {
            d.title = d.title + ": " + subtitle;
        }
        AbstractMarkup.addPlain(d, Latex.toText(e.field("abstract")));
        authors(d, e.field("author"));
        d.journalTitle = Latex.toText(Texts.firstNonBlank(e.field("journal"), e.field("journaltitle"),
                e.field("booktitle")));
        d.isoAbbreviation = Latex.toText(Texts.firstNonBlank(e.field("shortjournal"), e.field("journal-iso")));
        d.issn = Texts.issn(e.field("issn"));
        d.volume = e.field("volume");
        d.issue = Texts.firstNonBlank(e.field("number"), e.field("issue"));
        d.pages = pages(Latex.toText(e.field("pages")));
        d.publisher = Latex.toText(e.field("publisher"));
        d.published = Texts.firstNonBlank(Dates.parse(e.field("date")), Dates.of(e.field("year"),
                e.field("month"), e.field("day")));
        d.publicationType(TYPES.getOrDefault(e.type(), e.type()));
        String keywords = Latex.toText(e.field("keywords"));
        for (String keyword : keywords == null ? new String[0] : keywords.split("\\s*[;,]\\s*")) {
            d.keyword(keyword);
        }
        // Zotero's BibLaTeX writes babel's language names: langid = {english}
        d.language = Texts.firstNonBlank(e.field("language"), e.field("langid"));
        d.license = e.field("copyright");
        d.url = Latex.verbatim(e.field("url"));
        return d.build(FORMAT + " (" + e.key() + ")");
    }

    private static void ids(PaperDraft d, BibtexLibrary.Entry e) {
        d.doi(Latex.verbatim(e.field("doi")));
        d.doi(Texts.doiFromUrl(Latex.verbatim(e.field("url"))));
        d.pmid(e.field("pmid"));
        d.pmcid(e.field("pmcid"));
        String eprintType = Texts.firstNonBlank(e.field("eprinttype"), e.field("archiveprefix"));
        if ("pubmed".equalsIgnoreCase(eprintType)) {
            d.pmid(e.field("eprint"));
        } else if ("pmc".equalsIgnoreCase(eprintType)) {
            d.pmcid(e.field("eprint"));
        }
        // Zotero writes what BibTeX has no field for into a note or annote: "PMID: 123", "PMCID: PMC456"
        String note = java.util.Objects.requireNonNullElse(Texts.firstNonBlank(e.field("note"), e.field("annote"),
                e.field("extra")), "");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)\\bPMID:\\s*(\\d+)").matcher(note);
        if (m.find()) {
            d.pmid(m.group(1));
        }
        m = java.util.regex.Pattern.compile("(?i)\\bPMCID:\\s*(PMC\\d+)").matcher(note);
        if (m.find()) {
            d.pmcid(m.group(1));
        }
    }

    /** "Family, Given and Given Family and {Group Name}": {@code and} splits only outside braces. */
    private static void authors(PaperDraft d, String field) {
        if (field == null) {
            return;
        }
        for (String name : splitNames(field)) {
            String n = name.strip();
            if (n.equalsIgnoreCase("others")) {
                continue;
            }
            if (n.startsWith("{") && n.endsWith("}") && outerBraced(n)) {
                d.author(null, null, Latex.toText(n), null, List.of());
            } else {
                String[] parts = n.split(",", -1);
                String text = Latex.toText(n);
                if (parts.length == 3) {
                    // "von Family, Jr, Given"
                    d.author(Latex.toText(parts[2]), Latex.toText(parts[0]), null, null, List.of());
                } else {
                    d.authorInverted(text, null, List.of());
                }
            }
        }
    }

    private static List<String> splitNames(String field) {
        List<String> names = new ArrayList<>();
        int depth = 0;
        int start = 0;
        String lower = field.toLowerCase(Locale.ROOT);
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth == 0 && Character.isWhitespace(c) && lower.startsWith("and", i + 1) && i + 4 < field.length()
                    && Character.isWhitespace(field.charAt(i + 4))) {
                names.add(field.substring(start, i));
                start = i + 4;
            }
        }
        names.add(field.substring(start));
        return names;
    }

    private static boolean outerBraced(String n) {
        int depth = 0;
        for (int i = 0; i < n.length(); i++) {
            depth += n.charAt(i) == '{' ? 1 : n.charAt(i) == '}' ? -1 : 0;
            if (depth == 0 && i < n.length() - 1) {
                return false;
            }
        }
        return true;
    }

    /** "100--110" and "100–110" as "100-110". */
    static String pages(String pages) {
        return pages == null ? null : pages.replaceAll("\\s*[–—-]+\\s*", "-");
    }
}
