package org.evwatch.extractor.parse;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The shared real samples, found through {@code EVWATCH_SHARED} or by walking up from the working directory to
 * the folder that has {@code ../shared}. Missing data skips a test, except on CI where it fails.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The shared folder, or a skipped (locally) / failed (CI) test. */
    public static Path root() {
        Path found = locate();
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (found == null) {
            String reason = "shared data not found: set EVWATCH_SHARED or provide ../shared next to the repository";
            if (ci) {
                fail(reason);
            }
            assumeTrue(false, reason);
        }
        return found;
    }

    public static Path locate() {
        String configured = System.getProperty("EVWATCH_SHARED", System.getenv("EVWATCH_SHARED"));
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured).toAbsolutePath();
        }
        // a test runs in its module directory; the shared folder sits next to the repository root
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared");
            if (Files.isDirectory(candidate.resolve("data"))) {
                return candidate;
            }
        }
        return null;
    }

    public static Path file(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            String reason = "shared file missing: " + p;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(reason);
            }
            assumeTrue(false, reason);
        }
        return p;
    }

    /** A shared file as UTF-8 text, gunzipped when it ends in .gz. */
    public static String read(String relative) {
        Path p = file(relative);
        try (InputStream in = Files.newInputStream(p)) {
            InputStream src = relative.endsWith(".gz") ? new GZIPInputStream(in) : in;
            return new String(src.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture under src/test/resources/parse. */
    public static String fixture(String name) {
        try (InputStream in = SharedData.class.getResourceAsStream("/parse/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture /parse/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
