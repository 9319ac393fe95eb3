package org.evwatch.deploy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for NCBI E-utilities on a free loopback port, serving a fixed set of generated papers by entry date:
 * {@code esearch.fcgi} counts the papers of a date range and names the range in its WebEnv, {@code efetch.fcgi} returns
 * a slice of that range's papers (by PMID) after a short delay, as a busy server would. Every paper is rendered once,
 * so a paper fetched again has the same content. Every request is logged in arrival order, and a test can
 * {@linkplain #holdAt hold} one request until it chooses to let it go, to act while that request is in flight.
 */
final class PubmedUpstream implements AutoCloseable {

    /** A paper and the day it entered PubMed. */
    record Paper(long pmid, LocalDate day) {
    }

    /** A date range as the fetcher asks for it, both ends included. */
    record Window(LocalDate from, LocalDate to) {

        boolean contains(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }

        boolean covers(Window other) {
            return !from.isAfter(other.from) && !to.isBefore(other.to);
        }

        @Override
        public String toString() {
            return from + ".." + to;
        }
    }

    /**
     * One request as it arrived: its place in the log, {@code esearch} or {@code efetch}, the window asked for, and for
     * an efetch the first position and the PMIDs it is answered with.
     */
    record Request(long seq, String kind, Window window, long retstart, List<Long> pmids) {
    }

    /** A request the stub holds until {@link #release()}; {@link #caught()} completes when it arrives. */
    static final class Hold {
        private final Predicate<Request> which;
        private final CompletableFuture<Request> caught = new CompletableFuture<>();
        private final CountDownLatch released = new CountDownLatch(1);

        private Hold(Predicate<Request> which) {
            this.which = which;
        }

        CompletableFuture<Request> caught() {
            return caught;
        }

        void release() {
            released.countDown();
        }
    }

    private static final DateTimeFormatter NCBI_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n";

    private final List<Paper> papers;
    private final Map<Long, String> articles = new HashMap<>();
    private final Duration efetchDelay;
    private final List<Request> log = new ArrayList<>();
    private final List<Hold> holds = new ArrayList<>();
    private long seq;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "pubmed-upstream");
        t.setDaemon(true);
        return t;
    });
    private HttpServer server;

    /** Serves {@code papers}, each efetch answered after {@code efetchDelay}. */
    PubmedUpstream(List<Paper> papers, Duration efetchDelay, long seed) {
        this.papers = papers.stream().sorted(Comparator.comparingLong(Paper::pmid)).toList();
        this.efetchDelay = efetchDelay;
        PubmedGenerator generator = new PubmedGenerator(seed);
        for (Paper p : this.papers) {
            articles.put(p.pmid(), generator.article(p.pmid(), p.day()));
        }
    }

    /** {@code count} papers with PMIDs from {@code firstPmid} on, each on a day drawn from {@code days} days. */
    static List<Paper> spread(long seed, long firstPmid, int count, LocalDate firstDay, int days) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Paper> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(new Paper(firstPmid + i, firstDay.plusDays(random.nextInt(days))));
        }
        return list;
    }

    PubmedUpstream start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/esearch.fcgi", exchange -> answer(exchange, false));
        server.createContext("/efetch.fcgi", exchange -> answer(exchange, true));
        server.setExecutor(executor);
        server.start();
        return this;
    }

    /** The E-utilities root to configure, with the host name {@code localhost}. */
    String baseUrl() {
        return "http://localhost:" + server.getAddress().getPort() + "/";
    }

    /**
     * Points the stack's fetchers at this stand-in, PubMed their only source, polled every 2 s over the last
     * {@code lookbackDays} days in windows of {@code windowDays} days and efetch batches of {@code batch} records, the
     * newest {@code settleDays} days fetched on every poll. A request the stand-in holds waits for the test rather
     * than timing out.
     */
    void feed(LocalStack stack, int batch, int windowDays, int lookbackDays, int settleDays) {
        stack.environment("fetcher", "EVWATCH_FETCH_PUBMED_ENABLED", "true")
                .environment("fetcher", "EVWATCH_FETCH_PUBMED_BASE_URL", baseUrl())
                .environment("fetcher", "EVWATCH_FETCH_PUBMED_BATCH_SIZE", String.valueOf(batch))
                .environment("fetcher", "EVWATCH_FETCH_PUBMED_WINDOW_DAYS", String.valueOf(windowDays))
                .environment("fetcher", "EVWATCH_FETCH_POLL_EVERY", "2s")
                .environment("fetcher", "EVWATCH_FETCH_POLL_DELAY", "1s")
                .environment("fetcher", "EVWATCH_FETCH_POLL_INITIAL_LOOKBACK_DAYS", String.valueOf(lookbackDays))
                .environment("fetcher", "EVWATCH_FETCH_POLL_SETTLE_DAYS", String.valueOf(settleDays))
                .environment("fetcher", "EVWATCH_FETCH_HOSTS_LOCALHOST_REQUESTS_PER_SECOND", "20")
                .environment("fetcher", "EVWATCH_FETCH_HOSTS_LOCALHOST_REQUEST_TIMEOUT", "3m");
    }

    List<Paper> papers() {
        return papers;
    }

    /** The papers of a window, by PMID. */
    List<Paper> papersIn(Window window) {
        return papers.stream().filter(p -> window.contains(p.day())).toList();
    }

    /** Every request so far, in arrival order. */
    synchronized List<Request> requests() {
        return List.copyOf(log);
    }

    /** The place in the log the next request will take. */
    synchronized long nextSeq() {
        return seq;
    }

    /** Holds the first request {@code which} accepts (once), until the returned hold is released. */
    synchronized Hold holdAt(Predicate<Request> which) {
        Hold hold = new Hold(which);
        holds.add(hold);
        return hold;
    }

    private void answer(HttpExchange exchange, boolean efetch) throws IOException {
        try (exchange) {
            Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
            Logged logged = log(q, efetch);
            Request request = logged.request();
            Hold hold = logged.hold();
            String body = efetch ? efetchBody(request) : esearchBody(request);
            if (efetch) {
                Thread.sleep(efetchDelay.toMillis());
            }
            if (hold != null) {
                hold.caught.complete(request);
                hold.released.await(2, TimeUnit.MINUTES);
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=UTF-8");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // The client went away (a killed fetcher), or asked for something this stub does not serve.
            if (e instanceof RuntimeException) {
                exchange.sendResponseHeaders(400, -1);
            }
        }
    }

    private record Logged(Request request, Hold hold) {
    }

    /** Logs a request in arrival order, and finds the hold that wants it, if any. */
    private synchronized Logged log(Map<String, String> q, boolean efetch) {
        Request request = efetch ? efetchRequest(q) : esearchRequest(q);
        log.add(request);
        for (Hold hold : holds) {
            if (hold.which.test(request)) {
                holds.remove(hold);
                return new Logged(request, hold);
            }
        }
        return new Logged(request, null);
    }

    private Request esearchRequest(Map<String, String> q) {
        Window window = new Window(LocalDate.parse(q.get("mindate"), NCBI_DATE),
                LocalDate.parse(q.get("maxdate"), NCBI_DATE));
        return new Request(seq++, "esearch", window, 0, List.of());
    }

    private Request efetchRequest(Map<String, String> q) {
        String[] env = q.get("WebEnv").split("_");
        Window window = new Window(LocalDate.parse(env[1]), LocalDate.parse(env[2]));
        int start = Integer.parseInt(q.get("retstart"));
        int max = Integer.parseInt(q.get("retmax"));
        List<Paper> in = papersIn(window);
        List<Long> pmids = in.subList(Math.min(start, in.size()), Math.min(start + max, in.size())).stream()
                .map(Paper::pmid).toList();
        return new Request(seq++, "efetch", window, start, pmids);
    }

    private String esearchBody(Request request) {
        Window w = request.window();
        return XML + "<!DOCTYPE eSearchResult PUBLIC \"-//NLM//DTD esearch 20060628//EN\" "
                + "\"https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20060628/esearch.dtd\">\n<eSearchResult><Count>"
                + papersIn(w).size() + "</Count><RetMax>0</RetMax><RetStart>0</RetStart><QueryKey>1</QueryKey>"
                + "<WebEnv>STUB_" + w.from() + "_" + w.to() + "</WebEnv><IdList></IdList></eSearchResult>\n";
    }

    private String efetchBody(Request request) {
        StringBuilder x = new StringBuilder(XML).append("<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM//DTD "
                + "PubMedArticle, 1st January 2025//EN\" \"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd\">"
                + "\n<PubmedArticleSet>\n");
        request.pmids().forEach(pmid -> x.append(articles.get(pmid)));
        return x.append("</PubmedArticleSet>\n").toString();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    @Override
    public void close() {
        synchronized (this) {
            holds.forEach(Hold::release);
        }
        if (server != null) {
            server.stop(0);
        }
        executor.shutdownNow();
    }
}
