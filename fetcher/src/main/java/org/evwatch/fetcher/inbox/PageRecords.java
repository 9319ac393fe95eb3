package org.evwatch.fetcher.inbox;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.evwatch.events.ContentTypes;

/**
 * A captured page (an HTML landing page, a text or Markdown capture) is one paper per file. Its id is the DOI the page
 * states as its own, where it states one in a place that names the page's paper and nothing else (an HTML
 * {@code citation_doi}, {@code dc.identifier} or {@code prism.doi} meta tag; a summary page's
 * {@code · DOI: …} line or {@code **DOI:**} field), else a hash of the page: a DOI merely found in the text may be a
 * cited paper's.
 */
final class PageRecords {

    /** Fewer characters than this cannot hold a paper's title and abstract: a note, a list, a stray file. */
    static final int MIN_TEXT = 200;

    private static final Pattern META_DOI = Pattern.compile("(?is)<meta\\s[^>]*name\\s*=\\s*[\"']"
            + "(?:citation_doi|dc\\.identifier|prism\\.doi)[\"'][^>]*content\\s*=\\s*[\"']\\s*(?:doi:|https?://"
            + "(?:dx\\.)?doi\\.org/)?(10\\.[^\"'\\s]+)");
    private static final Pattern META_DOI_CONTENT_FIRST = Pattern.compile("(?is)<meta\\s[^>]*content\\s*=\\s*[\"']"
            + "\\s*(?:doi:|https?://(?:dx\\.)?doi\\.org/)?(10\\.[^\"'\\s]+)[\"'][^>]*name\\s*=\\s*[\"']"
            + "(?:citation_doi|dc\\.identifier|prism\\.doi)[\"']");
    private static final Pattern SUMMARY_DOI = Pattern.compile("(?m)^(?:.*·\\s*DOI:|\\*\\*DOI:\\*\\*)\\s*(10\\.\\S+)");
    private static final Pattern HTML_TITLE = Pattern.compile("(?is)<title[^>]*>\\s*[^<\\s]|<meta\\s[^>]*(?:name|"
            + "property)\\s*=\\s*[\"'](?:citation_title|dc\\.title|og:title)[\"']|<h1[^>]*>\\s*[^<\\s]");

    private PageRecords() {
    }

    static InboxRecord page(String text, String type) throws UnreadableFileException {
        if (type.equals(ContentTypes.HTML)) {
            if (!HTML_TITLE.matcher(text).find()) {
                throw new UnreadableFileException(InboxFiles.NOT_A_PAPER + "an HTML page without a title (no <title>,"
                        + " <h1> or citation_title, dc.title or og:title meta tag) cannot be a paper's page");
            }
            return new InboxRecord(RecordIds.of("page", text, RecordIds.doi(first(text, META_DOI,
                    META_DOI_CONTENT_FIRST))), type, text);
        }
        String stripped = text.strip();
        if (stripped.length() < MIN_TEXT) {
            throw new UnreadableFileException(InboxFiles.NOT_A_PAPER + "a text of " + stripped.length()
                    + " characters starting \"" + FileKinds.preview(stripped) + "\" is too short to hold a paper's"
                    + " title and abstract (a page capture has at least " + MIN_TEXT + ")");
        }
        return new InboxRecord(RecordIds.of("page", text, RecordIds.doi(first(text, SUMMARY_DOI))), type, text);
    }

    private static String first(String text, Pattern... patterns) {
        for (Pattern p : patterns) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }
}
