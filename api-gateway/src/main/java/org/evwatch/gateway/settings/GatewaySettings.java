package org.evwatch.gateway.settings;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The gateway's own settings, under {@code evwatch.gateway}; each can be set by environment variable. */
@ConfigMapping(prefix = "evwatch.gateway")
public interface GatewaySettings {

    /**
     * The public base URL of feed and subscription links and of the OpenAPI document's server; without it, the
     * address each request came to (see {@link PublicUrl}).
     */
    Optional<String> publicUrl();

    Security security();

    Webhooks webhooks();

    Mail mail();

    Feeds feeds();

    Streams streams();

    interface Security {
        /** The pepper of development and tests: public, so never good enough in production. */
        String DEVELOPMENT_PEPPER = "evwatch-development-pepper";

        /**
         * The bootstrap admin key; without it only stored keys work and the first admin key must be seeded. Required
         * in production.
         */
        Optional<String> adminKey();

        /** Server-side secret mixed into stored key hashes; changing it invalidates every stored key. */
        @WithDefault(DEVELOPMENT_PEPPER)
        String pepper();

        /**
         * Refuse to start with the development pepper or without a strong admin key. On in every profile but dev and
         * test, so that a deployment under any profile name is held to it.
         */
        @WithDefault("true")
        boolean requireProductionSecrets();

        /** Largest request body accepted under /api, in bytes. */
        @WithDefault("65536")
        int maxBodyBytes();

        /** Longest query text accepted in a URL, in characters. */
        @WithDefault("2000")
        int maxQueryLength();

        RateLimit perKey();

        RateLimit perIp();
    }

    interface RateLimit {
        @WithDefault("60")
        double burst();

        @WithDefault("10")
        double perSecond();
    }

    /**
     * When a failed delivery is tried again: exponential backoff from {@code initialDelay}, multiplied by
     * {@code multiplier} after each failure, capped at {@code maxDelay}, for at most {@code maxAttempts} attempts; each
     * channel's values are in {@code application.properties}.
     */
    interface Retries {
        int maxAttempts();

        Duration initialDelay();

        double multiplier();

        Duration maxDelay();

        /** The fraction by which each delay is spread at random, so that deliveries failed together part. */
        @WithDefault("0.2")
        double jitter();

        /** How often due deliveries are looked for. */
        @WithDefault("1s")
        Duration pollInterval();
    }

    interface Webhooks extends Retries {
        /** Host names and CIDR blocks webhooks may target although they are not public. */
        Optional<List<String>> allowList();

        @WithDefault("10s")
        Duration timeout();
    }

    interface Mail extends Retries {
        /** The secret of development and tests: public, so never good enough in production. */
        String DEVELOPMENT_SECRET = "evwatch-development-mail-secret";

        /** The sender of every mail, as an address or {@code Name <address>}. */
        @WithDefault("EVwatch <evwatch@localhost>")
        String from();

        /**
         * The key of the HMAC that signs confirmation and unsubscribe links; changing it voids every link already
         * mailed. Required in production.
         */
        @WithDefault(DEVELOPMENT_SECRET)
        String secret();

        /**
         * When set, mail is written to this folder as {@code .eml} files instead of being sent over SMTP (the local
         * runtime does this when no SMTP server is configured).
         */
        Optional<Path> folder();

        /** The time of day (UTC) daily and weekly digests are sent at. */
        @WithDefault("07:00")
        LocalTime digestTime();

        /** The day (UTC) weekly digests are sent on. */
        @WithDefault("MONDAY")
        DayOfWeek weeklyDay();

        /** Papers in one mail at most; a digest with more is sent as several mails. */
        @WithDefault("50")
        int maxPapersPerMail();
    }

    interface Streams {
        /**
         * How long announced papers are kept for live streams that reconnect with {@code Last-Event-ID}: a client away
         * for longer is sent only what came after this window.
         */
        @WithDefault("24h")
        Duration replayWindow();

        /** Streams open at once on this instance; one more is answered 503 with a Retry-After. */
        @WithDefault("1000")
        int maxOpen();
    }

    interface Feeds {
        /** Entries per feed. */
        @WithDefault("50")
        int size();
    }
}
