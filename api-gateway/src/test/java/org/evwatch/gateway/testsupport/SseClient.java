package org.evwatch.gateway.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A minimal server-sent events reader: collects the {@code data:} lines of named events and the comment lines into
 * a queue as they arrive, so a test can wait for one.
 */
public final class SseClient implements AutoCloseable {

    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private final int status;
    private final String contentType;

    public SseClient(String url) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        response = client.sendAsync(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream")
                .build(), HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> r = response.get(10, TimeUnit.SECONDS);
        status = r.statusCode();
        contentType = r.headers().firstValue("Content-Type").orElse("");
        Thread reader = new Thread(() -> {
            try {
                r.body().forEach(lines::add);
            } catch (RuntimeException e) {
                // the stream was closed
            }
        }, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    /** The next line starting with {@code prefix}, or null after the timeout. */
    public String next(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            String line = lines.poll(left, TimeUnit.NANOSECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
        }
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }
}
