package org.evwatch.extractor.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.Paper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.w3c.dom.Document;

/**
 * RSS 1.0 (RDF), RSS 2.0/0.91 and Atom: one {@code <item>}/{@code <entry>}, or a whole feed. Journals put their
 * metadata in different places (Dublin Core, PRISM, the description's HTML), so each field is looked for in all
 * of them, most specific first.
 */
final class FeedItemParser implements PaperParser {

    static final String FORMAT = "RSS/Atom item";

    // "ZooKeys 1078: 135-188", "Parasitol Int. 2021 Dec 17:102531." style citation lines in descriptions
    private static final Pattern VOLUME_PAGES = Pattern.compile("^(\\D+?)\\s+(\\d+)(?:\\((\\w+)\\))?:\\s*([\\w-]+)$");
    private static final Pattern SOURCE_LINE = Pattern.compile("^Source:\\s*(.+?)(?:,\\s*Volume\\s*(\\w+))?"
            + "(?:,\\s*Issue\\s*(\\w+))?(?:,\\s*Pages?\\s*([\\w-]+))?(?:,\\s*Article\\s*(\\w+))?\\s*$");
    private static final Pattern PUBMED_LINK = Pattern.compile("pubmed\\.ncbi\\.nlm\\.nih\\.gov/(\\d+)");
    private static final Pattern METADATA_LINE = Pattern.compile(
            "^(?i:publication date|source|author\\(s\\)|authors?|doi|pmid|keywords?)\\s*:.*|^(?i:html|xml|pdf)$"
                    + "|^Volume \\d+.*|^(?i:ahead of print|early ?view)\\.?$");

    @Override
    public List<String> contentTypes() {
        return List.of(ContentTypes.FEED_ITEM_XML, "application/rss+xml", "application/atom+xml");
    }

    @Override
    public List<Paper> parseAll(String payload) throws ParseException {
        Document doc = Xml.parse(payload, FORMAT);
        org.w3c.dom.Element root = doc.getDocumentElement();
        List<org.w3c.dom.Element> items = switch (Xml.name(root)) {
            case "item", "entry" -> List.of(root);
            case "rss" -> Xml.children(Xml.child(root, "channel"), "item");
            case "RDF" -> Xml.children(root, "item");
            case "feed" -> Xml.children(root, "entry");
            case "channel" -> Xml.children(root, "item");
            default -> throw new ParseException(FORMAT + ": root element <" + Xml.name(root)
                    + "> is not an RSS item, an Atom entry or a feed");
        };
        return Records.each(items, "item", FeedItemParser::paper);
    }

    private static Paper paper(org.w3c.dom.Element item) throws ParseException {
        PaperDraft d = new PaperDraft();
        d.title(Texts.stripMarkup(Xml.text(item, "title")));
        String link = link(item);
        d.url = link;
        ids(d, item, link);
        authors(d, item);
        journal(d, item);
        String posted = Texts.firstNonBlank(Xml.text(item, "date"), Xml.text(item, "pubDate"),
                Xml.text(item, "published"), Xml.text(item, "updated"));
        description(d, item);
        // a journal's own publication date wins; the feed's date then only says when it went online
        if (d.published == null) {
            d.published = Dates.parse(posted);
        } else {
            d.epub = Dates.parse(posted);
        }
        subjects(d, item);
        d.license = Texts.firstNonBlank(Xml.attr(Xml.child(item, "license"), "rdf:resource"),
                Xml.text(item, "license"), Xml.text(item, "rights"));
        d.language = Texts.firstNonBlank(Xml.text(item, "language"), Xml.attr(item, "xml:lang"));
        return d.build(FORMAT + (link == null ? "" : " (" + link + ")"));
    }

    /** DOI and PMID wherever the feed puts them: Dublin Core identifiers, the guid, the links. */
    private static void ids(PaperDraft d, org.w3c.dom.Element item, String link) {
        d.doi(Xml.text(item, "doi"));
        for (org.w3c.dom.Element id : Xml.children(item, "identifier")) {
            String value = Xml.text(id);
            if (value != null && value.toLowerCase(Locale.ROOT).startsWith("pmid:")) {
                d.pmid(value.substring(5));
            } else {
                d.doi(value);
            }
        }
        d.doi(Xml.text(item, "guid"));
        d.doi(Texts.doiFromUrl(Xml.text(item, "guid")));
        d.doi(Texts.doiFromUrl(Xml.text(item, "id")));
        d.doi(Texts.doiFromUrl(link));
        String guid = Xml.text(item, "guid");
        if (guid != null && guid.startsWith("pubmed:")) {
            d.pmid(guid.substring(7));
        }
        if (link != null) {
            Matcher m = PUBMED_LINK.matcher(link);
            if (m.find()) {
                d.pmid(m.group(1));
            }
        }
    }

    /** Dublin Core creators (one per author, or one list), else the RSS/Atom authors. */
    private static void authors(PaperDraft d, org.w3c.dom.Element item) {
        List<org.w3c.dom.Element> creators = Xml.children(item, "creator");
        if (creators.size() > 1) {
            for (org.w3c.dom.Element c : creators) {
                d.authorLoose(Xml.text(c));
            }
        } else if (creators.size() == 1) {
            d.authorList(Xml.text(creators.get(0)));
        }
        if (d.authors.isEmpty()) {
            for (org.w3c.dom.Element a : Xml.children(item, "author")) {
                String name = Xml.text(a, "name");
                if (name != null) {
                    d.authorLoose(name);
                } else if (Xml.text(a) != null && !Xml.text(a).contains("@")) {
                    d.authorList(Xml.text(a));
                }
            }
        }
    }

    /** Journal, ISSNs, volume, issue, pages and publication date from the PRISM fields. */
    private static void journal(PaperDraft d, org.w3c.dom.Element item) {
        d.journalTitle = Texts.firstNonBlank(Xml.text(item, "publicationTitle"), Xml.text(item, "source"));
        String publicationName = Xml.text(item, "publicationName");
        if (d.journalTitle == null && publicationName != null && !publicationName.equals(d.title)) {
            d.journalTitle = publicationName;
        }
        if (d.journalTitle != null && d.journalTitle.contains("Table of Contents")) {
            // Wiley's <source> names the feed ("Wiley: TAXON: Table of Contents"), not the journal
            d.journalTitle = publicationName;
        }
        d.issn = Xml.text(item, "issn");
        d.eissn = Xml.text(item, "eIssn");
        d.volume = Xml.text(item, "volume");
        d.issue = Xml.text(item, "number");
        String start = Xml.text(item, "startingPage");
        String end = Xml.text(item, "endingPage");
        d.pages = start == null ? null : end == null || end.equals(start) ? start : start + "-" + end;
        d.published = Texts.firstNonBlank(Dates.parse(Xml.text(item, "publicationDate")),
                Dates.parse(Xml.text(item, "coverDate")));
    }

    /** Categories naming a publication type are the type; the others and the subjects are keywords. */
    private static void subjects(PaperDraft d, org.w3c.dom.Element item) {
        for (org.w3c.dom.Element category : Xml.children(item, "category")) {
            String c = Texts.firstNonBlank(Xml.text(category), Xml.attr(category, "term"));
            if (PublicationTypes.isKnown(c)) {
                d.publicationType(c);
            } else {
                d.keyword(c);
            }
        }
        d.publicationType(Xml.text(item, "section"));
        for (org.w3c.dom.Element subject : Xml.children(item, "subject")) {
            d.keyword(Xml.text(subject));
        }
    }

    private static String link(org.w3c.dom.Element item) {
        for (org.w3c.dom.Element l : Xml.children(item, "link")) {
            String href = Xml.attr(l, "href");
            String rel = Xml.attr(l, "rel");
            if (href != null && (rel == null || rel.equals("alternate"))) {
                return href;
            }
            if (href == null && Xml.text(l) != null) {
                return Xml.text(l);
            }
        }
        return Texts.firstNonBlank(Xml.text(item, "url"), Xml.attr(item, "rdf:about"));
    }

    /**
     * The abstract is the longest of the item's descriptions once the metadata lines publishers mix into them
     * ("Source: ...", "Authors: ...", "DOI: ...", a citation line) are taken out and read into their fields.
     */
    private static void description(PaperDraft d, org.w3c.dom.Element item) {
        String best = null;
        for (String field : new String[]{"encoded", "description", "summary", "content"}) {
            for (org.w3c.dom.Element e : Xml.children(item, field)) {
                String text = abstractOf(d, e.getTextContent());
                if (text != null && (best == null || text.length() > best.length())) {
                    best = text;
                }
            }
        }
        AbstractMarkup.addPlain(d, best);
    }

    private static String abstractOf(PaperDraft d, String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        org.jsoup.nodes.Document doc = Jsoup.parseBodyFragment(html.replace("\n", "<br>"));
        List<String> blocks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (org.jsoup.nodes.Node node : doc.body().childNodes()) {
            collectBlocks(node, blocks, current);
        }
        blocks.add(current.toString());
        StringBuilder out = new StringBuilder();
        for (String raw : blocks) {
            String line = Texts.clean(raw);
            if (line == null || line.chars().noneMatch(Character::isLetterOrDigit)) {
                continue;
            }
            if (readMetadata(d, line) || line.equalsIgnoreCase("abstract") || line.endsWith("EarlyView.")
                    || line.contains(" doi: 10.") || line.startsWith("PMID:")) {
                continue;
            }
            out.append(line.replaceFirst("^(?i:abstract)\\s*:\\s*", "")).append(' ');
        }
        return Texts.clean(out.toString());
    }

    private static void collectBlocks(org.jsoup.nodes.Node node, List<String> blocks, StringBuilder current) {
        if (node instanceof org.jsoup.nodes.TextNode t) {
            current.append(t.getWholeText());
        } else if (node instanceof Element e) {
            boolean block = e.isBlock() || e.tagName().equals("br");
            if (block) {
                blocks.add(current.toString());
                current.setLength(0);
            }
            for (org.jsoup.nodes.Node child : e.childNodes()) {
                collectBlocks(child, blocks, current);
            }
            if (block) {
                blocks.add(current.toString());
                current.setLength(0);
            }
        }
    }

    /** True when the line was metadata; its value goes to the right field if that field is still empty. */
    private static boolean readMetadata(PaperDraft d, String line) {
        Matcher source = SOURCE_LINE.matcher(line);
        if (source.matches()) {
            d.journalTitle = PaperDraft.first(d.journalTitle, source.group(1));
            d.volume = PaperDraft.first(d.volume, source.group(2));
            d.issue = PaperDraft.first(d.issue, source.group(3));
            d.pages = PaperDraft.first(d.pages, source.group(4));
            d.articleNumber = PaperDraft.first(d.articleNumber, source.group(5));
            return true;
        }
        String lower = line.toLowerCase(Locale.ROOT);
        if (lower.startsWith("publication date:")) {
            d.published = PaperDraft.first(d.published, Dates.parse(line.substring(17)));
            return true;
        }
        if (lower.startsWith("author(s):") || lower.startsWith("authors:")) {
            if (d.authors.isEmpty()) {
                d.authorList(line.substring(line.indexOf(':') + 1));
            }
            return true;
        }
        if (lower.startsWith("doi:")) {
            d.doi(line.substring(4));
            return true;
        }
        Matcher vp = VOLUME_PAGES.matcher(line);
        if (vp.matches() && d.journalTitle == null) {
            d.journalTitle = vp.group(1);
            d.volume = PaperDraft.first(d.volume, vp.group(2));
            d.issue = PaperDraft.first(d.issue, vp.group(3));
            d.pages = PaperDraft.first(d.pages, vp.group(4));
            return true;
        }
        return METADATA_LINE.matcher(line).matches();
    }
}
