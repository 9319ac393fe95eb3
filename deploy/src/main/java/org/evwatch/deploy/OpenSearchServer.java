package org.evwatch.deploy;

import java.nio.file.Path;

import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * A single-node OpenSearch 2.19 for the local runtime ({@code EVWATCH_INDEX_ENGINE=opensearch}), started by
 * {@link LocalStack} as a process of its own: {@code OpenSearchServer <data folder> <HTTP port> <transport port>}. It
 * listens on loopback only, keeps its data in the folder across restarts, and stops on SIGTERM.
 * <p>
 * A process rather than a node inside the runtime's JVM: the node gets a heap of its own and its own log, the runtime
 * can kill and restart it as any other part, and its jars (Lucene, Netty, Log4j) stay out of the runtime's and the
 * broker's class path; OpenSearch also sets Netty's processor count once per JVM, which would clash with a test JVM
 * that runs the runtime.
 */
public final class OpenSearchServer {

    private OpenSearchServer() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int httpPort = Integer.parseInt(args[1]);
        int transportPort = Integer.parseInt(args[2]);
        OpenSearchRunner runner = new OpenSearchRunner();
        runner.onBuild((number, settings) -> {
            settings.put("http.port", httpPort);
            settings.put("transport.port", transportPort);
            settings.put("network.host", "127.0.0.1");
            settings.put("discovery.type", "single-node");
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
            } catch (Exception e) {
                // the process is ending anyway
            }
        }, "stop-opensearch"));
        runner.build(OpenSearchRunner.newConfigs().basePath(data.toString()).numOfNode(1).clusterName("evwatch")
                .disableESLogger());
        runner.ensureYellow();
        System.out.println("OpenSearch ready at http://127.0.0.1:" + httpPort);
        Thread.currentThread().join();
    }
}
