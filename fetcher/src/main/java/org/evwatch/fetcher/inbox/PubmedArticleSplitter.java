package org.evwatch.fetcher.inbox;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLEventWriter;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.StartElement;
import javax.xml.stream.events.XMLEvent;

/**
 * Splits PubMed efetch XML (a {@code PubmedArticleSet}, or one {@code PubmedArticle}) into one XML text per
 * article, with its PMID. The whole document must be well formed: a truncated file yields no records at all.
 */
public final class PubmedArticleSplitter {

    /** One article: its PMID and its {@code <PubmedArticle>} element as XML. */
    public record Article(String pmid, String xml) {
    }

    private static final XMLInputFactory INPUT = XMLInputFactory.newFactory();
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    static {
        // efetch documents declare a DTD; it is neither fetched nor expanded.
        INPUT.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        INPUT.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private PubmedArticleSplitter() {
    }

    public static List<Article> split(String xml) throws InvalidInboxFileException {
        List<Article> articles = new ArrayList<>();
        try {
            XMLEventReader reader = INPUT.createXMLEventReader(new StringReader(xml));
            String root = null;
            while (reader.hasNext()) {
                XMLEvent event = reader.nextEvent();
                if (!event.isStartElement()) {
                    continue;
                }
                String name = event.asStartElement().getName().getLocalPart();
                if (root == null) {
                    root = name;
                    if (!root.equals("PubmedArticleSet") && !root.equals("PubmedArticle")) {
                        throw new InvalidInboxFileException(
                                "not PubMed efetch XML: root element is <" + root + ">, expected <PubmedArticleSet>");
                    }
                }
                if (name.equals("PubmedArticle")) {
                    articles.add(copyArticle(event.asStartElement(), reader, articles.size() + 1));
                }
            }
        } catch (XMLStreamException e) {
            var where = e.getLocation();
            throw new InvalidInboxFileException("malformed XML"
                    + (where == null ? "" : " at line " + where.getLineNumber() + ", column " + where.getColumnNumber())
                    + ": "
                    + e.getMessage().replaceAll("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message: ", ""));
        }
        if (articles.isEmpty()) {
            throw new InvalidInboxFileException("no <PubmedArticle> in the file");
        }
        return articles;
    }

    private static Article copyArticle(StartElement start, XMLEventReader reader, int position)
            throws XMLStreamException, InvalidInboxFileException {
        StringWriter out = new StringWriter();
        XMLEventWriter writer = OUTPUT.createXMLEventWriter(out);
        writer.add(start);
        int depth = 1;
        String pmid = null;
        boolean inCitationPmid = false;
        List<String> path = new ArrayList<>(List.of("PubmedArticle"));
        while (depth > 0) {
            XMLEvent event = reader.nextEvent();
            writer.add(event);
            if (event.isStartElement()) {
                depth++;
                String name = event.asStartElement().getName().getLocalPart();
                path.add(name);
                inCitationPmid = pmid == null && name.equals("PMID") && path.size() == 3
                        && path.get(1).equals("MedlineCitation");
            } else if (event.isEndElement()) {
                depth--;
                path.remove(path.size() - 1);
                inCitationPmid = false;
            } else if (inCitationPmid && event.isCharacters()) {
                pmid = event.asCharacters().getData().trim();
            }
        }
        writer.flush();
        writer.close();
        if (pmid == null || pmid.isEmpty() || !pmid.chars().allMatch(Character::isDigit)) {
            throw new InvalidInboxFileException("article " + position + " has no MedlineCitation/PMID");
        }
        return new Article(pmid, out.toString());
    }
}
