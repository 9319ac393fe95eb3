package org.evwatch.fetcher.inbox;

import java.util.Locale;

import org.evwatch.events.PaperKeys;
import org.evwatch.fetcher.split.XmlDocuments;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Record ids of inbox records other than PubMed's: the format, then the paper's strongest identifier the record
 * carries ({@code crossref:doi:10.1234/x}, {@code jats:pmcid:PMC123}), or a hash of the record's text when it carries
 * none ({@code page:sha256:…}). The format is part of the id so that the same paper dropped once as a Crossref work
 * and once as a page stays two records of it, both listed as its sources.
 */
final class RecordIds {

    /** Longer ids (a DOI can be long) are replaced by the hash; the fetcher's table holds ids up to 512. */
    private static final int MAX_ID = 300;
    private static final int HASH_CHARS = 32;

    private RecordIds() {
    }

    /** The id from the first identifier present, in the order given; the content hash when none is. */
    static String of(String format, String content, Id... ids) {
        for (Id id : ids) {
            String value = id.normalised();
            if (value != null) {
                String full = format + ":" + id.kind() + ":" + value;
                return full.length() <= MAX_ID ? full : byHash(format, content);
            }
        }
        return byHash(format, content);
    }

    static String byHash(String format, String content) {
        return format + ":sha256:" + PaperKeys.sha256(content).substring(0, HASH_CHARS);
    }

    static Id doi(String value) {
        return new Id("doi", PaperKeys.normaliseDoi(value));
    }

    static Id pmid(String value) {
        return new Id("pmid", PaperKeys.normalisePmid(value));
    }

    static Id pmcid(String value) {
        return new Id("pmcid", PaperKeys.normalisePmcid(value));
    }

    /** An id of the source's own, used as given once trimmed. */
    static Id other(String kind, String value) {
        return new Id(kind, value == null || value.isBlank() ? null : value.strip());
    }

    /** A JATS article's ids from its {@code <article-id pub-id-type=…>} elements: DOI, else PMID, else PMCID. */
    static String jats(Element article, String text) {
        String doi = null;
        String pmid = null;
        String pmcid = null;
        NodeList ids = article.getElementsByTagNameNS("*", "article-id");
        if (ids.getLength() == 0) {
            ids = article.getElementsByTagName("article-id");
        }
        for (int i = 0; i < ids.getLength(); i++) {
            Element e = (Element) ids.item(i);
            String value = e.getTextContent();
            switch (e.getAttribute("pub-id-type").toLowerCase(Locale.ROOT)) {
                case "doi" -> doi = doi != null ? doi : value;
                case "pmid" -> pmid = pmid != null ? pmid : value;
                case "pmc", "pmcid" -> pmcid = pmcid != null ? pmcid : value;
                default -> {
                }
            }
        }
        return of("jats", text, doi(doi), pmid(pmid), pmcid(pmcid));
    }

    /** A feed item's guid (RSS) or id (Atom), else its link. */
    static String feedItem(Element item, String text) {
        Element link = XmlDocuments.child(item, "link");
        String href = link == null
                ? null
                : link.hasAttribute("href") ? link.getAttribute("href") : link.getTextContent();
        return of("feed", text, other("guid", XmlDocuments.childText(item, "guid")),
                other("id", XmlDocuments.childText(item, "id")), other("link", href));
    }

    /** One identifier: its kind ({@code doi}, {@code pmid}…) and its normalised value, null when absent. */
    record Id(String kind, String normalised) {
    }
}
