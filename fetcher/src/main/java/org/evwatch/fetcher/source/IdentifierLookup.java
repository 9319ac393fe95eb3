package org.evwatch.fetcher.source;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.IdentifierList;
import org.evwatch.events.PaperFetched;
import org.evwatch.fetcher.http.FetchException;
import org.evwatch.fetcher.http.PoliteHttpClient;
import org.evwatch.fetcher.split.JsonRecords;
import org.evwatch.fetcher.split.MalformedResponseException;
import org.evwatch.fetcher.split.PubmedArticles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Looks identifiers up at the sources the fetcher polls, through the same polite HTTP client, so a list of 500 DOIs
 * is fetched at the rate and with the retries and circuit breakers of polling: PMIDs at PubMed ({@code efetch}, up
 * to 200 a request), DOIs at Crossref ({@code works/{doi}}) and else at Europe PMC, PMCIDs at Europe PMC, URLs as
 * landing pages. Each record found carries the id and source polling would give it, so a paper polled before is
 * recognised; a paper with a PMCID brings its open-access full text as well. A URL whose host is this machine or a private network is refused unless allowed in configuration.
 */
public final class IdentifierLookup {

    /**
     * What one identifier gave: the record to send, with its open-access full text when it has one (else null), or
     * why there is none.
     */
    public record Result(PaperFetched record, PaperFetched fullText, String rejection) {

        static Result found(PaperFetched record, Optional<PaperFetched> fullText) {
            return new Result(record, fullText.orElse(null), null);
        }

        static Result rejected(String why) {
            return new Result(null, null, why);
        }
    }

    private static final int EFETCH_BATCH = 200;

    private final PoliteHttpClient http;
    private final PubMedSource.Settings pubmed;
    private final EuropePmcSource.Settings europePmc;
    private final CrossrefSource.Settings crossref;
    private final LandingPages pages;
    private final Optional<FullTexts> fullTexts;
    private final boolean allowPrivateHosts;
    private final Clock clock;

    /** @param fullTexts when present, a paper found with a PMCID also brings its open-access full text */
    public IdentifierLookup(PoliteHttpClient http, PubMedSource.Settings pubmed, EuropePmcSource.Settings europePmc,
            CrossrefSource.Settings crossref, Optional<FullTexts> fullTexts, boolean allowPrivateHosts,
            Clock clock) {
        this.http = http;
        this.pubmed = pubmed;
        this.europePmc = europePmc;
        this.crossref = crossref;
        this.pages = new LandingPages(http, clock);
        this.fullTexts = fullTexts;
        this.allowPrivateHosts = allowPrivateHosts;
        this.clock = clock;
    }

    /** Every item's result, in the items' order; PMIDs are fetched together. */
    public Map<IdentifierList.Item, Result> resolve(List<IdentifierList.Item> items, String watchId) {
        Map<IdentifierList.Item, Result> out = new LinkedHashMap<>();
        List<IdentifierList.Item> pmids = items.stream().filter(i -> i.kind() == IdentifierList.Kind.PMID).toList();
        for (int from = 0; from < pmids.size(); from += EFETCH_BATCH) {
            out.putAll(pmids(pmids.subList(from, Math.min(pmids.size(), from + EFETCH_BATCH)), watchId));
        }
        Map<IdentifierList.Item, Result> ordered = new LinkedHashMap<>();
        for (IdentifierList.Item item : items) {
            ordered.put(item, switch (item.kind()) {
                case PMID -> out.get(item);
                case DOI -> doi(item.value(), watchId);
                case PMCID -> europePmc("PMCID:" + item.value(), "PMCID " + item.value(), watchId);
                case URL -> page(item.value(), watchId);
            });
        }
        return ordered;
    }

    private Map<IdentifierList.Item, Result> pmids(List<IdentifierList.Item> batch, String watchId) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("db", "pubmed");
        params.put("id", String.join(",", batch.stream().map(IdentifierList.Item::value).toList()));
        params.put("retmode", "xml");
        params.put("api_key", pubmed.apiKey());
        params.put("tool", pubmed.tool());
        params.put("email", pubmed.email());
        URI uri = Urls.of(pubmed.baseUrl(), "efetch.fcgi", params);
        Map<String, PubmedArticles.Article> byPmid = new LinkedHashMap<>();
        Map<IdentifierList.Item, Result> out = new LinkedHashMap<>();
        try {
            PubmedArticles.split(http.get(PubMedSource.NAME, uri).body()).forEach(a -> byPmid.put(a.pmid(), a));
        } catch (FetchException | MalformedResponseException e) {
            batch.forEach(i -> out.put(i, Result.rejected("PubMed could not be asked: " + e.getMessage())));
            return out;
        }
        String url = FetchException.redact(uri).toString();
        for (IdentifierList.Item item : batch) {
            PubmedArticles.Article a = byPmid.get(item.value());
            out.put(item, a == null
                    ? Result.rejected("PubMed has no record with PMID " + item.value())
                    : Result.found(Records.fetched(PubMedSource.NAME, a.pmid(), ContentTypes.PUBMED_XML, a.xml(),
                            url, watchId, clock.instant()), fullText(a.pmcid(), "MED:" + a.pmid(), watchId)));
        }
        return out;
    }

    private Result doi(String doi, String watchId) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("mailto", crossref.mailto());
        URI uri = Urls.of(crossref.baseUrl(), "works/" + Urls.pathSegment(doi), params);
        try {
            String body = http.get(CrossrefSource.NAME, uri).body();
            JsonNode work = JsonRecords.split(body).tree().path("message");
            if (!doi.equalsIgnoreCase(work.path("DOI").asText())) {
                return Result.rejected("Crossref answered for DOI " + doi + " with another work");
            }
            return Result.found(Records.fetched(CrossrefSource.NAME, doi, ContentTypes.CROSSREF_JSON, body,
                    uri.toString(), watchId, clock.instant()), Optional.empty());
        } catch (FetchException e) {
            if (e.kind() != FetchException.Kind.REJECTED) {
                return Result.rejected("Crossref could not be asked: " + e.getMessage());
            }
        } catch (MalformedResponseException e) {
            return Result.rejected("Crossref's answer for DOI " + doi + " is not a work: " + e.getMessage());
        }
        Result epmc = europePmc("DOI:\"" + doi + "\"", "DOI " + doi, watchId);
        return epmc.record() != null || !epmc.rejection().contains("has no record")
                ? epmc
                : Result.rejected("neither Crossref nor Europe PMC has a record with DOI " + doi);
    }

    private Result europePmc(String query, String what, String watchId) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("query", query);
        params.put("resultType", "core");
        params.put("format", "json");
        params.put("pageSize", "1");
        params.put("email", europePmc.email());
        URI uri = Urls.of(europePmc.baseUrl(), "search", params);
        try {
            JsonRecords.Split split = JsonRecords.split(http.get(EuropePmcSource.NAME, uri).body(), "resultList",
                    "result");
            if (split.items().isEmpty()) {
                return Result.rejected("Europe PMC has no record with " + what);
            }
            JsonNode item = split.items().get(0);
            String id = item.path("source").asText() + ":" + item.path("id").asText();
            return Result.found(Records.fetched(EuropePmcSource.NAME, id, ContentTypes.EUROPEPMC_JSON,
                    split.raw().get(0), uri.toString(), watchId, clock.instant()),
                    EuropePmcSource.openAccess(item)
                            ? fullText(item.path("pmcid").asText(null), id, watchId)
                            : Optional.empty());
        } catch (FetchException | MalformedResponseException e) {
            return Result.rejected("Europe PMC could not be asked: " + e.getMessage());
        }
    }

    private Result page(String url, String watchId) {
        URI uri;
        try {
            uri = URI.create(url);
            if (!allowPrivateHosts && privateHost(uri.getHost())) {
                return Result.rejected("the URL's host is this machine or a private network, which imports do not"
                        + " fetch");
            }
        } catch (IllegalArgumentException | UnknownHostException e) {
            return Result.rejected("the URL cannot be fetched: " + e.getMessage());
        }
        try {
            return Result.found(pages.fetch(uri, watchId).record(), Optional.empty());
        } catch (FetchException e) {
            return Result.rejected("the page could not be fetched: " + e.getMessage());
        }
    }

    /** The paper's open-access full text; none when switched off, withheld, or Europe PMC cannot be asked. */
    private Optional<PaperFetched> fullText(String pmcid, String paperId, String watchId) {
        return pmcid == null || fullTexts.isEmpty()
                ? Optional.empty()
                : fullTexts.get().fetchOrLog(pmcid, paperId, watchId);
    }

    private static boolean privateHost(String host) throws UnknownHostException {
        if (host == null) {
            throw new UnknownHostException("no host in the URL");
        }
        for (InetAddress a : InetAddress.getAllByName(host)) {
            if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                    || a.isMulticastAddress() || a.getAddress().length == 16 && (a.getAddress()[0] & 0xFE) == 0xFC) {
                return true;
            }
        }
        return false;
    }
}
