package org.evwatch.fetcher.poll;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.evwatch.fetcher.config.FetchConfig;
import org.evwatch.fetcher.http.BreakerPolicy;
import org.evwatch.fetcher.http.HostPolicy;
import org.evwatch.fetcher.http.PoliteHttpClient;
import org.evwatch.fetcher.persistence.StoredValidators;
import org.evwatch.fetcher.source.BioRxivSource;
import org.evwatch.fetcher.source.CrossrefSource;
import org.evwatch.fetcher.source.EuropePmcSource;
import org.evwatch.fetcher.source.FeedSource;
import org.evwatch.fetcher.source.FullTexts;
import org.evwatch.fetcher.source.LandingPages;
import org.evwatch.fetcher.source.PubMedSource;
import org.evwatch.fetcher.source.Source;
import org.evwatch.fetcher.watch.Watch;

/** Builds the sources, the watches and the one polite HTTP client from configuration. */
@ApplicationScoped
public class SourceRegistry {

    /** A source with its switch and window size. */
    public record Entry(Source source, boolean enabled, int windowDays) {

        public String name() {
            return source.name();
        }
    }

    private final PoliteHttpClient http;
    private final List<Entry> entries;
    private final List<Watch> watches;
    private final Optional<FullTexts> fullTexts;

    public SourceRegistry(FetchConfig config, StoredValidators validators) {
        Clock clock = Clock.systemUTC();
        this.http = PoliteHttpClient.create(
                PoliteHttpClient.userAgent("0.1.0", config.contactEmail(), config.projectUrl()),
                hostPolicies(config), HostPolicy.polite(),
                new BreakerPolicy(config.breaker().failureThreshold(), config.breaker().openFor()));
        String email = config.contactEmail();
        FetchConfig.PubMed pm = config.pubmed();
        List<Entry> list = new ArrayList<>();
        FetchConfig.EuropePmc epmc = config.europepmc();
        this.fullTexts = epmc.fullText() ? Optional.of(new FullTexts(http, epmc.baseUrl(), clock)) : Optional.empty();
        list.add(new Entry(new PubMedSource(http, new PubMedSource.Settings(pm.baseUrl(), pm.apiKey().orElse(null),
                pm.tool(), email, pm.batchSize(), 10_000), fullTexts, clock), pm.enabled(), pm.windowDays()));
        list.add(new Entry(new EuropePmcSource(http, new EuropePmcSource.Settings(epmc.baseUrl(), epmc.pageSize(),
                email), fullTexts, clock), epmc.enabled(), epmc.windowDays()));
        FetchConfig.Crossref cr = config.crossref();
        list.add(new Entry(new CrossrefSource(http, new CrossrefSource.Settings(cr.baseUrl(), cr.rows(), email),
                clock), cr.enabled(), cr.windowDays()));
        list.add(new Entry(new BioRxivSource(http, new BioRxivSource.Settings(config.biorxiv().baseUrl(), "biorxiv"),
                clock), config.biorxiv().enabled(), config.biorxiv().windowDays()));
        list.add(new Entry(new BioRxivSource(http, new BioRxivSource.Settings(config.medrxiv().baseUrl(), "medrxiv"),
                clock), config.medrxiv().enabled(), config.medrxiv().windowDays()));
        FetchConfig.Feeds feeds = config.feeds();
        list.add(new Entry(new FeedSource(http, feeds.urls().orElse(List.of()), validators,
                feeds.landingPages() ? Optional.of(new LandingPages(http, clock)) : Optional.empty(), clock),
                feeds.enabled(), 1));
        this.entries = List.copyOf(list);
        this.watches = watches(config);
    }

    public List<Entry> entries() {
        return entries;
    }

    public Optional<Entry> find(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    public List<Watch> watches() {
        return watches;
    }

    public Optional<Watch> watch(String id) {
        return watches.stream().filter(w -> w.id().equals(id)).findFirst();
    }

    public PoliteHttpClient http() {
        return http;
    }

    /** Open-access full texts, unless switched off ({@code evwatch.fetch.europepmc.full-text}). */
    public Optional<FullTexts> fullTexts() {
        return fullTexts;
    }

    /**
     * Known hosts get the rate their operators ask for: NCBI 3 requests/s, 10 with an API key; Crossref at most 3/s
     * and 3 in parallel for list queries; the others a modest rate. Config overrides any of them.
     */
    static Map<String, HostPolicy> hostPolicies(FetchConfig config) {
        Map<String, HostPolicy> policies = new HashMap<>();
        HostPolicy base = HostPolicy.polite();
        boolean ncbiKey = config.pubmed().apiKey().filter(k -> !k.isBlank()).isPresent();
        policies.put("eutils.ncbi.nlm.nih.gov", base.withRate(ncbiKey ? 10 : 3, 3));
        policies.put("api.crossref.org", base.withRate(3, 3));
        policies.put("www.ebi.ac.uk", base.withRate(5, 3));
        policies.put("api.biorxiv.org", base.withRate(1, 1));
        config.hosts().forEach((host, o) -> {
            HostPolicy p = policies.getOrDefault(host, base);
            p = p.withRate(o.requestsPerSecond().orElse(p.requestsPerSecond()),
                    o.maxConcurrent().orElse(p.maxConcurrent()));
            p = p.withTimeouts(o.connectTimeout().orElse(p.connectTimeout()),
                    o.requestTimeout().orElse(p.requestTimeout()));
            p = p.withRetries(o.maxAttempts().orElse(p.maxAttempts()), p.baseBackoff(), p.maxBackoff());
            policies.put(host, p);
        });
        return policies;
    }

    /** The built-in EVs-in-cancer watch plus the configured ones; a configured "ev-cancer" replaces the built-in. */
    private static List<Watch> watches(FetchConfig config) {
        java.util.Map<String, Watch> byId = new java.util.LinkedHashMap<>();
        byId.put(Watch.DEFAULT_ID, Watch.evCancer());
        config.watches().forEach((id, w) -> byId.put(id, new Watch(id, w.topicTerms(),
                w.contextTerms().orElse(List.of()), w.queries())));
        return List.copyOf(byId.values());
    }
}
