package org.evwatch.indexer.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The generation directories ({@code gen-N}) under the index's base directory, and the file {@code CURRENT} that
 * names the active one; it is replaced atomically, so there is no moment without an index.
 */
final class GenerationFiles {

    private static final Logger LOG = Logger.getLogger(GenerationFiles.class.getName());
    private static final String CURRENT = "CURRENT";

    private final Path base;

    GenerationFiles(Path base) throws IOException {
        this.base = base;
        Files.createDirectories(base);
    }

    Path base() {
        return base;
    }

    /** The directory {@code CURRENT} names, or null when there is none or it names a missing directory. */
    Path current() throws IOException {
        Path pointer = base.resolve(CURRENT);
        if (!Files.exists(pointer)) {
            return null;
        }
        String name = Files.readString(pointer, StandardCharsets.UTF_8).trim();
        Path dir = base.resolve(name);
        if (name.isEmpty() || !Files.isDirectory(dir)) {
            LOG.warning("index pointer names a missing directory '" + name + "': rebuilding");
            return null;
        }
        return dir;
    }

    /** A directory for a new generation, numbered after every one there. */
    Path next() throws IOException {
        long max = 0;
        try (Stream<Path> dirs = Files.list(base)) {
            for (Path p : (Iterable<Path>) dirs::iterator) {
                String n = p.getFileName().toString();
                if (n.startsWith("gen-")) {
                    try {
                        max = Math.max(max, Long.parseLong(n.substring(4)));
                    } catch (NumberFormatException ignored) {
                        // not ours
                    }
                }
            }
        }
        return base.resolve("gen-" + (max + 1));
    }

    /** Makes {@code dir} the current generation. */
    void point(Path dir) throws IOException {
        Path tmp = base.resolve(CURRENT + ".tmp");
        Files.writeString(tmp, dir.getFileName().toString(), StandardCharsets.UTF_8);
        Files.move(tmp, base.resolve(CURRENT), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Deletes every generation directory but {@code keep}. */
    void deleteAllBut(Path keep) throws IOException {
        String name = keep.getFileName().toString();
        try (Stream<Path> dirs = Files.list(base)) {
            for (Path p : dirs.toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith("gen-") && !n.equals(name)) {
                    deleteTree(p);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
