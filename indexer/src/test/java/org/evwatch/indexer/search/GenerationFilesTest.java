package org.evwatch.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerationFilesTest {

    @TempDir
    Path base;

    @Test
    void generationsAreNumberedPointedAtAndPruned() throws Exception {
        GenerationFiles files = new GenerationFiles(base);
        assertThat(files.current()).isNull();
        Path first = files.next();
        assertThat(first.getFileName()).hasToString("gen-1");
        Files.createDirectories(first.resolve("segments"));
        Files.createDirectories(base.resolve("gen-7"));
        Files.createDirectories(base.resolve("gen-x"));
        Path next = files.next();
        assertThat(next.getFileName()).hasToString("gen-8");

        Files.createDirectories(next);
        files.point(next);
        assertThat(files.current()).isEqualTo(next);
        files.deleteAllBut(next);
        try (var left = Files.list(base)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("gen-8", "CURRENT");
        }
    }

    @Test
    void aPointerToAMissingDirectoryNamesNoGeneration() throws Exception {
        GenerationFiles files = new GenerationFiles(base);
        Path gone = files.next();
        Files.createDirectories(gone);
        files.point(gone);
        GenerationFiles.deleteTree(gone);
        assertThat(files.current()).isNull();
    }
}
