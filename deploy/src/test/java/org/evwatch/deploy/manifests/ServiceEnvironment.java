package org.evwatch.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The environment a deployment (a compose service, a Kubernetes Deployment) gives one EVwatch service, checked
 * against what that service reads.
 *
 * @param service what the service reads
 * @param env each variable given, with its value (a secret's value is not known: {@link #fromSecret})
 * @param fromSecret the variables whose value comes from a secret the operator supplies
 * @param kafka the bootstrap address of the deployment's Kafka
 * @param host the address of each service (by module) inside the deployment
 */
record ServiceEnvironment(ServiceSettings service, Map<String, String> env, Set<String> fromSecret, String kafka,
        Function<String, String> host) {

    /** A variable whose value must never be written into a deployment file. */
    private static final Pattern SENSITIVE = Pattern.compile(".*(PASSWORD|TOKEN|SECRET|PEPPER|_KEY)$");

    /** Runs every check; fails naming the service and the variable at fault. */
    void check(Map<String, ServiceSettings> all) {
        String who = service.module() + ": ";
        Set<String> unread = env.keySet().stream().filter(v -> !service.reads(v)).collect(Collectors.toSet());
        assertThat(unread).as(who + "variables the service does not read").isEmpty();
        assertThat(env).as(who + "variables the service needs").containsKeys(
                service.requiredEnv().toArray(String[]::new));
        Set<String> sensitive = env.keySet().stream().filter(v -> SENSITIVE.matcher(v).matches())
                .collect(Collectors.toSet());
        assertThat(fromSecret).as(who + "secrets given as plain values").containsAll(sensitive);
        assertThat(env.get("EVWATCH_KAFKA")).as(who + "EVWATCH_KAFKA").isEqualTo(kafka);
        if (service.internal()) {
            assertThat(env).as(who + "an internal API listening beyond loopback")
                    .containsEntry("QUARKUS_HTTP_HOST", "0.0.0.0").containsKey("EVWATCH_INTERNAL_TOKEN");
        }
        service.clients().forEach((variable, port) -> {
            ServiceSettings target = all.values().stream().filter(s -> s.port() == port).findFirst()
                    .orElseThrow(() -> new AssertionError(who + variable + " names port " + port + " of no service"));
            assertThat(env.get(variable)).as(who + variable)
                    .isEqualTo("http://" + host.apply(target.module()) + ":" + target.port());
            assertThat(env).as(who + "the service token its calls carry").containsKey("EVWATCH_INTERNAL_TOKEN");
        });
    }
}
