package org.evwatch.extractor.parse;

import static org.evwatch.extractor.parse.RealRecords.displayTitle;
import static org.evwatch.extractor.parse.RealRecords.locator;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.evwatch.events.Paper;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes a paper as an article landing page: Highwire {@code citation_*} meta tags (names "Family, Given" or
 * "Given Family", dates with slashes or dashes, keywords in one tag or several, the abstract in a tag or only on the
 * page), or a schema.org JSON-LD {@code ScholarlyArticle} or Dublin Core tags instead, around a page with navigation, a heading, the
 * abstract (a structured one under its section headings) and a reference list full of other papers' DOIs.
 */
final class HtmlPageWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HtmlPageWriter() {
    }

    static Shown.Page landingPage(Paper p, Random r) {
        Shown s = new Shown();
        s.title = displayTitle(p);
        s.journal = p.journal().title();
        s.volume = p.journal().volume();
        s.issue = p.journal().issue();
        s.doi = p.ids().doi();
        s.published = p.dates().published();
        s.keywords = p.keywords();
        s.language = p.language() == null ? "en" : p.language();
        s.url = "https://journals.example.org/doi/" + s.doi;
        boolean abstractInMetadata = p.abstractSections().size() == 1 && r.nextBoolean();
        s.abstractSections = p.abstractSections();
        int kind = r.nextInt(4);
        Shown.Names names = Shown.Names.SPLIT_WITH_AFFILIATIONS;
        StringBuilder head = new StringBuilder();
        if (kind == 0) {
            head.append("<script type=\"application/ld+json\">").append(jsonLd(p, s, r, abstractInMetadata))
                    .append("</script>\n");
        } else if (kind == 1) {
            names = dublinCore(p, s, r, abstractInMetadata, head);
        } else {
            names = highwire(p, s, r, abstractInMetadata, head);
        }
        s.authors = p.authors().stream().map(names.view).toList();
        String page = "<!DOCTYPE html>\n<html lang=\"" + s.language + "\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
                + escape(s.title) + " | " + escape(s.journal) + "</title>\n<link rel=\"canonical\" href=\"" + s.url
                + "\">\n" + head + "</head>\n<body>\n<nav><a href=\"/\">Home</a> <a href=\"/journals\">Journals</a>"
                + " <a href=\"/about\">About</a></nav>\n<main>\n<h1>" + escape(s.title) + "</h1>\n<p class=\"authors\">"
                + escape(String.join(", ", PageWriter.displayNames(p))) + "</p>\n"
                + (abstractInMetadata ? "" : visibleAbstract(p)) + references(r) + "</main>\n</body>\n</html>\n";
        return new Shown.Page(page, s, names);
    }

    /** The Highwire tags; the names show as they are written: inverted ones give given and family name apart. */
    private static Shown.Names highwire(Paper p, Shown s, Random r, boolean withAbstract, StringBuilder head) {
        boolean inverted = r.nextBoolean();
        meta(head, "citation_title", s.title);
        for (Paper.Author a : p.authors()) {
            meta(head, "citation_author", inverted ? a.family() + ", " + a.given() : a.displayName());
            a.affiliations().forEach(aff -> meta(head, "citation_author_institution", aff));
        }
        meta(head, "citation_journal_title", s.journal);
        meta(head, "citation_volume", s.volume);
        meta(head, "citation_issue", s.issue);
        pages(p, s, head);
        meta(head, "citation_publication_date", r.nextBoolean() ? s.published.replace('-', '/') : s.published);
        meta(head, "citation_doi", r.nextBoolean() ? s.doi : "doi:" + s.doi);
        if (r.nextBoolean()) {
            meta(head, "citation_keywords", String.join("; ", s.keywords));
        } else {
            s.keywords.forEach(k -> meta(head, "citation_keywords", k));
        }
        if (withAbstract) {
            meta(head, "citation_abstract", p.abstractSections().get(0).text());
        }
        meta(head, "og:title", s.title);
        return inverted ? Shown.Names.SPLIT_WITH_AFFILIATIONS : Shown.Names.DISPLAYED;
    }

    /** Dublin Core tags: no volume, issue or pages; creators as "Family, Given". */
    private static Shown.Names dublinCore(Paper p, Shown s, Random r, boolean withAbstract, StringBuilder head) {
        String prefix = r.nextBoolean() ? "DC." : "dc.";
        meta(head, prefix + "title", s.title);
        p.authors().forEach(a -> meta(head, prefix + "creator", a.family() + ", " + a.given()));
        meta(head, prefix + "identifier", (r.nextBoolean() ? "doi:" : "https://doi.org/") + s.doi);
        meta(head, prefix + "source", s.journal);
        meta(head, prefix + "date", s.published);
        s.keywords.forEach(k -> meta(head, prefix + "subject", k));
        if (withAbstract) {
            meta(head, prefix + "description", p.abstractSections().get(0).text());
        }
        meta(head, prefix + "language", s.language);
        s.volume = null;
        s.issue = null;
        return Shown.Names.SPLIT;
    }

    /** "1102-1114" as first and last page; a single page or an article number as the first page alone. */
    private static void pages(Paper p, Shown s, StringBuilder head) {
        String locator = locator(p);
        if (locator == null) {
            return;
        }
        String[] range = locator.split("-", 2);
        meta(head, "citation_firstpage", range[0]);
        if (range.length == 2) {
            meta(head, "citation_lastpage", range[1]);
        }
        s.pages = locator;
    }

    private static String jsonLd(Paper p, Shown s, Random r, boolean withAbstract) {
        ObjectNode article = JSON.createObjectNode().put("@context", "https://schema.org")
                .put("@type", "ScholarlyArticle").put("headline", s.title).put("datePublished", s.published);
        ArrayNode authors = article.putArray("author");
        for (Paper.Author a : p.authors()) {
            ObjectNode person = authors.addObject().put("@type", "Person").put("givenName", a.given())
                    .put("familyName", a.family());
            ArrayNode affiliations = person.putArray("affiliation");
            a.affiliations().forEach(aff -> affiliations.addObject().put("@type", "Organization").put("name", aff));
        }
        article.putObject("identifier").put("@type", "PropertyValue").put("propertyID", "DOI").put("value", s.doi);
        ObjectNode part = article.putObject("isPartOf");
        if (s.issue != null) {
            part = part.put("@type", "PublicationIssue").put("issueNumber", s.issue).putObject("isPartOf");
        }
        part.put("@type", "PublicationVolume").put("volumeNumber", s.volume).putObject("isPartOf")
                .put("@type", "Periodical").put("name", s.journal);
        String locator = locator(p);
        if (locator != null) {
            String[] range = locator.split("-", 2);
            article.put("pageStart", range[0]);
            if (range.length == 2) {
                article.put("pageEnd", range[1]);
            }
            s.pages = locator;
        }
        boolean commaFree = s.keywords.stream().noneMatch(k -> k.contains(",") || k.contains(";"));
        if (commaFree && r.nextBoolean()) {
            article.put("keywords", String.join(", ", s.keywords));
        } else {
            ArrayNode keywords = article.putArray("keywords");
            s.keywords.forEach(keywords::add);
        }
        if (withAbstract) {
            article.put("abstract", p.abstractSections().get(0).text());
        }
        return article.toString().replace("</", "<\\/");
    }

    /** The abstract on the page, each labelled section under its heading. */
    private static String visibleAbstract(Paper p) {
        StringBuilder html = new StringBuilder("<section class=\"abstract\">\n<h2>Abstract</h2>\n");
        for (Paper.AbstractSection a : p.abstractSections()) {
            if (a.label() != null) {
                html.append("<h3>").append(escape(a.label())).append("</h3>\n");
            }
            html.append("<p>").append(escape(a.text())).append("</p>\n");
        }
        return html.append("</section>\n").toString();
    }

    private static String references(Random r) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 3 + r.nextInt(5); i++) {
            items.add("<li>Cited work " + (i + 1) + ". J Cited. 2010;" + (i + 3) + ":1-9. doi: 10.5555/cited."
                    + r.nextInt(100000) + "</li>");
        }
        return "<section class=\"references\">\n<h2>References</h2>\n<ol>\n" + String.join("\n", items)
                + "\n</ol>\n</section>\n";
    }

    private static void meta(StringBuilder head, String name, String value) {
        if (value != null && !value.isBlank()) {
            head.append("<meta name=\"").append(name).append("\" content=\"").append(escape(value)).append("\">\n");
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
