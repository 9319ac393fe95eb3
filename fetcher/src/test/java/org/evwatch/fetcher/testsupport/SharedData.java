package org.evwatch.fetcher.testsupport;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared, read-only data next to the repository ({@code ../shared}), or where {@code EVWATCH_SHARED} points.
 * Tests that need it skip when it is absent, except on CI, where its absence fails them.
 */
public final class SharedData {

    private SharedData() {
    }

    public static Path root() {
        String configured = System.getProperty("EVWATCH_SHARED", System.getenv("EVWATCH_SHARED"));
        Path found = null;
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            found = Path.of(configured);
        } else {
            for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolveSibling("shared");
                if (Files.isDirectory(candidate.resolve("data"))) {
                    found = candidate;
                    break;
                }
            }
        }
        if (found == null) {
            if ("true".equals(System.getenv("CI"))) {
                fail("../shared is required on CI but was not found (set EVWATCH_SHARED)");
            }
            assumeTrue(false, "../shared not found: skipping a test that needs the shared API samples");
        }
        return found;
    }

    public static Path apiSample(String relative) {
        Path p = root().resolve("data/api-samples").resolve(relative);
        if (!Files.exists(p)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("missing shared sample " + p);
            }
            assumeTrue(false, "missing shared sample " + p);
        }
        return p;
    }

    public static String apiSampleText(String relative) {
        try {
            return Files.readString(apiSample(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
