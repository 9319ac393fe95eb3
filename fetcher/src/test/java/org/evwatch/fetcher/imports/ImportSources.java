package org.evwatch.fetcher.imports;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.evwatch.testing.KafkaAndPostgresResource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The real Kafka and PostgreSQL of the test runtime, and one WireMock server standing in for PubMed, Crossref, Europe
 * PMC and landing pages, which identifier lists are looked up at. Polling stays off.
 */
public class ImportSources implements io.quarkus.test.common.QuarkusTestResourceLifecycleManager {

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort());
        server.start();
        Map<String, String> config = new HashMap<>(new KafkaAndPostgresResource().start());
        config.put("evwatch.fetch.pubmed.base-url", server.baseUrl() + "/eutils/");
        config.put("evwatch.fetch.crossref.base-url", server.baseUrl() + "/crossref/");
        config.put("evwatch.fetch.europepmc.base-url", server.baseUrl() + "/epmc/");
        config.put("evwatch.fetch.hosts.localhost.max-attempts", "1");
        config.put("evwatch.fetch.hosts.localhost.requests-per-second", "200");
        config.put("evwatch.fetch.poll.every", "off");
        config.put("evwatch.fetch.backfill.resume-every", "off");
        config.put("evwatch.fetcher.imports.allow-private-hosts", "true");
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** The profile of the tests that import: the application starts once for all of them. */
    public static class Profile implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ImportSources.class));
        }
    }
}
