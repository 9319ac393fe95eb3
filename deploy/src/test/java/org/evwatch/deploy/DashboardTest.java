package org.evwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.evwatch.events.metrics.PipelineMetric;
import org.evwatch.events.metrics.PipelineMetrics;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The Grafana dashboard and the operators' guide name only metrics the services register: every metric the
 * services' code registers ({@link PipelineMetric}, through {@link PipelineMetrics}) is registered here in a real
 * Prometheus registry and scraped, and each {@code evwatch_} series the dashboard's queries or the guide's alerts use
 * must be among the scraped ones.
 */
class DashboardTest {

    static final Path ROOT = Path.of(System.getProperty("evwatch.root", "..")).toAbsolutePath().normalize();
    static final Path DASHBOARD = ROOT.resolve("deploy/grafana/evwatch-dashboard.json");
    static final Path GUIDE = ROOT.resolve("docs/observability.md");
    private static final Pattern SERIES = Pattern.compile("\\bevwatch_[a-z0-9_]+");

    @Test
    void everyMetricTheDashboardQueriesIsOneTheServicesRegister() throws IOException {
        Set<String> queried = new TreeSet<>();
        for (JsonNode panel : panels()) {
            for (JsonNode target : panel.path("targets")) {
                queried.addAll(series(target.path("expr").asText()));
            }
        }
        assertThat(queried).isNotEmpty();
        assertThat(scrapedSeries()).containsAll(queried);
    }

    @Test
    void everyMetricTheServicesRegisterHasAPanel() throws IOException {
        Set<String> queried = series(Files.readString(DASHBOARD));
        for (PipelineMetric metric : PipelineMetric.values()) {
            assertThat(metric.prometheusSeries()).as(metric + " on the dashboard").containsAnyElementsOf(queried);
        }
    }

    @Test
    void theDashboardIsAGrafanaDashboardOfPrometheusPanels() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        assertThat(dashboard.path("title").asText()).isNotBlank();
        assertThat(dashboard.path("uid").asText()).matches("[a-z0-9-]{1,40}");
        assertThat(dashboard.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(36);
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : panels()) {
            assertThat(ids.add(panel.path("id").asInt())).as("panel ids are unique").isTrue();
            assertThat(panel.path("gridPos").path("w").asInt()).isBetween(1, 24);
            if (!panel.path("type").asText().equals("row")) {
                assertThat(panel.path("datasource").path("type").asText()).isEqualTo("prometheus");
                assertThat(panel.path("targets")).isNotEmpty();
                panel.path("targets").forEach(t -> assertThat(t.path("refId").asText()).isNotBlank());
            }
        }
    }

    @Test
    void theGuideDescribesEveryMetricAndItsAlertsUseRegisteredOnes() throws IOException {
        String guide = Files.readString(GUIDE);
        for (PipelineMetric metric : PipelineMetric.values()) {
            assertThat(guide).as(metric + " in the guide").contains("`" + metric.prometheusName() + "`");
        }
        Set<String> named = scrapedSeries();
        for (PipelineMetric metric : PipelineMetric.values()) {
            named.add(metric.prometheusName());
        }
        assertThat(named).containsAll(series(guide));
    }

    /** What Prometheus scrapes from a registry holding every metric the services register. */
    static Set<String> scrapedSeries() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        PipelineMetrics metrics = new PipelineMetrics(registry);
        for (PipelineMetric metric : PipelineMetric.values()) {
            String[] tags = metric.tags().stream().map(t -> "x").toArray(String[]::new);
            switch (metric.kind()) {
                case COUNTER -> metrics.counter(metric, tags).increment();
                case TIMER -> metrics.timer(metric, tags).record(java.time.Duration.ofMillis(3));
                case GAUGE -> metrics.gauge(metric, new AtomicLong(1), AtomicLong::get, tags);
            }
        }
        Set<String> names = new TreeSet<>();
        for (String line : registry.scrape().split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }

    private static Iterable<JsonNode> panels() throws IOException {
        return new ObjectMapper().readTree(DASHBOARD.toFile()).path("panels");
    }

    private static Set<String> series(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = SERIES.matcher(text);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }
}
