package org.evwatch.extractor.vocab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

/**
 * Finds the standard vocabulary files under a directory (at any depth) and loads each with the loader that reads
 * it. The order is fixed so that results never depend on directory listing order: the core first, then the sources
 * that decide a concept's type (CTD, MeSH), then the ones that add names to known concepts.
 */
public final class VocabularyDirectory {

    private static final Logger LOG = Logger.getLogger(VocabularyDirectory.class);

    private static final List<VocabularyLoader> LOADERS = List.of(new CoreVocabulary(), new CtdDiseases(),
            new MeshDescriptors(), new MeshMappings(), new GeneInfo(), new OboOntologies(), new Mirnas(),
            new NcbiTaxonomy(), new UniprotSpecies());

    private VocabularyDirectory() {
    }

    /** Loads the bundled core, then every recognised file under {@code dir}; returns a report per source. */
    public static List<LoadReport.Source> load(Path dir, VocabularyBuilder into) {
        List<LoadReport.Source> out = new ArrayList<>();
        long t0 = System.nanoTime();
        int c0 = into.conceptCount();
        int n0 = into.termCount();
        new CoreVocabulary().loadBundled(into);
        out.add(new LoadReport.Source(CoreVocabulary.RESOURCE, "EVwatch core vocabulary", into.conceptCount() - c0,
                into.termCount() - n0, (System.nanoTime() - t0) / 1_000_000, null));
        if (dir == null) {
            return out;
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list vocabulary directory " + dir, e);
        }
        for (VocabularyLoader loader : LOADERS) {
            for (Path f : files) {
                if (!loader.accepts(f)) {
                    continue;
                }
                long t = System.nanoTime();
                int c = into.conceptCount();
                int n = into.termCount();
                String error = null;
                try {
                    loader.load(f, into);
                } catch (IOException | VocabularyFormatException e) {
                    // One damaged download must not stop the extractor: the file is reported and skipped; names
                    // read before the damage are kept.
                    error = e.getMessage();
                    LOG.warnf("skipping vocabulary file %s: %s", f, error);
                }
                LoadReport.Source src = new LoadReport.Source(f.toString(), loader.name(), into.conceptCount() - c,
                        into.termCount() - n, (System.nanoTime() - t) / 1_000_000, error);
                LOG.debugf("loaded %s: %d concepts, %d names", f, src.conceptsAdded(), src.termsAdded());
                out.add(src);
            }
        }
        return out;
    }
}
