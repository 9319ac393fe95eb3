package org.evwatch.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.evwatch.deploy.manifests.Manifests.all;
import static org.evwatch.deploy.manifests.Manifests.container;
import static org.evwatch.deploy.manifests.Manifests.one;

import org.evwatch.deploy.manifests.Manifests.Document;
import org.evwatch.events.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/**
 * The Kubernetes manifests of deploy/k8s. Each file of the Kustomize base and of the production overlay is read on its
 * own (KustomizeRenderTest checks what kustomize makes of them): every Kubernetes and Strimzi resource strictly into
 * its model, the
 * KEDA ScaledObject and the kustomizations by the fields this project relies on. Then the base is checked against the
 * code: the topics against {@link Topics}, consumer groups, ports, images and environment against what each service
 * reads, and the overlay for referring only to what the base has.
 */
class ManifestsTest {

    private static Path base;
    private static Path overlay;
    private static List<Document> baseDocuments;
    private static List<Document> overlayDocuments;
    private static Map<String, ServiceSettings> services;

    @BeforeAll
    static void load() throws IOException {
        Path root = Manifests.root();
        base = root.resolve("deploy/k8s/base");
        overlay = root.resolve("deploy/k8s/overlays/production");
        baseDocuments = documents(base);
        overlayDocuments = documents(overlay);
        services = new LinkedHashMap<>();
        ServiceSettings.MODULES.forEach(m -> services.put(m, ServiceSettings.load(root, m)));
    }

    private static List<Document> documents(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted()
                    .filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
                    .flatMap(f -> Manifests.documents(f).stream()).toList();
        }
    }

    @Test
    void everyResourceReadsStrictlyIntoItsModelAtItsApiVersion() {
        for (Document d : concat(baseDocuments, overlayDocuments)) {
            if (!Manifests.isDeletion(d)) {
                Manifests.readStrictly(d);
            }
        }
    }

    @Test
    void theBaseListsEachOfItsFilesOnce() throws IOException {
        JsonNode kustomization = kustomization(base);
        List<String> listed = strings(kustomization.path("resources"));
        try (Stream<Path> files = Files.list(base)) {
            Set<String> present = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml")).collect(Collectors.toSet());
            assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(present);
        }
    }

    @Test
    void theOverlayRefersOnlyToWhatExists() throws IOException {
        JsonNode kustomization = kustomization(overlay);
        for (String resource : strings(kustomization.path("resources"))) {
            Path p = overlay.resolve(resource).normalize();
            assertThat(Files.isRegularFile(p) || Files.isRegularFile(p.resolve("kustomization.yaml")))
                    .as("overlay resource " + resource).isTrue();
        }
        Set<String> baseResources = keys(baseDocuments);
        for (JsonNode patch : kustomization.path("patches")) {
            Path file = overlay.resolve(patch.path("path").asText());
            assertThat(file).as("patch file").isRegularFile();
            for (Document d : Manifests.documents(file)) {
                assertThat(baseResources).as("the resource " + d + " patches").contains(d.kind() + "/" + d.name());
            }
        }
        Set<String> baseImages = deployments().stream().map(d -> container(d).getImage().split(":")[0])
                .collect(Collectors.toSet());
        assertThat(strings(kustomization.path("images"), "name")).as("images the overlay sets")
                .containsExactlyInAnyOrderElementsOf(baseImages);
        checkTheSecretIsTheOperators(kustomization);
        checkTheOverlayChangesOnlyTheBasesConfiguration(kustomization);
    }

    /**
     * The overlay sets values of the base's generated ConfigMap (merging its own env file into it): no key the base
     * does not have, so that every value it sets is one a service reads.
     */
    private static void checkTheOverlayChangesOnlyTheBasesConfiguration(JsonNode kustomization) {
        Map<String, Map<String, String>> base = Manifests.generatedConfigMaps(ManifestsTest.base);
        Map<String, Map<String, String>> overlaid = Manifests.generatedConfigMaps(overlay);
        assertThat(overlaid).as("the overlay's configuration").isNotEmpty();
        for (JsonNode generator : kustomization.path("configMapGenerator")) {
            String name = generator.path("name").asText();
            assertThat(generator.path("behavior").asText()).as(name + ": merged into the base's").isEqualTo("merge");
            assertThat(base).as("the ConfigMap the overlay changes").containsKey(name);
            assertThat(base.get(name).keySet()).as(name + ": the keys the overlay sets")
                    .containsAll(overlaid.get(name).keySet());
        }
    }

    /**
     * Kustomize generates every ConfigMap under a name with a hash of its values and writes that name into the
     * Deployments: a changed value changes their pod templates, and applying it rolls the pods. So the base holds no
     * ConfigMap of its own, lets Kustomize add the hash, and every ConfigMap a Deployment reads is generated.
     */
    @Test
    void theConfigurationIsAGeneratedConfigMapSoThatAChangeRollsThePods() {
        JsonNode kustomization = kustomization(base);
        assertThat(all(baseDocuments, "ConfigMap", ConfigMap.class)).as("ConfigMaps written out as resources")
                .isEmpty();
        assertThat(kustomization.path("generatorOptions").path("disableNameSuffixHash").asBoolean()).isFalse();
        kustomization.path("configMapGenerator").forEach(g -> assertThat(g.path("options")
                .path("disableNameSuffixHash").asBoolean()).as(g.path("name").asText() + ": hashed").isFalse());
        Set<String> generated = Manifests.generatedConfigMaps(base).keySet();
        for (Deployment deployment : deployments()) {
            for (EnvVar v : container(deployment).getEnv()) {
                if (v.getValueFrom() != null && v.getValueFrom().getConfigMapKeyRef() != null) {
                    assertThat(generated).as(deployment.getMetadata().getName() + ": " + v.getName())
                            .contains(v.getValueFrom().getConfigMapKeyRef().getName());
                }
            }
        }
    }

    /**
     * The operator creates the Secret in the namespace from secrets.env.example's keys (docs/operations.md): the
     * overlay holds no secret and removes the base's empty placeholder, so that applying it never overwrites the
     * Secret. The example lists exactly the keys the Deployments read from it.
     */
    private static void checkTheSecretIsTheOperators(JsonNode kustomization) throws IOException {
        assertThat(kustomization.has("secretGenerator")).as("the overlay generates no Secret").isFalse();
        Secret secret = one(baseDocuments, "Secret", Secret.class);
        assertThat(overlayDocuments).as("the overlay removes the base's placeholder Secret")
                .anyMatch(d -> Manifests.isDeletion(d) && d.kind().equals("Secret")
                        && d.name().equals(secret.getMetadata().getName()));
        assertThat(Manifests.secretsExampleKeys(overlay)).as("secrets.env.example: the keys of the base Secret")
                .containsExactlyInAnyOrderElementsOf(secret.getStringData().keySet());
    }

    @Test
    void theTopicsAreThoseOfTheCodeWithTheirPartitionsAndRetention() {
        Map<String, Topics.Spec> expected = Topics.ALL.stream()
                .collect(Collectors.toMap(Topics.Spec::name, t -> t));
        Kafka kafka = one(baseDocuments, "Kafka", Kafka.class);
        Map<String, KafkaTopic> topics = new TreeMap<>();
        for (KafkaTopic topic : all(baseDocuments, "KafkaTopic", KafkaTopic.class)) {
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster",
                    kafka.getMetadata().getName());
            topics.put(topic.getSpec().getTopicName(), topic);
        }
        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        topics.forEach((name, topic) -> {
            assertThat(topic.getSpec().getPartitions()).as(name + " partitions")
                    .isEqualTo(expected.get(name).partitions());
            assertThat(String.valueOf(topic.getSpec().getConfig().get("retention.ms"))).as(name + " retention.ms")
                    .isEqualTo(String.valueOf(expected.get(name).retention().toMillis()));
        });
        services.values().forEach(s -> assertThat(expected.keySet()).as(s.module() + "'s topics")
                .containsAll(s.topics()));
    }

    @Test
    void theBrokersAreOneNodePoolOfTheCluster() {
        Kafka kafka = one(baseDocuments, "Kafka", Kafka.class);
        KafkaNodePool pool = one(baseDocuments, "KafkaNodePool", KafkaNodePool.class);
        assertThat(pool.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", kafka.getMetadata().getName());
        assertThat(pool.getSpec().getRoles()).extracting(Object::toString)
                .containsExactlyInAnyOrder("CONTROLLER", "BROKER");
        assertThat(configMap()).containsEntry("EVWATCH_KAFKA", kafkaBootstrap());
    }

    @Test
    void eachServiceGetsWhatItReadsFromTheConfigMapAndSecret() {
        Map<String, String> config = configMap();
        Set<String> secretKeys = one(baseDocuments, "Secret", Secret.class).getStringData().keySet();
        assertThat(deployments()).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(services.keySet());
        for (Deployment deployment : deployments()) {
            String name = deployment.getMetadata().getName();
            Map<String, String> env = new HashMap<>();
            Set<String> fromSecret = new HashSet<>();
            for (EnvVar v : container(deployment).getEnv()) {
                env.put(v.getName(), envValue(name, v, config, secretKeys, fromSecret));
            }
            new ServiceEnvironment(services.get(name), env, fromSecret, kafkaBootstrap(), module -> module)
                    .check(services);
        }
    }

    private static String envValue(String deployment, EnvVar v, Map<String, String> config, Set<String> secretKeys,
            Set<String> fromSecret) {
        if (v.getValueFrom() == null) {
            return v.getValue();
        }
        if (v.getValueFrom().getSecretKeyRef() != null) {
            assertThat(secretKeys).as(deployment + ": " + v.getName()).contains(v.getValueFrom().getSecretKeyRef()
                    .getKey());
            fromSecret.add(v.getName());
            return "<secret>";
        }
        String key = v.getValueFrom().getConfigMapKeyRef().getKey();
        assertThat(config).as(deployment + ": " + v.getName()).containsKey(key);
        return config.get(key);
    }

    @Test
    void portsProbesAndImagesAreThoseOfEachService() {
        ImageBuild build = ImageBuild.load(Manifests.root());
        for (Deployment deployment : deployments()) {
            ServiceSettings service = services.get(deployment.getMetadata().getName());
            Container c = container(deployment);
            assertThat(c.getImage()).isEqualTo(build.image(service.applicationName(),
                    System.getProperty("evwatch.version")));
            assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser())
                    .as("the image's user").isEqualTo(build.user());
            assertThat(c.getPorts()).singleElement().satisfies(p -> {
                assertThat(p.getContainerPort()).isEqualTo(service.port());
                assertThat(p.getName()).isEqualTo("http");
            });
            assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
            assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
            assertThat(c.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
            assertThat(c.getResources().getRequests()).containsKeys("cpu", "memory");
            assertThat(c.getResources().getLimits()).containsKey("memory");
            Service s = all(baseDocuments, "Service", Service.class).stream()
                    .filter(x -> x.getMetadata().getName().equals(service.module())).findFirst().orElseThrow();
            assertThat(s.getSpec().getPorts()).singleElement()
                    .satisfies(p -> assertThat(p.getPort()).isEqualTo(service.port()));
        }
    }

    @Test
    void onlyTheGatewayTakesConnectionsFromOutside() {
        for (Deployment deployment : deployments()) {
            ServiceSettings service = services.get(deployment.getMetadata().getName());
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).as(service.module())
                    .containsEntry("evwatch.org/tier", service.internal() ? "internal" : "public")
                    .containsEntry("app.kubernetes.io/part-of", "evwatch");
        }
        NetworkPolicy internal = all(baseDocuments, "NetworkPolicy", NetworkPolicy.class).stream()
                .filter(p -> "internal".equals(p.getSpec().getPodSelector().getMatchLabels().get("evwatch.org/tier")))
                .findFirst().orElseThrow(() -> new AssertionError("no policy for the internal APIs"));
        assertThat(internal.getSpec().getPolicyTypes()).containsExactly("Ingress");
        assertThat(internal.getSpec().getIngress()).singleElement().satisfies(rule -> assertThat(rule.getFrom())
                .singleElement().satisfies(peer -> {
                    assertThat(peer.getNamespaceSelector()).isNull();
                    assertThat(peer.getIpBlock()).isNull();
                    assertThat(peer.getPodSelector().getMatchLabels())
                            .containsExactly(Map.entry("app.kubernetes.io/part-of", "evwatch"));
                }));
    }

    @Test
    void everyServiceHasADisruptionBudgetAndTheExtractorKeepsOne() {
        Map<String, PodDisruptionBudget> budgets = all(baseDocuments, "PodDisruptionBudget",
                PodDisruptionBudget.class).stream().collect(Collectors.toMap(
                        b -> b.getSpec().getSelector().getMatchLabels().get("app.kubernetes.io/name"), b -> b));
        assertThat(budgets.keySet()).containsExactlyInAnyOrderElementsOf(services.keySet());
        assertThat(budgets.get("extractor").getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
    }

    @Test
    void kedaScalesTheExtractorOnItsConsumerGroupsLagUpToThePartitions() {
        Document scaled = overlayDocuments.stream().filter(d -> d.kind().equals("ScaledObject")).findFirst()
                .orElseThrow();
        JsonNode spec = scaled.node().path("spec");
        assertThat(scaled.node().path("apiVersion").asText()).isEqualTo("keda.sh/v1alpha1");
        assertThat(spec.path("scaleTargetRef").path("name").asText()).isEqualTo("extractor");
        assertThat(spec.path("triggers")).hasSize(1);
        JsonNode trigger = spec.path("triggers").get(0);
        assertThat(trigger.path("type").asText()).isEqualTo("kafka");
        JsonNode metadata = trigger.path("metadata");
        Map<String, String> groups = services.get("extractor").consumerGroups();
        assertThat(groups).hasSize(1);
        String topic = groups.keySet().iterator().next();
        assertThat(metadata.path("topic").asText()).isEqualTo(topic);
        assertThat(metadata.path("consumerGroup").asText()).isEqualTo(groups.get(topic));
        assertThat(metadata.path("bootstrapServers").asText()).isEqualTo(kafkaBootstrap());
        int partitions = Topics.ALL.stream().filter(t -> t.name().equals(topic)).findFirst().orElseThrow()
                .partitions();
        assertThat(spec.path("maxReplicaCount").asInt()).isEqualTo(partitions);
        assertThat(spec.path("minReplicaCount").asInt()).isBetween(1, partitions);
        Deployment patch = overlayDocuments.stream().filter(d -> d.kind().equals("Deployment")
                && d.name().equals("extractor")).findFirst().orElseThrow().read(Deployment.class);
        assertThat(patch.getSpec().getReplicas()).as("the overlay leaves the count to KEDA").isNull();
    }

    @Test
    void theServiceTokenSettingIsTheOneTheServicesRead() throws IOException {
        Path guard = Manifests.root().resolve("common/src/main/java/org/evwatch/common/access/InternalApiGuard.java");
        assertThat(Files.readString(guard)).contains("TOKEN_SETTING = \"" + ServiceSettings.INTERNAL_TOKEN + "\"");
    }

    private static String kafkaBootstrap() {
        Kafka kafka = one(baseDocuments, "Kafka", Kafka.class);
        GenericKafkaListener plain = kafka.getSpec().getKafka().getListeners().stream()
                .filter(l -> !Boolean.TRUE.equals(l.isTls())).findFirst().orElseThrow();
        return kafka.getMetadata().getName() + "-kafka-bootstrap:" + plain.getPort();
    }

    /** The data of the base's one ConfigMap, which Kustomize generates from its env file. */
    private static Map<String, String> configMap() {
        Map<String, Map<String, String>> generated = Manifests.generatedConfigMaps(base);
        assertThat(generated).as("the base's generated ConfigMaps").hasSize(1);
        return generated.values().iterator().next();
    }

    private static List<Deployment> deployments() {
        return all(baseDocuments, "Deployment", Deployment.class);
    }

    private static JsonNode kustomization(Path folder) {
        return Manifests.documents(folder.resolve("kustomization.yaml")).get(0).node();
    }

    private static Set<String> keys(List<Document> documents) {
        return documents.stream().map(d -> d.kind() + "/" + d.name()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }

    private static List<String> strings(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.path(field).asText()));
        return values;
    }

    private static List<Document> concat(List<Document> a, List<Document> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
