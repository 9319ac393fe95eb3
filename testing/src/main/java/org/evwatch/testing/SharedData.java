package org.evwatch.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Assumptions;

/**
 * The shared, read-only third-party data next to the repository ({@code ../shared}), or where the
 * {@code EVWATCH_SHARED} system property or environment variable points. A test that needs it is skipped, saying
 * why, when it is absent; on CI ({@code CI=true}) its absence fails the test instead.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The shared folder, or null when it cannot be found. */
    public static Path locate() {
        String configured = System.getProperty("EVWATCH_SHARED", System.getenv("EVWATCH_SHARED"));
        if (configured != null && !configured.isBlank() && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured).toAbsolutePath();
        }
        // A test runs in its module's folder; the shared folder sits next to the repository root.
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("data"))) {
                return candidate;
            }
        }
        return null;
    }

    /** The shared folder; skips the test (fails it on CI) when it is absent. */
    public static Path root() {
        Path found = locate();
        if (found == null) {
            missing("../shared not found (set EVWATCH_SHARED or place the shared folder next to the repository)");
        }
        return found;
    }

    /** {@code shared/<relative>}; skips the test (fails it on CI) when it does not exist. */
    public static Path file(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            missing("shared file missing: " + p);
        }
        return p;
    }

    /** {@code shared/data/<relative>}. */
    public static Path data(String relative) {
        return file("data/" + relative);
    }

    /** {@code shared/<relative>} as UTF-8 text, gunzipped when it ends in .gz. */
    public static String read(String relative) {
        Path p = file(relative);
        try (InputStream in = Files.newInputStream(p)) {
            InputStream src = relative.endsWith(".gz") ? new GZIPInputStream(in) : in;
            return new String(src.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code shared/data/api-samples/<relative>} as text. */
    public static String apiSampleText(String relative) {
        return read("data/api-samples/" + relative);
    }

    /**
     * Skips the calling test, saying why, because something it needs beside the repository is absent; on CI
     * ({@code CI=true}) fails it instead.
     */
    public static void missing(String why) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(why);
        }
        Assumptions.abort(why);
    }
}
