package org.evwatch.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The packaged gateway, run as {@code java -jar} runs it in production (the prod profile), with no secrets given: it
 * must exit at once, naming the settings it lacks, instead of serving with the development pepper and no admin key.
 */
class ProductionSecretsIT {

    @Test
    void theGatewayRefusesToStartInProductionWithoutItsSecrets() throws IOException, InterruptedException {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        assertThat(jar).as("the packaged gateway (failsafe runs after package)").isRegularFile();
        Path log = Files.createTempFile("gateway-prod", ".log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(name -> name.startsWith("EVWATCH_") || name.startsWith("QUARKUS_"));
        // Nothing to reach: the check must come before the database or the broker are needed.
        env.putAll(Map.of("QUARKUS_HTTP_PORT", "0", "QUARKUS_FLYWAY_MIGRATE_AT_START", "false",
                "EVWATCH_DB_URL", "jdbc:postgresql://127.0.0.1:9/evwatch", "EVWATCH_KAFKA", "127.0.0.1:9"));
        Process gateway = pb.start();
        try {
            assertThat(gateway.waitFor(120, TimeUnit.SECONDS)).as("the gateway exits by itself").isTrue();
            String output = Files.readString(log);
            assertThat(gateway.exitValue()).as(output).isNotZero();
            assertThat(output).contains("EVWATCH_GATEWAY_SECURITY_PEPPER")
                    .contains("EVWATCH_GATEWAY_SECURITY_ADMIN_KEY").contains("EVWATCH_GATEWAY_MAIL_SECRET");
        } finally {
            gateway.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }
}
