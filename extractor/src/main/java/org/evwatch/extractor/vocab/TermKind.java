package org.evwatch.extractor.vocab;

/**
 * How trustworthy a name is as a match on its own. When several concepts share a name the lower rank wins; the
 * rank also decides which names need supporting context before they count.
 */
public enum TermKind {
    /**
     * A name learned from an annotated corpus, for the id its annotators gave it most often: it states the corpus's
     * convention for exactly this name, so it outranks every vocabulary reading of the same name.
     */
    LEARNED,
    /** A name from the project's curated core vocabulary. */
    CORE,
    /** The preferred name in a standard vocabulary. */
    PREFERRED,
    /** An entry term or exact synonym in a standard vocabulary. */
    SYNONYM,
    /** A form derived by rule, such as the abbreviated binomial "E. coli"; may name several concepts. */
    DERIVED,
    /** An official gene symbol: matched case-sensitively. */
    GENE_SYMBOL,
    /** A gene alias: noisy, matched case-sensitively, short ones only with gene context nearby. */
    GENE_ALIAS
}
