package org.evwatch.extractor.vocab;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.evwatch.events.EntityType;

/**
 * UniProt's controlled vocabulary of species ({@code speclist.txt}): NCBI Taxonomy ids with scientific (N=), common
 * (C=) and synonym (S=) names. Binomials also get their abbreviated form ("E. coli"), the way papers repeat them.
 */
public final class UniprotSpecies implements VocabularyLoader {

    private static final Pattern ENTRY = Pattern.compile("^[A-Z0-9]{1,5}\\s+[ABEVO]\\s+(\\d+): N=(.+)$");
    private static final Pattern MORE = Pattern.compile("^\\s{10,}([CS])=(.+)$");
    private static final Pattern BINOMIAL = Pattern.compile("^([A-Z])[a-z]+ ([a-z][a-z-]+)$");

    @Override
    public String name() {
        return "UniProt species list";
    }

    @Override
    public boolean accepts(Path file) {
        return TextFiles.baseName(file).contains("speclist");
    }

    @Override
    public void load(Path file, VocabularyBuilder into) throws IOException {
        try (BufferedReader r = TextFiles.open(file)) {
            String line;
            String current = null;
            int entries = 0;
            while ((line = r.readLine()) != null) {
                Matcher m = ENTRY.matcher(line);
                if (m.matches()) {
                    current = "NCBITaxon:" + m.group(1);
                    String name = m.group(2).strip();
                    into.concept(EntityType.SPECIES, current, name);
                    addName(current, name, TermKind.PREFERRED, into);
                    Matcher b = BINOMIAL.matcher(name);
                    if (b.matches()) {
                        into.name(current, b.group(1) + ". " + b.group(2), TermKind.DERIVED, true);
                    }
                    entries++;
                    continue;
                }
                Matcher more = MORE.matcher(line);
                if (more.matches() && current != null) {
                    addName(current, more.group(2).strip(), TermKind.SYNONYM, into);
                } else if (!line.startsWith(" ") || line.isBlank()) {
                    current = null;
                }
            }
            if (entries == 0) {
                throw new VocabularyFormatException(file, 0, "no 'CODE K TAXID: N=name' entries found");
            }
        }
    }

    private static void addName(String id, String name, TermKind kind, VocabularyBuilder into) {
        // Strain and isolate qualifiers ("(strain K12)") never appear verbatim in prose.
        if (name.indexOf('(') < 0) {
            into.name(id, name, kind);
        }
    }
}
