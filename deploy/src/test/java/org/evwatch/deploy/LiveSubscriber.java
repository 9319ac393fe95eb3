package org.evwatch.deploy;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A subscriber on a live stream, as a browser's EventSource behaves: it reads server-sent events, and whenever the
 * connection drops (the gateway killed, restarted) it reconnects after half a second with the last event id it saw.
 * It keeps every paper event it was shown, in order.
 */
final class LiveSubscriber implements AutoCloseable {

    /** A paper event as shown: the event id, the paper's catalog id and version, its PMID, and when it arrived. */
    record Shown(long eventId, String paperId, long version, long pmid, long atMillis) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Shown> shown = new ArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread reader;
    private volatile boolean closed;
    private volatile InputStream body;
    private String lastEventId;

    LiveSubscriber(String url) {
        this.url = url;
        this.reader = new Thread(this::run, "live-subscriber");
        reader.setDaemon(true);
        reader.start();
    }

    /** Every paper event shown so far, in order. */
    synchronized List<Shown> shown() {
        return List.copyOf(shown);
    }

    /** How many times the stream was opened with status 200. */
    int connections() {
        return connections.get();
    }

    private void run() {
        while (!closed) {
            try {
                readOnce();
            } catch (Exception e) {
                // the gateway is away or the stream was cut: reconnect, as EventSource does
            }
            sleep(500);
        }
    }

    private void readOnce() throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        String resumeFrom = lastEventId;
        if (resumeFrom != null) {
            request.header("Last-Event-ID", resumeFrom);
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        body = response.body();
        if (response.statusCode() != 200) {
            body.close();
            return;
        }
        connections.incrementAndGet();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String data = null;
            for (String line = lines.readLine(); line != null && !closed; line = lines.readLine()) {
                if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("data:")) {
                    data = line.substring(5).trim();
                } else if (line.isEmpty() && data != null) {
                    show(id, data);
                    id = null;
                    data = null;
                }
            }
        }
    }

    private void show(String id, String data) throws Exception {
        long at = System.currentTimeMillis();
        JsonNode paper = JSON.readTree(data).path("paper");
        synchronized (this) {
            shown.add(new Shown(Long.parseLong(id), paper.path("id").asText(), paper.path("version").asLong(),
                    paper.path("ids").path("pmid").asLong(), at));
            lastEventId = id;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws Exception {
        closed = true;
        InputStream open = body;
        if (open != null) {
            open.close();
        }
        reader.interrupt();
    }
}
