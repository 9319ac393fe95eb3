package org.evwatch.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evwatch.deploy.manifests.Manifests.all;
import static org.evwatch.deploy.manifests.Manifests.container;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import org.evwatch.deploy.manifests.Manifests.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * The Kustomize base and production overlay as {@code kubectl kustomize} renders them, the way {@code kubectl apply -k}
 * would send them: every rendered resource read strictly into its model, and the whole holding together. Every
 * ConfigMap, Secret and volume claim a Deployment reads is rendered under the name the Deployment uses (or, for the
 * overlay, is the Secret the operator creates); every Service, disruption budget and network policy selects a pod
 * template; KEDA scales a Deployment; the overlay's namespace, images and patches are in the result. Skips, saying
 * why, when kubectl is not on the PATH.
 */
class KustomizeRenderTest {

    private static final String BASE = "base";
    private static final String OVERLAY = "overlays/production";

    private static final Map<String, List<Document>> RENDERED = new HashMap<>();
    private static Path k8s;

    @BeforeAll
    static void render() throws IOException, InterruptedException {
        if (!onPath("kubectl")) {
            // kubectl is a tool of the operator's machine, not a prerequisite of the build: absent, the test skips,
            // also in CI, where ManifestsTest still reads every file strictly.
            Assumptions.abort("kubectl is not on the PATH: the Kustomize base and overlay cannot be rendered");
        }
        k8s = Manifests.root().resolve("deploy/k8s");
        for (String folder : List.of(BASE, OVERLAY)) {
            RENDERED.put(folder, kustomize(k8s.resolve(folder)));
        }
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /** The documents {@code kubectl kustomize} renders from a folder; fails with kubectl's message when it cannot. */
    static List<Document> kustomize(Path folder) throws IOException, InterruptedException {
        Path errors = Files.createTempFile("kustomize", ".err");
        try {
            Process kubectl = new ProcessBuilder("kubectl", "kustomize", folder.toString())
                    .redirectError(errors.toFile()).start();
            String yaml = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(kubectl.waitFor()).as("kubectl kustomize " + folder + ": " + Files.readString(errors))
                    .isZero();
            return Manifests.documents(folder.resolve("(rendered)"), yaml);
        } finally {
            Files.delete(errors);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, OVERLAY})
    void everyRenderedResourceReadsStrictlyIntoItsModel(String folder) {
        assertThat(RENDERED.get(folder)).as(folder).isNotEmpty().allSatisfy(d -> {
            assertThat(d.node().has("$patch")).as(d + ": a patch directive left in the output").isFalse();
            Manifests.readStrictly(d);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, OVERLAY})
    void everyConfigMapSecretAndClaimADeploymentReadsIsRenderedUnderTheNameItUses(String folder) throws IOException {
        List<Document> rendered = RENDERED.get(folder);
        Map<String, Set<String>> configMaps = new HashMap<>();
        all(rendered, "ConfigMap", ConfigMap.class).forEach(c -> configMaps.put(c.getMetadata().getName(),
                keys(c.getData(), null)));
        Map<String, Set<String>> secrets = new HashMap<>();
        all(rendered, "Secret", Secret.class).forEach(s -> secrets.put(s.getMetadata().getName(),
                keys(s.getData(), s.getStringData())));
        Map<String, Set<String>> operators = operatorsSecrets(folder);
        assertThat(secrets.keySet()).as("the Secrets the operator creates are not rendered")
                .noneMatch(operators::containsKey);
        secrets.putAll(operators);
        Set<String> claims = names(rendered, "PersistentVolumeClaim");
        for (Deployment deployment : all(rendered, "Deployment", Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            String who = folder + ": Deployment " + deployment.getMetadata().getName();
            pod.getContainers().forEach(c -> c.getEnv().forEach(v -> checkEnv(who, v, configMaps, secrets)));
            pod.getContainers().forEach(c -> c.getEnvFrom().forEach(e -> checkEnvFrom(who, e, configMaps, secrets)));
            pod.getVolumes().forEach(v -> checkVolume(who, v, configMaps, secrets, claims));
        }
    }

    /** The Secrets the overlay leaves to the operator (it deletes the base's placeholder), with the example's keys. */
    private static Map<String, Set<String>> operatorsSecrets(String folder) throws IOException {
        Map<String, Set<String>> secrets = new HashMap<>();
        for (Document d : patches(folder)) {
            if (Manifests.isDeletion(d) && d.kind().equals("Secret")) {
                secrets.put(d.name(), Manifests.secretsExampleKeys(k8s.resolve(folder)));
            }
        }
        return secrets;
    }

    private static void checkEnv(String who, EnvVar v, Map<String, Set<String>> configMaps,
            Map<String, Set<String>> secrets) {
        if (v.getValueFrom() == null) {
            return;
        }
        var fromConfig = v.getValueFrom().getConfigMapKeyRef();
        if (fromConfig != null) {
            assertThat(configMaps).as(who + ": " + v.getName() + "'s ConfigMap").containsKey(fromConfig.getName());
            assertThat(configMaps.get(fromConfig.getName())).as(who + ": " + v.getName() + "'s key")
                    .contains(fromConfig.getKey());
        }
        var fromSecret = v.getValueFrom().getSecretKeyRef();
        if (fromSecret != null) {
            assertThat(secrets).as(who + ": " + v.getName() + "'s Secret").containsKey(fromSecret.getName());
            assertThat(secrets.get(fromSecret.getName())).as(who + ": " + v.getName() + "'s key")
                    .contains(fromSecret.getKey());
        }
    }

    private static void checkEnvFrom(String who, EnvFromSource e, Map<String, Set<String>> configMaps,
            Map<String, Set<String>> secrets) {
        if (e.getConfigMapRef() != null) {
            assertThat(configMaps).as(who + ": envFrom").containsKey(e.getConfigMapRef().getName());
        }
        if (e.getSecretRef() != null) {
            assertThat(secrets).as(who + ": envFrom").containsKey(e.getSecretRef().getName());
        }
    }

    private static void checkVolume(String who, Volume v, Map<String, Set<String>> configMaps,
            Map<String, Set<String>> secrets, Set<String> claims) {
        if (v.getConfigMap() != null) {
            assertThat(configMaps).as(who + ": volume " + v.getName()).containsKey(v.getConfigMap().getName());
        }
        if (v.getSecret() != null) {
            assertThat(secrets).as(who + ": volume " + v.getName()).containsKey(v.getSecret().getSecretName());
        }
        if (v.getPersistentVolumeClaim() != null) {
            assertThat(claims).as(who + ": volume " + v.getName())
                    .contains(v.getPersistentVolumeClaim().getClaimName());
        }
    }

    /**
     * The generated configuration is rendered once, under its name with the hash of its values appended, with the
     * base's values and, in the overlay, the overlay's over them; every Deployment reads it under that name.
     */
    @ParameterizedTest
    @ValueSource(strings = {BASE, OVERLAY})
    void theDeploymentsReadTheGeneratedConfigMapUnderItsHashSuffixedName(String folder) {
        List<Document> rendered = RENDERED.get(folder);
        Map<String, Map<String, String>> expected = Manifests.generatedConfigMaps(k8s.resolve(BASE));
        assertThat(expected).as("the base's generated ConfigMaps").isNotEmpty();
        if (folder.equals(OVERLAY)) {
            Manifests.generatedConfigMaps(k8s.resolve(OVERLAY)).forEach((n, d) -> expected.get(n).putAll(d));
        }
        Map<String, String> renamed = new HashMap<>();
        for (ConfigMap c : all(rendered, "ConfigMap", ConfigMap.class)) {
            String name = c.getMetadata().getName();
            assertThat(name).as(folder + ": ConfigMap " + name + ", a generated name with its hash")
                    .matches(".+-[a-z0-9]{10}");
            String generator = name.replaceFirst("-[a-z0-9]{10}$", "");
            assertThat(expected).as(folder + ": ConfigMap " + name + ", a generated one").containsKey(generator);
            assertThat(c.getData()).as(folder + ": " + name).isEqualTo(expected.get(generator));
            assertThat(renamed.put(generator, name)).as(folder + ": " + generator + " rendered twice").isNull();
        }
        assertThat(renamed.keySet()).as(folder + ": generated").isEqualTo(expected.keySet());
        for (Deployment deployment : all(rendered, "Deployment", Deployment.class)) {
            for (EnvVar v : container(deployment).getEnv()) {
                if (v.getValueFrom() != null && v.getValueFrom().getConfigMapKeyRef() != null) {
                    assertThat(v.getValueFrom().getConfigMapKeyRef().getName())
                            .as(folder + ": " + deployment.getMetadata().getName() + ": " + v.getName())
                            .isIn(renamed.values());
                }
            }
        }
    }

    /**
     * A changed value renames the generated ConfigMap and so changes the pod template of every Deployment that reads
     * the ConfigMap (whichever of its keys): {@code kubectl apply -k} then rolls their pods, and only theirs.
     */
    @Test
    void aChangedValueChangesThePodTemplatesOfTheDeploymentsThatReadIt(@TempDir Path copy) throws Exception {
        copyTree(k8s, copy);
        Path env = copy.resolve(OVERLAY).resolve("config.env");
        String changed = Files.readString(env).replaceFirst("(?m)^EVWATCH_SMTP_PORT=.*$", "EVWATCH_SMTP_PORT=2525");
        assertThat(changed).as("the overlay sets the SMTP port").contains("EVWATCH_SMTP_PORT=2525");
        Files.writeString(env, changed);
        Map<String, JsonNode> before = podTemplates(RENDERED.get(OVERLAY));
        Map<String, JsonNode> after = podTemplates(kustomize(copy.resolve(OVERLAY)));
        assertThat(after.keySet()).isEqualTo(before.keySet());
        List<Deployment> deployments = all(RENDERED.get(OVERLAY), "Deployment", Deployment.class);
        for (Deployment d : deployments) {
            String name = d.getMetadata().getName();
            boolean readsIt = container(d).getEnv().stream().anyMatch(v -> v.getValueFrom() != null
                    && v.getValueFrom().getConfigMapKeyRef() != null);
            assertThat(after.get(name).equals(before.get(name))).as(name + "'s pod template unchanged")
                    .isEqualTo(!readsIt);
        }
        assertThat(deployments).as("Deployments that read the ConfigMap").anyMatch(d -> !after.get(d
                .getMetadata().getName()).equals(before.get(d.getMetadata().getName())));
    }

    private static Map<String, JsonNode> podTemplates(List<Document> rendered) {
        Map<String, JsonNode> templates = new HashMap<>();
        rendered.stream().filter(d -> d.kind().equals("Deployment"))
                .forEach(d -> templates.put(d.name(), d.node().path("spec").path("template")));
        return templates;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, OVERLAY})
    void everyServiceBudgetAndPolicySelectsAPodTemplateOfADeployment(String folder) {
        List<Document> rendered = RENDERED.get(folder);
        List<Map<String, String>> templates = all(rendered, "Deployment", Deployment.class).stream()
                .map(d -> d.getSpec().getTemplate().getMetadata().getLabels()).toList();
        BiConsumer<String, Map<String, String>> selects = (what, selector) -> assertThat(templates)
                .as(folder + ": " + what + " selects the pods of a Deployment by " + selector)
                .anyMatch(labels -> selector != null && !selector.isEmpty()
                        && labels.entrySet().containsAll(selector.entrySet()));
        all(rendered, "Service", Service.class).forEach(s -> selects.accept("Service " + s.getMetadata().getName(),
                s.getSpec().getSelector()));
        all(rendered, "PodDisruptionBudget", PodDisruptionBudget.class).forEach(b -> selects.accept(
                "PodDisruptionBudget " + b.getMetadata().getName(), b.getSpec().getSelector().getMatchLabels()));
        all(rendered, "NetworkPolicy", NetworkPolicy.class).forEach(p -> selects.accept(
                "NetworkPolicy " + p.getMetadata().getName(), p.getSpec().getPodSelector().getMatchLabels()));
        assertThat(all(rendered, "PodDisruptionBudget", PodDisruptionBudget.class)).as(folder + ": budgets")
                .hasSameSizeAs(templates);
    }

    @Test
    void kedaScalesADeploymentOfTheOverlayWhoseCountItLeavesToKeda() {
        List<Document> rendered = RENDERED.get(OVERLAY);
        List<Document> scaled = rendered.stream().filter(d -> d.kind().equals("ScaledObject")).toList();
        assertThat(scaled).as("the overlay's ScaledObject").hasSize(1);
        JsonNode target = scaled.get(0).node().path("spec").path("scaleTargetRef");
        assertThat(target.path("kind").asText("Deployment")).isEqualTo("Deployment");
        Deployment deployment = all(rendered, "Deployment", Deployment.class).stream()
                .filter(d -> d.getMetadata().getName().equals(target.path("name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("KEDA scales a Deployment that is not rendered: " + target));
        assertThat(deployment.getSpec().getReplicas()).as("the count KEDA sets").isNull();
    }

    @Test
    void theOverlaysNamespaceImagesAndPatchesAreInTheResult() throws IOException {
        JsonNode kustomization = Manifests.documents(k8s.resolve(OVERLAY).resolve("kustomization.yaml")).get(0).node();
        List<Document> rendered = RENDERED.get(OVERLAY);
        String namespace = kustomization.path("namespace").asText();
        rendered.stream().filter(d -> !d.kind().equals("Namespace")).forEach(d -> assertThat(
                d.node().path("metadata").path("namespace").asText()).as(d + ": namespace").isEqualTo(namespace));
        Set<String> images = new HashSet<>();
        kustomization.path("images").forEach(i -> images.add(i.path("newName").asText() + ":"
                + i.path("newTag").asText()));
        assertThat(all(rendered, "Deployment", Deployment.class)).as("the overlay's images")
                .extracting(d -> container(d).getImage()).allMatch(images::contains);
        for (Document patch : patches(OVERLAY)) {
            List<Document> target = rendered.stream().filter(d -> d.kind().equals(patch.kind())
                    && d.name().equals(patch.name())).toList();
            if (Manifests.isDeletion(patch)) {
                assertThat(target).as(patch + ": deleted").isEmpty();
            } else {
                assertThat(target).as(patch + ": patched").hasSize(1);
                assertApplied(patch.toString(), patch.node(), target.get(0).node());
            }
        }
    }

    /**
     * Every value of a patch is in the rendered resource: objects field by field, list items by name (as a strategic
     * merge joins containers) or else by position, null as an absent field.
     */
    private static void assertApplied(String where, JsonNode patch, JsonNode rendered) {
        if (patch.isNull()) {
            assertThat(rendered.isMissingNode() || rendered.isNull()).as(where + " removed").isTrue();
        } else if (patch.isObject()) {
            patch.fields().forEachRemaining(f -> assertApplied(where + "." + f.getKey(), f.getValue(),
                    rendered.path(f.getKey())));
        } else if (patch.isArray()) {
            for (int i = 0; i < patch.size(); i++) {
                JsonNode item = patch.get(i);
                assertApplied(where + "[" + i + "]", item,
                        item.has("name") ? byName(rendered, item) : rendered.path(i));
            }
        } else {
            assertThat(rendered.asText()).as(where).isEqualTo(patch.asText());
        }
    }

    private static JsonNode byName(JsonNode array, JsonNode item) {
        for (JsonNode candidate : array) {
            if (candidate.path("name").equals(item.path("name"))) {
                return candidate;
            }
        }
        return array.path(Integer.MAX_VALUE);
    }

    /** The documents of the patch files a kustomization names. */
    private static List<Document> patches(String folder) {
        Path dir = k8s.resolve(folder);
        List<Document> patches = new ArrayList<>();
        JsonNode kustomization = Manifests.documents(dir.resolve("kustomization.yaml")).get(0).node();
        kustomization.path("patches").forEach(p -> patches.addAll(Manifests.documents(dir.resolve(p.path("path")
                .asText()))));
        return patches;
    }

    private static Set<String> names(List<Document> documents, String kind) {
        Set<String> names = new HashSet<>();
        documents.stream().filter(d -> d.kind().equals(kind)).forEach(d -> names.add(d.name()));
        return names;
    }

    private static Set<String> keys(Map<String, String> data, Map<String, String> stringData) {
        Set<String> keys = new HashSet<>();
        if (data != null) {
            keys.addAll(data.keySet());
        }
        if (stringData != null) {
            keys.addAll(stringData.keySet());
        }
        return keys;
    }
}
