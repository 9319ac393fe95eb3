package org.evwatch.fetcher.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

import org.jboss.logging.Logger;

/**
 * The one place where the fetcher talks HTTP, and so the one place that holds each host's rate limit, concurrency
 * limit, timeouts and retry policy, honours Retry-After, keeps a circuit breaker per source, names the project in
 * the User-Agent and does conditional GETs.
 * <p>
 * Built on {@link java.net.http.HttpClient} rather than a declarative REST client because the policy is keyed on
 * the host and the source at run time (a feed list is just URLs from config), responses must be kept exactly as
 * received, and Retry-After must drive the wait: all of that is plain code here, in one class, instead of being
 * spread over annotations that apply per Java method.
 */
public final class PoliteHttpClient {

    private static final Logger LOG = Logger.getLogger(PoliteHttpClient.class);

    private final String userAgent;
    private final Map<String, HostPolicy> policies;
    private final HostPolicy defaultPolicy;
    private final BreakerPolicy breakerPolicy;
    private final Clock clock;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final Map<String, HostGate> gates = new ConcurrentHashMap<>();
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    public PoliteHttpClient(String userAgent, Map<String, HostPolicy> policiesByHost, HostPolicy defaultPolicy,
            BreakerPolicy breakerPolicy, Clock clock, LongSupplier nanoClock, Sleeper sleeper,
            RandomGenerator random) {
        this.userAgent = userAgent;
        this.policies = Map.copyOf(policiesByHost);
        this.defaultPolicy = defaultPolicy;
        this.breakerPolicy = breakerPolicy;
        this.clock = clock;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
        this.random = random;
    }

    /** A client on the real clock, waiting for real. */
    public static PoliteHttpClient create(String userAgent, Map<String, HostPolicy> policiesByHost,
            HostPolicy defaultPolicy, BreakerPolicy breakerPolicy) {
        return new PoliteHttpClient(userAgent, policiesByHost, defaultPolicy, breakerPolicy, Clock.systemUTC(),
                System::nanoTime, Sleeper.REAL, RandomGenerator.getDefault());
    }

    /** The User-Agent: the product, its version, and where to reach whoever runs it. */
    public static String userAgent(String version, String contactEmail, String projectUrl) {
        return "EVwatch/" + version + " (+" + projectUrl + "; mailto:" + contactEmail + ")";
    }

    public Page get(String source, URI uri) throws FetchException {
        return get(source, uri, Validators.NONE);
    }

    /**
     * GETs {@code uri} for {@code source}, waiting for the host's rate limit, retrying transient failures, and
     * returning a 304 page when the validators show nothing changed.
     */
    public Page get(String source, URI uri, Validators validators) throws FetchException {
        HostGate gate = gate(uri);
        CircuitBreaker breaker = breaker(source);
        HostPolicy policy = gate.policy;
        FetchException last = null;
        for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
            if (!breaker.tryAcquire()) {
                throw new FetchException(FetchException.Kind.CIRCUIT_OPEN, source, uri,
                        "circuit open, request not sent", last);
            }
            HttpResponse<String> response;
            try {
                response = gate.send(request(uri, validators, policy), sleeper);
            } catch (HttpTimeoutException e) {
                breaker.onFailure();
                last = new FetchException(FetchException.Kind.TIMEOUT, source, uri,
                        "no response within " + policy.requestTimeout(), e);
                waitBeforeRetry(source, uri, attempt, policy, Optional.empty(), last);
                continue;
            } catch (IOException e) {
                breaker.onFailure();
                last = new FetchException(FetchException.Kind.NETWORK, source, uri, "connection failed: " + e, e);
                waitBeforeRetry(source, uri, attempt, policy, Optional.empty(), last);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                breaker.onFailure();
                throw new FetchException(FetchException.Kind.NETWORK, source, uri, "interrupted", e);
            }
            int status = response.statusCode();
            if (status / 100 == 2 || status == 304) {
                breaker.onSuccess();
                return new Page(uri, status, status == 304 ? "" : response.body(), validatorsOf(response));
            }
            if (status == 429 || status / 100 == 5) {
                // Throttling says nothing about the source's health; every other 5xx counts towards the breaker.
                if (status == 429) {
                    breaker.onSuccess();
                } else {
                    breaker.onFailure();
                }
                last = new FetchException(FetchException.Kind.HTTP_STATUS, source, uri, "HTTP " + status);
                Optional<Duration> retryAfter = status == 429 || status == 503
                        ? RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock)
                        : Optional.empty();
                waitBeforeRetry(source, uri, attempt, policy, retryAfter, last);
                continue;
            }
            breaker.onSuccess();
            throw new FetchException(FetchException.Kind.REJECTED, source, uri, "HTTP " + status);
        }
        throw last;
    }

    /** The circuit state of a source, for status pages. */
    public CircuitBreaker.State circuitState(String source) {
        return breaker(source).state();
    }

    /** The policy in force for a host. */
    public HostPolicy policyFor(String host) {
        return policies.getOrDefault(host.toLowerCase(Locale.ROOT), defaultPolicy);
    }

    private void waitBeforeRetry(String source, URI uri, int attempt, HostPolicy policy,
            Optional<Duration> retryAfter, FetchException failure) throws FetchException {
        if (attempt >= policy.maxAttempts()) {
            return;
        }
        Duration wait = retryAfter.orElseGet(() -> backoff(attempt, policy));
        if (wait.compareTo(policy.maxBackoff()) > 0) {
            // A server asking for a longer pause than we are willing to hold a worker for: give up now,
            // the window is retried on a later poll.
            throw new FetchException(failure.kind(), source, uri,
                    "server asked to retry after " + wait + ", more than " + policy.maxBackoff(), failure);
        }
        LOG.debugf("%s: %s, retry %d in %s [%s]", source, failure.getMessage(), attempt, wait, uri);
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(failure.kind(), source, uri, "interrupted while waiting to retry", e);
        }
    }

    /** Exponential backoff with jitter: a random wait between half and all of base * 2^(attempt-1), capped. */
    private Duration backoff(int attempt, HostPolicy policy) {
        long base = policy.baseBackoff().toMillis();
        long ceiling = Math.min(policy.maxBackoff().toMillis(), base << Math.min(attempt - 1, 20));
        long jittered = ceiling / 2 + (long) (random.nextDouble() * (ceiling - ceiling / 2));
        return Duration.ofMillis(jittered);
    }

    private HttpRequest request(URI uri, Validators validators, HostPolicy policy) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(policy.requestTimeout())
                .header("User-Agent", userAgent)
                .header("Accept-Encoding", "identity");
        if (validators.etag() != null) {
            b.header("If-None-Match", validators.etag());
        }
        if (validators.lastModified() != null) {
            b.header("If-Modified-Since", validators.lastModified());
        }
        return b.build();
    }

    private static Validators validatorsOf(HttpResponse<?> response) {
        return new Validators(response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Last-Modified").orElse(null));
    }

    private HostGate gate(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return gates.computeIfAbsent(host, h -> new HostGate(policyFor(h), nanoClock));
    }

    private CircuitBreaker breaker(String source) {
        return breakers.computeIfAbsent(source, s -> new CircuitBreaker(breakerPolicy, clock));
    }

    /** Everything that limits traffic to one host: its own connection pool, rate and concurrency. */
    private static final class HostGate {

        private final HostPolicy policy;
        private final HttpClient client;
        private final TokenBucket bucket;
        private final Semaphore inFlight;

        HostGate(HostPolicy policy, LongSupplier nanoClock) {
            this.policy = policy;
            this.client = HttpClient.newBuilder()
                    .connectTimeout(policy.connectTimeout())
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .version(HttpClient.Version.HTTP_1_1)
                    .build();
            this.bucket = new TokenBucket(policy.requestsPerSecond(), nanoClock);
            this.inFlight = new Semaphore(policy.maxConcurrent(), true);
        }

        HttpResponse<String> send(HttpRequest request, Sleeper sleeper) throws IOException, InterruptedException {
            inFlight.acquire();
            try {
                bucket.acquire(sleeper);
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            } finally {
                inFlight.release();
            }
        }
    }
}
