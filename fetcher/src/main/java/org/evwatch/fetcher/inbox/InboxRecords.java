package org.evwatch.fetcher.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.evwatch.events.ContentSniffer;
import org.evwatch.events.ContentTypes;
import org.evwatch.fetcher.split.MalformedResponseException;
import org.evwatch.fetcher.split.PubmedArticles;
import org.evwatch.fetcher.split.XmlDocuments;
import org.evwatch.fetcher.split.XmlRecords;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Turns the text of an inbox file into its papers. The format is told from the content, the file name's extension
 * settling only what the content leaves open ({@link ContentSniffer}); then a file holding many records (a PubMed
 * article set, a PMC article set, a feed, a Europe PMC, Crossref or bioRxiv response) is split into one record per
 * paper, and a single record, a JATS article or a captured page stays one. Every XML file goes through the hardened
 * parser first, whatever its format, so a hostile one is named as such.
 */
public final class InboxRecords {

    private static final Set<String> FEED_ITEMS = Set.of("item", "entry");
    private static final Set<String> LIBRARIES = Set.of(ContentTypes.RIS, ContentTypes.MEDLINE, ContentTypes.BIBTEX,
            ContentTypes.CSL_JSON, ContentTypes.IDENTIFIER_LIST);

    private InboxRecords() {
    }

    /**
     * The file's entries, in file order, whatever its format: the format is {@code declaredType} when given, else
     * told from the content. A library (RIS, BibTeX, CSL-JSON) or an identifier list is read entry by entry, so a bad
     * entry is rejected alone; any other format is split whole, and fails whole ({@link UnreadableFileException}).
     */
    public static List<ImportEntry> entries(String text, String fileName, String declaredType)
            throws UnreadableFileException {
        String type = declaredType != null ? declaredType : ContentSniffer.sniff(text, fileName);
        if (LIBRARIES.contains(type)) {
            try {
                return LibraryRecords.split(text, type);
            } catch (MalformedResponseException e) {
                throw new UnreadableFileException(e.getMessage());
            }
        }
        List<InboxRecord> records = splitAs(text, type);
        List<ImportEntry> entries = new ArrayList<>(records.size());
        for (InboxRecord r : records) {
            entries.add(ImportEntry.ready(entries.size() + 1, "record " + (entries.size() + 1) + " (" + r.id() + ")",
                    r));
        }
        return entries;
    }

    /** The file's records, in file order; {@link UnreadableFileException} with the reason when it holds none. */
    static List<InboxRecord> split(String text, String fileName) throws UnreadableFileException {
        return splitAs(text, ContentSniffer.sniff(text, fileName));
    }

    private static List<InboxRecord> splitAs(String text, String type) throws UnreadableFileException {
        try {
            return switch (type) {
                case ContentTypes.PUBMED_XML -> pubmed(text);
                case ContentTypes.JATS_XML -> jats(text);
                case ContentTypes.FEED_ITEM_XML -> feed(text);
                case ContentTypes.EUROPEPMC_JSON, ContentTypes.CROSSREF_JSON, ContentTypes.BIORXIV_JSON ->
                    JsonInboxRecords.split(text, type);
                case ContentTypes.HTML, ContentTypes.TEXT, ContentTypes.MARKDOWN -> List.of(PageRecords.page(text,
                        type));
                case ContentSniffer.XML -> throw unknownXml(text);
                default -> throw new UnreadableFileException(InboxFiles.NOT_A_PAPER + "the file is JSON, but neither"
                        + " a Europe PMC, Crossref nor bioRxiv record or response; " + InboxFiles.READS);
            };
        } catch (MalformedResponseException e) {
            throw new UnreadableFileException(e.getMessage());
        }
    }

    private static List<InboxRecord> pubmed(String text) throws MalformedResponseException, UnreadableFileException {
        List<InboxRecord> records = new ArrayList<>();
        for (PubmedArticles.Article a : PubmedArticles.split(text)) {
            // a bare PMID, as the inbox has always keyed PubMed records
            records.add(new InboxRecord(a.pmid(), ContentTypes.PUBMED_XML, a.xml()));
        }
        if (records.isEmpty()) {
            throw new UnreadableFileException("no <PubmedArticle> in the file");
        }
        return records;
    }

    /** One {@code <article>}, or a {@code <pmc-articleset>} of them (efetch from PMC). */
    private static List<InboxRecord> jats(String text) throws MalformedResponseException, UnreadableFileException {
        Document doc = XmlDocuments.parse(text);
        Element root = doc.getDocumentElement();
        if (XmlDocuments.localNameOf(root).equals("article")) {
            return List.of(new InboxRecord(RecordIds.jats(root, text), ContentTypes.JATS_XML, text));
        }
        List<String> texts = XmlRecords.split(text, doc, Set.of("article"));
        List<Element> articles = XmlDocuments.children(root, "article");
        if (texts.size() != articles.size()) {
            throw new MalformedResponseException("found " + articles.size() + " articles but could cut out "
                    + texts.size());
        }
        List<InboxRecord> records = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            records.add(new InboxRecord(RecordIds.jats(articles.get(i), texts.get(i)), ContentTypes.JATS_XML,
                    texts.get(i)));
        }
        return nonEmpty(records, "no <article> in the <pmc-articleset>");
    }

    /** An RSS or Atom feed, or one item or entry of one. */
    private static List<InboxRecord> feed(String text) throws MalformedResponseException, UnreadableFileException {
        Document doc = XmlDocuments.parse(text);
        List<InboxRecord> records = new ArrayList<>();
        for (String item : XmlRecords.split(text, doc, FEED_ITEMS)) {
            Element parsed = XmlDocuments.parse(item).getDocumentElement();
            records.add(new InboxRecord(RecordIds.feedItem(parsed, item), ContentTypes.FEED_ITEM_XML, item));
        }
        return nonEmpty(records, "no <item> or <entry> in the feed");
    }

    /** XML of no format the inbox reads: parsed all the same, so that a hostile file is named as such. */
    private static UnreadableFileException unknownXml(String text) throws MalformedResponseException {
        Element root = XmlDocuments.parse(text).getDocumentElement();
        return new UnreadableFileException(InboxFiles.NOT_A_PAPER + "the file is XML with root element <"
                + XmlDocuments.localNameOf(root) + ">, which is none of PubMed (<PubmedArticleSet>), JATS (<article>,"
                + " <pmc-articleset>) or a feed (<rss>, <feed>); " + InboxFiles.READS);
    }

    static List<InboxRecord> nonEmpty(List<InboxRecord> records, String why) throws UnreadableFileException {
        if (records.isEmpty()) {
            throw new UnreadableFileException(InboxFiles.NOT_A_PAPER + why);
        }
        return records;
    }
}
