package org.evwatch.extractor.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.evwatch.common.library.MedlineLibrary;
import org.evwatch.common.library.TagLine;
import org.evwatch.events.ContentTypes;
import org.evwatch.events.Paper;

/**
 * MEDLINE records, as PubMed writes its "PubMed format" and {@code .nbib} citation-manager exports: {@code PMID},
 * {@code TI} (or {@code BTI} for a book), {@code AB}, each author's {@code FAU} (else {@code AU}) with the
 * {@code AD} affiliations and {@code AUID} ORCID that follow it, {@code JT} and {@code TA} for the journal,
 * {@code IS}, {@code VI}, {@code IP}, {@code PG}, the date from {@code DP}, ids from {@code LID} and {@code AID}
 * ({@code 10.1/x [doi]}) and {@code PMC}, keywords from {@code OT}, MeSH headings from {@code MH} (a {@code *} marks
 * a major topic), publication types from {@code PT} and the language from {@code LA}.
 */
final class MedlineParser implements PaperParser {

    static final String FORMAT = "MEDLINE";

    private static final Pattern TYPED_ID = Pattern.compile("^(\\S+)\\s*\\[(doi|pii|pmc)]$");
    private static final Pattern ORCID = Pattern.compile("(\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX])");
    private static final Pattern ISSN = Pattern.compile("^(\\d{4}-\\d{3}[\\dXx])\\s*(?:\\((\\w+)\\))?");
    /** MEDLINE's ISO 639-2 codes for the languages most papers are in; others are kept as written. */
    private static final Map<String, String> LANGUAGES = Map.of("eng", "en", "fre", "fr", "ger", "de", "spa", "es",
            "ita", "it", "chi", "zh", "jpn", "ja", "rus", "ru", "por", "pt");

    @Override
    public List<String> contentTypes() {
        return List.of(ContentTypes.MEDLINE);
    }

    @Override
    public List<Paper> parseAll(String payload) throws ParseException {
        MedlineLibrary.Library library = MedlineLibrary.read(payload);
        if (!library.failures().isEmpty()) {
            MedlineLibrary.Failure f = library.failures().get(0);
            throw new ParseException(FORMAT + ": record at line " + f.line() + ": " + f.reason());
        }
        if (library.entries().isEmpty()) {
            throw new ParseException(FORMAT + ": no record (a record starts with a 'PMID- ' line) in the payload");
        }
        return Records.each(library.entries(), "record", MedlineParser::paper);
    }

    private static Paper paper(MedlineLibrary.Entry r) throws ParseException {
        PaperDraft d = new PaperDraft();
        d.pmid(r.pmid());
        ids(d, r);
        d.title(Texts.clean(r.first("TI", "BTI")));
        AbstractMarkup.addPlain(d, Texts.clean(r.first("AB")));
        authors(d, r);
        d.journalTitle = Texts.clean(r.first("JT"));
        d.isoAbbreviation = Texts.clean(r.first("TA"));
        issns(d, r.all("IS"));
        d.volume = r.first("VI");
        d.issue = r.first("IP");
        d.pages = r.first("PG");
        d.published = Dates.parse(r.first("DP"));
        for (String type : r.all("PT")) {
            d.publicationType(type);
        }
        for (String keyword : r.all("OT")) {
            d.keyword(keyword);
        }
        for (String heading : r.all("MH")) {
            boolean major = heading.contains("*");
            d.meshHeadings.add(new Paper.MeshHeading(null, heading.split("/", 2)[0].replace("*", "").strip(), major));
        }
        String language = r.first("LA");
        d.language = language == null ? null : LANGUAGES.getOrDefault(language.toLowerCase(Locale.ROOT), language);
        return d.build(FORMAT + " (PMID " + r.pmid() + ")");
    }

    private static void ids(PaperDraft d, MedlineLibrary.Entry r) {
        for (String id : r.all("LID", "AID")) {
            Matcher m = TYPED_ID.matcher(id);
            if (m.matches() && m.group(2).equals("doi")) {
                d.doi(m.group(1));
            } else if (m.matches() && m.group(2).equals("pmc")) {
                d.pmcid(m.group(1));
            }
        }
        d.pmcid(r.first("PMC"));
    }

    /**
     * Each author in order, with the affiliations and ORCID listed after their name, up to the next author; a group
     * author ({@code CN}) where it stands.
     */
    private static void authors(PaperDraft d, MedlineLibrary.Entry r) {
        boolean full = r.tags().stream().anyMatch(t -> t.tag().equals("FAU"));
        String nameTag = full ? "FAU" : "AU";
        String name = null;
        String orcid = null;
        List<String> affiliations = new ArrayList<>();
        for (TagLine t : r.tags()) {
            if (t.tag().equals(nameTag) || t.tag().equals("CN")) {
                addAuthor(d, full, name, orcid, affiliations);
                name = t.tag().equals("CN") ? null : t.value();
                orcid = null;
                affiliations = new ArrayList<>();
                if (t.tag().equals("CN")) {
                    d.author(null, null, t.value(), null, List.of());
                }
            } else if (name != null && t.tag().equals("AD")) {
                affiliations.add(Texts.clean(t.value()));
            } else if (name != null && t.tag().equals("AUID")) {
                Matcher m = ORCID.matcher(t.value());
                orcid = m.find() ? m.group(1) : orcid;
            }
        }
        addAuthor(d, full, name, orcid, affiliations);
    }

    /** A full name ({@code FAU}: "Family, Given M") or, in records without, the short one ({@code AU}: "Family GM"). */
    private static void addAuthor(PaperDraft d, boolean full, String name, String orcid, List<String> affiliations) {
        if (name != null && full) {
            d.authorInverted(name, orcid, List.copyOf(affiliations));
        } else if (name != null) {
            d.authorLoose(name);
        }
    }

    private static void issns(PaperDraft d, List<String> values) {
        for (String value : values) {
            Matcher m = ISSN.matcher(value);
            if (!m.find()) {
                continue;
            }
            if ("Electronic".equalsIgnoreCase(m.group(2))) {
                d.eissn = d.eissn == null ? m.group(1) : d.eissn;
            } else if (!"Linking".equalsIgnoreCase(m.group(2)) && d.issn == null) {
                d.issn = m.group(1);
            }
        }
    }
}
