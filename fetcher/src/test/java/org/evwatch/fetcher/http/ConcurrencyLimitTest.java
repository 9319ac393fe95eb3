package org.evwatch.fetcher.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.evwatch.fetcher.testsupport.FakeTime;
import org.evwatch.fetcher.testsupport.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** A host's limit on requests in flight holds however many threads call at once (Crossref: at most 3). */
class ConcurrencyLimitTest {

    private HttpServer server;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(12));
        server.createContext("/works", exchange -> {
            int now = inFlight.incrementAndGet();
            mostInFlight.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void neverMoreThanTheHostsLimitInFlight() throws Exception {
        HostPolicy threeAtOnce = TestHttp.fastPolicy().withRate(1000, 3);
        PoliteHttpClient http = TestHttp.client(new FakeTime(Instant.parse("2026-01-05T10:00:00Z")),
                Map.of("127.0.0.1", threeAtOnce), TestHttp.fastPolicy(), BreakerPolicy.defaults());
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/works");
        ExecutorService callers = Executors.newFixedThreadPool(9);
        try {
            List<Future<Page>> calls = new ArrayList<>();
            for (int i = 0; i < 18; i++) {
                calls.add(callers.submit(() -> http.get("crossref", uri)));
            }
            for (Future<Page> call : calls) {
                assertThat(call.get(30, java.util.concurrent.TimeUnit.SECONDS).body()).isEqualTo("{}");
            }
        } finally {
            callers.shutdownNow();
        }

        assertThat(mostInFlight.get()).isEqualTo(3);
    }
}
