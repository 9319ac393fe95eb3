package org.evwatch.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A test runtime's folder, cleared before a run. */
final class Folders {

    static final Path ROOT = Path.of(System.getProperty("evwatch.root", "..")).toAbsolutePath().normalize();

    private Folders() {
    }

    /** A local runtime on free ports in {@code deploy/target/<folder>}, cleared, with the broker's jars of the build. */
    static LocalStack.Settings ephemeralRuntime(String folder) throws IOException {
        Path runtime = ROOT.resolve("deploy/target").resolve(folder);
        deleteTree(runtime);
        Path lib = Path.of(System.getProperty("evwatch.lib", ROOT.resolve("deploy/target/lib").toString()));
        return LocalStack.Settings.ephemeral(ROOT, runtime, lib);
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
