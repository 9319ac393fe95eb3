package org.evwatch.gateway.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;

import org.evwatch.gateway.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

/** The feeds are read back with Rome, a real feed parser, which rejects ill-formed or mis-typed documents. */
class FeedWritersTest {

    private final FeedChannel channel = new FeedChannel("sub-7", "EVwatch: exosomes & pancreas",
            "exosome AND pancreatic", "https://evwatch.example/", "https://evwatch.example/api/v1/feeds/tok/atom",
            List.of(FeedEntry.of(Fixtures.paper("exosome-pdac")), FeedEntry.of(Fixtures.paper("preprint-minimal"))));

    @Test
    void atomIsValidAndCarriesEveryEntryField() throws Exception {
        String xml = new AtomWriter().write(channel);
        Feed atom = (Feed) new WireFeedInput(true, java.util.Locale.ROOT).build(new StringReader(xml));
        assertThat(atom.getFeedType()).isEqualTo("atom_1.0");
        assertThat(atom.getId()).isEqualTo("tag:evwatch,2026:subscription/sub-7");
        assertThat(atom.getUpdated().toInstant()).isEqualTo(Instant.parse("2026-11-22T00:00:00Z"));
        assertThat(atom.getOtherLinks()).anySatisfy(l -> {
            assertThat(l.getRel()).isEqualTo("self");
            assertThat(l.getHref()).isEqualTo("https://evwatch.example/api/v1/feeds/tok/atom");
        });
        assertThat(atom.getEntries()).hasSize(2);
        Entry first = atom.getEntries().get(0);
        assertThat(first.getId()).isEqualTo("tag:evwatch,2026:paper/p-000042");
        assertThat(first.getTitle()).startsWith("Glypican-1 & CD63+");
        assertThat(first.getUpdated().toInstant()).isEqualTo(Instant.parse("2026-11-21T08:30:00Z"));
        assertThat(first.getPublished().toInstant()).isEqualTo(Instant.parse("2015-07-09T00:00:00Z"));
        assertThat(first.getAuthors()).extracting(p -> p.getName())
                .containsExactly("Sonia A Melo", "Raghu Kalluri", "EV-TRACK Consortium");
        assertThat(first.getAlternateLinks()).singleElement()
                .satisfies(l -> assertThat(l.getHref()).isEqualTo("https://evwatch.example/#/paper/p-000042"));
        assertThat(first.getOtherLinks()).anySatisfy(l -> {
            assertThat(l.getRel()).isEqualTo("related");
            assertThat(l.getHref()).isEqualTo("https://doi.org/10.1038/s41586-024-00001-x");
        });
        assertThat(first.getSummary().getValue()).isEqualTo("Circulating GPC1+ exosomes detect early pancreatic"
                + " cancer.");
        assertThat(first.getContents().get(0).getValue()).contains("GPC1+ exosomes identified");
        assertThat(first.getCategories()).extracting(c -> c.getTerm())
                .containsExactly("MESH:D010190", "NCBIGene:2817", "MIMAT0000076", "EV:subtype/exosome");
        assertThat(first.getCategories().get(0).getLabel()).isEqualTo("Pancreatic Neoplasms");
        assertThat(first.getCategories().get(0).getScheme())
                .isEqualTo("https://meshb.nlm.nih.gov/record/ui?ui=D010190");
        Entry second = atom.getEntries().get(1);
        assertThat(second.getSummary()).as("no TL;DR and no abstract").isNull();
        assertThat(second.getPublished().toInstant()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    }

    @Test
    void rssIsValidAndCarriesEveryItemField() throws Exception {
        String xml = new RssWriter().write(channel);
        Channel rss = (Channel) new WireFeedInput(true, java.util.Locale.ROOT).build(new StringReader(xml));
        assertThat(rss.getFeedType()).isEqualTo("rss_2.0");
        assertThat(rss.getTitle()).isEqualTo("EVwatch: exosomes & pancreas");
        assertThat(rss.getLink()).isEqualTo("https://evwatch.example/");
        assertThat(rss.getItems()).hasSize(2);
        Item item = rss.getItems().get(0);
        assertThat(item.getGuid().getValue()).isEqualTo("tag:evwatch,2026:paper/p-000042");
        assertThat(item.getGuid().isPermaLink()).isFalse();
        assertThat(item.getLink()).isEqualTo("https://evwatch.example/#/paper/p-000042");
        assertThat(item.getPubDate().toInstant()).isEqualTo(Instant.parse("2015-07-09T00:00:00Z"));
        assertThat(item.getDescription().getValue()).startsWith("Circulating GPC1+");
        assertThat(item.getCategories()).extracting(c -> c.getValue())
                .contains("MESH:D010190", "NCBIGene:2817");

        // Through the generic model too, where dc:creator becomes the authors.
        SyndFeed synd = new SyndFeedInput().build(new StringReader(xml));
        SyndEntry entry = synd.getEntries().get(0);
        DCModule dc = (DCModule) entry.getModule(DCModule.URI);
        assertThat(dc.getCreators()).containsExactly("Sonia A Melo", "Raghu Kalluri", "EV-TRACK Consortium");
        assertThat(entry.getCategories()).hasSize(4);
    }

    @Test
    void jsonFeedHasTheRequiredFields() throws Exception {
        JsonNode feed = new ObjectMapper().readTree(new JsonFeedWriter().write(channel));
        assertThat(feed.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.get("title").asText()).isNotBlank();
        assertThat(feed.get("feed_url").asText()).isEqualTo("https://evwatch.example/api/v1/feeds/tok/atom");
        assertThat(feed.get("items")).hasSize(2);
        for (JsonNode item : feed.get("items")) {
            assertThat(item.get("id").isTextual()).as("item id is a string").isTrue();
            assertThat(item.has("content_text") || item.has("content_html")).isTrue();
            if (item.has("date_published")) {
                assertThat(Instant.parse(item.get("date_published").asText())).isNotNull();
            }
        }
        JsonNode first = feed.get("items").get(0);
        assertThat(first.get("external_url").asText()).isEqualTo("https://doi.org/10.1038/s41586-024-00001-x");
        assertThat(first.get("summary").asText()).startsWith("Circulating");
        assertThat(first.at("/authors/0/name").asText()).isEqualTo("Sonia A Melo");
        assertThat(first.get("tags").toString()).contains("MESH:D010190");
    }

    @Test
    void anEmptyFeedIsStillValid() throws Exception {
        FeedChannel empty = new FeedChannel("sub-8", "Nothing yet", null, "http://localhost:8080",
                "http://localhost:8080/api/v1/feeds/x/rss", List.of());
        assertThat(new SyndFeedInput().build(new StringReader(new AtomWriter().write(empty))).getEntries())
                .isEmpty();
        assertThat(new SyndFeedInput().build(new StringReader(new RssWriter().write(empty))).getEntries())
                .isEmpty();
    }

    @Test
    void controlCharactersFromSourcesDoNotBreakTheXml() throws Exception {
        FeedEntry dirty = new FeedEntry("p1", "Bad\u0001title", List.of("A\u0007B"), "tl\u000bdr", null, null,
                null, null, Instant.parse("2025-01-01T00:00:00Z"), List.of());
        FeedChannel feed = new FeedChannel("s", "t", null, "http://x", "http://x/f", List.of(dirty));
        SyndFeed atom = new SyndFeedInput().build(new StringReader(new AtomWriter().write(feed)));
        assertThat(atom.getEntries().get(0).getTitle()).isEqualTo("Badtitle");
        SyndFeed rss = new SyndFeedInput().build(new StringReader(new RssWriter().write(feed)));
        assertThat(rss.getEntries().get(0).getTitle()).isEqualTo("Badtitle");
    }
}
