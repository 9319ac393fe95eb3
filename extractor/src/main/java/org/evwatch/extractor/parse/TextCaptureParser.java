package org.evwatch.extractor.parse;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.Paper;
import org.evwatch.events.Summary;

/**
 * Plain-text and markdown captures of article pages. The reader is picked by what the page shows, each layout by a
 * marker only it has: a markdown summary page ({@link SummaryPageReader}), a research-portal "Research output" page
 * ({@link ResearchPortalReader}), a publisher's article page ({@link PublisherPageReader}); anything else is read
 * generically ({@link GenericTextReader}). A DOI none of them found is taken from a labelled DOI anywhere in the text.
 */
final class TextCaptureParser implements PaperParser {

    static final String FORMAT = "text capture";

    private static final Pattern LABELLED_DOI = Pattern
            .compile("(?i)\\b(?:doi:?\\s*|https?://(?:dx\\.)?doi\\.org/)(10\\.\\d{4,9}/\\S+)");
    private static final List<TextPageReader> READERS = List.of(new SummaryPageReader(), new ResearchPortalReader(),
            new PublisherPageReader(), new GenericTextReader());

    @Override
    public List<String> contentTypes() {
        return List.of(ContentTypes.TEXT, ContentTypes.MARKDOWN);
    }

    @Override
    public List<Paper> parseAll(String payload) throws ParseException {
        List<String> lines = TextLines.of(payload);
        PaperDraft d = new PaperDraft();
        readerFor(lines).read(d, lines);
        if (d.doi == null) {
            Matcher m = LABELLED_DOI.matcher(payload);
            d.doi(m.find() ? Texts.findDoi(m.group(1)) : null);
        }
        return List.of(d.build(FORMAT));
    }

    /** The page's own summary, when it is a summary page that has one; null otherwise. */
    static Summary.FromSource fromSource(String payload) {
        List<String> lines = TextLines.of(payload);
        return readerFor(lines) instanceof SummaryPageReader ? SummaryPageReader.fromSource(lines) : null;
    }

    /** The first reader that recognises the page; the generic one recognises any. */
    static TextPageReader readerFor(List<String> lines) {
        for (TextPageReader reader : READERS) {
            if (reader.recognises(lines)) {
                return reader;
            }
        }
        throw new IllegalStateException("the generic reader reads any page");
    }
}
