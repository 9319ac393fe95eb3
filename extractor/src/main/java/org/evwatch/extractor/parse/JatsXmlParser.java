package org.evwatch.extractor.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.Paper;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * JATS (NLM) article XML as PMC and publishers give it: front matter, the abstract with its sections, and the
 * body section by section. A {@code <pmc-articleset>} gives one paper per article.
 */
final class JatsXmlParser implements PaperParser {

    static final String FORMAT = "JATS XML";

    // figure and table captions, formulas and footnotes are not running text of a section
    private static final Set<String> NOT_BODY_TEXT = Set.of("fig", "table-wrap", "disp-formula", "fn-group",
            "supplementary-material", "ref-list", "label", "title", "sec");

    @Override
    public List<String> contentTypes() {
        return List.of(ContentTypes.JATS_XML, "application/vnd.jats+xml");
    }

    @Override
    public List<Paper> parseAll(String payload) throws ParseException {
        Document doc = Xml.parse(payload, FORMAT);
        Element root = doc.getDocumentElement();
        List<Element> articles = switch (Xml.name(root)) {
            case "article" -> List.of(root);
            case "pmc-articleset", "articles" -> Xml.children(root, "article");
            default -> throw new ParseException(FORMAT + ": root element <" + Xml.name(root) + "> is not <article>");
        };
        if (articles.isEmpty()) {
            throw new ParseException(FORMAT + ": <" + Xml.name(root) + "> holds no article");
        }
        List<Paper> papers = new ArrayList<>(articles.size());
        for (Element article : articles) {
            papers.add(paper(article));
        }
        return papers;
    }

    private static Paper paper(Element article) throws ParseException {
        PaperDraft d = new PaperDraft();
        Element front = Xml.child(article, "front");
        Element meta = Xml.child(front, "article-meta");
        if (meta == null) {
            throw new ParseException(FORMAT + ": missing <front>/<article-meta>");
        }
        for (Element id : Xml.children(meta, "article-id")) {
            switch (String.valueOf(Xml.attr(id, "pub-id-type"))) {
                case "doi" -> d.doi(Xml.text(id));
                case "pmid" -> d.pmid(Xml.text(id));
                case "pmc", "pmcid" -> d.pmcid(Xml.text(id));
                default -> {
                }
            }
        }
        Element titles = Xml.child(meta, "title-group");
        String title = Xml.text(titles, "article-title");
        String subtitle = Xml.text(titles, "subtitle");
        d.title(title == null || subtitle == null ? title : title + ": " + subtitle);

        abstractOf(d, meta);
        authors(d, meta);
        journal(d, Xml.child(front, "journal-meta"), meta);
        dates(d, meta);
        d.publicationType(Xml.attr(article, "article-type"));
        for (Element group : Xml.children(meta, "kwd-group")) {
            for (Element kwd : Xml.children(group, "kwd")) {
                d.keyword(Xml.text(kwd));
            }
        }
        Element permissions = Xml.child(meta, "permissions");
        Element license = Xml.child(permissions, "license");
        d.license = Texts.firstNonBlank(Xml.attr(license, "xlink:href"),
                Xml.text(Xml.child(license, "license_ref")), Xml.text(license));
        d.language = Xml.attr(article, "xml:lang");
        d.url = d.pmcid != null
                ? "https://pmc.ncbi.nlm.nih.gov/articles/" + d.pmcid + "/"
                : d.doi != null ? "https://doi.org/" + d.doi : null;
        body(d, Xml.child(article, "body"));
        return d.build(FORMAT + (d.doi == null ? "" : " (" + d.doi + ")"));
    }

    /** Journal title, abbreviation, ISSNs and publisher from the journal meta; volume, issue, pages from the article's. */
    private static void journal(PaperDraft d, Element journal, Element meta) {
        d.journalTitle = Texts.firstNonBlank(Xml.text(journal, "journal-title-group", "journal-title"),
                Xml.text(journal, "journal-title"));
        d.isoAbbreviation = Xml.text(Xml.child(Xml.child(journal, "journal-title-group"), "abbrev-journal-title"));
        for (Element jid : Xml.children(journal, "journal-id")) {
            String type = Xml.attr(jid, "journal-id-type");
            if (d.isoAbbreviation == null && ("iso-abbrev".equals(type) || "nlm-ta".equals(type))) {
                d.isoAbbreviation = Xml.text(jid);
            }
        }
        for (Element issn : Xml.children(journal, "issn")) {
            String type = Texts.firstNonBlank(Xml.attr(issn, "pub-type"), Xml.attr(issn, "publication-format"));
            if ("epub".equals(type) || "electronic".equals(type)) {
                d.eissn = Xml.text(issn);
            } else {
                d.issn = Xml.text(issn);
            }
        }
        d.publisher = Xml.text(journal, "publisher", "publisher-name");
        d.volume = Xml.text(meta, "volume");
        d.issue = Xml.text(meta, "issue");
        String fpage = Xml.text(meta, "fpage");
        String lpage = Xml.text(meta, "lpage");
        d.pages = fpage == null ? null : lpage == null || lpage.equals(fpage) ? fpage : fpage + "-" + lpage;
        d.articleNumber = Xml.text(meta, "elocation-id");
    }

    private static void dates(PaperDraft d, Element meta) {
        for (Element date : Xml.children(Xml.child(meta, "history"), "date")) {
            switch (String.valueOf(Xml.attr(date, "date-type"))) {
                case "received" -> d.received = date(date);
                case "accepted" -> d.accepted = date(date);
                default -> {
                }
            }
        }
        String collection = null;
        for (Element date : Xml.children(meta, "pub-date")) {
            String type = Texts.firstNonBlank(Xml.attr(date, "pub-type"), Xml.attr(date, "date-type"));
            String format = Xml.attr(date, "publication-format");
            // the issue ("collection") date is the one a citation uses, whatever its format
            if ("collection".equals(type) || "epub-ppub".equals(type)) {
                collection = PaperDraft.first(collection, date(date));
            } else if ("epub".equals(type) || "electronic".equals(format)) {
                d.epub = PaperDraft.first(d.epub, date(date));
            } else if ("ppub".equals(type) || "print".equals(format) || "pub".equals(type)) {
                d.published = PaperDraft.first(d.published, date(date));
            }
        }
        d.published = Texts.firstNonBlank(d.published, collection, d.epub);
    }

    /** The main abstract: not a graphical abstract, teaser or author summary, which restate it. */
    private static void abstractOf(PaperDraft d, Element meta) {
        Element chosen = null;
        for (Element a : Xml.children(meta, "abstract")) {
            String type = Xml.attr(a, "abstract-type");
            if (type == null || type.equals("structured")) {
                chosen = a;
                break;
            }
        }
        if (chosen == null) {
            return;
        }
        List<Element> sections = Xml.children(chosen, "sec");
        if (sections.isEmpty()) {
            StringBuilder text = new StringBuilder();
            for (Element p : Xml.children(chosen, "p")) {
                text.append(Xml.text(p)).append(' ');
            }
            AbstractMarkup.addPlain(d, Texts.clean(text.toString()));
            return;
        }
        for (Element sec : sections) {
            d.abstractSection(Xml.text(sec, "title"), paragraphs(sec));
        }
    }

    private static void authors(PaperDraft d, Element meta) {
        Map<String, String> affiliations = new HashMap<>();
        for (Element aff : Xml.descendants(meta, "aff")) {
            String id = Xml.attr(aff, "id");
            if (id != null) {
                affiliations.put(id, affiliationText(aff));
            }
        }
        for (Element group : Xml.children(meta, "contrib-group")) {
            for (Element contrib : Xml.children(group, "contrib")) {
                String type = Xml.attr(contrib, "contrib-type");
                if (type != null && !type.equals("author")) {
                    continue;
                }
                String orcid = null;
                for (Element cid : Xml.children(contrib, "contrib-id")) {
                    if ("orcid".equalsIgnoreCase(String.valueOf(Xml.attr(cid, "contrib-id-type")))) {
                        orcid = Xml.text(cid);
                    }
                }
                List<String> affs = new ArrayList<>();
                for (Element xref : Xml.children(contrib, "xref")) {
                    if ("aff".equals(Xml.attr(xref, "ref-type")) && Xml.attr(xref, "rid") != null) {
                        for (String rid : Xml.attr(xref, "rid").split("\\s+")) {
                            affs.add(affiliations.get(rid));
                        }
                    }
                }
                for (Element aff : Xml.children(contrib, "aff")) {
                    affs.add(affiliationText(aff));
                }
                if (affs.stream().allMatch(a -> a == null) && affiliations.size() == 1) {
                    // a single unreferenced affiliation belongs to every author
                    affs.add(affiliations.values().iterator().next());
                }
                Element name = Xml.child(contrib, "name") != null
                        ? Xml.child(contrib, "name")
                        : Xml.child(contrib, "string-name");
                affs.removeIf(a -> a == null);
                d.author(Xml.text(name, "given-names"), Xml.text(name, "surname"), Xml.text(contrib, "collab"), orcid,
                        affs);
            }
        }
    }

    /** An affiliation's text without its label ("1", "a"). */
    private static String affiliationText(Element aff) {
        StringBuilder sb = new StringBuilder();
        for (Node n = aff.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && Xml.name(n).equals("label")) {
                continue;
            }
            sb.append(n.getTextContent());
        }
        return Texts.clean(sb.toString().replaceAll("^\\s*,\\s*", ""));
    }

    /** Each top-level section: its title, and the running text of it and its subsections. */
    private static void body(PaperDraft d, Element body) {
        if (body == null) {
            return;
        }
        StringBuilder loose = new StringBuilder();
        for (Element child : Xml.children(body, null)) {
            if (Xml.name(child).equals("sec")) {
                if (!loose.isEmpty()) {
                    d.bodySection(null, loose.toString());
                    loose.setLength(0);
                }
                d.bodySection(Xml.text(child, "title"), paragraphs(child));
            } else if (Xml.name(child).equals("p")) {
                loose.append(runningText(child)).append(' ');
            }
        }
        if (!loose.isEmpty()) {
            d.bodySection(null, loose.toString());
        }
    }

    /** The paragraphs of a section and of its subsections in order, subsection titles included. */
    private static String paragraphs(Element sec) {
        StringBuilder sb = new StringBuilder();
        for (Element child : Xml.children(sec, null)) {
            switch (Xml.name(child)) {
                case "p" -> sb.append(runningText(child)).append(' ');
                case "sec" -> {
                    String title = Xml.text(child, "title");
                    if (title != null) {
                        sb.append(title).append(". ");
                    }
                    sb.append(paragraphs(child)).append(' ');
                }
                case "list" -> sb.append(Xml.text(child)).append(' ');
                default -> {
                }
            }
        }
        return Texts.clean(sb.toString());
    }

    private static String runningText(Element p) {
        StringBuilder sb = new StringBuilder();
        appendText(p, sb);
        return sb.toString();
    }

    private static void appendText(Node node, StringBuilder sb) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                sb.append(n.getNodeValue());
            } else if (n.getNodeType() == Node.ELEMENT_NODE && !NOT_BODY_TEXT.contains(Xml.name(n))) {
                appendText(n, sb);
            }
        }
    }

    private static String date(Element e) {
        return Dates.of(Xml.text(e, "year"), Texts.firstNonBlank(Xml.text(e, "month"), Xml.text(e, "season")),
                Xml.text(e, "day"));
    }
}
