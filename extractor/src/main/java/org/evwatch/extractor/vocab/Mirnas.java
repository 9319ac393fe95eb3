package org.evwatch.extractor.vocab;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.evwatch.events.EntityType;

/**
 * miRBase: mature miRNAs come from the OBO export (see {@link OboOntologies}); precursors ("hsa-mir-21", MI ids)
 * from the TSV export with columns identifier, name, definition, synonyms, alts, parents, species.
 */
public final class Mirnas implements VocabularyLoader {

    private static final String HUMAN_PREFIX = "hsa-";

    @Override
    public String name() {
        return "miRBase precursors";
    }

    @Override
    public boolean accepts(Path file) {
        String n = TextFiles.baseName(file);
        return n.startsWith("mirbase") && n.endsWith(".tsv") && !n.contains("synonym") && !n.contains("xref");
    }

    @Override
    public void load(Path file, VocabularyBuilder into) throws IOException {
        try (BufferedReader r = TextFiles.open(file)) {
            String header = r.readLine();
            if (header == null || !header.startsWith("identifier\tname")) {
                throw new VocabularyFormatException(file, 1, "expected a header 'identifier<TAB>name...'");
            }
            String line;
            long n = 1;
            while ((line = r.readLine()) != null) {
                n++;
                String[] f = TextFiles.split(line, '\t');
                if (f.length < 2 || !f[0].startsWith("MI")) {
                    throw new VocabularyFormatException(file, n, "expected a miRBase MI accession");
                }
                String id = f[0];
                into.concept(EntityType.MIRNA, id, f[1]);
                addWithShortForm(id, f[1], TermKind.SYNONYM, into);
            }
        }
    }

    /** A mature miRNA: its current name and older names, plus the species-less forms for human ones. */
    static void mature(String id, String name, List<String> synonyms, VocabularyBuilder into) {
        into.concept(EntityType.MIRNA, id, name);
        addWithShortForm(id, name, TermKind.PREFERRED, into);
        for (String s : synonyms) {
            addWithShortForm(id, s, TermKind.SYNONYM, into);
        }
    }

    private static void addWithShortForm(String id, String name, TermKind kind, VocabularyBuilder into) {
        // miRNA names are case-significant: "miR-21" is the mature form, "mir-21" the precursor.
        into.name(id, name, kind, true);
        if (name.startsWith(HUMAN_PREFIX)) {
            into.name(id, name.substring(HUMAN_PREFIX.length()), TermKind.SYNONYM, true);
        }
    }
}
