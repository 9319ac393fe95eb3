package org.evwatch.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A webhook receiver on loopback that keeps every delivery it was sent, and answers 200. */
final class WebhookSink implements AutoCloseable {

    /**
     * One POST received: its delivery id header, the paper's catalog id, version and PMID, when it arrived, and its
     * {@code traceparent} header (null when the paper was not traced).
     */
    record Received(String deliveryId, String paperId, long version, long pmid, long atMillis, String traceparent) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();

    WebhookSink() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/hook", this::receive);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    private void receive(HttpExchange exchange) throws IOException {
        long at = System.currentTimeMillis();
        try (InputStream in = exchange.getRequestBody()) {
            JsonNode paper = JSON.readTree(in.readAllBytes()).path("paper");
            synchronized (this) {
                received.add(new Received(exchange.getRequestHeaders().getFirst("EVwatch-Delivery"),
                        paper.path("id").asText(), paper.path("version").asLong(),
                        paper.path("ids").path("pmid").asLong(), at,
                        exchange.getRequestHeaders().getFirst("traceparent")));
            }
            exchange.sendResponseHeaders(200, -1);
        } catch (IOException | RuntimeException e) {
            exchange.sendResponseHeaders(400, -1);
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
