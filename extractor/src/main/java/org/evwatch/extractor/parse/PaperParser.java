package org.evwatch.extractor.parse;

import java.util.List;

import org.evwatch.events.Paper;

/** Turns records of one content type into canonical papers. Implementations are stateless and thread-safe. */
public interface PaperParser {

    /** The media types this parser reads, the first being its own. */
    List<String> contentTypes();

    /** Every paper in the payload: one for a single record, several for a set, a feed or a result page. */
    List<Paper> parseAll(String payload) throws ParseException;
}
