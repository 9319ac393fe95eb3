package org.evwatch.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A built image, as {@code deploy/images/build.sh} writes it ({@code <module>/target/image.tar}, a {@code docker save}
 * archive): its manifest names the image the manifests deploy; every layer is the one its config's {@code diff_ids}
 * name (the SHA-256 of its content); the config runs {@code quarkus-run.jar} from {@code /deployments} as the user the
 * manifests expect, exposes the service's port and carries the OCI labels; and the layers hold the Quarkus fast-jar,
 * libraries apart from the application, on a base with Java and curl. Building the images takes minutes, so neither
 * the build nor CI does it: where no image was built, this skips, saying so.
 */
class ImageTarballTest {

    private static final Path ROOT = Manifests.root();
    private static final ImageBuild BUILD = ImageBuild.load(ROOT);

    /** One layer: the SHA-256 of its uncompressed content ({@code sha256:...}) and the paths it holds. */
    record Layer(String diffId, Set<String> paths) {
    }

    /** What the archive holds: its JSON files by name, and its layers by name. */
    record Archive(Map<String, JsonNode> json, Map<String, Layer> layers) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"fetcher", "extractor", "indexer", "api-gateway"})
    void theImageIsTheOneTheManifestsRunWithItsLayersConfigAndFastJar(String module) throws Exception {
        Path tarball = ROOT.resolve(module).resolve("target/image.tar");
        if (!Files.isRegularFile(tarball)) {
            Assumptions.abort(tarball + " is not built: ./deploy/images/build.sh builds the images (minutes of work,"
                    + " so no test run or CI run does)");
        }
        ServiceSettings service = ServiceSettings.load(ROOT, module);
        String version = System.getProperty("evwatch.version");
        Archive archive = read(tarball);
        JsonNode manifest = archive.json().get("manifest.json");
        assertThat(manifest).as("manifest.json").isNotNull().hasSize(1);
        assertThat(manifest.get(0).path("RepoTags")).extracting(JsonNode::asText)
                .containsExactly(BUILD.image(service.applicationName(), version));
        JsonNode config = archive.json().get(manifest.get(0).path("Config").asText());
        assertThat(config).as("the image's config").isNotNull();
        List<Layer> layers = new ArrayList<>();
        manifest.get(0).path("Layers").forEach(l -> layers.add(archive.layers().get(l.asText())));
        assertThat(layers).as("the manifest's layers").doesNotContainNull();
        assertThat(layers).extracting(Layer::diffId).as("the layers' content against the config's diff_ids")
                .containsExactlyElementsOf(texts(config.path("rootfs").path("diff_ids")));
        checkConfig(config.path("config"), service, module, version);
        checkContent(layers, module, version);
    }

    private static void checkConfig(JsonNode c, ServiceSettings service, String module, String version) {
        assertThat(c.path("User").asText()).isEqualTo(String.valueOf(BUILD.user()));
        assertThat(c.path("WorkingDir").asText()).isEqualTo(BUILD.property("quarkus.jib.working-directory"));
        assertThat(texts(c.path("Entrypoint"))).startsWith("java").contains("-XX:MaxRAMPercentage=75")
                .endsWith("-jar", "quarkus-run.jar");
        Set<String> ports = new HashSet<>();
        c.path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
        assertThat(ports).containsExactly(service.port() + "/tcp");
        assertThat(texts(c.path("Env"))).anyMatch(e -> e.startsWith("PATH="));
        JsonNode labels = c.path("Labels");
        assertThat(labels.path("org.opencontainers.image.title").asText()).isEqualTo("evwatch-" + module);
        assertThat(labels.path("org.opencontainers.image.version").asText()).isEqualTo(version);
    }

    /**
     * The fast-jar under /deployments, the libraries in layers below the application's (a rebuild of the code leaves
     * them as they are), and Java and curl (the compose health checks) on the PATH of the base.
     */
    private static void checkContent(List<Layer> layers, String module, String version) {
        Set<String> all = new HashSet<>();
        layers.forEach(l -> all.addAll(l.paths()));
        String app = "deployments/app/evwatch-" + module + "-" + version + ".jar";
        assertThat(all).contains("deployments/quarkus-run.jar", "deployments/quarkus/quarkus-application.dat", app,
                "usr/bin/java", "usr/bin/curl");
        assertThat(all).anyMatch(p -> p.startsWith("deployments/lib/boot/") && p.endsWith(".jar"))
                .anyMatch(p -> p.startsWith("deployments/lib/main/") && p.endsWith(".jar"));
        int appLayer = indexOf(layers, app);
        int libLayer = indexOf(layers, all.stream().filter(p -> p.startsWith("deployments/lib/main/")
                && p.endsWith(".jar")).findFirst().orElseThrow());
        assertThat(libLayer).as("the libraries' layer is below the application's").isLessThan(appLayer);
    }

    private static int indexOf(List<Layer> layers, String path) {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).paths().contains(path)) {
                return i;
            }
        }
        throw new AssertionError("no layer holds " + path);
    }

    /** Reads the archive in one pass: its JSON files whole, its layers hashed and listed as they stream by. */
    private static Archive read(Path tarball) throws IOException, NoSuchAlgorithmException {
        Map<String, JsonNode> json = new HashMap<>();
        Map<String, Layer> layers = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(
                Files.newInputStream(tarball), 1 << 16))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (!e.isFile()) {
                    continue;
                }
                if (e.getName().endsWith(".json")) {
                    json.put(e.getName(), Manifests.YAML.readTree(tar.readAllBytes()));
                } else {
                    layers.put(e.getName(), layer(tar));
                }
            }
        }
        return new Archive(json, layers);
    }

    /** A layer, gzipped or not: the SHA-256 of its tar content and the paths of its entries. */
    private static Layer layer(InputStream in) throws IOException, NoSuchAlgorithmException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        boolean gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
        buffered.reset();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        DigestInputStream content = new DigestInputStream(gzip ? new GZIPInputStream(buffered, 1 << 16) : buffered,
                sha256) {
            @Override
            public long skip(long n) throws IOException {
                // Skipped bytes are content too: read them, so that the digest sees them.
                byte[] buffer = new byte[(int) Math.min(Math.max(n, 0), 1 << 16)];
                return Math.max(read(buffer, 0, buffer.length), 0);
            }
        };
        Set<String> paths = new HashSet<>();
        TarArchiveInputStream entries = new TarArchiveInputStream(content);
        for (TarArchiveEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
            paths.add(e.getName().replaceFirst("^\\./", "").replaceFirst("^/", "").replaceFirst("/$", ""));
        }
        content.transferTo(OutputStream.nullOutputStream()); // the padding after the last entry is content too
        return new Layer("sha256:" + HexFormat.of().formatHex(sha256.digest()), paths);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
