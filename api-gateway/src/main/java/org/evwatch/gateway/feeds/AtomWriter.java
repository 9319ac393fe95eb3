package org.evwatch.gateway.feeds;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Atom 1.0 (RFC 4287). Every entry has id, title, updated, an author, a summary and an alternate link. */
public final class AtomWriter {

    public static final String MEDIA_TYPE = "application/atom+xml";
    private static final String NS = "http://www.w3.org/2005/Atom";

    public String write(FeedChannel feed) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.setDefaultNamespace(NS);
            x.writeStartElement(NS, "feed");
            x.writeDefaultNamespace(NS);
            text(x, "id", feed.feedId());
            text(x, "title", feed.title());
            if (feed.description() != null) {
                text(x, "subtitle", feed.description());
            }
            text(x, "updated", date(feed.updated()));
            link(x, "self", feed.selfUrl(), MEDIA_TYPE);
            link(x, "alternate", feed.homeUrl(), "text/html");
            // A feed-level author makes entries without authors (consortium papers) valid too.
            x.writeStartElement(NS, "author");
            text(x, "name", "EVwatch");
            x.writeEndElement();
            text(x, "generator", "EVwatch");
            for (FeedEntry e : feed.entries()) {
                entry(x, feed, e);
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write Atom", e);
        }
        return out.toString();
    }

    private static void entry(XMLStreamWriter x, FeedChannel feed, FeedEntry e) throws XMLStreamException {
        x.writeStartElement(NS, "entry");
        text(x, "id", feed.entryId(e));
        text(x, "title", e.title() == null ? "(untitled)" : e.title());
        text(x, "updated", date(e.updated()));
        if (e.published() != null) {
            text(x, "published", date(e.published()));
        }
        for (String name : e.authors()) {
            x.writeStartElement(NS, "author");
            text(x, "name", name);
            x.writeEndElement();
        }
        link(x, "alternate", feed.paperUrl(e), "text/html");
        if (e.doi() != null) {
            link(x, "related", FeedChannel.doiUrl(e), null);
        }
        for (FeedEntry.Category c : e.categories()) {
            x.writeEmptyElement(NS, "category");
            x.writeAttribute("term", XmlText.clean(c.term()));
            if (c.scheme() != null) {
                x.writeAttribute("scheme", c.scheme());
            }
            if (c.label() != null) {
                x.writeAttribute("label", XmlText.clean(c.label()));
            }
        }
        if (e.summary() != null) {
            x.writeStartElement(NS, "summary");
            x.writeAttribute("type", "text");
            x.writeCharacters(XmlText.clean(e.summary()));
            x.writeEndElement();
        }
        if (e.content() != null) {
            x.writeStartElement(NS, "content");
            x.writeAttribute("type", "text");
            x.writeCharacters(XmlText.clean(e.content()));
            x.writeEndElement();
        }
        if (e.journal() != null) {
            x.writeStartElement(NS, "source");
            text(x, "title", e.journal());
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String rel, String href, String type) throws XMLStreamException {
        x.writeEmptyElement(NS, "link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("href", href);
        if (type != null) {
            x.writeAttribute("type", type);
        }
    }

    private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(NS, name);
        x.writeCharacters(XmlText.clean(value));
        x.writeEndElement();
    }

    static String date(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
