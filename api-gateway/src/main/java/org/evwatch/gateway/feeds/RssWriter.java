package org.evwatch.gateway.feeds;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * RSS 2.0. Authors go in {@code dc:creator} because RSS's own {@code author} must be an e-mail address; the feed's
 * own URL is given as {@code atom:link rel="self"}, as the RSS Advisory Board recommends.
 */
public final class RssWriter {

    public static final String MEDIA_TYPE = "application/rss+xml";
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String DC = "http://purl.org/dc/elements/1.1/";

    public String write(FeedChannel feed) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("rss");
            x.writeAttribute("version", "2.0");
            x.writeNamespace("atom", ATOM);
            x.writeNamespace("dc", DC);
            x.writeStartElement("channel");
            text(x, "title", feed.title());
            text(x, "link", feed.homeUrl());
            text(x, "description", feed.description() == null ? feed.title() : feed.description());
            x.writeEmptyElement("atom", "link", ATOM);
            x.writeAttribute("rel", "self");
            x.writeAttribute("href", feed.selfUrl());
            x.writeAttribute("type", MEDIA_TYPE);
            text(x, "lastBuildDate", date(feed.updated()));
            text(x, "generator", "EVwatch");
            for (FeedEntry e : feed.entries()) {
                item(x, feed, e);
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write RSS", e);
        }
        return out.toString();
    }

    private static void item(XMLStreamWriter x, FeedChannel feed, FeedEntry e) throws XMLStreamException {
        x.writeStartElement("item");
        text(x, "title", e.title() == null ? "(untitled)" : e.title());
        text(x, "link", feed.paperUrl(e));
        String description = e.summary() != null ? e.summary() : e.content();
        if (description != null) {
            text(x, "description", description);
        }
        x.writeStartElement("guid");
        x.writeAttribute("isPermaLink", "false");
        x.writeCharacters(feed.entryId(e));
        x.writeEndElement();
        text(x, "pubDate", date(e.published() != null ? e.published() : e.updated()));
        for (String name : e.authors()) {
            x.writeStartElement("dc", "creator", DC);
            x.writeCharacters(XmlText.clean(name));
            x.writeEndElement();
        }
        for (FeedEntry.Category c : e.categories()) {
            x.writeStartElement("category");
            if (c.scheme() != null) {
                x.writeAttribute("domain", c.scheme());
            }
            x.writeCharacters(XmlText.clean(c.term()));
            x.writeEndElement();
        }
        if (e.doi() != null) {
            // The DOI link as an Atom related link: RSS has no element for a second link.
            x.writeEmptyElement("atom", "link", ATOM);
            x.writeAttribute("rel", "related");
            x.writeAttribute("href", FeedChannel.doiUrl(e));
        }
        x.writeEndElement();
    }

    private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(XmlText.clean(value));
        x.writeEndElement();
    }

    static String date(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}
