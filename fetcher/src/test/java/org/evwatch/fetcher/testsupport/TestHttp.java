package org.evwatch.fetcher.testsupport;

import java.time.Duration;
import java.util.Map;
import java.util.Random;

import org.evwatch.fetcher.http.BreakerPolicy;
import org.evwatch.fetcher.http.HostPolicy;
import org.evwatch.fetcher.http.PoliteHttpClient;

/** Clients for tests: fast policies, fake time, a fixed random seed. */
public final class TestHttp {

    public static final String USER_AGENT = PoliteHttpClient.userAgent("test", "ops@evwatch.example",
            "https://evwatch.example");

    private TestHttp() {
    }

    /**
     * Generous rate, 4 attempts, 1 s base backoff (in fake time), 30 s connect and request timeouts: long enough that a
     * loaded machine answering slowly never looks like a timeout (tests of timeouts set their own).
     */
    public static HostPolicy fastPolicy() {
        return new HostPolicy(1000, 4, Duration.ofSeconds(30), Duration.ofSeconds(30), 4, Duration.ofSeconds(1),
                Duration.ofSeconds(60));
    }

    public static PoliteHttpClient client(FakeTime time) {
        return client(time, Map.of(), fastPolicy(), BreakerPolicy.defaults());
    }

    public static PoliteHttpClient client(FakeTime time, Map<String, HostPolicy> hosts, HostPolicy fallback,
            BreakerPolicy breaker) {
        return new PoliteHttpClient(USER_AGENT, hosts, fallback, breaker, time, time::nanoTime, time,
                new Random(42));
    }
}
