package org.evwatch.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The image build without a Docker daemon (docs/operations.md): the {@code images} profile and the stand-in for the
 * docker command that writes Jib's image to a file. Building the images takes minutes and a base image, so CI does
 * not; this checks what that build relies on, and the manifests' tests check the names and the user it gives.
 */
class ImageBuildTest {

    private static final Path ROOT = Manifests.root();
    private static final ImageBuild BUILD = ImageBuild.load(ROOT);

    @Test
    void theProfileHandsJibTheStandInAndTheFileToWrite() {
        Path standIn = Path.of(BUILD.property("quarkus.jib.docker-executable-name")
                .replace("${maven.multiModuleProjectDirectory}", ROOT.toString()));
        assertThat(standIn).isExecutable();
        assertThat(BUILD.property("quarkus.jib.docker-environment.EVWATCH_IMAGE_TAR"))
                .isEqualTo("${project.build.directory}/image.tar");
        assertThat(BUILD.property("quarkus.container-image.build")).isEqualTo("true");
        assertThat(BUILD.property("quarkus.jib.base-jvm-image")).isEqualTo("${evwatch.image.base}");
    }

    @Test
    void theStandInWritesTheImageJibLoadsToTheFile(@TempDir Path dir) throws IOException, InterruptedException {
        Path image = dir.resolve("target/image.tar");
        ProcessBuilder load = new ProcessBuilder(standIn().toString(), "load");
        load.environment().put("EVWATCH_IMAGE_TAR", image.toString());
        Process p = load.start();
        byte[] tarball = "the docker save stream of an image".getBytes(StandardCharsets.UTF_8);
        try (var in = p.getOutputStream()) {
            in.write(tarball);
        }
        assertThat(p.waitFor()).isZero();
        assertThat(Files.readAllBytes(image)).isEqualTo(tarball);
    }

    @Test
    void theStandInAnswersJibsQuestionForThePlatform() throws IOException, InterruptedException {
        Process info = new ProcessBuilder(standIn().toString(), "info", "-f", "{{json .}}").start();
        JsonNode answer = Manifests.YAML.readTree(info.getInputStream());
        assertThat(info.waitFor()).isZero();
        assertThat(answer.path("OSType").asText()).isEqualTo("linux");
        assertThat(answer.path("Architecture").asText()).isEqualTo("x86_64");
    }

    private static Path standIn() {
        return ROOT.resolve("deploy/images/docker-to-file.sh");
    }
}
