package org.evwatch.indexer.search;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.evwatch.indexer.config.IndexConfig;

/**
 * A real OpenSearch 2.19 node inside the test JVM, on free loopback ports, its data in a temporary folder. One node
 * serves every test class of the JVM (each uses indices of its own names): a second node in the same JVM cannot
 * start, because OpenSearch sets Netty's processor count once per JVM. It stops when the JVM exits.
 * <p>
 * {@link #main} runs a node as a process of its own, its data kept in a given folder (the search benchmark's node).
 */
public final class OpenSearchNode implements AutoCloseable {

    private static OpenSearchNode shared;

    private final OpenSearchRunner runner = new OpenSearchRunner();
    private final int httpPort;

    private OpenSearchNode(Path data, int httpPort) throws IOException {
        this.httpPort = httpPort;
        int transportPort = freePort();
        runner.onBuild((number, settings) -> {
            settings.put("http.port", httpPort);
            settings.put("transport.port", transportPort);
            settings.put("network.host", "127.0.0.1");
            settings.put("discovery.type", "single-node");
        });
        runner.build(OpenSearchRunner.newConfigs().basePath(data.toString()).numOfNode(1)
                .clusterName("evwatch-test").disableESLogger());
        runner.ensureYellow();
    }

    /** The JVM's node, started on first use. */
    static synchronized OpenSearchNode shared() throws IOException {
        if (shared == null) {
            // Netty's processor count may be set only once per JVM, and the test's own Netty may have set it.
            System.setProperty("opensearch.set.netty.runtime.available.processors", "false");
            OpenSearchNode node = new OpenSearchNode(Files.createTempDirectory("evwatch-opensearch"), freePort());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    node.close();
                } catch (IOException e) {
                    // the JVM is ending; its temporary folder is left behind
                }
            }, "stop-opensearch"));
            shared = node;
        }
        return shared;
    }

    /**
     * Runs a node until its standard input ends, then stops it and keeps its data. Arguments: the data folder and the
     * HTTP port. Prints {@code started} when the node is up.
     */
    public static void main(String[] args) throws IOException {
        OpenSearchNode node = new OpenSearchNode(Path.of(args[0]), Integer.parseInt(args[1]));
        System.out.println("started");
        System.out.flush();
        try {
            System.in.transferTo(OutputStream.nullOutputStream());
        } finally {
            node.runner.close();
        }
        System.exit(0);
    }

    String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** The settings of an index of this node under the given name. */
    IndexConfig.OpenSearch index(String name) {
        return index(url(), name);
    }

    /** The settings of an index of one primary shard and no replica on the node at {@code url}. */
    public static IndexConfig.OpenSearch index(String url, String name) {
        return new IndexConfig.OpenSearch() {
            @Override
            public String url() {
                return url;
            }

            @Override
            public String index() {
                return name;
            }

            @Override
            public int shards() {
                return 1;
            }

            @Override
            public int replicas() {
                return 0;
            }
        };
    }

    /** A loopback port free now. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException {
        runner.close();
        runner.clean();
    }
}
