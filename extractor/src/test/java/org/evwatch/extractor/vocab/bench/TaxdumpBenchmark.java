package org.evwatch.extractor.vocab.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

import org.evwatch.extractor.ner.EntityRecognizer;
import org.evwatch.extractor.vocab.NcbiTaxonomy;
import org.evwatch.extractor.vocab.VocabularyBuilder;

/**
 * Load time and heap of a taxdump the size of NCBI's, on generated data (no real dump is on the build machine).
 * Writes {@code nodes.dmp} and {@code names.dmp} with the real layout and roughly the real shape: a few thousand
 * higher taxa, one genus per twenty taxa, mostly species, some strains and "no rank" nodes, a fifth of species
 * with informal "Genus sp. XY123" names and some "uncultured" placeholders; per taxon a scientific name, and in
 * real-like proportions authorities, synonyms, type material, common names (some shared) and acronyms (about 1.6
 * lines per taxon, as in the real names.dmp). Then measures the loader alone into a builder, and the whole
 * extractor start ({@link EntityRecognizer#load}: core, taxdump, dictionary compile).
 *
 * <pre>MAVEN_OPTS=-Xmx8g ./mvnw -q -o -pl extractor test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.evwatch.extractor.vocab.bench.TaxdumpBenchmark \
 *   -Dexec.args="taxa=2600000 dir=/tmp/evtaxdump"</pre>
 */
public final class TaxdumpBenchmark {

    private static final String[] SYLLABLES = {"ba", "ce", "di", "fo", "gu", "ha", "ki", "lo", "ma", "ne", "pi",
            "ro", "sa", "te", "vi", "xo", "zu", "cla", "stre", "pho", "tri", "chy", "bro", "gly", "spo", "my", "the"};
    private static final String[] GENUS_ENDINGS = {"us", "a", "ella", "bacter", "myces", "coccus", "ia", "opsis"};
    private static final String[] EPITHET_ENDINGS = {"us", "a", "um", "is", "ensis", "ii", "ae", "oides"};

    private TaxdumpBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int taxa = 2_600_000;
        Path dir = Path.of("/tmp/evtaxdump");
        for (String a : args) {
            if (a.startsWith("taxa=")) {
                taxa = Integer.parseInt(a.substring(5));
            } else if (a.startsWith("dir=")) {
                dir = Path.of(a.substring(4));
            }
        }
        Files.createDirectories(dir);
        long t = System.nanoTime();
        long[] lines = generate(taxa, dir);
        System.out.printf(Locale.ROOT,
                "generated %,d taxa: nodes.dmp %,d lines, names.dmp %,d lines (%.1f MB) in %.1f s%n",
                taxa, lines[0], lines[1], Files.size(dir.resolve("names.dmp")) / 1e6, seconds(t));

        for (int round = 1; round <= 2; round++) {
            long heap0 = usedHeap();
            t = System.nanoTime();
            VocabularyBuilder b = new VocabularyBuilder();
            new NcbiTaxonomy().load(dir.resolve("names.dmp"), b);
            double loadSeconds = seconds(t);
            long heap = usedHeap() - heap0;
            System.out.printf(Locale.ROOT,
                    "round %d, loader alone: %,d concepts, %,d names in %.1f s; builder holds %,d MB%n", round,
                    b.conceptCount(), b.termCount(), loadSeconds, heap >> 20);
            b = null;
        }
        long heap0 = usedHeap();
        t = System.nanoTime();
        EntityRecognizer r = EntityRecognizer.load(Optional.of(dir));
        double total = seconds(t);
        long heap = usedHeap() - heap0;
        System.out.printf(Locale.ROOT,
                "extractor start (core + taxdump + dictionary): %.1f s; recognizer holds %,d MB%n",
                total, heap >> 20);
        System.out.println(r.report().summary());
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /** Writes the dump; returns the line counts of nodes.dmp and names.dmp. Same taxa count, same files. */
    static long[] generate(int taxa, Path dir) throws IOException {
        SplittableRandom rnd = new SplittableRandom(20261123L);
        long nodeLines = 0;
        long nameLines = 0;
        try (BufferedWriter nodes = Files.newBufferedWriter(dir.resolve("nodes.dmp"), StandardCharsets.UTF_8);
                BufferedWriter names = Files.newBufferedWriter(dir.resolve("names.dmp"), StandardCharsets.UTF_8)) {
            // Ids are spread over 1..~1.35 x taxa, as NCBI's 2.6M taxa spread over ids up to ~3.5M.
            int higher = Math.max(50, taxa / 600);
            int genera = taxa / 20;
            int[] higherIds = new int[higher];
            int[] genusIds = new int[genera];
            String[] genusNames = new String[genera];
            int[] speciesIds = new int[taxa];
            String[] speciesNames = new String[taxa];
            int species = 0;
            int next = 100;
            node(nodes, 1, 1, "no rank");
            name(names, 1, "root", "scientific name");
            nodeLines++;
            nameLines++;
            String[] ranks = {"phylum", "class", "order", "family", "subfamily", "tribe", "clade", "no rank"};
            for (int i = 0; i < higher; i++) {
                int id = next;
                next += 1 + rnd.nextInt(2);
                int parent = i < 5 ? 1 : higherIds[rnd.nextInt(Math.max(1, i / 2))];
                higherIds[i] = id;
                node(nodes, id, parent, i < 5 ? "superkingdom" : ranks[Math.min(ranks.length - 1, i * 6 / higher)]);
                name(names, id, capital(word(rnd, 3)) + "ales" + i, "scientific name");
                nodeLines++;
                nameLines++;
                if (rnd.nextInt(4) == 0) {
                    name(names, id, word(rnd, 2) + "s", "blast name");
                    nameLines++;
                }
            }
            int written = 1 + higher;
            for (int g = 0; g < genera; g++) {
                int id = next;
                next += 1 + rnd.nextInt(2);
                genusIds[g] = id;
                genusNames[g] = capital(word(rnd, 2 + rnd.nextInt(2)))
                        + GENUS_ENDINGS[rnd.nextInt(GENUS_ENDINGS.length)];
                node(nodes, id, higherIds[higher / 2 + rnd.nextInt(higher - higher / 2)], "genus");
                name(names, id, genusNames[g], "scientific name");
                name(names, id, genusNames[g] + " Author, " + (1800 + rnd.nextInt(220)), "authority");
                nodeLines++;
                nameLines += 2;
            }
            written += genera;
            while (written < taxa) {
                int id = next;
                next += 1 + rnd.nextInt(2);
                written++;
                int kind = rnd.nextInt(100);
                if (kind < 82 || species == 0) {
                    int g = rnd.nextInt(genera);
                    String epithet = word(rnd, 2 + rnd.nextInt(2))
                            + EPITHET_ENDINGS[rnd.nextInt(EPITHET_ENDINGS.length)];
                    int sort = rnd.nextInt(100);
                    String sci = sort < 20
                            ? genusNames[g] + " sp. " + word(rnd, 1).toUpperCase(Locale.ROOT) + id
                            : sort < 23 ? "uncultured " + genusNames[g] + " sp." : genusNames[g] + " " + epithet;
                    node(nodes, id, genusIds[g], "species");
                    name(names, id, sci, "scientific name");
                    nodeLines++;
                    nameLines++;
                    speciesIds[species] = id;
                    speciesNames[species++] = sci;
                    if (sort >= 23) {
                        nameLines += extraNames(names, rnd, id, sci);
                    }
                } else {
                    int s = rnd.nextInt(species);
                    boolean strain = kind < 95;
                    String sci = speciesNames[s] + (strain ? " str. " : " subsp. ") + word(rnd, 2)
                            + (strain ? rnd.nextInt(10_000) : "");
                    node(nodes, id, speciesIds[s], strain ? (kind < 90 ? "strain" : "no rank") : "subspecies");
                    name(names, id, sci, "scientific name");
                    nodeLines++;
                    nameLines++;
                    if (rnd.nextInt(10) == 0) {
                        name(names, id, "ATCC " + (10_000 + rnd.nextInt(90_000)), "type material");
                        nameLines++;
                    }
                }
            }
        }
        return new long[]{nodeLines, nameLines};
    }

    private static int extraNames(BufferedWriter names, SplittableRandom rnd, int id, String sci) throws IOException {
        int n = 0;
        if (rnd.nextInt(10) < 3) {
            name(names, id, sci + " (Author, " + (1800 + rnd.nextInt(220)) + ")", "authority");
            n++;
        }
        if (rnd.nextInt(100) < 12) {
            name(names, id, capital(word(rnd, 3)) + "us " + word(rnd, 3) + "a", "synonym");
            n++;
        }
        if (rnd.nextInt(100) < 10) {
            name(names, id, "DSM " + (1000 + rnd.nextInt(50_000)), "type material");
            n++;
        }
        if (rnd.nextInt(100) < 3) {
            // a pool of 2,000 common names makes some shared, as "hamster" or "wheat" are
            String common = rnd.nextInt(3) == 0
                    ? "common " + word(new SplittableRandom(rnd.nextInt(2000)), 2)
                    : word(rnd, 2) + " " + word(rnd, 2);
            name(names, id, common, rnd.nextBoolean() ? "genbank common name" : "common name");
            n++;
        }
        if (rnd.nextInt(1000) < 3) {
            name(names, id, word(rnd, 2).toUpperCase(Locale.ROOT) + "V", "acronym");
            n++;
        }
        if (rnd.nextInt(100) < 4) {
            name(names, id, sci.replace('a', 'e'), "equivalent name");
            n++;
        }
        return n;
    }

    private static String word(SplittableRandom rnd, int syllables) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            sb.append(SYLLABLES[rnd.nextInt(SYLLABLES.length)]);
        }
        return sb.toString();
    }

    private static String capital(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private static void node(BufferedWriter w, int id, int parent, String rank) throws IOException {
        w.write(id + "\t|\t" + parent + "\t|\t" + rank
                + "\t|\t\t|\t0\t|\t1\t|\t11\t|\t1\t|\t0\t|\t1\t|\t0\t|\t0\t|\t\t|\n");
    }

    private static void name(BufferedWriter w, int id, String text, String nameClass) throws IOException {
        w.write(id + "\t|\t" + text + "\t|\t\t|\t" + nameClass + "\t|\n");
    }
}
