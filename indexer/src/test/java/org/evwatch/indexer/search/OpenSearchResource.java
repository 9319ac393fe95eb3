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
            node = OpenSearchNode.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("evwatch.index.engine", "opensearch", "evwatch.index.opensearch.url", node.url(),
                "evwatch.index.opensearch.index", "indexer-it");
    }

    @Override
    public void stop() {
        try {
            if (node != null) {
                node.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
