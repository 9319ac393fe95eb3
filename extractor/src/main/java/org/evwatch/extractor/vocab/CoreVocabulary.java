package org.evwatch.extractor.vocab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.evwatch.events.EntityType;

/**
 * The project's own compact vocabulary ({@code vocab/core/core.tsv} on the class path; the format is described in
 * the file's header). Also reads any other file in the same format ending in {@code .evwatch.tsv}, so a
 * deployment can add curated names without a rebuild.
 */
public final class CoreVocabulary implements VocabularyLoader {

    public static final String RESOURCE = "/vocab/core/core.tsv";

    @Override
    public String name() {
        return "EVwatch core vocabulary";
    }

    @Override
    public boolean accepts(Path file) {
        return TextFiles.baseName(file).endsWith(".evwatch.tsv");
    }

    @Override
    public void load(Path file, VocabularyBuilder into) throws IOException {
        try (BufferedReader r = TextFiles.open(file)) {
            read(r, file, into);
        }
    }

    /** Loads the vocabulary shipped with the extractor. */
    public void loadBundled(VocabularyBuilder into) {
        InputStream in = CoreVocabulary.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing class-path resource " + RESOURCE);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            read(r, Path.of("classpath:" + RESOURCE), into);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void read(BufferedReader r, Path source, VocabularyBuilder into) throws IOException {
        String line;
        long n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = TextFiles.split(line, '\t');
            if (f.length < 3 || f[1].isBlank() || f[2].isBlank()) {
                throw new VocabularyFormatException(source, n, "expected type, id and name separated by tabs");
            }
            EntityType type;
            try {
                type = EntityType.valueOf(f[0].strip());
            } catch (IllegalArgumentException e) {
                throw new VocabularyFormatException(source, n, "unknown entity type '" + f[0] + "'");
            }
            String id = f[1].strip();
            into.concept(type, id, f[2].strip());
            into.name(id, f[2], TermKind.CORE);
            if (f.length > 3) {
                for (String x : f[3].split("\\|")) {
                    into.xref(id, x.strip());
                }
            }
            if (f.length > 4) {
                for (String s : f[4].split("\\|")) {
                    into.name(id, s, TermKind.CORE);
                }
            }
            if (f.length > 5) {
                for (String flag : f[5].split(",")) {
                    if (!flag.isBlank()) {
                        into.flag(id, flag.strip());
                    }
                }
            }
        }
    }
}
