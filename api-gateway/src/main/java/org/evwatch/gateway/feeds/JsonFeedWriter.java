package org.evwatch.gateway.feeds;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON Feed 1.1. Items carry the abstract as {@code content_text}, the TL;DR as {@code summary}, the DOI link as
 * {@code external_url} and entity ids as {@code tags}; the entity details go in the {@code _evwatch} extension.
 */
public final class JsonFeedWriter {

    public static final String MEDIA_TYPE = "application/feed+json";
    public static final String VERSION = "https://jsonfeed.org/version/1.1";
    private static final ObjectMapper JSON = new ObjectMapper();

    public String write(FeedChannel feed) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", VERSION);
        root.put("title", feed.title());
        root.put("home_page_url", feed.homeUrl());
        root.put("feed_url", feed.selfUrl());
        if (feed.description() != null) {
            root.put("description", feed.description());
        }
        root.put("authors", List.of(Map.of("name", "EVwatch")));
        List<Map<String, Object>> items = new ArrayList<>();
        for (FeedEntry e : feed.entries()) {
            items.add(item(feed, e));
        }
        root.put("items", items);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("JSON of plain maps cannot fail", ex);
        }
    }

    private static Map<String, Object> item(FeedChannel feed, FeedEntry e) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", feed.entryId(e));
        item.put("url", feed.paperUrl(e));
        if (e.doi() != null) {
            item.put("external_url", FeedChannel.doiUrl(e));
        }
        item.put("title", e.title() == null ? "(untitled)" : e.title());
        // content_text is required when there is no content_html: fall back to the TL;DR, then the title.
        String content = e.content() != null
                ? e.content()
                : e.summary() != null
                        ? e.summary()
                        : item.get("title")
                                .toString();
        item.put("content_text", content);
        if (e.summary() != null) {
            item.put("summary", e.summary());
        }
        if (e.published() != null) {
            item.put("date_published", date(e.published()));
        }
        item.put("date_modified", date(e.updated()));
        if (!e.authors().isEmpty()) {
            item.put("authors", e.authors().stream().map(a -> Map.of("name", a)).toList());
        }
        if (!e.categories().isEmpty()) {
            item.put("tags", e.categories().stream().map(FeedEntry.Category::term).toList());
            List<Map<String, String>> entities = new ArrayList<>();
            for (FeedEntry.Category c : e.categories()) {
                Map<String, String> m = new LinkedHashMap<>();
                m.put("id", c.term());
                if (c.label() != null) {
                    m.put("name", c.label());
                }
                if (c.scheme() != null) {
                    m.put("url", c.scheme());
                }
                entities.add(m);
            }
            item.put("_evwatch", Map.of("paper_id", e.paperId(), "entities", entities));
        } else {
            item.put("_evwatch", Map.of("paper_id", e.paperId()));
        }
        return item;
    }

    private static String date(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
