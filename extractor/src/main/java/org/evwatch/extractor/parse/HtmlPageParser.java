package org.evwatch.extractor.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.Paper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Article landing pages. Metadata is read, most reliable first, from Highwire {@code citation_*} meta tags (what
 * Google Scholar indexes, so publishers fill them carefully), JSON-LD {@code ScholarlyArticle}, Dublin Core
 * {@code DC.*}, and finally the visible page: its heading, an "Abstract" section and any DOI in the text.
 */
final class HtmlPageParser implements PaperParser {

    static final String FORMAT = "HTML page";

    private static final java.util.regex.Pattern LABELLED_DOI = java.util.regex.Pattern.compile(
            "(?i)\\b(?:doi:?\\s*|https?://(?:dx\\.)?doi\\.org/)(10\\.\\d{4,9}/\\S+)");

    @Override
    public List<String> contentTypes() {
        return List.of(ContentTypes.HTML, "application/xhtml+xml");
    }

    @Override
    public List<Paper> parseAll(String payload) throws ParseException {
        Document page = Jsoup.parse(payload);
        Metas metas = Metas.of(page);
        PaperDraft d = new PaperDraft();
        highwire(d, metas);
        for (JsonNode article : jsonLdArticles(page)) {
            jsonLd(d, article);
        }
        dublinCore(d, metas);
        visible(d, page, metas);
        return List.of(d.build(FORMAT + (d.url == null ? "" : " (" + d.url + ")")));
    }

    private static void highwire(PaperDraft d, Metas doc) {
        d.title(meta(doc, "citation_title"));
        d.doi(meta(doc, "citation_doi"));
        d.pmid(meta(doc, "citation_pmid"));
        d.pmcid(meta(doc, "citation_pmcid"));
        // authors, their institutions and ORCIDs come as a run of tags in document order
        Paper.Author pending = null;
        List<String> institutions = new ArrayList<>();
        String orcid = null;
        for (String[] tag : doc.ordered()) {
            String name = tag[0];
            String value = tag[1];
            if (name.equals("citation_author")) {
                if (pending != null) {
                    addPending(d, pending, orcid, institutions);
                }
                PaperDraft one = new PaperDraft();
                one.authorLoose(value);
                pending = one.authors.isEmpty() ? null : one.authors.get(0);
                institutions = new ArrayList<>();
                orcid = null;
            } else if (name.equals("citation_author_institution") && pending != null) {
                institutions.add(value);
            } else if (name.equals("citation_author_orcid") && pending != null) {
                orcid = value;
            }
        }
        if (pending != null) {
            addPending(d, pending, orcid, institutions);
        }
        AbstractMarkup.addTo(d, meta(doc, "citation_abstract"));
        d.journalTitle = Texts.firstNonBlank(meta(doc, "citation_journal_title"),
                meta(doc, "citation_conference_title"));
        d.isoAbbreviation = meta(doc, "citation_journal_abbrev");
        List<String> issns = metas(doc, "citation_issn");
        d.issn = issns.isEmpty() ? null : issns.get(0);
        d.eissn = issns.size() > 1 ? issns.get(1) : null;
        d.volume = meta(doc, "citation_volume");
        d.issue = meta(doc, "citation_issue");
        String first = meta(doc, "citation_firstpage");
        String last = meta(doc, "citation_lastpage");
        d.pages = first == null ? null : last == null || last.equals(first) ? first : first + "-" + last;
        d.articleNumber = meta(doc, "citation_article_number");
        d.publisher = meta(doc, "citation_publisher");
        d.published = Dates
                .parse(Texts.firstNonBlank(meta(doc, "citation_publication_date"), meta(doc, "citation_date"),
                        meta(doc, "citation_cover_date")));
        d.epub = Dates.parse(meta(doc, "citation_online_date"));
        d.publicationType(meta(doc, "citation_article_type"));
        for (String k : metas(doc, "citation_keywords")) {
            for (String part : k.split(";")) {
                d.keyword(part);
            }
        }
        d.language = meta(doc, "citation_language");
        d.license = meta(doc, "citation_license");
        d.url = Texts.firstNonBlank(meta(doc, "citation_abstract_html_url"), meta(doc, "citation_fulltext_html_url"),
                meta(doc, "citation_public_url"));
    }

    private static void addPending(PaperDraft d, Paper.Author a, String orcid, List<String> institutions) {
        d.author(a.given(), a.family(), a.collectiveName(), orcid, institutions);
    }

    /** JSON-LD blocks whose @type is an article, also inside {@code @graph} or arrays. */
    private static List<JsonNode> jsonLdArticles(Document doc) {
        List<JsonNode> out = new ArrayList<>();
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                collectArticles(Json.parse(script.data(), FORMAT), out);
            } catch (ParseException e) {
                // a broken JSON-LD block is common on real pages; the other metadata still applies
            }
        }
        return out;
    }

    private static void collectArticles(JsonNode node, List<JsonNode> out) {
        if (node.isArray()) {
            node.forEach(n -> collectArticles(n, out));
        } else if (node.isObject()) {
            for (String type : Json.texts(node, "@type")) {
                if (type.endsWith("Article")) {
                    out.add(node);
                    return;
                }
            }
            if (node.has("@graph")) {
                collectArticles(node.get("@graph"), out);
            }
        }
    }

    private static void jsonLd(PaperDraft d, JsonNode a) {
        d.title(Texts.stripMarkup(Texts.firstNonBlank(Json.text(a, "headline"), Json.text(a, "name"))));
        for (JsonNode id : Json.list(a, "identifier")) {
            d.doi(id.isObject() ? Json.text(id, "value") : Json.text(id));
        }
        for (JsonNode same : Json.list(a, "sameAs")) {
            d.doi(Json.text(same));
        }
        d.doi(Json.text(a, "doi"));
        d.doi(Texts.doiFromUrl(Json.text(a, "@id")));
        if (d.authors.isEmpty()) {
            jsonLdAuthors(d, a);
        }
        if (d.abstractSections.isEmpty()) {
            AbstractMarkup.addTo(d, Texts.firstNonBlank(Json.text(a, "abstract"), Json.text(a, "description")));
        }
        jsonLdJournal(d, a);
        d.published = PaperDraft.first(d.published, Dates.parse(Json.text(a, "datePublished")));
        d.received = PaperDraft.first(d.received, Dates.parse(Json.text(a, "dateReceived")));
        JsonNode keywords = Json.at(a, "keywords");
        if (keywords.isTextual()) {
            for (String k : keywords.asText().split("[,;]")) {
                d.keyword(k);
            }
        } else {
            Json.texts(a, "keywords").forEach(d::keyword);
        }
        d.license = PaperDraft.first(d.license, Json.firstText(a, "license"));
        d.language = PaperDraft.first(d.language, Json.text(a, "inLanguage"));
        d.url = PaperDraft.first(d.url, Json.text(a, "url"));
        for (String type : Json.texts(a, "@type")) {
            if (!type.equals("Article") && !type.equals("ScholarlyArticle")) {
                d.publicationType(type.replaceAll("(?<=[a-z])(?=[A-Z])", " "));
            }
        }
    }

    /** Persons with ORCID and affiliations, organisations as collective authors, bare strings as loose names. */
    private static void jsonLdAuthors(PaperDraft d, JsonNode a) {
        for (JsonNode author : Json.list(a, "author")) {
            if (author.isTextual()) {
                d.authorLoose(author.asText());
                continue;
            }
            List<String> affiliations = new ArrayList<>();
            for (JsonNode aff : Json.list(author, "affiliation")) {
                affiliations.add(aff.isObject() ? Json.text(aff, "name") : Json.text(aff));
            }
            String orcid = Texts
                    .orcid(Texts.firstNonBlank(Json.text(author, "@id"), Json.firstText(author, "sameAs"),
                            Json.text(author, "identifier")));
            String given = Json.text(author, "givenName");
            String family = Json.text(author, "familyName");
            if (given == null && family == null && "Organization".equals(Json.text(author, "@type"))) {
                d.author(null, null, Json.text(author, "name"), null, affiliations);
            } else if (given == null && family == null) {
                d.authorLoose(Json.text(author, "name"));
                if (!d.authors.isEmpty() && (orcid != null || !affiliations.isEmpty())) {
                    Paper.Author last = d.authors.remove(d.authors.size() - 1);
                    d.author(last.given(), last.family(), null, orcid, affiliations);
                }
            } else {
                d.author(given, family, null, orcid, affiliations);
            }
        }
    }

    /** Journal, ISSNs, volume, issue, pages and publisher; the fields a reader met earlier on the page win. */
    private static void jsonLdJournal(PaperDraft d, JsonNode a) {
        // isPartOf nests issue -> volume -> periodical
        for (JsonNode part = Json.at(a, "isPartOf"); part != null
                && !part.isMissingNode(); part = part.path("isPartOf")) {
            String type = String.join(",", Json.texts(part, "@type"));
            if (type.contains("PublicationIssue")) {
                d.issue = PaperDraft.first(d.issue, Json.text(part, "issueNumber"));
            } else if (type.contains("PublicationVolume")) {
                d.volume = PaperDraft.first(d.volume, Json.text(part, "volumeNumber"));
            } else {
                d.journalTitle = PaperDraft.first(d.journalTitle, Json.text(part, "name"));
                List<String> issns = Json.texts(part, "issn");
                if (d.issn == null && !issns.isEmpty()) {
                    d.issn = issns.get(0);
                    d.eissn = issns.size() > 1 ? issns.get(1) : null;
                }
            }
            if (!part.isObject()) {
                break;
            }
        }
        d.volume = PaperDraft.first(d.volume, Json.text(a, "volumeNumber"));
        d.issue = PaperDraft.first(d.issue, Json.text(a, "issueNumber"));
        if (d.pages == null && Json.text(a, "pageStart") != null) {
            String end = Json.text(a, "pageEnd");
            d.pages = Json.text(a, "pageStart") + (end == null ? "" : "-" + end);
        }
        d.publisher = PaperDraft.first(d.publisher, Texts.firstNonBlank(Json.text(a, "publisher", "name"),
                Json.text(a, "publisher")));
    }

    private static void dublinCore(PaperDraft d, Metas doc) {
        d.title(dc(doc, "title"));
        for (String id : dcs(doc, "identifier")) {
            d.doi(id);
        }
        if (d.authors.isEmpty()) {
            for (String creator : dcs(doc, "creator")) {
                d.authorLoose(creator);
            }
        }
        if (d.abstractSections.isEmpty()) {
            AbstractMarkup.addTo(d, Texts.firstNonBlank(dc(doc, "description"), dc(doc, "abstract")));
        }
        d.publisher = PaperDraft.first(d.publisher, dc(doc, "publisher"));
        d.journalTitle = PaperDraft.first(d.journalTitle, Texts.firstNonBlank(dc(doc, "source"),
                dc(doc, "bibliographicCitation")));
        d.published = PaperDraft.first(d.published,
                Dates.parse(Texts.firstNonBlank(dc(doc, "date"), dc(doc, "issued"))));
        for (String subject : dcs(doc, "subject")) {
            d.keyword(subject);
        }
        d.language = PaperDraft.first(d.language, dc(doc, "language"));
        d.license = PaperDraft.first(d.license, dc(doc, "rights"));
        d.publicationType(dc(doc, "type"));
    }

    /** What a reader sees: the page heading, an "Abstract" section, a DOI anywhere in the text, the html lang. */
    private static void visible(PaperDraft d, Document doc, Metas metas) {
        d.title(meta(metas, "og:title"));
        Element h1 = doc.selectFirst("h1");
        d.title(h1 == null ? null : h1.text());
        d.title(doc.title());
        if (d.abstractSections.isEmpty()) {
            Element section = abstractElement(doc);
            if (section != null) {
                AbstractMarkup.addTo(d, section.html());
            }
        }
        if (d.doi == null && doc.body() != null) {
            // only a DOI the page labels as its own: reference lists further down are full of other papers' DOIs
            String text = doc.body().text();
            java.util.regex.Matcher m = LABELLED_DOI.matcher(text.substring(0, Math.min(text.length(), 5000)));
            d.doi(m.find() ? Texts.findDoi(m.group(1)) : null);
        }
        d.language = PaperDraft.first(d.language, doc.selectFirst("html") == null
                ? null
                : doc.selectFirst("html").attr("lang"));
        d.url = PaperDraft.first(d.url, meta(metas, "og:url"));
        Element canonical = doc.selectFirst("link[rel=canonical]");
        d.url = PaperDraft.first(d.url, canonical == null ? null : canonical.attr("href"));
    }

    /** An element marked as the abstract, or the content after a heading that says "Abstract". */
    private static Element abstractElement(Document doc) {
        Element marked = doc.selectFirst("section#abstract, div#abstract, section.abstract, div.abstract, "
                + "[id^=abstract], [class~=(?i)^abstract]");
        if (marked != null) {
            Element copy = marked.clone();
            copy.select("h1, h2, h3").forEach(h -> {
                if (h.text().trim().equalsIgnoreCase("abstract")) {
                    h.remove();
                }
            });
            return copy;
        }
        for (Element heading : doc.select("h2, h3, h4")) {
            if (heading.text().trim().equalsIgnoreCase("abstract")) {
                Element holder = new Element("div");
                for (Element sib = heading.nextElementSibling(); sib != null
                        && !sib.tagName().matches("h[1-3]"); sib = sib.nextElementSibling()) {
                    holder.appendChild(sib.clone());
                }
                return holder.childrenSize() == 0 ? null : holder;
            }
        }
        return null;
    }

    private static String meta(Metas metas, String name) {
        List<String> values = metas.byName.get(name.toLowerCase(Locale.ROOT));
        return values == null ? null : values.get(0);
    }

    private static List<String> metas(Metas metas, String name) {
        return metas.byName.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** The page's meta tags read once: by lower-cased name or property, and in document order. */
    private record Metas(java.util.Map<String, List<String>> byName, List<String[]> ordered) {
        static Metas of(Document doc) {
            java.util.Map<String, List<String>> byName = new java.util.HashMap<>();
            List<String[]> ordered = new ArrayList<>();
            for (Element m : doc.getElementsByTag("meta")) {
                String name = Texts.firstNonBlank(m.attr("name"), m.attr("property"));
                String value = Texts.clean(m.attr("content"));
                if (name != null && value != null) {
                    String key = name.trim().toLowerCase(Locale.ROOT);
                    byName.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
                    ordered.add(new String[]{key, value});
                }
            }
            return new Metas(byName, ordered);
        }
    }

    /** DC.title, dc.title, DCTERMS.title, dcterms.title: publishers spell the prefix every way. */
    private static String dc(Metas metas, String field) {
        List<String> all = dcs(metas, field);
        return all.isEmpty() ? null : all.get(0);
    }

    private static List<String> dcs(Metas metas, String field) {
        List<String> out = new ArrayList<>(metas(metas, "dc." + field));
        out.addAll(metas(metas, "dcterms." + field));
        return out;
    }
}
