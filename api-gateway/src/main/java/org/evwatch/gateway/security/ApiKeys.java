package org.evwatch.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;

import org.evwatch.gateway.problem.ProblemException;
import org.evwatch.gateway.settings.GatewaySettings;

/**
 * Authenticates API keys, presented as {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>}, and manages
 * the stored ones. Lookups go by the key's peppered hash; results are cached briefly so that rate limiting and
 * authorisation do not each cost a database round trip.
 */
@ApplicationScoped
public class ApiKeys {

    public static final String HEADER = "X-API-Key";
    private static final long CACHE_MILLIS = 30_000;

    private record Cached(Optional<Caller> caller, long at) {
    }

    private final ApiKeyHasher hasher;
    private final Optional<String> bootstrapKey;
    private final Clock clock;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    public ApiKeys(GatewaySettings settings) {
        this.hasher = new ApiKeyHasher(settings.security().pepper());
        this.bootstrapKey = settings.security().adminKey().filter(k -> !k.isBlank());
        this.clock = Clock.systemUTC();
    }

    /** The key a request presents, if any. */
    public static Optional<String> presented(UnaryOperator<String> header) {
        String auth = header.apply(HttpHeaders.AUTHORIZATION);
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(auth.substring(7).trim()).filter(k -> !k.isEmpty());
        }
        return Optional.ofNullable(header.apply(HEADER)).map(String::trim).filter(k -> !k.isEmpty());
    }

    /** The caller a key belongs to, if the key is valid and not revoked. */
    public Optional<Caller> authenticate(String key) {
        if (key == null || key.length() > 200) {
            return Optional.empty();
        }
        if (bootstrapKey.isPresent() && MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8),
                bootstrapKey.get().getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(new Caller(Caller.BOOTSTRAP, "bootstrap admin", Role.ADMIN));
        }
        String hash = hasher.hash(key);
        long now = System.currentTimeMillis();
        Cached hit = cache.get(hash);
        if (hit != null && now - hit.at() < CACHE_MILLIS) {
            return hit.caller();
        }
        Optional<Caller> caller = lookup(hash);
        if (cache.size() > 10_000) {
            cache.clear();
        }
        cache.put(hash, new Cached(caller, now));
        return caller;
    }

    @Transactional
    Optional<Caller> lookup(String hash) {
        return ApiKey.byHash(hash).map(k -> new Caller(k.id.toString(), k.name, k.role));
    }

    /** The caller of a request, who must hold at least {@code role}; 401 or 403 otherwise. */
    public Caller require(HttpHeaders headers, Role role) {
        String key = presented(headers::getHeaderString)
                .orElseThrow(() -> ProblemException.unauthorized("Send an API key as 'Authorization: Bearer <key>'."));
        Caller caller = authenticate(key)
                .orElseThrow(() -> ProblemException.unauthorized("The API key is not valid or was revoked."));
        if (role == Role.ADMIN && !caller.admin()) {
            throw ProblemException.forbidden("This route needs an admin key.");
        }
        return caller;
    }

    /** A new key and its plain text, which is shown once and never stored. */
    public record Created(ApiKey key, String plainText) {
    }

    @Transactional
    public Created create(String name, Role role) {
        String plain = ApiKeyHasher.newKey();
        ApiKey key = new ApiKey();
        key.id = UUID.randomUUID();
        key.name = name;
        key.prefix = ApiKeyHasher.displayPrefix(plain);
        key.hash = hasher.hash(plain);
        key.role = role;
        key.createdAt = clock.instant();
        key.persist();
        return new Created(key, plain);
    }

    @Transactional
    public List<ApiKey> list() {
        return ApiKey.listAll(io.quarkus.panache.common.Sort.by("createdAt"));
    }

    /** Revokes a key; false when there is no such key. */
    @Transactional
    public boolean revoke(UUID id) {
        ApiKey key = ApiKey.findById(id);
        if (key == null) {
            return false;
        }
        if (key.revokedAt == null) {
            key.revokedAt = clock.instant();
        }
        cache.clear();
        return true;
    }
}
