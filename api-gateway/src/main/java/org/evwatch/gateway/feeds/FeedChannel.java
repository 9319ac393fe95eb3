package org.evwatch.gateway.feeds;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * What a feed says about itself, and how its links are built.
 *
 * @param id a permanent id (the subscription's), used to build the feed and entry ids
 * @param title shown by feed readers
 * @param description one line on what the feed selects (the saved query)
 * @param baseUrl the public base URL of the gateway, without a trailing slash
 * @param selfUrl the URL this feed is served at
 * @param entries newest first
 */
public record FeedChannel(String id, String title, String description, String baseUrl, String selfUrl,
        List<FeedEntry> entries) {

    public FeedChannel {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /** The newest entry update, or the epoch for an empty feed, so an unchanged feed keeps its updated time. */
    public Instant updated() {
        return entries.stream().map(FeedEntry::updated).max(Instant::compareTo).orElse(Instant.EPOCH);
    }

    /** Tag URI (RFC 4151) of the feed; stable across host moves, unlike a URL. */
    public String feedId() {
        return "tag:evwatch,2026:subscription/" + enc(id);
    }

    public String entryId(FeedEntry entry) {
        return "tag:evwatch,2026:paper/" + enc(entry.paperId());
    }

    /** The web page of the subscription's search. */
    public String homeUrl() {
        return baseUrl + "/";
    }

    /** The web page of a paper. */
    public String paperUrl(FeedEntry entry) {
        return baseUrl + "/#/paper/" + enc(entry.paperId());
    }

    static String doiUrl(FeedEntry entry) {
        return entry.doi() == null ? null : "https://doi.org/" + entry.doi();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
