package org.evwatch.extractor.ner;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.evwatch.events.EntityType;
import org.evwatch.extractor.vocab.Concept;
import org.evwatch.extractor.vocab.Term;
import org.evwatch.extractor.vocab.TermKind;

/**
 * Names of gene families, which name no one gene: the words that begin the full names of several genes ("cytochrome
 * P450" in "cytochrome P450 family 2 subfamily F member 1", "mucin", "myosin", "delta" in "delta like canonical Notch
 * ligand 1, 3, 4"). NCBI Gene lists some of them as an alias of one member ("mucin" for MUC5AC), which would
 * read every mention of the family as that member; such names are not matched.
 */
final class GeneFamilies {

    /** A name is a family's when it begins the full names of at least this many genes. */
    static final int MEMBERS = 3;

    private final Set<String> families = new HashSet<>();

    GeneFamilies(Map<String, Integer> conceptIndex, Concept[] concepts, List<Term> terms) {
        Map<String, Set<Integer>> members = new HashMap<>();
        for (Term term : terms) {
            Integer c = conceptIndex.get(term.conceptId());
            if (c == null || concepts[c].type() != EntityType.GENE || !fullName(term.kind())) {
                continue;
            }
            Tokens t = Tokenizer.tokenize(term.text());
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i + 1 < t.size; i++) {
                prefix.append(i == 0 ? "" : " ").append(t.norm[i]);
                Set<Integer> m = members.computeIfAbsent(prefix.toString(), k -> new HashSet<>());
                if (m.size() < MEMBERS) {
                    m.add(c);
                }
            }
        }
        members.forEach((name, m) -> {
            if (m.size() >= MEMBERS) {
                families.add(name);
            }
        });
    }

    private static boolean fullName(TermKind kind) {
        return kind == TermKind.PREFERRED || kind == TermKind.SYNONYM;
    }

    /**
     * Whether a gene's alias is a family's. A gene's own full name stays a name of it even where it
     * begins others' ("X-linked inhibitor of apoptosis" and the "X-linked inhibitor of apoptosis associated factor").
     */
    boolean isFamily(Term term, EntityType type) {
        return type == EntityType.GENE && term.kind() == TermKind.GENE_ALIAS
                && families.contains(Tokens.normalizedOf(term.text()));
    }
}
