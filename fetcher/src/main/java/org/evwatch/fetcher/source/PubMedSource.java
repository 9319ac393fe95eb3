package org.evwatch.fetcher.source;

import java.net.URI;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.evwatch.events.ContentTypes;
import org.evwatch.fetcher.http.FetchException;
import org.evwatch.fetcher.http.Page;
import org.evwatch.fetcher.http.PoliteHttpClient;
import org.evwatch.fetcher.split.MalformedResponseException;
import org.evwatch.fetcher.split.XmlDocuments;
import org.evwatch.fetcher.split.PubmedArticles;
import org.evwatch.fetcher.watch.Watch;
import org.evwatch.fetcher.watch.WatchQueries;
import org.jboss.logging.Logger;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * PubMed through NCBI E-utilities: an {@code esearch} over the entry dates of the window kept on the history
 * server, then {@code efetch} XML in batches. ESearch only serves the first 10,000 results of a search, so a window
 * with more is halved until every part is under that cap. An article PubMed lists with a PMCID can bring its
 * open-access full text from Europe PMC ({@link FullTexts}); when Europe PMC cannot be asked, the article is sent
 * without it (logged with the record id), rather than held back with the window.
 */
public final class PubMedSource extends ApiSource<PubMedSource.Settings> {

    public static final String NAME = "pubmed";

    private static final Logger LOG = Logger.getLogger(PubMedSource.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    /**
     * @param baseUrl the E-utilities root, e.g. {@code https://eutils.ncbi.nlm.nih.gov/entrez/eutils/}
     * @param apiKey NCBI API key, or null (it raises the allowed rate from 3 to 10 requests/s)
     * @param tool the tool name NCBI asks for, or null
     * @param email a contact address NCBI asks for, or null
     * @param batchSize efetch batch, at most 200
     * @param searchCap results ESearch serves for one search (10,000)
     */
    public record Settings(URI baseUrl, String apiKey, String tool, String email, int batchSize, int searchCap) {

        public Settings {
            requireSize(batchSize, 200, "efetch batches", "records");
        }
    }

    private final Optional<FullTexts> fullTexts;

    public PubMedSource(PoliteHttpClient http, Settings settings, Clock clock) {
        this(http, settings, Optional.empty(), clock);
    }

    /**
     * @param fullTexts when present, an article PubMed lists with a PMCID also brings its open-access full text
     */
    public PubMedSource(PoliteHttpClient http, Settings settings, Optional<FullTexts> fullTexts, Clock clock) {
        super(NAME, http, settings, clock);
        this.fullTexts = fullTexts;
    }

    @Override
    public FetchResult fetch(Watch watch, DateWindow window, RecordSink sink) throws FetchException {
        String term = WatchQueries.pubmed(watch);
        Deque<DateWindow> todo = new ArrayDeque<>(List.of(window));
        long seen = 0;
        while (!todo.isEmpty()) {
            DateWindow part = todo.pop();
            Search search = search(term, part);
            if (search.count() >= settings.searchCap() && part.days() > 1) {
                DateWindow[] halves = part.halves();
                todo.push(halves[1]);
                todo.push(halves[0]);
                continue;
            }
            long available = search.count();
            if (available >= settings.searchCap()) {
                LOG.warnf("pubmed: %d results on the single day %s; only the first %d can be retrieved", available,
                        part, settings.searchCap() - 1);
                available = settings.searchCap() - 1;
            }
            for (long start = 0; start < available; start += settings.batchSize()) {
                seen += fetchBatch(search, start, watch.id(), sink);
            }
        }
        return FetchResult.of(seen, seen);
    }

    private record Search(long count, String webEnv, String queryKey) {
    }

    private Search search(String term, DateWindow window) throws FetchException {
        Map<String, String> params = common();
        params.put("term", term);
        params.put("datetype", "edat");
        params.put("mindate", DATE.format(window.from()));
        params.put("maxdate", DATE.format(window.to()));
        params.put("usehistory", "y");
        params.put("retmax", "0");
        URI uri = Urls.of(settings.baseUrl(), "esearch.fcgi", params);
        Page page = http.get(NAME, uri);
        try {
            Document doc = XmlDocuments.parse(page.body());
            Element root = doc.getDocumentElement();
            if (!"eSearchResult".equals(XmlDocuments.localNameOf(root))) {
                throw new MalformedResponseException("root is <" + root.getTagName() + ">, not <eSearchResult>");
            }
            String error = XmlDocuments.childText(root, "ERROR");
            String count = XmlDocuments.childText(root, "Count");
            if (error != null || count == null) {
                throw new MalformedResponseException("esearch error: " + (error != null ? error : "no <Count>"));
            }
            long n = Long.parseLong(count);
            String webEnv = XmlDocuments.childText(root, "WebEnv");
            String queryKey = XmlDocuments.childText(root, "QueryKey");
            if (n > 0 && (webEnv == null || queryKey == null)) {
                throw new MalformedResponseException("esearch gave no history (WebEnv/QueryKey)");
            }
            return new Search(n, webEnv, queryKey);
        } catch (MalformedResponseException | NumberFormatException e) {
            throw malformed(uri, e);
        }
    }

    private int fetchBatch(Search search, long start, String watchId, RecordSink sink) throws FetchException {
        Map<String, String> params = common();
        params.put("WebEnv", search.webEnv());
        params.put("query_key", search.queryKey());
        params.put("retstart", Long.toString(start));
        params.put("retmax", Integer.toString(settings.batchSize()));
        params.put("retmode", "xml");
        URI uri = Urls.of(settings.baseUrl(), "efetch.fcgi", params);
        Page page = http.get(NAME, uri);
        List<PubmedArticles.Article> articles;
        try {
            articles = PubmedArticles.split(page.body());
        } catch (MalformedResponseException e) {
            throw malformed(uri, e);
        }
        long expected = Math.min(settings.batchSize(), search.count() - start);
        if (articles.isEmpty() && expected > 0) {
            throw malformed(uri, new MalformedResponseException("efetch returned no articles, expected " + expected));
        }
        // The splitter checks every id first, so that a broken batch sends nothing.
        String url = FetchException.redact(uri).toString();
        var fetchedAt = clock.instant();
        for (PubmedArticles.Article article : articles) {
            sink.accept(Records.fetched(NAME, article.pmid(), ContentTypes.PUBMED_XML, article.xml(), url, watchId,
                    fetchedAt));
            if (article.pmcid() != null && fullTexts.isPresent()) {
                fullTexts.get().fetchOrLog(article.pmcid(), "MED:" + article.pmid(), watchId).ifPresent(sink::accept);
            }
        }
        return articles.size();
    }

    private Map<String, String> common() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("db", "pubmed");
        params.put("api_key", settings.apiKey());
        params.put("tool", settings.tool());
        params.put("email", settings.email());
        return params;
    }
}
