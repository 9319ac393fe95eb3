package org.evwatch.gateway.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import org.evwatch.gateway.webhook.WebhookSignature;

/**
 * A webhook receiver as a subscriber would write one: a real HTTP server on loopback that checks each request's
 * signature with the shared secret and answers with the status codes it was told to give, in order.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received, with whether its signature verified. */
    public record Received(byte[] body, Map<String, List<String>> headers, boolean signatureValid, int answered) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Integer> answers;
    private final AtomicInteger calls = new AtomicInteger();
    private volatile String secret;
    private volatile String errorReply = "{\"error\":\"try later\"}";

    /** @param answers the status to give to each request in turn; the last one repeats */
    public WebhookReceiver(String secret, Integer... answers) throws IOException {
        this.secret = secret;
        this.answers = List.of(answers.length == 0 ? new Integer[]{204} : answers);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String signature = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER);
            boolean valid = this.secret != null && new WebhookSignature(this.secret).verify(signature, body,
                    Instant.now(), Duration.ofMinutes(5));
            int n = calls.getAndIncrement();
            int status = valid ? this.answers.get(Math.min(n, this.answers.size() - 1)) : 401;
            received.add(new Received(body, Map.copyOf(exchange.getRequestHeaders()), valid, status));
            byte[] reply = status >= 400 ? errorReply.getBytes() : new byte[0];
            exchange.sendResponseHeaders(status, reply.length == 0 ? -1 : reply.length);
            if (reply.length > 0) {
                exchange.getResponseBody().write(reply);
            }
            exchange.close();
        });
        server.start();
    }

    /** The body of the answers with an error status. */
    public void replyWith(String body) {
        this.errorReply = body;
    }

    public void secret(String secret) {
        this.secret = secret;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
