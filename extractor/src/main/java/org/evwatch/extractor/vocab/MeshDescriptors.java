package org.evwatch.extractor.vocab;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.evwatch.events.EntityType;

/**
 * MeSH descriptors as a TSV of descriptor UI, preferred name and entry terms joined by "|" (the layout of the
 * common MeSH id/label exports). MeSH itself does not say whether a descriptor is a disease or a chemical; the tree
 * numbers do, so a tree-number TSV (descriptor UI, name, tree number) in the same folder is read first. Without one,
 * only descriptors already declared by another vocabulary (CTD, the core) gain their entry terms.
 */
public final class MeshDescriptors implements VocabularyLoader {

    @Override
    public String name() {
        return "MeSH descriptors";
    }

    @Override
    public boolean accepts(Path file) {
        String n = TextFiles.baseName(file);
        return n.contains("mesh") && n.endsWith(".tsv") && (n.contains("desc") || n.contains("entry"));
    }

    @Override
    public void load(Path file, VocabularyBuilder into) throws IOException {
        Map<String, EntityType> types = treeTypes(file.getParent());
        try (BufferedReader r = TextFiles.open(file)) {
            String line;
            long n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = TextFiles.split(line, '\t');
                if (f.length < 2 || !f[0].matches("[DC]\\d{6,9}")) {
                    throw new VocabularyFormatException(file, n, "expected a MeSH descriptor UI and a name");
                }
                String id = "MESH:" + f[0];
                EntityType type = into.knows(id) ? into.typeOf(id) : types.get(f[0]);
                if (type == null) {
                    continue;
                }
                into.concept(type, id, f[1]);
                MeshNames.addName(into, id, f[1], TermKind.PREFERRED);
                if (f.length > 2 && !f[2].isEmpty()) {
                    for (String t : f[2].split("\\|")) {
                        MeshNames.addName(into, id, t, TermKind.SYNONYM);
                    }
                }
            }
        }
    }

    /** Descriptor UI to entity type from the tree numbers: C and F03 are diseases, most of D is chemicals. */
    static Map<String, EntityType> treeTypes(Path dir) throws IOException {
        Map<String, EntityType> types = new HashMap<>();
        if (dir == null) {
            return types;
        }
        Path trees;
        try (Stream<Path> s = Files.list(dir)) {
            trees = s.filter(p -> {
                String n = TextFiles.baseName(p);
                return n.contains("mesh") && n.contains("tree") && n.endsWith(".tsv");
            }).sorted().findFirst().orElse(null);
        }
        if (trees == null) {
            return types;
        }
        try (BufferedReader r = TextFiles.open(trees)) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = TextFiles.split(line, '\t');
                if (f.length < 3) {
                    continue;
                }
                EntityType t = MeshNames.typeOfTree(f[2]);
                if (t != null) {
                    types.putIfAbsent(f[0], t);
                }
            }
        }
        return types;
    }
}
