package org.evwatch.extractor.vocab;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;

import org.evwatch.events.EntityType;

/**
 * CTD's MEDIC disease vocabulary ({@code CTD_diseases.tsv}, optionally gzip): MeSH and OMIM diseases with synonyms
 * and Disease Ontology cross-references. It is the vocabulary BC5CDR and NCBI-disease were normalised to.
 */
public final class CtdDiseases implements VocabularyLoader {

    @Override
    public String name() {
        return "CTD diseases";
    }

    @Override
    public boolean accepts(Path file) {
        String n = TextFiles.baseName(file);
        return n.startsWith("ctd_diseases") && (n.endsWith(".tsv") || n.endsWith(".csv"));
    }

    @Override
    public void load(Path file, VocabularyBuilder into) throws IOException {
        try (BufferedReader r = TextFiles.open(file)) {
            String line;
            long n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = TextFiles.split(line, '\t');
                if (f.length < 8 || !(f[1].startsWith("MESH:") || f[1].startsWith("OMIM:"))) {
                    throw new VocabularyFormatException(file, n,
                            "expected DiseaseName, DiseaseID (MESH:/OMIM:), ... Synonyms in 9 tab-separated columns");
                }
                String id = f[1];
                into.concept(EntityType.DISEASE, id, f[0]);
                MeshNames.addName(into, id, f[0], TermKind.PREFERRED);
                for (String alt : f[2].split("\\|")) {
                    if (alt.startsWith("DO:")) {
                        into.xref(id, alt.substring(3));
                    } else if (!alt.isBlank()) {
                        into.xref(id, alt);
                    }
                }
                for (String s : f[7].split("\\|")) {
                    MeshNames.addName(into, id, s, TermKind.SYNONYM);
                }
            }
        }
    }
}
