package org.evwatch.extractor.ner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.evwatch.events.EntityType;
import org.evwatch.extractor.vocab.Concept;
import org.evwatch.extractor.vocab.Term;
import org.evwatch.extractor.vocab.TermKind;

/**
 * All names of all concepts compiled into a trie over normalised tokens. Matching walks the trie from every token
 * that may begin a word, so each start costs at most as many steps as the longest name: the same bound as an
 * Aho–Corasick automaton over tokens, without failure links, and every match at every start comes out, which the
 * longest-match resolution needs anyway. Immutable once built; safe to share across threads.
 */
final class Dictionary {

    /**
     * A name hit at tokens [from, to], naming {@code concept}; {@code alternatives} are the other concepts the same
     * name could be read as (null when there are none, or when the reading is learned or curated).
     */
    record Hit(int from, int to, int concept, int rank, boolean caseSensitive, int[] alternatives) {
        int length() {
            return to - from;
        }
    }

    private final Concept[] concepts;
    private final Map<String, Integer> tokenIds;
    private final LongIntMap edges;
    /** Entries of node n are entryOffset[n] .. entryOffset[n+1]-1; sorted by rank, then concept. */
    private final int[] entryOffset;
    private final int[] entryConcept;
    private final int[] entryRank;
    private final String[] entryCaseKey;
    private final boolean[] entryNeedsContext;
    private final boolean[] entryWordOnly;
    /** Lower-cased written form, kept only for names shared by several concepts. */
    private final String[] entrySurface;
    private final int distinctNames;
    private final Map<String, Integer> byId;

    private Dictionary(Concept[] concepts, Map<String, Integer> tokenIds, LongIntMap edges, int[] entryOffset,
            int[] entryConcept, int[] entryRank, String[] entryCaseKey, boolean[] entryNeedsContext,
            boolean[] entryWordOnly, String[] entrySurface) {
        this.concepts = concepts;
        this.tokenIds = tokenIds;
        this.edges = edges;
        this.entryOffset = entryOffset;
        this.entryConcept = entryConcept;
        this.entryRank = entryRank;
        this.entryCaseKey = entryCaseKey;
        this.entryNeedsContext = entryNeedsContext;
        this.entryWordOnly = entryWordOnly;
        this.entrySurface = entrySurface;
        int d = 0;
        for (int i = 0; i + 1 < entryOffset.length; i++) {
            if (entryOffset[i + 1] > entryOffset[i]) {
                d++;
            }
        }
        this.distinctNames = d;
        this.byId = new HashMap<>(concepts.length * 2);
        for (int i = 0; i < concepts.length; i++) {
            byId.put(concepts[i].id(), i);
        }
    }

    /** A name waiting to be laid out: the trie node it ends at and how it reads there. */
    private record Pending(int node, int concept, int rank, int order, String caseKey, boolean context,
            boolean wordOnly, String surface) {
    }

    /** The trie over normalised tokens while names are added; node 0 is the root. */
    private static final class Trie {
        final Map<String, Integer> tokenIds = new HashMap<>();
        final LongIntMap edges;
        int nodes = 1;

        Trie(int expectedNames) {
            edges = new LongIntMap(expectedNames * 2);
        }

        /** The node the tokens lead to, adding the missing edges. */
        int insert(Tokens t) {
            int node = 0;
            for (int i = 0; i < t.size; i++) {
                int tok = tokenIds.computeIfAbsent(t.norm[i], k -> tokenIds.size());
                long key = ((long) node << 32) | tok;
                int next = edges.get(key);
                if (next < 0) {
                    next = nodes++;
                    edges.put(key, next);
                }
                node = next;
            }
            return node;
        }
    }

    static Dictionary compile(List<Concept> conceptList, List<Term> terms) {
        Concept[] concepts = conceptList.toArray(Concept[]::new);
        Map<String, Integer> conceptIndex = new HashMap<>(concepts.length * 2);
        for (int i = 0; i < concepts.length; i++) {
            conceptIndex.put(concepts[i].id(), i);
        }
        Trie trie = new Trie(terms.size());
        List<Pending> pending = new ArrayList<>(terms.size());
        GeneFamilies families = new GeneFamilies(conceptIndex, concepts, terms);
        for (int order = 0; order < terms.size(); order++) {
            Term term = terms.get(order);
            Integer concept = conceptIndex.get(term.conceptId());
            if (concept == null) {
                continue;
            }
            boolean family = families.isFamily(term, concepts[concept].type());
            add(trie, term, concept, order, pending, family);
            String latin = concepts[concept].type() == EntityType.GENE ? GreekInitials.latin(term.text()) : null;
            if (latin != null) {
                add(trie, new Term(latin, term.conceptId(), term.kind(), term.caseSensitive()), concept, order,
                        pending, family);
            }
        }
        return layOut(concepts, trie, unique(pending));
    }

    /** Adds a term's name to the trie unless the term filter drops it or it is a gene family's. */
    private static void add(Trie trie, Term term, int concept, int order, List<Pending> pending, boolean family) {
        Tokens t = Tokenizer.tokenize(term.text());
        String normalized = t.size == 0 ? "" : t.normalized(0, t.size - 1);
        TermFilter.Verdict v = TermFilter.check(term, normalized, t.size);
        if (v == TermFilter.Verdict.DROP || family) {
            return;
        }
        int node = trie.insert(t);
        String caseKey = term.caseSensitive() ? t.caseKey(0, t.size - 1) : null;
        // A one-word name written in lower case ("Cat", "Spot") must not fire on an acronym ("CAT").
        boolean wordOnly = caseKey == null && t.size == 1 && term.kind() != TermKind.CORE
                && term.text().chars().anyMatch(Character::isLowerCase);
        pending.add(new Pending(node, concept, term.kind().ordinal(), order, caseKey,
                v == TermFilter.Verdict.NEEDS_CONTEXT, wordOnly,
                t.caseKey(0, t.size - 1).toLowerCase(java.util.Locale.ROOT)));
    }

    /**
     * Sorted by node, rank and source order; among equally ranked names the earlier source wins, since sources load
     * in a fixed order that puts the curated core and the normalisation standards (CTD, MeSH) first. Duplicates (the
     * same name for the same concept from two sources) keep their best rank only.
     */
    private static List<Pending> unique(List<Pending> pending) {
        pending.sort(Comparator.comparingInt(Pending::node).thenComparingInt(Pending::rank)
                .thenComparingInt(Pending::order));
        List<Pending> unique = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            boolean dup = false;
            for (int i = unique.size() - 1; i >= 0 && unique.get(i).node() == p.node(); i--) {
                Pending u = unique.get(i);
                if (u.concept() == p.concept() && java.util.Objects.equals(u.caseKey(), p.caseKey())) {
                    dup = true;
                    break;
                }
            }
            if (!dup) {
                unique.add(p);
            }
        }
        return unique;
    }

    /** The entries as parallel arrays, those of node n at offset[n] .. offset[n+1]-1. */
    private static Dictionary layOut(Concept[] concepts, Trie trie, List<Pending> unique) {
        int nodes = trie.nodes;
        int[] offset = new int[nodes + 1];
        for (Pending p : unique) {
            offset[p.node() + 1]++;
        }
        for (int i = 0; i < nodes; i++) {
            offset[i + 1] += offset[i];
        }
        int n = unique.size();
        int[] entryConcept = new int[n];
        int[] entryRank = new int[n];
        String[] entryCaseKey = new String[n];
        boolean[] entryContext = new boolean[n];
        boolean[] entryWordOnly = new boolean[n];
        String[] entrySurface = new String[n];
        for (int i = 0; i < n; i++) {
            Pending p = unique.get(i);
            entryConcept[i] = p.concept();
            entryRank[i] = p.rank();
            entryCaseKey[i] = p.caseKey() == null ? null : p.caseKey().intern();
            entryContext[i] = p.context();
            entryWordOnly[i] = p.wordOnly();
            // Only where names collide is the written form worth keeping (see pick).
            boolean shared = offset[p.node() + 1] - offset[p.node()] > 1;
            entrySurface[i] = shared ? p.surface().intern() : null;
        }
        return new Dictionary(concepts, trie.tokenIds, trie.edges, offset, entryConcept, entryRank, entryCaseKey,
                entryContext, entryWordOnly, entrySurface);
    }

    Concept concept(int index) {
        return concepts[index];
    }

    java.util.Optional<Concept> lookup(String id) {
        Integer i = byId.get(id);
        return i == null ? java.util.Optional.empty() : java.util.Optional.of(concepts[i]);
    }

    /** The index of the concept with this id, or -1. */
    int indexOf(String id) {
        Integer i = byId.get(id);
        return i == null ? -1 : i;
    }

    int conceptCount() {
        return concepts.length;
    }

    int distinctNames() {
        return distinctNames;
    }

    /** Every name hit in the tokens, at most one (the best-ranked acceptable concept) per token span. */
    List<Hit> match(Tokens t) {
        int[] ids = new int[t.size];
        for (int i = 0; i < t.size; i++) {
            Integer id = tokenIds.get(t.norm[i]);
            ids[i] = id == null ? -1 : id;
        }
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < t.size; i++) {
            if (!t.wordStart[i] || ids[i] < 0) {
                continue;
            }
            int node = 0;
            for (int j = i; j < t.size && ids[j] >= 0; j++) {
                node = edges.get(((long) node << 32) | ids[j]);
                if (node < 0) {
                    break;
                }
                if (t.wordEnd[j] && entryOffset[node + 1] > entryOffset[node]) {
                    int e = pick(node, t, i, j);
                    if (e >= 0) {
                        hits.add(new Hit(i, j, entryConcept[e], entryRank[e], entryCaseKey[e] != null,
                                alternatives(node, e, t, i, j)));
                    }
                }
            }
        }
        return hits;
    }

    /**
     * The best acceptable entry of a node. Normalisation folds plurals, so "Glutamates" (the class) and "glutamate"
     * (the compound) share a node; when the text is written exactly as one of the names, that name wins over rank,
     * unless the best-ranked name is learned from an annotated corpus or from the curated core.
     */
    private int pick(int node, Tokens t, int from, int to) {
        int first = -1;
        String surface = null;
        for (int e = entryOffset[node]; e < entryOffset[node + 1]; e++) {
            if (!acceptable(e, t, from, to)) {
                continue;
            }
            if (first < 0) {
                first = e;
                if (entrySurface[e] == null || entryRank[e] <= TermKind.CORE.ordinal()) {
                    return e;
                }
                int symbol = geneSymbolOver(e, node, t, from, to);
                if (symbol >= 0) {
                    return symbol;
                }
                surface = t.caseKey(from, to).toLowerCase(java.util.Locale.ROOT);
            }
            if (surface.equals(entrySurface[e])) {
                return e;
            }
        }
        return first;
    }

    /**
     * An official gene symbol written exactly as the symbol ("CYP2C8", "BMP5", "VHL") against a standard vocabulary's
     * name of a chemical or disease (MeSH's "Cytochrome P-450 CYP2C8" has the entry term "CYP2C8"): the
     * gene wins when a gene cue stands near ("VHL gene"), and against a chemical also when the symbol carries a
     * digit, the shape of a gene symbol rather than of a drug acronym. A gene's full name of two words or more that
     * a chemical or disease shares ("Fas ligand") is the gene's with a gene cue ("Fas ligand expression"). Returns
     * the gene's entry, or -1.
     */
    private int geneSymbolOver(int chosen, int node, Tokens t, int from, int to) {
        EntityType type = concepts[entryConcept[chosen]].type();
        if (type != EntityType.CHEMICAL && type != EntityType.DISEASE) {
            return -1;
        }
        for (int e = chosen + 1; e < entryOffset[node + 1]; e++) {
            if (concepts[entryConcept[e]].type() != EntityType.GENE || !acceptable(e, t, from, to)) {
                continue;
            }
            if (entryRank[e] == TermKind.GENE_SYMBOL.ordinal() && entryCaseKey[e] != null) {
                boolean digit = entryCaseKey[e].chars().anyMatch(Character::isDigit);
                return type == EntityType.CHEMICAL && digit || geneContext(t, from, to) ? e : -1;
            }
            if (to > from && entryRank[e] <= TermKind.SYNONYM.ordinal() && geneContext(t, from, to)) {
                return e;
            }
        }
        return -1;
    }

    /** The other acceptable concepts of an ambiguous name, or null; a learned or curated reading has none. */
    private int[] alternatives(int node, int chosen, Tokens t, int from, int to) {
        if (entrySurface[chosen] == null || entryRank[chosen] <= TermKind.CORE.ordinal()
                || pickedOverBetterRanked(node, chosen, t, from, to)) {
            return null;
        }
        int[] out = new int[entryOffset[node + 1] - entryOffset[node]];
        int n = 0;
        for (int e = entryOffset[node]; e < entryOffset[node + 1]; e++) {
            int c = entryConcept[e];
            if (c != entryConcept[chosen] && acceptable(e, t, from, to) && !contains(out, n, c)) {
                out[n++] = c;
            }
        }
        return n == 0 ? null : Arrays.copyOf(out, n);
    }

    /**
     * Whether a gene was read over a better-ranked reading by its symbol or a gene cue ({@link #geneSymbolOver}): the
     * text decided, so what the paper names elsewhere does not undo it ("VHL mutations" in a paper on von
     * Hippel-Lindau disease).
     */
    private boolean pickedOverBetterRanked(int node, int chosen, Tokens t, int from, int to) {
        if (concepts[entryConcept[chosen]].type() != EntityType.GENE) {
            return false;
        }
        for (int e = entryOffset[node]; e < chosen; e++) {
            if (acceptable(e, t, from, to)) {
                return concepts[entryConcept[e]].type() != EntityType.GENE;
            }
        }
        return false;
    }

    private static boolean contains(int[] values, int n, int v) {
        for (int i = 0; i < n; i++) {
            if (values[i] == v) {
                return true;
            }
        }
        return false;
    }

    private boolean acceptable(int e, Tokens t, int from, int to) {
        if (entryCaseKey[e] != null && !entryCaseKey[e].equals(t.caseKey(from, to))) {
            return false;
        }
        if (entryNeedsContext[e] && !geneContext(t, from, to)) {
            return false;
        }
        return !(entryWordOnly[e] && from == to && isAcronym(t, from));
    }

    private static boolean isAcronym(Tokens t, int i) {
        if (t.end[i] - t.start[i] < 2) {
            return false;
        }
        for (int k = t.start[i]; k < t.end[i]; k++) {
            if (!Character.isUpperCase(t.text.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean geneContext(Tokens t, int from, int to) {
        int lo = Math.max(0, from - 6);
        int hi = Math.min(t.size - 1, to + 6);
        for (int i = lo; i <= hi; i++) {
            if ((i < from || i > to) && TermFilter.GENE_CUES.contains(t.norm[i])) {
                return true;
            }
        }
        return false;
    }

    /** Rough heap held by the compiled dictionary, for the load report. */
    long estimatedBytes() {
        long tokens = 0;
        for (String s : tokenIds.keySet()) {
            tokens += 56 + 2L * s.length() + 32;
        }
        long keys = 0;
        for (String k : entryCaseKey) {
            if (k != null) {
                keys += 48 + k.length();
            }
        }
        return edges.bytes() + tokens + 4L * entryOffset.length + 9L * entryConcept.length + keys
                + 200L * concepts.length;
    }
}
