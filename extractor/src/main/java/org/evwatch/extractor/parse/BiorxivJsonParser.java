package org.evwatch.extractor.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.Paper;
import org.evwatch.events.PaperKeys;

import com.fasterxml.jackson.databind.JsonNode;

/** bioRxiv/medRxiv {@code /details} JSON: one {@code collection} item, or the whole response. */
final class BiorxivJsonParser implements PaperParser {

    static final String FORMAT = "bioRxiv JSON";

    @Override
    public List<String> contentTypes() {
        return List.of(ContentTypes.BIORXIV_JSON);
    }

    @Override
    public List<Paper> parseAll(String payload) throws ParseException {
        JsonNode root = Json.parse(payload, FORMAT);
        List<JsonNode> items = Json.records(root, FORMAT + ": expected an object", "collection");
        return Records.each(items, "item", BiorxivJsonParser::paper);
    }

    private static Paper paper(JsonNode item) throws ParseException {
        PaperDraft d = new PaperDraft();
        d.doi(Json.text(item, "doi"));
        d.preprintDoi = d.doi;
        // "published" is "NA" until a journal version exists, then that version's DOI
        d.publishedDoi = PaperKeys.normaliseDoi(Json.text(item, "published"));
        d.title(Texts.stripMarkup(Json.text(item, "title")));
        AbstractMarkup.addTo(d, Json.text(item, "abstract"));

        String corresponding = Json.text(item, "author_corresponding");
        String institution = Json.text(item, "author_corresponding_institution");
        String authors = Json.text(item, "authors");
        if (authors != null) {
            for (String name : authors.split(";")) {
                d.authorInverted(name, null, List.of());
            }
        }
        attachInstitution(d, corresponding, institution);

        String server = Json.text(item, "server");
        d.journalTitle = server == null
                ? null
                : server.toLowerCase(Locale.ROOT).equals("medrxiv")
                        ? "medRxiv"
                        : server.toLowerCase(Locale.ROOT).equals("biorxiv") ? "bioRxiv" : server;
        d.publisher = "Cold Spring Harbor Laboratory";
        d.published = Dates.parse(Json.text(item, "date"));
        d.publicationType("preprint");
        d.publicationType(Json.text(item, "type"));
        d.keyword(Json.text(item, "category"));
        d.license = license(Json.text(item, "license"));
        d.language = "en";
        String version = Json.text(item, "version");
        if (d.doi != null && server != null) {
            d.url = "https://www." + server.toLowerCase(Locale.ROOT) + ".org/content/" + d.doi
                    + (version == null ? "" : "v" + version);
        }
        return d.build(FORMAT + (d.doi == null ? "" : " (" + d.doi + ")"));
    }

    /** The one affiliation the API gives belongs to the corresponding author, found by family name. */
    private static void attachInstitution(PaperDraft d, String corresponding, String institution) {
        if (corresponding == null || institution == null) {
            return;
        }
        String wanted = PaperKeys.normaliseText(corresponding);
        for (int i = 0; i < d.authors.size(); i++) {
            Paper.Author a = d.authors.get(i);
            if (a.family() != null && wanted.endsWith(PaperKeys.normaliseText(a.family()))) {
                d.authors.set(i, new Paper.Author(a.given(), a.family(), a.collectiveName(), a.orcid(),
                        List.of(institution)));
                return;
            }
        }
    }

    /** "cc_by_nc_nd" -> "cc by-nc-nd", the spelling Europe PMC uses, so licences compare across sources. */
    private static String license(String license) {
        if (license == null) {
            return null;
        }
        String l = license.toLowerCase(Locale.ROOT);
        if (l.equals("cc_no")) {
            return "no reuse";
        }
        return l.startsWith("cc_") ? "cc " + l.substring(3).replace('_', '-') : l;
    }
}
