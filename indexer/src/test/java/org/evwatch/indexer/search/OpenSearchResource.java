package org.evwatch.indexer.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Runs the indexer under test on OpenSearch: a node in the test JVM, named by the engine settings. */
public class OpenSearchResource implements QuarkusTestResourceLifecycleManager {

    private OpenSearchNode node;

    @Override
    public Map<String, String> start() {
        try {
            node = OpenSearchNode.shared();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("evwatch.index.engine", "opensearch", "evwatch.index.opensearch.url", node.url(),
                "evwatch.index.opensearch.index", "indexer-it");
    }

    /** The node serves the other test classes of the JVM too, and stops with it. */
    @Override
    public void stop() {
        // nothing: see OpenSearchNode.shared()
    }
}
