package org.evwatch.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a Quarkus test at the real Kafka broker and PostgreSQL server of {@link Infrastructure}. Use with
 * {@code @QuarkusTestResource(KafkaAndPostgresResource.class)}; the test's database is named after the
 * {@code evwatch.test.database} system property, or {@code evwatch}.
 */
public class KafkaAndPostgresResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String bootstrap = Infrastructure.kafkaBootstrapServers();
        String jdbcUrl = Infrastructure.jdbcUrl(System.getProperty("evwatch.test.database", "evwatch"));
        return Map.of(
                "kafka.bootstrap.servers", bootstrap,
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        // Stopped here, while the application's class loader is still open: stopping the broker from a JVM shutdown
        // hook after Quarkus has closed it can fail on classes loaded late and end the test JVM with an error. A
        // later test class that needs them again starts them afresh.
        Infrastructure.stopAll();
    }
}
