package org.evwatch.events;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells the content type of a record or a file from its first characters: the fetcher's inbox types every dropped
 * file with it, and the extractor types a record whose content type is missing or unknown. It looks only at the head
 * of the text, so it costs next to nothing on large records.
 */
public final class ContentSniffer {

    /** Content that is JSON, but not a record format this product reads. */
    public static final String JSON = "application/json";
    /** Content that is XML, but not a record format this product reads. */
    public static final String XML = "application/xml";

    private static final int HEAD = 4096;
    private static final Pattern ROOT_ELEMENT = Pattern.compile("<([A-Za-z][\\w.-]*:)?([A-Za-z][\\w.-]*)[\\s/>]");
    private static final Set<String> MARKDOWN_EXTENSIONS = Set.of("md", "markdown");
    private static final Set<String> HTML_EXTENSIONS = Set.of("html", "htm", "xhtml");
    /** A RIS file starts with its first record's type line; writers differ in the spaces around the dash. */
    private static final Pattern RIS_START = Pattern.compile("^TY {1,2}-(?: |\\r?\\n|$)");
    /** A MEDLINE file (PubMed's {@code .nbib} export) starts with its first record's PMID line. */
    private static final Pattern MEDLINE_START = Pattern.compile("^PMID- ?\\d");
    /** A BibTeX file starts with an entry, after comment lines ({@code % Encoding: UTF-8}) or stray text. */
    private static final Pattern BIBTEX_START = Pattern.compile("^(?:%[^\\n]*\\n\\s*)*@\\s*[A-Za-z]+\\s*[{(]");
    /** The item types of CSL; Crossref's own types ({@code journal-article}) are spelled otherwise. */
    private static final Pattern CSL_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"(?:article|article-journal|"
            + "article-magazine|article-newspaper|paper-conference|chapter|book|report|thesis|manuscript|webpage|"
            + "post|post-weblog|dataset|entry-encyclopedia|entry-dictionary|review|review-book|speech|patent|"
            + "document|standard|software)\"");

    private ContentSniffer() {
    }

    /**
     * The most likely content type; text/plain when nothing more specific is recognised. Library files (RIS, BibTeX,
     * CSL-JSON, MEDLINE) and identifier lists are told apart from page captures before the text fallback.
     */
    public static String sniff(String payload) {
        String head = withoutBom(payload.length() > HEAD ? payload.substring(0, HEAD) : payload).stripLeading();
        if (head.startsWith("{") || head.startsWith("[")) {
            return sniffJson(head);
        }
        if (head.startsWith("<")) {
            return sniffMarkup(head);
        }
        if (RIS_START.matcher(head).find()) {
            return ContentTypes.RIS;
        }
        if (MEDLINE_START.matcher(head).find()) {
            return ContentTypes.MEDLINE;
        }
        if (BIBTEX_START.matcher(head).find()) {
            return ContentTypes.BIBTEX;
        }
        if (IdentifierList.looksLikeList(head, payload.length() > HEAD)) {
            return ContentTypes.IDENTIFIER_LIST;
        }
        return head.startsWith("#") || head.contains("\n## ") || head.contains("**")
                ? ContentTypes.MARKDOWN
                : ContentTypes.TEXT;
    }

    /**
     * As {@link #sniff(String)}, with the file name as a hint: the content decides, and the extension only settles
     * what the content leaves open (a {@code .md} file without markdown markers is markdown, an {@code .html} file
     * whose first element is not {@code <html>} is a page).
     */
    public static String sniff(String payload, String fileName) {
        String type = sniff(payload);
        String ext = extension(fileName);
        if (type.equals(ContentTypes.TEXT) && MARKDOWN_EXTENSIONS.contains(ext)) {
            return ContentTypes.MARKDOWN;
        }
        if (type.equals(XML) && HTML_EXTENSIONS.contains(ext)) {
            return ContentTypes.HTML;
        }
        return type;
    }

    private static String extension(String fileName) {
        if (fileName == null) {
            return "";
        }
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String withoutBom(String s) {
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }

    private static String sniffJson(String head) {
        if (head.contains("\"collection\"") || head.contains("\"author_corresponding_institution\"")
                || head.contains("\"server\"") && head.contains("\"jatsxml\"")) {
            return ContentTypes.BIORXIV_JSON;
        }
        if (head.contains("\"resultList\"") || head.contains("\"authorString\"") || head.contains("\"journalInfo\"")
                || head.contains("\"pubYear\"")) {
            return ContentTypes.EUROPEPMC_JSON;
        }
        if (!head.contains("\"message-type\"") && !head.contains("\"reference-count\"")
                && CSL_TYPE.matcher(head).find()) {
            return ContentTypes.CSL_JSON;
        }
        if (head.contains("\"message-type\"") || head.contains("\"DOI\"") || head.contains("\"container-title\"")
                || head.contains("\"reference-count\"")) {
            return ContentTypes.CROSSREF_JSON;
        }
        if (head.contains("\"doi\"") && head.contains("\"server\"")) {
            return ContentTypes.BIORXIV_JSON;
        }
        return JSON;
    }

    private static String sniffMarkup(String head) {
        String lower = head.toLowerCase(Locale.ROOT);
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html")) {
            return ContentTypes.HTML;
        }
        Matcher m = ROOT_ELEMENT.matcher(head.replaceAll("(?s)<!--.*?-->", ""));
        if (m.find()) {
            String name = m.group(2);
            switch (name) {
                case "PubmedArticleSet", "PubmedArticle", "MedlineCitationSet", "MedlineCitation" :
                    return ContentTypes.PUBMED_XML;
                case "article", "pmc-articleset" :
                    return ContentTypes.JATS_XML;
                case "rss", "RDF", "feed", "item", "entry", "channel" :
                    return ContentTypes.FEED_ITEM_XML;
                case "html", "head", "body", "meta" :
                    return ContentTypes.HTML;
                default :
                    // the first element decides; anything else is XML this product does not read
                    return XML;
            }
        }
        return XML;
    }
}
