package org.evwatch.extractor.vocab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.evwatch.events.EntityType;

/**
 * Collects concepts and their names from any number of vocabulary files. A concept met again (the same MeSH id in
 * MeSH and in CTD) keeps its first type and name and gains the new names and xrefs, so sources merge instead of
 * competing. Not thread-safe: one loader at a time.
 */
public final class VocabularyBuilder {

    private final Map<String, Draft> concepts = new LinkedHashMap<>();
    private final List<Term> terms = new ArrayList<>();
    private final Map<String, String> byXref = new java.util.HashMap<>();

    /** Declares a concept, or returns quietly when it is already known. */
    public VocabularyBuilder concept(EntityType type, String id, String name) {
        concepts.computeIfAbsent(id, k -> new Draft(type, id, name));
        return this;
    }

    /** The concept that first declared {@code xref} as one of its cross-references, or null. */
    public String byXref(String xref) {
        return byXref.get(xref);
    }

    public boolean knows(String id) {
        return concepts.containsKey(id);
    }

    public EntityType typeOf(String id) {
        Draft d = concepts.get(id);
        return d == null ? null : d.type;
    }

    public VocabularyBuilder xref(String id, String xref) {
        Draft d = require(id);
        if (xref != null && !xref.isBlank() && !xref.equals(id)) {
            d.xrefs().add(xref);
            byXref.putIfAbsent(xref, id);
        }
        return this;
    }

    public VocabularyBuilder flag(String id, String flag) {
        require(id).flags().add(flag);
        return this;
    }

    /** Adds a name; case sensitivity follows {@link Term#looksLikeAcronym(String)}. */
    public VocabularyBuilder name(String id, String text, TermKind kind) {
        return name(id, text, kind, kind == TermKind.GENE_SYMBOL || kind == TermKind.GENE_ALIAS
                || Term.looksLikeAcronym(text));
    }

    public VocabularyBuilder name(String id, String text, TermKind kind, boolean caseSensitive) {
        require(id);
        if (text != null && !text.isBlank()) {
            terms.add(new Term(text.strip(), id, kind, caseSensitive));
        }
        return this;
    }

    public int conceptCount() {
        return concepts.size();
    }

    public int termCount() {
        return terms.size();
    }

    /** The concepts in the order they were first declared. */
    public List<Concept> concepts() {
        List<Concept> out = new ArrayList<>(concepts.size());
        for (Draft d : concepts.values()) {
            out.add(new Concept(d.type, d.id, Namespaces.of(d.id), d.name,
                    d.xrefs == null ? List.of() : List.copyOf(d.xrefs), d.flags == null ? Set.of() : d.flags));
        }
        return out;
    }

    public List<Term> terms() {
        return terms;
    }

    private Draft require(String id) {
        Draft d = concepts.get(id);
        if (d == null) {
            throw new IllegalArgumentException("unknown concept " + id);
        }
        return d;
    }

    /** A concept being collected. Most concepts (species, miRNAs) never get an xref or a flag: the sets are made on
     *  first use, which saves two empty sets per concept while a large vocabulary such as the NCBI taxdump loads. */
    private static final class Draft {
        final EntityType type;
        final String id;
        final String name;
        Set<String> xrefs;
        Set<String> flags;

        Draft(EntityType type, String id, String name) {
            this.type = type;
            this.id = id;
            this.name = name;
        }

        Set<String> xrefs() {
            if (xrefs == null) {
                xrefs = new LinkedHashSet<>();
            }
            return xrefs;
        }

        Set<String> flags() {
            if (flags == null) {
                flags = new LinkedHashSet<>();
            }
            return flags;
        }
    }
}
