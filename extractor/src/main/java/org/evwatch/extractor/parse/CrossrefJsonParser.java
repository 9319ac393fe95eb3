package org.evwatch.extractor.parse;

import java.util.ArrayList;
import java.util.List;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.Paper;

import com.fasterxml.jackson.databind.JsonNode;

/** Crossref REST work JSON: a bare work, {@code {"message": work}}, or a work list ({@code message.items}). */
final class CrossrefJsonParser implements PaperParser {

    static final String FORMAT = "Crossref JSON";

    @Override
    public List<String> contentTypes() {
        return List.of(ContentTypes.CROSSREF_JSON);
    }

    @Override
    public List<Paper> parseAll(String payload) throws ParseException {
        JsonNode root = Json.parse(payload, FORMAT);
        JsonNode message = root.has("message") ? root.get("message") : root;
        List<JsonNode> works = Json.records(message, FORMAT + ": expected a work object", "items");
        return Records.each(works, "item", CrossrefJsonParser::paper);
    }

    private static Paper paper(JsonNode w) throws ParseException {
        PaperDraft d = new PaperDraft();
        d.doi(Json.text(w, "DOI"));
        String type = Json.text(w, "type");
        String subtype = Json.text(w, "subtype");
        boolean preprint = "posted-content".equals(type) && (subtype == null || "preprint".equals(subtype));
        relations(d, w, preprint);
        String title = Texts.stripMarkup(Json.firstText(w, "title"));
        String subtitle = Texts.stripMarkup(Json.firstText(w, "subtitle"));
        d.title(title == null || subtitle == null ? title : title + ": " + subtitle);
        AbstractMarkup.addTo(d, Json.text(w, "abstract"));
        for (JsonNode a : Json.list(w, "author")) {
            List<String> affiliations = new ArrayList<>();
            for (JsonNode aff : Json.list(a, "affiliation")) {
                affiliations.add(Json.text(aff, "name"));
            }
            d.author(Json.text(a, "given"), Json.text(a, "family"), Json.text(a, "name"), Json.text(a, "ORCID"),
                    affiliations);
        }
        journal(d, w, preprint);
        dates(d, w);
        d.publicationType(preprint ? "preprint" : type);
        for (String subject : Json.texts(w, "subject")) {
            d.keyword(subject);
        }
        d.license = license(w);
        d.language = Json.text(w, "language");
        d.url = Texts.firstNonBlank(Json.text(w, "URL"), Json.text(w, "resource", "primary", "URL"));
        return d.build(FORMAT + (d.doi == null ? "" : " (" + d.doi + ")"));
    }

    /** A preprint links to its published version, a published work to its preprint. */
    private static void relations(PaperDraft d, JsonNode w, boolean preprint) {
        if (preprint) {
            d.preprintDoi = d.doi;
            for (JsonNode rel : Json.list(w, "relation", "is-preprint-of")) {
                d.publishedDoi = org.evwatch.events.PaperKeys.normaliseDoi(Json.text(rel, "id"));
            }
        } else {
            for (JsonNode rel : Json.list(w, "relation", "has-preprint")) {
                d.preprintDoi = org.evwatch.events.PaperKeys.normaliseDoi(Json.text(rel, "id"));
            }
        }
    }

    private static void journal(PaperDraft d, JsonNode w, boolean preprint) {
        d.journalTitle = Texts.stripMarkup(Json.firstText(w, "container-title"));
        d.isoAbbreviation = Json.firstText(w, "short-container-title");
        for (JsonNode issn : Json.list(w, "issn-type")) {
            if ("electronic".equals(Json.text(issn, "type"))) {
                d.eissn = Json.text(issn, "value");
            } else {
                d.issn = Json.text(issn, "value");
            }
        }
        if (d.issn == null && d.eissn == null) {
            d.issn = Json.firstText(w, "ISSN");
        }
        d.volume = Json.text(w, "volume");
        d.issue = Json.text(w, "issue");
        d.articleNumber = Json.text(w, "article-number");
        String page = Json.text(w, "page");
        if (page != null && d.articleNumber == null && page.matches("[eE]\\d+")) {
            // PLOS and others deposit their e-locator as the page
            d.articleNumber = page;
        } else {
            d.pages = page;
        }
        d.publisher = Json.text(w, "publisher");
        if (preprint && d.journalTitle == null) {
            // a preprint's "journal" is its server, which Crossref lists as the institution
            for (JsonNode institution : Json.list(w, "institution")) {
                d.journalTitle = PaperDraft.first(d.journalTitle, Json.text(institution, "name"));
            }
        }
    }

    /** Print, then any, publication date; the online date; received and accepted from the publisher's assertions. */
    private static void dates(PaperDraft d, JsonNode w) {
        d.published = Texts.firstNonBlank(date(w, "published-print"), date(w, "published"), date(w, "issued"),
                date(w, "posted"));
        d.epub = date(w, "published-online");
        for (JsonNode assertion : Json.list(w, "assertion")) {
            String name = Json.text(assertion, "name");
            if ("received".equals(name)) {
                d.received = Dates.parse(Json.text(assertion, "value"));
            } else if ("accepted".equals(name)) {
                d.accepted = Dates.parse(Json.text(assertion, "value"));
            }
        }
    }

    /** Crossref dates are {@code {"date-parts": [[2012, 3, 21]]}}; {@code [[null]]} means unknown. */
    private static String date(JsonNode w, String field) {
        JsonNode parts = Json.at(w, field, "date-parts").path(0);
        if (!parts.isArray() || parts.isEmpty() || !parts.get(0).canConvertToInt()) {
            return null;
        }
        int[] values = new int[Math.min(parts.size(), 3)];
        for (int i = 0; i < values.length; i++) {
            if (!parts.get(i).canConvertToInt()) {
                return Dates.of(java.util.Arrays.copyOf(values, i));
            }
            values[i] = parts.get(i).asInt();
        }
        return Dates.of(values);
    }

    /** The version-of-record licence first, since that is what a reader of the published paper gets. */
    private static String license(JsonNode w) {
        String any = null;
        for (JsonNode l : Json.list(w, "license")) {
            String url = Json.text(l, "URL");
            if ("vor".equals(Json.text(l, "content-version"))
                    || "unspecified".equals(Json.text(l, "content-version"))) {
                return url;
            }
            any = any == null ? url : any;
        }
        return any;
    }
}
