package org.evwatch.extractor.parse;

import java.util.ArrayList;
import java.util.List;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.Paper;

import com.fasterxml.jackson.databind.JsonNode;

/** Europe PMC REST {@code resultType=core} JSON: one result object, or a whole search response. */
final class EuropePmcJsonParser implements PaperParser {

    static final String FORMAT = "Europe PMC JSON";

    @Override
    public List<String> contentTypes() {
        return List.of(ContentTypes.EUROPEPMC_JSON);
    }

    @Override
    public List<Paper> parseAll(String payload) throws ParseException {
        JsonNode root = Json.parse(payload, FORMAT);
        List<JsonNode> results = Json.records(root, FORMAT + ": expected an object", "resultList", "result");
        return Records.each(results, "result", EuropePmcJsonParser::paper);
    }

    private static Paper paper(JsonNode r) throws ParseException {
        PaperDraft d = new PaperDraft();
        String source = Json.text(r, "source");
        d.doi(Json.text(r, "doi"));
        d.pmid(Json.text(r, "pmid"));
        d.pmcid(Json.text(r, "pmcid"));
        boolean preprint = "PPR".equals(source);
        if (preprint) {
            d.preprintDoi = d.doi;
            d.publicationType("preprint");
        }
        d.title(Texts.stripMarkup(Json.text(r, "title")));
        AbstractMarkup.addTo(d, Json.text(r, "abstractText"));
        authors(d, r);
        journal(d, r, preprint);
        JsonNode info = Json.at(r, "journalInfo");
        d.published = Texts.firstNonBlank(Dates.parse(Json.text(info, "dateOfPublication")),
                Dates.parse(Json.text(info, "printPublicationDate")), Dates.parse(Json.text(r, "firstPublicationDate")),
                Dates.parse(Json.text(r, "pubYear")));
        d.epub = Dates.parse(Json.text(r, "electronicPublicationDate"));
        subjects(d, r);
        d.license = Json.text(r, "license");
        d.language = Json.text(r, "language");
        if (source != null && Json.text(r, "id") != null) {
            d.url = "https://europepmc.org/article/" + source + "/" + Json.text(r, "id");
        }
        return d.build(FORMAT + (Json.text(r, "id") == null ? "" : " (" + source + " " + Json.text(r, "id") + ")"));
    }

    /** The author list with ORCIDs and affiliations, or the lite result type's author string. */
    private static void authors(PaperDraft d, JsonNode r) {
        List<JsonNode> authors = Json.list(r, "authorList", "author");
        for (JsonNode a : authors) {
            String orcid = "ORCID".equalsIgnoreCase(Json.text(a, "authorId", "type"))
                    ? Json.text(a, "authorId", "value")
                    : null;
            List<String> affiliations = new ArrayList<>();
            for (JsonNode aff : Json.list(a, "authorAffiliationDetailsList", "authorAffiliation")) {
                affiliations.add(Json.text(aff, "affiliation"));
            }
            if (Json.text(a, "lastName") == null && Json.text(a, "collectiveName") == null) {
                initialsName(d, Json.text(a, "fullName"), orcid, affiliations);
            } else {
                d.author(Texts.firstNonBlank(Json.text(a, "firstName"), Json.text(a, "initials")),
                        Json.text(a, "lastName"), Json.text(a, "collectiveName"), orcid, affiliations);
            }
        }
        if (authors.isEmpty() && Json.text(r, "authorString") != null) {
            // the lite result type lists authors only as "Family AB, Family C."
            for (String name : Json.text(r, "authorString").replaceAll("\\.$", "").split(",\\s*")) {
                initialsName(d, name, null, List.of());
            }
        }
    }

    /** Journal, ISSNs, volume, issue and locator, from journalInfo or the lite result type's flat fields. */
    private static void journal(PaperDraft d, JsonNode r, boolean preprint) {
        JsonNode info = Json.at(r, "journalInfo");
        d.journalTitle = Json.text(info, "journal", "title");
        d.isoAbbreviation = Texts.firstNonBlank(Json.text(info, "journal", "isoabbreviation"),
                Json.text(info, "journal", "medlineAbbreviation"));
        d.issn = Json.text(info, "journal", "issn");
        d.eissn = Json.text(info, "journal", "essn");
        d.volume = Json.text(info, "volume");
        d.issue = Json.text(info, "issue");
        // the lite result type flattens the journal into top-level fields
        d.journalTitle = PaperDraft.first(d.journalTitle, Json.text(r, "journalTitle"));
        d.volume = PaperDraft.first(d.volume, Json.text(r, "journalVolume"));
        d.issue = PaperDraft.first(d.issue, Json.text(r, "issue"));
        String[] issns = String.valueOf(Json.text(r, "journalIssn")).split(";\\s*");
        if (d.issn == null && Json.text(r, "journalIssn") != null) {
            d.issn = issns[0].toUpperCase(java.util.Locale.ROOT);
            d.eissn = issns.length > 1 && !issns[1].isBlank() ? issns[1].toUpperCase(java.util.Locale.ROOT) : null;
        }
        String pageInfo = Json.text(r, "pageInfo");
        if (pageInfo != null && !pageInfo.contains("-") && !pageInfo.matches("\\d{1,5}")) {
            // "e12807", "102866" style locators name an article, not a page range
            d.articleNumber = pageInfo;
        } else {
            d.pages = pageInfo;
        }
        d.publisher = Json.text(r, "bookOrReportDetails", "publisher");
        if (preprint && d.journalTitle == null) {
            d.journalTitle = d.publisher;
        }
    }

    /** Publication types, keywords and MeSH headings (major when the descriptor or a qualifier is). */
    private static void subjects(PaperDraft d, JsonNode r) {
        for (String type : Json.texts(r, "pubTypeList", "pubType")) {
            d.publicationType(type);
        }
        d.publicationType(Json.text(r, "pubType"));
        for (String keyword : Json.texts(r, "keywordList", "keyword")) {
            d.keyword(keyword);
        }
        for (JsonNode h : Json.list(r, "meshHeadingList", "meshHeading")) {
            boolean major = "Y".equals(Json.text(h, "majorTopic_YN"));
            for (JsonNode q : Json.list(h, "meshQualifierList", "meshQualifier")) {
                major |= "Y".equals(Json.text(q, "majorTopic_YN"));
            }
            String name = Json.text(h, "descriptorName");
            if (name != null) {
                d.meshHeadings.add(new Paper.MeshHeading(Json.text(h, "descriptorUI"), name, major));
            }
        }
    }

    /** "Schoenfeld JD" -> family Schoenfeld, given JD; a name without initials is a family name alone. */
    private static void initialsName(PaperDraft d, String name, String orcid, List<String> affiliations) {
        String n = Texts.clean(name);
        if (n == null) {
            return;
        }
        int space = n.lastIndexOf(' ');
        String tail = space < 0 ? "" : n.substring(space + 1);
        if (space > 0 && tail.matches("\\p{Lu}{1,4}")) {
            d.author(tail, n.substring(0, space), null, orcid, affiliations);
        } else {
            d.author(null, n, null, orcid, affiliations);
        }
    }
}
