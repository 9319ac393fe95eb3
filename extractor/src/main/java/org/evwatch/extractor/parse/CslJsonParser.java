package org.evwatch.extractor.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.Paper;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * CSL-JSON items, as Zotero, Mendeley, Pandoc, the NCBI citation exporter and doi.org content negotiation write them:
 * one item object, or an array of them (a whole library). Names are {@code family}/{@code given} or {@code literal};
 * dates {@code date-parts} (numbers or strings), {@code raw} or {@code literal}; ids {@code DOI}, {@code PMID},
 * {@code PMCID}, or "PMID: …" lines of {@code note} where Zotero keeps them.
 */
final class CslJsonParser implements PaperParser {

    static final String FORMAT = "CSL-JSON";

    private static final Pattern NOTE_ID = Pattern.compile("(?im)^\\s*(PMID|PMCID|DOI):\\s*(\\S+)");
    private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("article-journal", "journal-article"),
            Map.entry("paper-conference", "proceedings-article"), Map.entry("chapter", "book-chapter"),
            Map.entry("webpage", "web-page"), Map.entry("post-weblog", "web-page"));

    @Override
    public List<String> contentTypes() {
        return List.of(ContentTypes.CSL_JSON, "application/citeproc+json");
    }

    @Override
    public List<Paper> parseAll(String payload) throws ParseException {
        JsonNode root = Json.parse(payload, FORMAT);
        List<JsonNode> items = Json.records(root, FORMAT + ": expected an item object or an array of items",
                "items");
        return Records.each(items, "item", CslJsonParser::paper);
    }

    private static Paper paper(JsonNode item) throws ParseException {
        if (!item.isObject()) {
            throw new ParseException(FORMAT + ": an item is " + item.getNodeType() + ", not an object");
        }
        PaperDraft d = new PaperDraft();
        ids(d, item);
        d.title(Texts.stripMarkup(Json.firstText(item, "title")));
        AbstractMarkup.addTo(d, Json.text(item, "abstract"));
        for (JsonNode a : Json.list(item, "author")) {
            d.author(Json.text(a, "given"), family(a), Json.text(a, "literal"), Json.text(a, "ORCID"), List.of());
        }
        d.journalTitle = Texts.stripMarkup(Json.firstText(item, "container-title"));
        d.isoAbbreviation = Texts.firstNonBlank(Json.firstText(item, "container-title-short"),
                Json.text(item, "journalAbbreviation"));
        d.issn = Texts.issn(Json.firstText(item, "ISSN"));
        d.volume = Json.text(item, "volume");
        d.issue = Json.text(item, "issue");
        d.pages = BibtexParser.pages(Json.text(item, "page"));
        d.articleNumber = Json.text(item, "number");
        d.publisher = Json.text(item, "publisher");
        d.published = date(Json.at(item, "issued"));
        String type = Json.text(item, "type");
        d.publicationType(type == null ? null : TYPES.getOrDefault(type, type));
        String keywords = Json.firstText(item, "keyword");
        for (String keyword : (keywords == null ? "" : keywords).split("\\s*[;,]\\s*")) {
            d.keyword(keyword);
        }
        d.language = Json.text(item, "language");
        d.license = Json.text(item, "license");
        d.url = Json.text(item, "URL");
        return d.build(FORMAT + (d.doi == null ? "" : " (" + d.doi + ")"));
    }

    /** The family name with its particles, as the product keeps them: "van der" + "Berg" is "van der Berg". */
    private static String family(JsonNode name) {
        String family = Json.text(name, "family");
        if (family == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String part : new String[]{Json.text(name, "dropping-particle"),
                Json.text(name, "non-dropping-particle"), family}) {
            if (part != null) {
                parts.add(part);
            }
        }
        return String.join(" ", parts);
    }

    /** Ids under CSL's upper-case variables, or the lower-case ones some writers use ({@code doi}, {@code pmid}). */
    private static void ids(PaperDraft d, JsonNode item) {
        d.doi(Texts.firstNonBlank(Json.text(item, "DOI"), Json.text(item, "doi")));
        d.pmid(Texts.firstNonBlank(Json.text(item, "PMID"), Json.text(item, "pmid")));
        d.pmcid(Texts.firstNonBlank(Json.text(item, "PMCID"), Json.text(item, "pmcid")));
        d.doi(Texts.doiFromUrl(Json.text(item, "URL")));
        String note = Json.text(item, "note");
        if (note == null) {
            return;
        }
        Matcher m = NOTE_ID.matcher(item.path("note").asText());
        while (m.find()) {
            switch (m.group(1).toUpperCase(java.util.Locale.ROOT)) {
                case "PMID" -> d.pmid(m.group(2));
                case "PMCID" -> d.pmcid(m.group(2));
                default -> d.doi(m.group(2));
            }
        }
    }

    /** {@code {"date-parts": [[2024, 5, 12]]}} (parts may be strings), else {@code raw} or {@code literal}. */
    private static String date(JsonNode issued) {
        JsonNode parts = issued.path("date-parts").path(0);
        if (parts.isArray() && !parts.isEmpty()) {
            String year = parts.path(0).asText(null);
            String month = parts.size() > 1 ? parts.path(1).asText(null) : null;
            String day = parts.size() > 2 ? parts.path(2).asText(null) : null;
            String date = Dates.of(year, month, day);
            if (date != null) {
                return date;
            }
        }
        return Dates.parse(Texts.firstNonBlank(Json.text(issued, "raw"), Json.text(issued, "literal"),
                issued.isValueNode() ? issued.asText() : null));
    }
}
