package org.evwatch.extractor.vocab;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.evwatch.events.EntityType;

/**
 * UniProt's controlled vocabulary of species ({@code speclist.txt}): NCBI Taxonomy ids with scientific (N=), common
 * (C=) and synonym (S=) names. Binomials also get their abbreviated form ("E. coli"), the way papers repeat them.
 */
public final class UniprotSpecies implements VocabularyLoader {

    private static final Pattern ENTRY = Pattern.compile("^([A-Z0-9]{1,5})\\s+[ABEVO]\\s+(\\d+): N=(.+)$");
    private static final Pattern MORE = Pattern.compile("^\\s{10,}([CS])=(.+)$");
    private static final Pattern BINOMIAL = Pattern.compile("^([A-Z])[a-z]+ ([a-z][a-z-]+)$");

    @Override
    public String name() {
        return "UniProt species list";
    }

    /** Chosen on the LINNAEUS train split: 1 and 4 both scored lower. */
    static final int MAX_TAXA_PER_COMMON_NAME = 2;

    @Override
    public boolean accepts(Path file) {
        return TextFiles.baseName(file).contains("speclist");
    }

    @Override
    public void load(Path file, VocabularyBuilder into) throws IOException {
        // Read everything first, then declare taxa in ascending id order: when several taxa share a common name
        // ("hamster", "wheat") the one declared first wins, and the lower id is usually the long-established
        // species rather than a strain or subspecies added later.
        TreeMap<Integer, List<String[]>> taxa = new TreeMap<>();
        try (BufferedReader r = TextFiles.open(file)) {
            String line;
            List<String[]> current = null;
            while ((line = r.readLine()) != null) {
                Matcher m = ENTRY.matcher(line);
                if (m.matches()) {
                    // Virtual codes (9PRIM, 9FUNG...) group higher taxa; papers' "primates" or "fungi" are not
                    // species mentions, so they are left out.
                    if (m.group(1).startsWith("9")) {
                        current = null;
                        continue;
                    }
                    current = taxa.computeIfAbsent(Integer.parseInt(m.group(2)), k -> new ArrayList<>());
                    current.add(new String[]{"N", m.group(3).strip()});
                    continue;
                }
                Matcher more = MORE.matcher(line);
                if (more.matches() && current != null) {
                    current.add(new String[]{more.group(1), more.group(2).strip()});
                } else if (!line.startsWith(" ") || line.isBlank()) {
                    current = null;
                }
            }
        }
        if (taxa.isEmpty()) {
            throw new VocabularyFormatException(file, 0, "no 'CODE K TAXID: N=name' entries found");
        }
        // A common name shared by many taxa ("Fly" names eight) says no species: whichever one it were given to would
        // mostly be wrong, so such names are left out; two taxa sharing one still get the lower id (see above).
        Map<String, Integer> sharing = new java.util.HashMap<>();
        for (List<String[]> names : taxa.values()) {
            names.stream().filter(n -> "C".equals(n[0])).map(n -> n[1].toLowerCase(java.util.Locale.ROOT)).distinct()
                    .forEach(n -> sharing.merge(n, 1, Integer::sum));
        }
        for (Map.Entry<Integer, List<String[]>> e : taxa.entrySet()) {
            String id = "NCBITaxon:" + e.getKey();
            for (String[] name : e.getValue()) {
                if ("N".equals(name[0])) {
                    into.concept(EntityType.SPECIES, id, name[1]);
                    addName(id, name[1], TermKind.PREFERRED, into);
                    abbreviate(id, name[1], into);
                } else if ("C".equals(name[0])
                        && sharing.getOrDefault(name[1].toLowerCase(java.util.Locale.ROOT),
                                0) > MAX_TAXA_PER_COMMON_NAME) {
                    continue;
                } else if (into.knows(id)) {
                    addName(id, name[1], TermKind.SYNONYM, into);
                    if ("S".equals(name[0])) {
                        // Papers still abbreviate superseded binomials: "S. faecalis" for Streptococcus faecalis.
                        abbreviate(id, name[1], into);
                    }
                }
            }
        }
    }

    /** Adds a binomial's abbreviated form ("E. coli"), the way papers repeat it; other names get none. */
    static void abbreviate(String id, String binomial, VocabularyBuilder into) {
        Matcher b = BINOMIAL.matcher(binomial);
        if (b.matches()) {
            into.name(id, b.group(1) + ". " + b.group(2), TermKind.DERIVED, true);
        }
    }

    private static void addName(String id, String name, TermKind kind, VocabularyBuilder into) {
        // Strain and isolate qualifiers ("(strain K12)") never appear verbatim in prose.
        if (name.indexOf('(') < 0) {
            into.name(id, name, kind);
        }
    }
}
