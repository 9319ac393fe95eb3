package org.evwatch.indexer.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.evwatch.indexer.search.OpenSearchNode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An OpenSearch node in a JVM of its own ({@link OpenSearchNode#main}), as a cluster runs beside the indexer: its
 * heap is its own, and its CPU time is counted apart from the client's. Its data stays in the given folder, so a
 * later run can search the same index again.
 */
final class OpenSearchProcess implements AutoCloseable {

    /** What the node reports about itself. */
    record Stats(long heapUsed, long heapMax, long storeBytes, long docs) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final String url;
    private final HttpClient http = HttpClient.newHttpClient();

    private OpenSearchProcess(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /** Starts a node on a free loopback port with the given heap (e.g. {@code 2g}), its log in {@code data}. */
    static OpenSearchProcess start(Path data, String heap) throws IOException {
        Files.createDirectories(data);
        int port = OpenSearchNode.freePort();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms" + heap, "-Xmx" + heap, "-cp", classPath(), OpenSearchNode.class.getName(),
                data.toString(), String.valueOf(port));
        Process process = new ProcessBuilder(command).redirectError(data.resolve("node.log").toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.equals("started")) {
            // the node's start-up output
        }
        if (line == null) {
            process.destroyForcibly();
            throw new IOException("the OpenSearch node did not start: see " + data.resolve("node.log"));
        }
        Thread drain = new Thread(() -> {
            try {
                out.transferTo(Writer.nullWriter());
            } catch (IOException e) {
                // the node has ended
            }
        }, "opensearch-output");
        drain.setDaemon(true);
        drain.start();
        return new OpenSearchProcess(process, "http://127.0.0.1:" + port);
    }

    /** The benchmark's class path: the test class loader's (under exec:java) or the JVM's own. */
    private static String classPath() {
        List<String> entries = new ArrayList<>();
        for (ClassLoader l = OpenSearchProcess.class.getClassLoader(); l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader urls) {
                for (URL u : urls.getURLs()) {
                    try {
                        entries.add(Path.of(u.toURI()).toString());
                    } catch (URISyntaxException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        entries.add(System.getProperty("java.class.path"));
        return String.join(File.pathSeparator, entries);
    }

    String url() {
        return url;
    }

    long pid() {
        return process.pid();
    }

    /** The CPU time the node's process has spent so far, as the operating system counts it. */
    Duration cpu() {
        return process.toHandle().info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("the CPU time of a process is not known here"));
    }

    /** Heap, and the size and documents of the node's indices. */
    Stats stats() throws IOException, InterruptedException {
        JsonNode node = get("/_nodes/_local/stats/jvm,indices").path("nodes").elements().next();
        return new Stats(node.path("jvm").path("mem").path("heap_used_in_bytes").asLong(),
                node.path("jvm").path("mem").path("heap_max_in_bytes").asLong(),
                node.path("indices").path("store").path("size_in_bytes").asLong(),
                node.path("indices").path("docs").path("count").asLong());
    }

    /** Waits until the node merges no segments, as after a load, so that its CPU time is the searches' alone. */
    void awaitMerges(Duration atMost) throws IOException, InterruptedException {
        long end = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < end && get("/_nodes/_local/stats/indices/merge").path("nodes").elements().next()
                .path("indices").path("merges").path("current").asLong() > 0) {
            Thread.sleep(1000);
        }
    }

    /** The heap the node holds after a full collection (asked of the JVM with jcmd). */
    long liveHeap() throws IOException, InterruptedException {
        Process gc = new ProcessBuilder("jcmd", String.valueOf(pid()), "GC.run").redirectErrorStream(true).start();
        gc.getInputStream().transferTo(OutputStream.nullOutputStream());
        gc.waitFor(2, TimeUnit.MINUTES);
        return stats().heapUsed();
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    /** Ends the node's input, so that it stops and keeps its data; kills it if it has not stopped in a minute. */
    @Override
    public void close() throws IOException {
        process.getOutputStream().close();
        try {
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
