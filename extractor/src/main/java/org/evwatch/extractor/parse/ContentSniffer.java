package org.evwatch.extractor.parse;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.evwatch.events.ContentTypes;

/**
 * Guesses the content type from the first characters of a payload, for records whose type is missing or
 * unknown. It looks only at the head of the text, so it costs next to nothing on large records.
 */
final class ContentSniffer {

    private static final int HEAD = 4096;
    private static final Pattern ROOT_ELEMENT = Pattern.compile("<([A-Za-z][\\w.-]*:)?([A-Za-z][\\w.-]*)[\\s/>]");

    private ContentSniffer() {
    }

    /** The most likely content type; text/plain when nothing more specific is recognised. */
    static String sniff(String payload) {
        String head = Xml.stripBom(payload.length() > HEAD ? payload.substring(0, HEAD) : payload).stripLeading();
        if (head.startsWith("{") || head.startsWith("[")) {
            return sniffJson(head);
        }
        if (head.startsWith("<")) {
            return sniffMarkup(head);
        }
        return head.startsWith("#") || head.contains("\n## ") || head.contains("**")
                ? ContentTypes.MARKDOWN
                : ContentTypes.TEXT;
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
        if (head.contains("\"message-type\"") || head.contains("\"DOI\"") || head.contains("\"container-title\"")
                || head.contains("\"reference-count\"")) {
            return ContentTypes.CROSSREF_JSON;
        }
        if (head.contains("\"doi\"") && head.contains("\"server\"")) {
            return ContentTypes.BIORXIV_JSON;
        }
        return "application/json";
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
                    return "application/xml";
            }
        }
        return "application/xml";
    }
}
