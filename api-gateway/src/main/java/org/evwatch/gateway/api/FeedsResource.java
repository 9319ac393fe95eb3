package org.evwatch.gateway.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evwatch.gateway.examples.Example;
import org.evwatch.gateway.examples.ExampleSet;
import org.evwatch.gateway.feeds.AtomWriter;
import org.evwatch.gateway.feeds.FeedChannel;
import org.evwatch.gateway.feeds.FeedEntry;
import org.evwatch.gateway.feeds.JsonFeedWriter;
import org.evwatch.gateway.feeds.RssWriter;
import org.evwatch.gateway.model.PaperEvent;
import org.evwatch.indexer.api.SearchHit;
import org.evwatch.gateway.problem.Problem;
import org.evwatch.gateway.settings.GatewaySettings;
import org.evwatch.gateway.settings.PublicUrl;
import org.evwatch.gateway.streaming.LiveStreams;
import org.evwatch.gateway.subscriptions.Subscription;
import org.evwatch.gateway.subscriptions.Subscriptions;

/**
 * A subscription's feeds and live stream, readable by anyone holding its unguessable token, so feed readers need
 * no API key. An unknown token is a 404.
 */
@Path("/api/v1/feeds/{token}")
@Tag(name = "feeds")
@APIResponse(responseCode = "404", description = "No feed with this token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "429", description = "Rate limit exceeded; see Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class FeedsResource {

    /** Most papers of the catalog a feed by examples scores. */
    static final int FEED_CANDIDATES = 100;

    private final Subscriptions subscriptions;
    private final Catalog catalog;
    private final LiveStreams streams;
    private final GatewaySettings settings;
    private final PublicUrl publicUrl;

    public FeedsResource(Subscriptions subscriptions, Catalog catalog, LiveStreams streams,
            GatewaySettings settings, PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
        this.subscriptions = subscriptions;
        this.catalog = catalog;
        this.streams = streams;
        this.settings = settings;
    }

    @GET
    @Path("/atom")
    @Produces(AtomWriter.MEDIA_TYPE)
    @Operation(operationId = "getAtomFeed", summary = "Atom 1.0 feed of the subscription's newest papers")
    @APIResponse(responseCode = "200", description = "Atom feed", content = @Content(mediaType = AtomWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "503", description = "The catalog is unavailable; see Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response atom(@PathParam("token") @Parameter(description = "Feed token") String token) {
        FeedChannel feed = channel(token, "atom");
        return feed(new AtomWriter().write(feed), AtomWriter.MEDIA_TYPE);
    }

    @GET
    @Path("/rss")
    @Produces(RssWriter.MEDIA_TYPE)
    @Operation(operationId = "getRssFeed", summary = "RSS 2.0 feed of the subscription's newest papers")
    @APIResponse(responseCode = "200", description = "RSS feed", content = @Content(mediaType = RssWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "503", description = "The catalog is unavailable; see Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response rss(@PathParam("token") @Parameter(description = "Feed token") String token) {
        FeedChannel feed = channel(token, "rss");
        return feed(new RssWriter().write(feed), RssWriter.MEDIA_TYPE);
    }

    @GET
    @Path("/json")
    @Produces(JsonFeedWriter.MEDIA_TYPE)
    @Operation(operationId = "getJsonFeed", summary = "JSON Feed 1.1 of the subscription's newest papers")
    @APIResponse(responseCode = "200", description = "JSON Feed", content = @Content(mediaType = JsonFeedWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "503", description = "The catalog is unavailable; see Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response json(@PathParam("token") @Parameter(description = "Feed token") String token) {
        FeedChannel feed = channel(token, "json");
        return feed(new JsonFeedWriter().write(feed), JsonFeedWriter.MEDIA_TYPE);
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamSubscription", summary = "Server-sent events of new papers matching the subscription", description = "Each event is named 'paper', has as id the number of the announcement (rising) and a "
            + "PaperEvent as data. A client that reconnects with the header Last-Event-ID is first sent the matching "
            + "papers announced after that event (within the replay window), each once. Comment lines keep the "
            + "connection alive.")
    @APIResponse(responseCode = "200", description = "Event stream", content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = PaperEvent.class)))
    @APIResponse(responseCode = "503", description = "Too many open streams", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void stream(@PathParam("token") @Parameter(description = "Feed token") String token,
            @HeaderParam(StreamResource.LAST_EVENT_ID) @Parameter(description = "Resume after this event") String lastEventId,
            @Context SseEventSink sink, @Context Sse sse) {
        Subscription s = subscriptions.byFeedToken(token);
        if (!streams.openForSubscription(s.id, sink, sse, StreamResource.resumeAfter(lastEventId))) {
            throw StreamResource.tooMany();
        }
    }

    private FeedChannel channel(String token, String kind) {
        Subscription s = subscriptions.byFeedToken(token);
        ExampleSet examples = subscriptions.examples(s);
        List<SearchHit> hits = examples == null
                ? catalog.search(s.query, subscriptions.filters(s), "date", settings.feeds().size(), null,
                        "relevance", Boolean.FALSE).hits()
                : byExamples(s, examples);
        List<FeedEntry> entries = hits.stream().map(FeedEntry::of).toList();
        String base = publicUrl.base();
        String description = examples != null
                ? "Papers like " + examples.examples().stream().filter(e -> !e.avoid()).count() + " example papers"
                        + (s.query.isBlank() ? "" : ", matching: " + s.query)
                : s.query.isBlank() ? "All papers" : "Papers matching: " + s.query;
        return new FeedChannel(s.id.toString(), "EVwatch: " + s.name, description, base,
                base + "/api/v1/feeds/" + token + "/" + kind, entries);
    }

    /**
     * The newest papers of the catalog a subscription by examples delivers: the newest of those like one of its
     * examples (and matching its query and filters), each scored against the examples with the catalog's profile of
     * it, the examples themselves and the papers to avoid left out.
     */
    private List<SearchHit> byExamples(Subscription s, ExampleSet examples) {
        Set<String> given = examples.examples().stream().map(Example::paperId).collect(Collectors.toSet());
        String like = examples.examples().stream().filter(e -> !e.avoid())
                .map(e -> "similar:\"" + e.paperId() + "\"").collect(Collectors.joining(" OR "));
        String q = s.query.isBlank() ? like : "(" + s.query + ") AND (" + like + ")";
        int size = settings.feeds().size();
        List<SearchHit> candidates = catalog.search(q, subscriptions.filters(s), "date",
                Math.min(FEED_CANDIDATES, size * 2), null, "relevance", Boolean.FALSE).hits();
        List<SearchHit> passed = new ArrayList<>();
        for (SearchHit hit : candidates) {
            if (!given.contains(hit.id())
                    && examples.passes(ExampleSet.profile(catalog.indexer().profile(hit.id())))) {
                passed.add(hit);
                if (passed.size() == size) {
                    break;
                }
            }
        }
        return passed;
    }

    private static Response feed(String body, String type) {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(body).type(type + "; charset=UTF-8").cacheControl(cache).build();
    }
}
