package org.evwatch.extractor.vocab;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.evwatch.events.EntityType;

/**
 * The NCBI Taxonomy dump ({@code names.dmp} with {@code nodes.dmp} beside it, either gzipped): every name NCBI
 * gives a taxon at genus rank or below, as {@code NCBITaxon:<id>} species concepts. Higher taxa ("Mammalia",
 * "Bacteria") are left out, since a paper's "mammals" or "bacteria" is not a species mention; so are placeholder
 * taxa ("uncultured bacterium", "Bacillus sp.") that no paper names.
 *
 * <p>
 * Cost: nodes.dmp is read into three arrays indexed by tax id (parent, rank class, memoised verdict: 6 bytes per id
 * up to the highest id rounded up to a power of two, about 25 MB for the ~3.5M ids of a 2025 dump), dropped after
 * the load. names.dmp is streamed one taxon at a time; only common names and acronyms are held until the end (tens
 * of thousands), because whether one names a single taxon is known only once every taxon has been read. What
 * remains is what the builder keeps, a concept per kept taxon and a term per name: for a dump of NCBI's size about
 * 2.5M concepts and 4.6M names, 1.1 GB in the builder and 1.3 GB once compiled (docs/benchmarks.md).
 */
public final class NcbiTaxonomy implements VocabularyLoader {

    static final String NAMES = "names.dmp";
    static final String NODES = "nodes.dmp";
    private static final String SEP = "\t|\t";
    private static final String END = "\t|";
    /** A single capitalised Latin word: a genus or a uninomial synonym. */
    private static final Pattern UNINOMIAL = Pattern.compile("^[A-Z][a-z-]+$");

    /**
     * Ranks at genus level or below it: a taxon of one of these ranks is a species concept. Any other rank ("no
     * rank", "clade", a higher rank, or one NCBI adds later) is decided by the taxon's nearest ancestor of one of
     * these ranks: a higher taxon has none and is left out.
     */
    private static final Set<String> LOW_RANKS = Set.of("genus", "subgenus", "section", "subsection", "series",
            "subseries", "species group", "species subgroup", "species", "subspecies", "varietas", "subvariety",
            "forma", "forma specialis", "strain", "substrain", "serotype", "serogroup", "biotype", "genotype",
            "morph", "pathogroup", "isolate");
    /** Placeholder names: NCBI's bookkeeping for unnamed or unplaced material, never written in a paper. */
    private static final List<String> PLACEHOLDER_PREFIXES = List.of("uncultured", "unidentified",
            "environmental sample", "unclassified");

    @Override
    public String name() {
        return "NCBI Taxonomy (taxdump)";
    }

    @Override
    public boolean accepts(Path file) {
        return TextFiles.baseName(file).equals(NAMES);
    }

    @Override
    public void load(Path file, VocabularyBuilder into) throws IOException {
        Tree tree = Tree.read(nodesBeside(file));
        // Common names and acronyms, keyed by how they are matched (common names ignoring case, acronyms exactly),
        // in order of first appearance so that the result does not depend on hashing.
        Map<String, List<Shared>> shared = new LinkedHashMap<>();
        BitSet seen = new BitSet();
        try (BufferedReader r = TextFiles.open(file)) {
            String line;
            long n = 0;
            int current = -1;
            List<String[]> names = new ArrayList<>();
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = fields(line, 4);
                if (f == null) {
                    throw new VocabularyFormatException(file, n, "expected tax_id, name, unique name and name class "
                            + "separated by tab-pipe-tab, ending in tab-pipe");
                }
                int id = taxId(f[0], file, n);
                if (id != current) {
                    taxon(current, names, tree, into, shared);
                    names.clear();
                    if (seen.get(id)) {
                        throw new VocabularyFormatException(file, n,
                                "the names of taxon " + id + " are not on adjacent lines");
                    }
                    seen.set(id);
                    current = id;
                }
                if (tree.kept(id)) {
                    names.add(new String[]{f[1].strip(), f[3].strip()});
                }
            }
            taxon(current, names, tree, into, shared);
            if (n == 0) {
                throw new VocabularyFormatException(file, 0, "no names");
            }
        }
        for (List<Shared> holders : shared.values()) {
            int owner = owner(holders, tree);
            if (owner < 0) {
                continue;
            }
            for (Shared s : holders) {
                if (s.taxon() == owner) {
                    if (s.acronym()) {
                        // "MMTV" in a sequence or a gene name written in lower case is not the virus.
                        into.name(id(owner), s.text(), TermKind.SYNONYM, true);
                    } else {
                        into.name(id(owner), s.text(), TermKind.SYNONYM);
                    }
                }
            }
        }
    }

    /** A name several taxa share: one holder that is an ancestor of the others, or few enough holders. */
    private static int owner(List<Shared> holders, Tree tree) {
        int[] taxa = holders.stream().mapToInt(Shared::taxon).distinct().sorted().toArray();
        if (taxa.length == 1) {
            return taxa[0];
        }
        // A species and its strains share "MMTV": the species is what the name means.
        for (int candidate : taxa) {
            boolean ancestorOfAll = true;
            for (int other : taxa) {
                if (other != candidate && !tree.isAncestor(candidate, other)) {
                    ancestorOfAll = false;
                    break;
                }
            }
            if (ancestorOfAll) {
                return candidate;
            }
        }
        // Unrelated taxa: two still get the lower, usually long-established id; more say no species at all.
        return taxa.length <= UniprotSpecies.MAX_TAXA_PER_COMMON_NAME ? taxa[0] : -1;
    }

    private static void taxon(int taxon, List<String[]> names, Tree tree, VocabularyBuilder into,
            Map<String, List<Shared>> shared) {
        String scientific = null;
        for (String[] name : names) {
            if ("scientific name".equals(name[1])) {
                scientific = name[0];
                break;
            }
        }
        if (scientific == null || scientific.isEmpty() || isPlaceholder(scientific)) {
            return;
        }
        String id = id(taxon);
        into.concept(EntityType.SPECIES, id, scientific);
        for (String[] name : names) {
            String text = name[0];
            // Strain and isolate qualifiers ("(strain BR6)") never appear verbatim in prose.
            if (text.isEmpty() || text.indexOf('(') >= 0 || isPlaceholder(text)) {
                continue;
            }
            switch (name[1]) {
                case "scientific name" -> latin(id, text, TermKind.PREFERRED, into);
                case "synonym", "equivalent name", "genbank synonym" -> latin(id, text, TermKind.SYNONYM, into);
                case "common name", "genbank common name" -> shared
                        .computeIfAbsent("c:" + text.toLowerCase(Locale.ROOT), k -> new ArrayList<>(1))
                        .add(new Shared(taxon, text, false));
                case "acronym", "genbank acronym" -> shared.computeIfAbsent("a:" + text, k -> new ArrayList<>(1))
                        .add(new Shared(taxon, text, true));
                default -> {
                    // authority, type material, includes, in-part, blast name: citations, collection numbers or
                    // names of other groups, not names of this taxon.
                }
            }
        }
    }

    /**
     * A Latin name. A single word (a genus: "Pan", "Lens", "Glycine") is matched with its capital only, since the
     * same word in lower case is an ordinary word or a chemical; binomials also get their abbreviated form.
     */
    private static void latin(String id, String text, TermKind kind, VocabularyBuilder into) {
        into.name(id, text, kind, UNINOMIAL.matcher(text).matches() || Term.looksLikeAcronym(text));
        UniprotSpecies.abbreviate(id, text, into);
    }

    static boolean isPlaceholder(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        // A genus name shared across kingdoms is told apart in brackets: "Bacillus sp. (in: Bacteria)".
        int qualifier = lower.lastIndexOf(" (in: ");
        if (qualifier > 0 && lower.endsWith(")")) {
            lower = lower.substring(0, qualifier);
        }
        for (String prefix : PLACEHOLDER_PREFIXES) {
            if (lower.startsWith(prefix)) {
                return true;
            }
        }
        return lower.endsWith(" sp.");
    }

    private static String id(int taxon) {
        return "NCBITaxon:" + taxon;
    }

    private static Path nodesBeside(Path names) {
        Path dir = names.toAbsolutePath().getParent();
        for (String candidate : List.of(NODES, NODES + ".gz")) {
            Path p = dir.resolve(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new VocabularyFormatException(names, 0, "nodes.dmp (or nodes.dmp.gz) is needed beside names.dmp: "
                + "its ranks decide which taxa are species");
    }

    /**
     * The first {@code count} fields of a dump line ("a\t|\tb\t|\tc\t|"), or null when the line is not in that
     * layout. Further fields are ignored.
     */
    static String[] fields(String line, int count) {
        if (!line.endsWith(END)) {
            return null;
        }
        String body = line.substring(0, line.length() - END.length());
        String[] out = new String[count];
        int from = 0;
        for (int i = 0; i < count; i++) {
            int to = body.indexOf(SEP, from);
            if (to < 0) {
                if (i < count - 1) {
                    return null;
                }
                to = body.length();
            }
            out[i] = body.substring(from, to);
            from = to + SEP.length();
        }
        return out;
    }

    private static int taxId(String field, Path file, long line) {
        try {
            int id = Integer.parseInt(field.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new VocabularyFormatException(file, line, "'" + field + "' is not a tax id");
    }

    private record Shared(int taxon, String text, boolean acronym) {
    }

    /** The taxonomy's shape from nodes.dmp, in arrays indexed by tax id. */
    static final class Tree {

        private static final byte OTHER = 0;
        private static final byte LOW = 1;
        private static final byte KEEP = 1;
        private static final byte DROP = 2;
        /** Far deeper than any real lineage (about 50): a longer chain is a loop in a damaged file. */
        private static final int MAX_DEPTH = 1_000;

        private int[] parent = new int[1 << 16];
        private byte[] rank = new byte[1 << 16];
        private byte[] verdict;
        private final Path file;

        private Tree(Path file) {
            this.file = file;
        }

        static Tree read(Path nodes) throws IOException {
            Tree t = new Tree(nodes);
            try (BufferedReader r = TextFiles.open(nodes)) {
                String line;
                long n = 0;
                while ((line = r.readLine()) != null) {
                    n++;
                    if (line.isEmpty()) {
                        continue;
                    }
                    String[] f = fields(line, 3);
                    if (f == null) {
                        throw new VocabularyFormatException(nodes, n, "expected tax_id, parent tax_id and rank "
                                + "separated by tab-pipe-tab, ending in tab-pipe");
                    }
                    t.add(taxId(f[0], nodes, n), taxId(f[1], nodes, n), f[2].strip());
                }
                if (n == 0) {
                    throw new VocabularyFormatException(nodes, 0, "no nodes");
                }
            }
            t.verdict = new byte[t.parent.length];
            return t;
        }

        private void add(int id, int parentId, String rankName) {
            if (id >= parent.length) {
                int size = Math.max(id + 1, parent.length * 2);
                parent = Arrays.copyOf(parent, size);
                rank = Arrays.copyOf(rank, size);
            }
            parent[id] = parentId;
            rank[id] = LOW_RANKS.contains(rankName) ? LOW : OTHER;
        }

        private boolean known(int id) {
            return id > 0 && id < parent.length && parent[id] != 0;
        }

        /**
         * Whether a taxon is at genus level or below: its own rank says so, or one of its ancestors has such a rank
         * (a "no rank" strain under a species, a "clade" inside a genus). Verdicts are remembered along the way, so
         * the whole tree costs one walk per taxon up to the first taxon already judged.
         */
        boolean kept(int id) {
            if (!known(id)) {
                return false;
            }
            int t = id;
            byte v;
            for (int depth = 0;; depth++) {
                if (verdict[t] != 0) {
                    v = verdict[t];
                    break;
                }
                if (rank[t] == LOW) {
                    v = KEEP;
                    break;
                }
                int p = parent[t];
                if (p == t || !known(p)) {
                    v = DROP; // the root, or a lineage that stops: no genus above
                    break;
                }
                if (depth > MAX_DEPTH) {
                    throw new VocabularyFormatException(file, 0, "the ancestors of taxon " + id + " form a loop");
                }
                t = p;
            }
            for (int u = id; u != t; u = parent[u]) {
                verdict[u] = v;
            }
            verdict[t] = v;
            return v == KEEP;
        }

        /** Whether {@code ancestor} is a strict ancestor of {@code id}. */
        boolean isAncestor(int ancestor, int id) {
            int t = id;
            for (int depth = 0; depth <= MAX_DEPTH && known(t); depth++) {
                int p = parent[t];
                if (p == t) {
                    return false;
                }
                if (p == ancestor) {
                    return true;
                }
                t = p;
            }
            return false;
        }
    }
}
