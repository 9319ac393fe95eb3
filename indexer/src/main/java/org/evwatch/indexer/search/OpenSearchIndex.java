package org.evwatch.indexer.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.apache.hc.core5.http.HttpHost;
import org.evwatch.events.PaperIndexed;
import org.evwatch.indexer.config.IndexConfig;
import org.evwatch.query.PaperDocuments;
import org.evwatch.query.QuerySyntaxException;
import org.evwatch.query.Vocabulary;
import org.jboss.logging.Logger;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.VersionType;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The search index in OpenSearch, shared by every indexer that names it. Writes carry the paper's version as an
 * external version ({@code external_gte}): a copy never replaces a newer one, so several indexers may write the same
 * papers in any order, and a replay writes nothing twice. Deletes carry the highest version.
 * <p>
 * The configured name is an alias of a physical index ({@code name-0}, then {@code name-<millis>} after a rebuild). A rebuild fills a fresh physical index
 * while searches and this indexer's writes go on (its writes go to both), then moves the alias to it in one step and
 * drops the old one. The highest catalog sequence number written is kept per physical index in {@code name-state},
 * also by external version, so that it only grows, whichever indexer writes it.
 */
public final class OpenSearchIndex implements SearchEngine {

    private static final Logger LOG = Logger.getLogger(OpenSearchIndex.class);
    private static final int BULK = 500;
    private static final int CONFLICT = 409;

    private final OpenSearchTransport transport;
    private final OpenSearchClient client;
    private final IndexConfig.OpenSearch config;
    private final String alias;
    private final String stateIndex;
    private final OpenSearchSearcher searcher;
    private final AtomicLong writtenSeq = new AtomicLong();
    private final Object rebuildLock = new Object();
    private volatile boolean needsRebuild;
    private volatile String physical;
    private volatile String building;

    private OpenSearchIndex(OpenSearchTransport transport, IndexConfig.OpenSearch config) {
        this.transport = transport;
        this.client = new OpenSearchClient(transport);
        this.config = config;
        this.alias = config.index().toLowerCase(Locale.ROOT);
        this.stateIndex = alias + "-state";
        this.searcher = new OpenSearchSearcher(client, alias);
    }

    /**
     * Connects to the cluster and opens the index, creating it (empty, to be rebuilt) when the alias names none.
     */
    public static OpenSearchIndex open(IndexConfig.OpenSearch config) throws IOException {
        HttpHost host;
        try {
            host = HttpHost.create(config.url());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("evwatch.index.opensearch.url is not a URL: " + config.url(), e);
        }
        OpenSearchTransport transport = ApacheHttpClient5TransportBuilder.builder(host)
                .setMapper(new JacksonJsonpMapper()).build();
        OpenSearchIndex index = new OpenSearchIndex(transport, config);
        try {
            index.attach();
        } catch (IOException | RuntimeException e) {
            index.close();
            throw e;
        }
        return index;
    }

    /**
     * Finds the physical index the alias names, or creates the first one with the alias. Indexers starting together
     * all try the same first name: one creates it, the others find it.
     */
    private void attach() throws IOException {
        String current = aliasTarget();
        if (current == null) {
            current = alias + "-0";
            if (create(current, true)) {
                LOG.infof("OpenSearch index %s created as %s", alias, current);
                needsRebuild = true;
            } else {
                current = aliasTarget();
            }
        }
        if (current == null) {
            throw new IOException("OpenSearch index " + alias + "-0 exists without the alias " + alias);
        }
        needsRebuild = needsRebuild || layout(current) != PaperDocuments.LAYOUT;
        physical = current;
    }

    /** The physical index the alias names, or null when there is none. */
    private String aliasTarget() throws IOException {
        if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
            return null;
        }
        return client.indices().getAlias(a -> a.name(alias)).result().keySet().iterator().next();
    }

    /**
     * Creates a physical index with the current layout, carrying the alias when asked; false when an index of that
     * name exists already.
     */
    private boolean create(String name, boolean withAlias) throws IOException {
        ObjectNode body = OpenSearchLayout.indexBody(config.shards(), config.replicas());
        if (withAlias) {
            body.putObject("aliases").putObject(alias);
        }
        try (var response = client.generic().execute(Requests.builder().method("PUT").endpoint("/" + name)
                .json(body.toString()).build())) {
            if (response.getStatus() < 300) {
                return true;
            }
            String detail = response.getBody().map(Body::bodyAsString).orElse("");
            if (detail.contains("resource_already_exists_exception")) {
                return false;
            }
            throw new IOException("creating OpenSearch index " + name + " failed: " + response.getStatus() + " "
                    + detail);
        }
    }

    /** The document layout recorded in an index's mapping; 0 when it records none. */
    private int layout(String index) throws IOException {
        var mapping = client.indices().getMapping(m -> m.index(index)).result().get(index).mappings();
        var layout = mapping.meta() == null ? null : mapping.meta().get("layout");
        return layout == null ? 0 : layout.to(Integer.class);
    }

    @Override
    public boolean needsRebuild() {
        return needsRebuild;
    }

    @Override
    public long committedSeq() throws IOException {
        String key = physical;
        if (!client.indices().exists(e -> e.index(stateIndex)).value()) {
            return 0;
        }
        var state = client.get(g -> g.index(stateIndex).id(key), ObjectNode.class);
        return state.found() && state.version() != null ? state.version() : 0;
    }

    @Override
    public long upsert(PaperIndexed paper, long catalogSeq) throws IOException {
        ObjectNode doc = OpenSearchLayout.document(paper);
        write(indexing(alias, paper, doc), catalogSeq);
        String next = building;
        if (next != null) {
            write(indexing(next, paper, doc), catalogSeq);
        }
        return catalogSeq;
    }

    /** Writes a paper's document unless the index holds a newer version of it. */
    private static BulkOperation indexing(String index, PaperIndexed paper, ObjectNode doc) {
        return BulkOperation.of(b -> b.index(i -> i.index(index).id(paper.paperId())
                .versionType(VersionType.ExternalGte).version(paper.version()).document(doc)));
    }

    @Override
    public long delete(String paperId, long catalogSeq) throws IOException {
        for (String index : building == null ? List.of(alias) : List.of(alias, building)) {
            write(BulkOperation.of(b -> b.delete(d -> d.index(index).id(paperId).versionType(VersionType.ExternalGte)
                    .version(Long.MAX_VALUE - 1))), catalogSeq);
        }
        return catalogSeq;
    }

    private void write(BulkOperation operation, long catalogSeq) throws IOException {
        bulk(List.of(operation));
        writtenSeq.accumulateAndGet(catalogSeq, Math::max);
    }

    /** Sends operations at once; a version conflict is a stale copy, and is not an error. */
    private void bulk(List<BulkOperation> operations) throws IOException {
        if (operations.isEmpty()) {
            return;
        }
        BulkResponse response = client.bulk(b -> b.operations(operations));
        if (!response.errors()) {
            return;
        }
        for (BulkResponseItem item : response.items()) {
            if (item.error() != null && item.status() != CONFLICT) {
                throw new IOException("OpenSearch refused paper " + item.id() + ": " + item.error().reason());
            }
        }
    }

    /** OpenSearch refreshes within its refresh interval (one second); this makes the write visible now. */
    @Override
    public void waitForVisible(long token) throws IOException {
        refresh();
    }

    @Override
    public void refresh() throws IOException {
        client.indices().refresh(r -> r.index(alias));
    }

    /** Every write is durable in OpenSearch's translog; this records how far the catalog has been written. */
    @Override
    public void commit() throws IOException {
        long seq = writtenSeq.get();
        if (seq > 0) {
            storeSeq(physical, seq);
        }
    }

    /** Records a sequence number unless a higher one is there (a conflict, ignored as a stale copy is). */
    private void storeSeq(String index, long seq) throws IOException {
        bulk(List.of(BulkOperation.of(b -> b.index(i -> i.index(stateIndex).id(index)
                .versionType(VersionType.ExternalGte).version(seq).document(Map.of("seq", seq))))));
    }

    @Override
    public long count() throws IOException {
        return client.count(c -> c.index(alias)).count();
    }

    @Override
    public long rebuild(Consumer<Consumer<PaperIndex.Catalogued>> catalog) throws IOException {
        synchronized (rebuildLock) {
            String next = alias + "-" + System.currentTimeMillis();
            if (!create(next, false)) {
                throw new IOException("OpenSearch index " + next + " exists already: is another rebuild running?");
            }
            building = next;
            AtomicLong written = new AtomicLong();
            AtomicLong maxSeq = new AtomicLong();
            try {
                fill(next, catalog, written, maxSeq);
                client.indices().refresh(r -> r.index(next));
            } catch (IOException | RuntimeException e) {
                building = null;
                client.indices().delete(d -> d.index(next));
                throw e;
            }
            swapTo(next);
            storeSeq(next, Math.max(maxSeq.get(), writtenSeq.get()));
            needsRebuild = false;
            return written.get();
        }
    }

    /** Moves the alias to a filled index in one step, then drops the index it named. */
    private void swapTo(String next) throws IOException {
        String old = aliasTarget();
        client.indices().updateAliases(u -> u.actions(a -> a.remove(r -> r.index(old).alias(alias)))
                .actions(a -> a.add(x -> x.index(next).alias(alias))));
        physical = next;
        building = null;
        client.indices().delete(d -> d.index(old));
    }

    private void fill(String index, Consumer<Consumer<PaperIndex.Catalogued>> catalog, AtomicLong written,
            AtomicLong maxSeq) throws IOException {
        List<BulkOperation> batch = new ArrayList<>(BULK);
        try {
            catalog.accept(c -> {
                batch.add(indexing(index, c.paper(), OpenSearchLayout.document(c.paper())));
                written.incrementAndGet();
                maxSeq.accumulateAndGet(c.seq(), Math::max);
                if (batch.size() >= BULK) {
                    flush(batch);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        flush(batch);
    }

    private void flush(List<BulkOperation> batch) {
        try {
            bulk(new ArrayList<>(batch));
            batch.clear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public SearchResult search(SearchRequest request, Vocabulary vocabulary) throws QuerySyntaxException,
            IOException {
        return searcher.search(request, vocabulary);
    }

    /** Not on OpenSearch: the related-papers model needs the index's words and their rarity at hand. */
    @Override
    public SimilarResult similar(String paperId, int size) {
        throw new UnsupportedSearchException(OpenSearchSearcher.NO_SIMILAR);
    }

    @Override
    public PaperWeights weights(String paperId) {
        throw new UnsupportedSearchException(OpenSearchSearcher.NO_SIMILAR);
    }

    @Override
    public void close() throws IOException {
        transport.close();
    }
}
