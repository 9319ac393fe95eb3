package org.evwatch.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The seed pages EVwatch was started from (research-portal, summary and publisher pages about extracellular vesicles
 * in cancer), in the shared folder beside the repository ({@code ../shared/seeds}), or under the folder the
 * {@code EVWATCH_SHARED} environment variable names. They are third-party text and are never copied into the
 * repository: the local runtime drops them into the inbox from there when the folder is present.
 */
public final class SeedFiles {

    private SeedFiles() {
    }

    /** The seeds folder for a repository at {@code root}, or null when there is none. */
    public static Path locate(Path root) {
        String configured = System.getenv("EVWATCH_SHARED");
        Path shared = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : root.toAbsolutePath().normalize().resolveSibling("shared");
        Path seeds = shared.resolve("seeds");
        return Files.isDirectory(seeds) ? seeds : null;
    }

    /** The seed files, sorted by name; none when the folder is absent. */
    public static List<Path> list(Path root) throws IOException {
        Path dir = locate(root);
        if (dir == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }
}
