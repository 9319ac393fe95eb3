package org.evwatch.extractor.parse;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.evwatch.events.ContentSniffer;
import org.evwatch.events.Paper;
import org.evwatch.events.Summary;

/**
 * The entry point of parsing: picks the parser by content type, and sniffs the content when the type is missing
 * or unknown. Immutable and thread-safe; build it once at start.
 */
public final class Parsers {

    private final Map<String, PaperParser> byType;

    private Parsers(List<PaperParser> parsers) {
        Map<String, PaperParser> map = new HashMap<>();
        for (PaperParser parser : parsers) {
            for (String type : parser.contentTypes()) {
                map.put(type, parser);
            }
        }
        this.byType = Map.copyOf(map);
    }

    /** Every parser the product has. */
    public static Parsers standard() {
        return new Parsers(List.of(new PubmedXmlParser(), new EuropePmcJsonParser(), new CrossrefJsonParser(),
                new BiorxivJsonParser(), new FeedItemParser(), new JatsXmlParser(), new HtmlPageParser(),
                new TextCaptureParser(), new RisParser(), new BibtexParser(), new CslJsonParser(),
                new MedlineParser()));
    }

    /** One record -> one canonical paper. contentType may be null or unknown: then the content is sniffed. */
    public Paper parse(String contentType, String payload) throws ParseException {
        List<Paper> papers = parseAll(contentType, payload);
        if (papers.size() != 1) {
            throw new ParseException("expected one record but the payload holds " + papers.size()
                    + " (a whole file is read with parseAll)");
        }
        return papers.get(0);
    }

    /** A whole file (a PubmedArticleSet, a feed, a result page) -> its papers, in order. */
    public List<Paper> parseAll(String contentType, String payload) throws ParseException {
        if (payload == null || payload.isBlank()) {
            throw new ParseException("empty payload");
        }
        checkDecoded(payload);
        PaperParser parser = parserFor(contentType, payload);
        List<Paper> papers = parser.parseAll(payload);
        if (papers.isEmpty()) {
            throw new ParseException(parser.contentTypes().get(0) + ": the payload holds no record");
        }
        return papers;
    }

    /**
     * The summary the record's source wrote itself (a summary page's TL;DR, contribution and key findings), kept
     * beside the one the extractor makes; null for formats that carry none.
     */
    public Summary.FromSource sourceSummary(String contentType, String payload) {
        if (payload == null || payload.isBlank()) {
            return null;
        }
        String type = resolveType(contentType, payload);
        return byType.get(type) instanceof TextCaptureParser ? TextCaptureParser.fromSource(payload) : null;
    }

    /** The content type the payload will be parsed as: the given one when known, else the sniffed one. */
    public String resolveType(String contentType, String payload) {
        String type = baseType(contentType);
        if (type != null && byType.containsKey(type)) {
            return type;
        }
        return ContentSniffer.sniff(payload);
    }

    private PaperParser parserFor(String contentType, String payload) throws ParseException {
        String type = resolveType(contentType, payload);
        PaperParser parser = byType.get(type);
        if (parser == null) {
            throw new ParseException("unsupported content: declared " + (contentType == null
                    ? "no type"
                    : "'"
                            + contentType + "'")
                    + ", content looks like " + type + " which no parser reads");
        }
        return parser;
    }

    /** "text/html; charset=UTF-8" -> "text/html". */
    private static String baseType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semi = contentType.indexOf(';');
        String t = (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        return t.isEmpty() ? null : t;
    }

    /**
     * Bytes decoded with the wrong charset upstream leave U+FFFD replacement characters, and binary data leaves
     * control characters; either way the text is already corrupted, and a paper built from it would be wrong.
     */
    private static void checkDecoded(String payload) throws ParseException {
        int line = 1;
        for (int i = 0; i < payload.length(); i++) {
            char c = payload.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c == '\uFFFD') {
                throw new ParseException("payload is not valid text in its declared encoding: replacement character"
                        + " U+FFFD at line " + line + " (bytes were decoded with the wrong charset)");
            } else if (c < 0x20 && c != '\t' && c != '\r') {
                throw new ParseException("payload is not text: control character U+"
                        + String.format(Locale.ROOT, "%04X", (int) c) + " at line " + line);
            }
        }
    }
}
