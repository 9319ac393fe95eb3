package org.evwatch.extractor.vocab;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * Locates the project's shared third-party data ({@code ../shared} from the repository root, or the
 * {@code EVWATCH_SHARED} system property / environment variable). A test needing it is skipped when it is absent,
 * except on CI ({@code CI=true}), where absence fails the test.
 */
public final class SharedData {

    private SharedData() {
    }

    /** {@code shared/data/<relative>}, or skips (fails on CI) when it does not exist. */
    public static Path require(String relative) {
        Path root = root();
        Path p = root == null ? null : root.resolve("data").resolve(relative);
        if (p == null || !Files.exists(p)) {
            String why = "shared data not found: data/" + relative + " (set EVWATCH_SHARED or place ../shared)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        return p;
    }

    private static Path root() {
        String configured = System.getProperty("EVWATCH_SHARED", System.getenv("EVWATCH_SHARED"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("data"))) {
                return candidate;
            }
            dir = dir.getParent();
        }
        return null;
    }
}
