package org.evwatch.extractor.parse;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.evwatch.common.library.RisLibrary;
import org.evwatch.events.ContentTypes;
import org.evwatch.events.Paper;

/**
 * RIS records, as Zotero, EndNote, Mendeley, journals and PubMed tools write them. Writers disagree on the tags of a
 * field, so each is read from every tag it is found under: the title from {@code TI}, {@code T1}; the journal from
 * {@code T2}, {@code JO}, {@code JF}; its abbreviation from {@code J2}, {@code JA}; the date from {@code DA},
 * {@code PY}, {@code Y1} ({@code 2024/05/12/}); the abstract from {@code AB}, {@code N2}. Ids come from {@code DO}, a
 * doi.org or PubMed link in {@code UR}, {@code AN} or {@code PM} (PMID), {@code C2} (PMCID) and "PMID: …" notes.
 */
final class RisParser implements PaperParser {

    static final String FORMAT = "RIS";

    /** "PMID: 123" (Zotero's extra field), "123[pmid]" (PubMed's citation manager export). */
    private static final Pattern PMID_NOTE = Pattern
            .compile("(?i)\\bPMID:?\\s*(\\d{1,9})\\b|\\b(\\d{1,9})\\s*\\[pmid]");
    private static final Pattern PMCID_NOTE = Pattern.compile("(?i)\\b(PMC\\d{1,9})\\b");
    private static final Pattern PUBMED_URL = Pattern
            .compile("(?i)(?:pubmed\\.ncbi\\.nlm\\.nih\\.gov/|/pubmed/)(\\d{1,9})");
    private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("JOUR", "journal-article"),
            Map.entry("EJOUR", "journal-article"), Map.entry("JFULL", "journal-article"),
            Map.entry("CONF", "proceedings-article"), Map.entry("CPAPER", "proceedings-article"),
            Map.entry("CHAP", "book-chapter"), Map.entry("BOOK", "book"), Map.entry("THES", "thesis"),
            Map.entry("RPRT", "report"), Map.entry("UNPB", "preprint"), Map.entry("ELEC", "web-page"));

    @Override
    public List<String> contentTypes() {
        return List.of(ContentTypes.RIS);
    }

    @Override
    public List<Paper> parseAll(String payload) throws ParseException {
        RisLibrary.Library library = RisLibrary.read(payload);
        if (!library.failures().isEmpty()) {
            RisLibrary.Failure f = library.failures().get(0);
            throw new ParseException(FORMAT + ": record at line " + f.line() + ": " + f.reason());
        }
        if (library.entries().isEmpty()) {
            throw new ParseException(FORMAT + ": no 'TY  - ' .. 'ER  - ' record in the payload");
        }
        return Records.each(library.entries(), "record", RisParser::paper);
    }

    private static Paper paper(RisLibrary.Entry r) throws ParseException {
        PaperDraft d = new PaperDraft();
        ids(d, r);
        d.title(r.first("TI", "T1", "CT"));
        AbstractMarkup.addPlain(d, Texts.clean(r.first("AB", "N2")));
        for (String name : r.all("AU", "A1")) {
            d.authorInverted(name, null, List.of());
        }
        d.journalTitle = Texts.clean(r.first("T2", "JO", "JF", "BT"));
        d.isoAbbreviation = Texts.clean(r.first("J2", "JA", "J1"));
        d.issn = Texts.issn(r.first("SN"));
        d.volume = r.first("VL");
        d.issue = r.first("IS", "CP");
        String start = r.first("SP");
        String end = r.first("EP");
        d.pages = start == null
                ? null
                : end == null || start.contains("-")
                        ? BibtexParser.pages(start)
                        : start + "-" + end;
        d.publisher = Texts.clean(r.first("PB"));
        d.published = Texts.firstNonBlank(Dates.parse(risDate(r.first("DA"))), Dates.parse(risDate(r.first("PY",
                "Y1"))));
        d.publicationType(TYPES.getOrDefault(r.type(), r.type()));
        for (String keyword : r.all("KW")) {
            d.keyword(keyword);
        }
        d.language = r.first("LA");
        d.url = r.first("UR", "L2");
        return d.build(FORMAT + (d.doi == null ? "" : " (" + d.doi + ")"));
    }

    private static void ids(PaperDraft d, RisLibrary.Entry r) {
        d.doi(r.first("DO"));
        for (String url : r.all("UR", "L1", "L2", "L3")) {
            d.doi(Texts.doiFromUrl(url));
            Matcher m = PUBMED_URL.matcher(url);
            if (m.find()) {
                d.pmid(m.group(1));
            }
        }
        for (String id : r.all("PM", "AN")) {
            d.pmid(id.replaceFirst("(?i)^PMID:?\\s*", ""));
        }
        for (String note : r.all("N1", "M1", "M2", "M3", "C2", "C7", "AN")) {
            Matcher m = PMID_NOTE.matcher(note);
            if (m.find()) {
                d.pmid(m.group(1) != null ? m.group(1) : m.group(2));
            }
            m = PMCID_NOTE.matcher(note);
            if (m.find()) {
                d.pmcid(m.group(1));
            }
            if (d.doi == null && note.toLowerCase(java.util.Locale.ROOT).contains("doi")) {
                d.doi(Texts.findDoi(note));
            }
        }
    }

    /** "2024/05/12/", "2024/05//", "2024///" and "2024/05/12/spring" as the date parser reads them. */
    private static String risDate(String value) {
        if (value == null) {
            return null;
        }
        String[] parts = value.split("/", -1);
        StringBuilder out = new StringBuilder(parts[0].strip());
        for (int i = 1; i < Math.min(parts.length, 3) && parts[i].strip().matches("\\d{1,2}"); i++) {
            out.append('-').append(parts[i].strip());
        }
        return out.toString();
    }
}
