package org.evwatch.fetcher.split;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Splits PubMed efetch XML (a {@code PubmedArticleSet}, or one article) into one record per article with its PMID,
 * each kept as the exact text received. The whole document must be well formed and every article must carry its
 * PMID, or nothing of it is used: a truncated file or response yields no records at all. Used by the PubMed source
 * for efetch responses and by the inbox for dropped files.
 */
public final class PubmedArticles {

    /**
     * One article: its PMID, its PMCID when PubMed lists one (else null), and its {@code <PubmedArticle>} (or
     * {@code <PubmedBookArticle>}) element as XML.
     */
    public record Article(String pmid, String pmcid, String xml) {
    }

    private static final Set<String> RECORDS = Set.of("PubmedArticle", "PubmedBookArticle");

    private PubmedArticles() {
    }

    /** The articles in document order; none for an empty set. */
    public static List<Article> split(String xml) throws MalformedResponseException {
        Document doc = XmlDocuments.parse(xml);
        Element root = doc.getDocumentElement();
        String rootName = XmlDocuments.localNameOf(root);
        List<Element> elements = new ArrayList<>();
        if (RECORDS.contains(rootName)) {
            elements.add(root);
        } else if (rootName.equals("PubmedArticleSet")) {
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && RECORDS.contains(XmlDocuments.localNameOf(e))) {
                    elements.add(e);
                }
            }
        } else {
            throw new MalformedResponseException(
                    "not PubMed efetch XML: root element is <" + rootName + ">, expected <PubmedArticleSet>");
        }
        List<String> texts = XmlRecords.split(xml, doc, RECORDS);
        if (texts.size() != elements.size()) {
            throw new MalformedResponseException("found " + elements.size() + " articles but could cut out "
                    + texts.size());
        }
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            articles.add(new Article(pmid(elements.get(i), i + 1), pmcid(elements.get(i)), texts.get(i)));
        }
        return articles;
    }

    /** The article's own PMID: MedlineCitation/PMID, or BookDocument/PMID for a book chapter. */
    private static String pmid(Element article, int position) throws MalformedResponseException {
        String holder = XmlDocuments.localNameOf(article).equals("PubmedBookArticle")
                ? "BookDocument"
                : "MedlineCitation";
        Element parent = XmlDocuments.child(article, holder);
        String pmid = parent == null ? null : XmlDocuments.childText(parent, "PMID");
        if (pmid == null || pmid.isEmpty() || !pmid.chars().allMatch(Character::isDigit)) {
            throw new MalformedResponseException("article " + position + " has no " + holder + "/PMID");
        }
        return pmid;
    }

    /** The article's own PMCID, from {@code PubmedData/ArticleIdList}: not one of its references' lists. */
    private static String pmcid(Element article) {
        Element data = XmlDocuments.child(article, "PubmedData");
        Element ids = data == null ? null : XmlDocuments.child(data, "ArticleIdList");
        if (ids == null) {
            return null;
        }
        for (Element id : XmlDocuments.children(ids, "ArticleId")) {
            String value = id.getTextContent().trim();
            if ("pmc".equals(id.getAttribute("IdType")) && value.matches("PMC[0-9]{1,12}")) {
                return value;
            }
        }
        return null;
    }
}
