package org.evwatch.extractor.vocab;

import java.io.IOException;
import java.nio.file.Path;

import org.evwatch.events.EntityType;

/**
 * OBO files, told apart by the ids inside them: Cell Ontology ({@code CL:}) gives cell types; Disease Ontology
 * ({@code DOID:}) gives diseases, merged into the MeSH concept when the term has a MeSH xref so that a disease keeps
 * one id; DepMap/Cellosaurus exports give cell lines under their Cellosaurus accession; miRBase mature exports give
 * miRNAs, with the species prefix dropped for human ones ("miR-21-5p") because papers usually write them so.
 */
public final class OboOntologies implements VocabularyLoader {

    @Override
    public String name() {
        return "OBO ontology";
    }

    @Override
    public boolean accepts(Path file) {
        return TextFiles.baseName(file).endsWith(".obo");
    }

    @Override
    public void load(Path file, VocabularyBuilder into) throws IOException {
        OboReader.read(file, s -> {
            if (s.obsolete() || s.name() == null) {
                return;
            }
            String id = s.id();
            if (id.startsWith("CL:")) {
                simple(EntityType.CELL_TYPE, id, s, into);
            } else if (id.startsWith("DOID:")) {
                disease(s, into);
            } else if (id.startsWith("depmap:") || id.startsWith("cellosaurus:") || id.startsWith("CVCL_")) {
                cellLine(s, into);
            } else if (id.startsWith("mirbase.mature:") || id.startsWith("MIMAT")) {
                Mirnas.mature(id.substring(id.indexOf("MIMAT")), s.name(), s.synonyms(), into);
            }
        });
    }

    private static void simple(EntityType type, String id, OboReader.Stanza s, VocabularyBuilder into) {
        into.concept(type, id, s.name());
        into.name(id, s.name(), TermKind.PREFERRED);
        s.synonyms().forEach(x -> into.name(id, x, TermKind.SYNONYM));
    }

    private static void disease(OboReader.Stanza s, VocabularyBuilder into) {
        String mesh = s.xrefs().stream().filter(x -> x.startsWith("MESH:")).findFirst().orElse(null);
        if (mesh == null) {
            // CTD lists Disease Ontology and OMIM ids as alternatives of its MeSH diseases: join through them.
            mesh = into.byXref(s.id());
            for (int i = 0; mesh == null && i < s.xrefs().size(); i++) {
                if (s.xrefs().get(i).startsWith("OMIM:")) {
                    mesh = into.byXref(s.xrefs().get(i));
                }
            }
        }
        if (mesh != null && into.knows(mesh) && into.typeOf(mesh) != EntityType.DISEASE) {
            mesh = null;
        }
        String id = mesh != null ? mesh : s.id();
        into.concept(EntityType.DISEASE, id, s.name());
        into.xref(id, s.id());
        into.name(id, s.name(), TermKind.SYNONYM);
        s.synonyms().forEach(x -> into.name(id, x, TermKind.SYNONYM));
    }

    private static void cellLine(OboReader.Stanza s, VocabularyBuilder into) {
        String cvcl = s.id().startsWith("CVCL_") ? s.id() : null;
        for (String x : s.xrefs()) {
            if (x.startsWith("cellosaurus:")) {
                String acc = x.substring("cellosaurus:".length());
                cvcl = acc.startsWith("CVCL_") ? acc : "CVCL_" + acc;
            }
        }
        if (cvcl == null) {
            return;
        }
        String id = cvcl;
        into.concept(EntityType.CELL_LINE, id, s.name());
        // Cell line names are codes ("HEL", "T24"): exact case keeps them off ordinary words.
        into.name(id, s.name(), TermKind.PREFERRED, true);
        s.synonyms().forEach(x -> into.name(id, x, TermKind.SYNONYM, true));
    }
}
