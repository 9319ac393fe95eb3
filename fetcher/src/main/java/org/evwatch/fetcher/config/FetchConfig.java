package org.evwatch.fetcher.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * The public sources: politeness, watches, polling, and one section per source, each switched on or off on its
 * own (EVWATCH_FETCH_PUBMED_ENABLED=true, ...). Sources are off unless switched on: the local runtime and the
 * tests have no internet.
 */
@ConfigMapping(prefix = "evwatch.fetch")
public interface FetchConfig {

    /** Who runs this instance: named in the User-Agent, and sent as NCBI email and Crossref mailto. */
    @WithDefault("evwatch@example.org")
    String contactEmail();

    @WithDefault("https://github.com/evwatch/evwatch")
    String projectUrl();

    Poll poll();

    Backfill backfill();

    /** Watches by id, run besides the built-in EVs-in-cancer watch ("ev-cancer", which config may redefine). */
    Map<String, WatchConfig> watches();

    /** Politeness overrides per host name (e.g. {@code "api.crossref.org".requests-per-second=2}). */
    Map<String, HostConfig> hosts();

    Breaker breaker();

    PubMed pubmed();

    EuropePmc europepmc();

    Crossref crossref();

    Preprints biorxiv();

    Preprints medrxiv();

    Feeds feeds();

    interface Poll {
        /** How often every switched-on source is polled (a Quarkus scheduler interval, or "off"). */
        @WithDefault("30m")
        String every();

        /** Pause after start-up before the first poll. */
        @WithDefault("30s")
        String delay();

        /** Where a source without a cursor starts: this many days back. */
        @WithDefault("7")
        int initialLookbackDays();

        /**
         * Days a window must lie in the past before it counts as complete: recent days are fetched on every poll
         * (dedup makes that free) until late-indexed papers have had time to appear.
         */
        @WithDefault("2")
        int settleDays();

        /** How long to wait for Kafka to acknowledge the records of one window. */
        @WithDefault("2m")
        Duration ackTimeout();

        /**
         * How long a fetcher instance holds a source's lease without finishing a window; past it, another instance
         * may take the source over. Longer than the slowest window.
         */
        @WithDefault("10m")
        Duration lease();

        /** Sources polled at the same time; each source runs on its own thread so one cannot block another. */
        @WithDefault("4")
        int threads();
    }

    interface Backfill {
        /** How often running backfills nobody is working on (after a restart or a failure) are picked up. */
        @WithDefault("1m")
        String resumeEvery();

        @WithDefault("5s")
        String resumeDelay();
    }

    interface WatchConfig {
        List<String> topicTerms();

        Optional<List<String>> contextTerms();

        /** Hand-written queries by source name, used instead of the rendered ones. */
        Map<String, String> queries();
    }

    interface HostConfig {
        Optional<Double> requestsPerSecond();

        Optional<Integer> maxConcurrent();

        Optional<Duration> connectTimeout();

        Optional<Duration> requestTimeout();

        Optional<Integer> maxAttempts();
    }

    interface Breaker {
        @WithDefault("5")
        int failureThreshold();

        @WithDefault("5m")
        Duration openFor();
    }

    /** What every windowed source shares. */
    interface Windowed {
        @WithDefault("false")
        boolean enabled();

        /** Days per window. */
        @WithDefault("7")
        int windowDays();
    }

    interface PubMed extends Windowed {
        @WithDefault("https://eutils.ncbi.nlm.nih.gov/entrez/eutils/")
        URI baseUrl();

        /** With a key NCBI allows 10 requests/s instead of 3. */
        Optional<String> apiKey();

        @WithDefault("evwatch")
        String tool();

        @WithDefault("200")
        int batchSize();
    }

    interface EuropePmc extends Windowed {
        @WithDefault("https://www.ebi.ac.uk/europepmc/webservices/rest/")
        URI baseUrl();

        @WithDefault("1000")
        int pageSize();

        /**
         * Whether a paper with a PMCID, found by PubMed, by Europe PMC or by an import, also brings its open-access
         * JATS full text from Europe PMC (one more request to Europe PMC per such paper).
         */
        @WithDefault("true")
        boolean fullText();
    }

    interface Crossref extends Windowed {
        @WithDefault("https://api.crossref.org/")
        URI baseUrl();

        @WithDefault("1000")
        int rows();
    }

    interface Preprints extends Windowed {
        @WithDefault("https://api.biorxiv.org/")
        URI baseUrl();
    }

    interface Feeds {
        @WithDefault("false")
        boolean enabled();

        /** Feed URLs, RSS 1.0, RSS 2.0 or Atom. */
        Optional<List<URI>> urls();

        /** Whether the landing page of an item without abstract is fetched to judge it. */
        @WithName("landing-pages")
        @WithDefault("true")
        boolean landingPages();
    }
}
