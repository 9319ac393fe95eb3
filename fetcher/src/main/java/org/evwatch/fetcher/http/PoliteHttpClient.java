package org.evwatch.fetcher.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * The one place where the fetcher talks HTTP, and so the one place that holds each host's rate limit, concurrency
 * limit, timeouts and retry policy, honours Retry-After, keeps a circuit breaker per source, names the project in
 * the User-Agent and does conditional GETs.
 * <p>
 * Built on {@link java.net.http.HttpClient} rather than a declarative REST client because the policy is keyed on
 * the host and the source at run time (a feed list is just URLs from config), responses must be kept exactly as
 * received, and Retry-After must drive the wait. Retries and circuit breaking are SmallRye Fault Tolerance guards
 * built through its programmatic API, one retry guard per host ({@link HostGate}) around one breaker per source
 * ({@link SourceCircuit}), since annotations would apply per Java method rather than per host and source.
 */
public final class PoliteHttpClient {

    private final String userAgent;
    private final Map<String, HostPolicy> policies;
    private final HostPolicy defaultPolicy;
    private final BreakerPolicy breakerPolicy;
    private final Clock clock;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final Map<String, HostGate> gates = new ConcurrentHashMap<>();
    private final Map<String, SourceCircuit> circuits = new ConcurrentHashMap<>();

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
        SourceCircuit circuit = circuit(source);
        HttpRequest request = request(uri, validators, gate.policy());
        AtomicReference<FetchException> last = new AtomicReference<>();
        try {
            return gate.withRetries(() -> circuit.call(() -> attempt(source, request, gate, last)));
        } catch (TransientFailure e) {
            throw e.failure();
        } catch (FetchException e) {
            throw e;
        } catch (RetryWait.GaveUp e) {
            throw e.failure();
        } catch (CircuitBreakerOpenException e) {
            throw new FetchException(FetchException.Kind.CIRCUIT_OPEN, source, uri, "circuit open, request not sent",
                    last.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(FetchException.Kind.NETWORK, source, uri, "interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("unexpected failure fetching " + FetchException.redact(uri), e);
        }
    }

    /** The circuit state of a source, for status pages. */
    public CircuitBreakerState circuitState(String source) {
        return circuit(source).state();
    }

    /** The policy in force for a host. */
    public HostPolicy policyFor(String host) {
        return policies.getOrDefault(host.toLowerCase(Locale.ROOT), defaultPolicy);
    }

    /**
     * One try: a page, a {@link TransientFailure} worth retrying (remembered in {@code last} for the report when the
     * circuit opens), or a FetchException for a request the server refused.
     */
    private Page attempt(String source, HttpRequest request, HostGate gate,
            AtomicReference<FetchException> last)
            throws TransientFailure, FetchException {
        URI uri = request.uri();
        HttpResponse<String> response;
        try {
            response = gate.send(request);
        } catch (HttpTimeoutException e) {
            throw remember(last, new TransientFailure(new FetchException(FetchException.Kind.TIMEOUT, source, uri,
                    "no response within " + gate.policy().requestTimeout(), e), Optional.empty(), true));
        } catch (IOException e) {
            throw remember(last, new TransientFailure(new FetchException(FetchException.Kind.NETWORK, source, uri,
                    "connection failed: " + e, e), Optional.empty(), true));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(FetchException.Kind.NETWORK, source, uri, "interrupted", e);
        }
        int status = response.statusCode();
        if (status / 100 == 2 || status == 304) {
            return new Page(uri, status, status == 304 ? "" : response.body(), validatorsOf(response));
        }
        if (status == 429 || status / 100 == 5) {
            Optional<Duration> retryAfter = status == 429 || status == 503
                    ? RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock)
                    : Optional.empty();
            // Throttling says nothing about the source's health; every other 5xx counts towards the breaker.
            throw remember(last, new TransientFailure(
                    new FetchException(FetchException.Kind.HTTP_STATUS, source, uri, "HTTP " + status), retryAfter,
                    status != 429));
        }
        throw FetchException.rejected(source, uri, status);
    }

    private static TransientFailure remember(AtomicReference<FetchException> last, TransientFailure failure) {
        last.set(failure.failure());
        return failure;
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
        return gates.computeIfAbsent(host, h -> new HostGate(policyFor(h), nanoClock, sleeper, random));
    }

    private SourceCircuit circuit(String source) {
        return circuits.computeIfAbsent(source, s -> new SourceCircuit(s, breakerPolicy));
    }
}
