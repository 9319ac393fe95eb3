package org.evwatch.fetcher.source;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.PaperFetched;
import org.evwatch.events.PaperKeys;
import org.evwatch.events.tracing.RecordLog;
import org.evwatch.fetcher.http.FetchException;
import org.evwatch.fetcher.http.Page;
import org.evwatch.fetcher.http.PoliteHttpClient;
import org.evwatch.fetcher.http.Validators;
import org.evwatch.fetcher.split.MalformedResponseException;
import org.evwatch.fetcher.split.XmlDocuments;
import org.evwatch.fetcher.split.XmlRecords;
import org.evwatch.fetcher.watch.Watch;
import org.evwatch.fetcher.watch.WatchMatcher;
import org.jboss.logging.Logger;
import org.jsoup.Jsoup;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * RSS 1.0, RSS 2.0 and Atom journal feeds, any list of URLs, fetched with conditional GETs. Feeds have no query, so
 * each item is matched against the watch here. An item without an abstract is judged on its landing page, which is
 * then sent too. One failing feed does not stop the others; the poll reports it after trying them all.
 */
public final class FeedSource implements Source {

    public static final String NAME = "feeds";

    private static final Logger LOG = Logger.getLogger(FeedSource.class);
    private static final Set<String> ITEMS = Set.of("item", "entry");
    /** Below this many characters of text an item's description is a teaser, not an abstract. */
    private static final int MIN_ABSTRACT = 200;

    private final PoliteHttpClient http;
    private final List<URI> feeds;
    private final ValidatorStore validators;
    private final Optional<LandingPages> landingPages;
    private final Clock clock;

    /**
     * @param landingPages where to read the pages of items without an abstract; empty to judge such items on
     *        their title alone
     */
    public FeedSource(PoliteHttpClient http, List<URI> feeds, ValidatorStore validators,
            Optional<LandingPages> landingPages, Clock clock) {
        this.http = http;
        this.feeds = List.copyOf(feeds);
        this.validators = validators;
        this.landingPages = landingPages;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean windowed() {
        return false;
    }

    @Override
    public FetchResult fetch(Watch watch, DateWindow window, RecordSink sink) throws FetchException {
        WatchMatcher matcher = new WatchMatcher(watch);
        Map<String, Validators> fresh = new LinkedHashMap<>();
        FetchException firstFailure = null;
        long seen = 0;
        long sent = 0;
        for (URI feed : feeds) {
            try {
                Page page = http.get(NAME, feed, validators.get(feed.toString()));
                if (page.notModified()) {
                    continue;
                }
                List<PaperFetched> records = new ArrayList<>();
                seen += read(feed, page.body(), matcher, records);
                records.forEach(sink::accept);
                sent += records.size();
                fresh.put(feed.toString(), page.validators());
            } catch (FetchException e) {
                LOG.warn(e.getMessage());
                if (firstFailure == null) {
                    firstFailure = e;
                }
            }
        }
        if (firstFailure != null) {
            throw firstFailure;
        }
        // Validators are kept only once the records are stored, so that a lost record is fetched again.
        return new FetchResult(seen, sent, () -> fresh.forEach(validators::put));
    }

    /** Reads one feed body into the records to send; nothing is sent from a body that does not parse. */
    private long read(URI feed, String body, WatchMatcher matcher, List<PaperFetched> out) throws FetchException {
        List<String> raw;
        List<Element> items;
        try {
            Document doc = XmlDocuments.parse(body);
            raw = XmlRecords.split(body, doc, ITEMS);
            items = items(doc);
            if (raw.size() != items.size()) {
                throw new MalformedResponseException(
                        "found " + raw.size() + " items as text but " + items.size() + " as XML");
            }
            String root = XmlDocuments.localNameOf(doc.getDocumentElement());
            if (!Set.of("rss", "RDF", "feed").contains(root)) {
                throw new MalformedResponseException("root <" + root + "> is not RSS or Atom");
            }
        } catch (MalformedResponseException e) {
            throw new FetchException(FetchException.Kind.MALFORMED, NAME, feed, e.getMessage(), e);
        }
        var fetchedAt = clock.instant();
        for (int i = 0; i < items.size(); i++) {
            Item item = Item.of(items.get(i));
            String id = item.id() != null ? item.id() : PaperKeys.sha256(raw.get(i));
            PaperFetched record = Records.fetched(NAME, id, ContentTypes.FEED_ITEM_XML, raw.get(i), feed.toString(),
                    matcher.watch().id(), fetchedAt);
            // Lines logged while the item is judged (its landing page fetched) name it.
            RecordLog.enterRecord(id, null);
            try {
                out.addAll(judge(item, record, matcher));
            } finally {
                RecordLog.leave();
            }
        }
        return items.size();
    }

    /** What an item gives when it fits the watch: its record, and its landing page when that was needed to judge. */
    private List<PaperFetched> judge(Item item, PaperFetched record, WatchMatcher matcher) {
        String summary = plain(item.summary());
        if (summary.length() >= MIN_ABSTRACT || item.link() == null || landingPages.isEmpty()) {
            return matcher.matches(item.title() + " " + summary) ? List.of(record) : List.of();
        }
        LandingPages.Fetched page;
        try {
            page = landingPages.get().fetch(URI.create(item.link()), matcher.watch().id());
        } catch (FetchException | IllegalArgumentException e) {
            // A page that cannot be had must not hold up the feed: the item is judged on what it carries.
            LOG.warnf("feeds: landing page of %s not used: %s", record.sourceRecordId(), e.getMessage());
            return matcher.matches(item.title() + " " + summary) ? List.of(record) : List.of();
        }
        return matcher.matches(item.title() + " " + summary + " " + page.text())
                ? List.of(record, page.record())
                : List.of();
    }

    private static String plain(String html) {
        return html == null ? "" : Jsoup.parse(html).text().trim();
    }

    private static List<Element> items(Document doc) {
        List<Element> out = new ArrayList<>();
        collect(doc.getDocumentElement(), out);
        return out;
    }

    private static void collect(Element e, List<Element> out) {
        String name = XmlDocuments.localNameOf(e);
        if (ITEMS.contains(name)) {
            out.add(e);
            return;
        }
        NodeList children = e.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node n = children.item(i);
            if (n instanceof Element child) {
                collect(child, out);
            }
        }
    }

    /** The few fields of an item or entry the fetcher needs: identity, link, and text to match. */
    private record Item(String id, String link, String title, String summary) {

        static Item of(Element e) {
            String title = nonNull(XmlDocuments.childText(e, "title"));
            String link = XmlDocuments.childText(e, "link");
            Element atomLink = XmlDocuments.child(e, "link");
            if ((link == null || link.isEmpty()) && atomLink != null) {
                link = atomLink.getAttribute("href");
            }
            if (link != null && link.isBlank()) {
                link = null;
            }
            String id = firstNonBlank(XmlDocuments.childText(e, "guid"), XmlDocuments.childText(e, "id"),
                    e.getAttributeNS("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "about"), link);
            String summary = firstNonBlank(XmlDocuments.childText(e, "encoded"),
                    XmlDocuments.childText(e, "description"), XmlDocuments.childText(e, "summary"),
                    XmlDocuments.childText(e, "content"), XmlDocuments.childText(e, "abstract"));
            return new Item(id, link == null ? null : link.trim(), title, summary);
        }

        private static String firstNonBlank(String... values) {
            for (String v : values) {
                if (v != null && !v.isBlank()) {
                    return v.trim();
                }
            }
            return null;
        }

        private static String nonNull(String s) {
            return s == null ? "" : s;
        }
    }
}
