package org.evwatch.extractor.vocab;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;

import org.evwatch.events.EntityType;

/**
 * NCBI {@code gene_info} (optionally gzip). Human genes only: papers in this field are overwhelmingly about human
 * genes, and loading every organism's aliases would multiply ambiguity. The HGNC symbol is the name; symbols and
 * aliases are matched case-sensitively; non-coding RNA genes are reported as {@link EntityType#NCRNA}.
 */
public final class GeneInfo implements VocabularyLoader {

    static final String HUMAN = "9606";

    @Override
    public String name() {
        return "NCBI gene_info (human)";
    }

    @Override
    public boolean accepts(Path file) {
        return TextFiles.baseName(file).endsWith("gene_info");
    }

    @Override
    public void load(Path file, VocabularyBuilder into) throws IOException {
        try (BufferedReader r = TextFiles.open(file)) {
            String line;
            long n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = TextFiles.split(line, '\t');
                if (f.length < 12 || !f[1].chars().allMatch(Character::isDigit)) {
                    throw new VocabularyFormatException(file, n, "expected the 16 tab-separated gene_info columns");
                }
                if (!HUMAN.equals(f[0]) || "unknown".equals(f[9]) || "biological-region".equals(f[9])) {
                    continue;
                }
                String id = "NCBIGene:" + f[1];
                String symbol = "-".equals(f[10]) ? f[2] : f[10];
                EntityType type = f[9].startsWith("ncRNA") || f[9].equals("snoRNA") || f[9].equals("rRNA")
                        ? EntityType.NCRNA
                        : EntityType.GENE;
                if (into.knows(id) && into.typeOf(id) != type) {
                    continue;
                }
                into.concept(type, id, symbol);
                into.name(id, f[2], TermKind.GENE_SYMBOL);
                if (!"-".equals(f[4])) {
                    for (String alias : f[4].split("\\|")) {
                        into.name(id, alias, TermKind.GENE_ALIAS);
                    }
                }
                if (!"-".equals(f[11])) {
                    into.name(id, f[11], TermKind.SYNONYM, false);
                }
                for (String x : f[5].split("\\|")) {
                    if (x.startsWith("HGNC:")) {
                        into.xref(id, x.substring(5));
                    }
                }
            }
        }
    }
}
