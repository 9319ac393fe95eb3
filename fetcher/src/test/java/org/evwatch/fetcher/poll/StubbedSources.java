package org.evwatch.fetcher.poll;

import java.util.HashMap;
import java.util.Map;

import org.evwatch.testing.KafkaAndPostgresResource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The real Kafka and PostgreSQL of the test runtime, plus a WireMock server standing in for bioRxiv, which is
 * switched on with one-day windows. The scheduler stays off: tests poll when they choose.
 */
public class StubbedSources implements QuarkusTestResourceLifecycleManager {

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort());
        server.start();
        Map<String, String> config = new HashMap<>(new KafkaAndPostgresResource().start());
        config.put("evwatch.fetch.biorxiv.enabled", "true");
        config.put("evwatch.fetch.biorxiv.base-url", server.baseUrl() + "/");
        config.put("evwatch.fetch.biorxiv.window-days", "1");
        config.put("evwatch.fetch.hosts.localhost.max-attempts", "1");
        config.put("evwatch.fetch.hosts.localhost.requests-per-second", "200");
        config.put("evwatch.fetch.hosts.localhost.max-concurrent", "8");
        config.put("evwatch.fetch.poll.every", "off");
        config.put("evwatch.fetch.poll.initial-lookback-days", "4");
        config.put("evwatch.fetch.poll.settle-days", "0");
        config.put("evwatch.fetch.backfill.resume-every", "off");
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
