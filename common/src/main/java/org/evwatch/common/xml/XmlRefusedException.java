package org.evwatch.common.xml;

import org.xml.sax.SAXException;

/** A well-formed document refused for what it declares: readers report it like any other unreadable XML. */
public final class XmlRefusedException extends SAXException {

    public XmlRefusedException(String message) {
        super("XML refused: " + message);
    }
}
