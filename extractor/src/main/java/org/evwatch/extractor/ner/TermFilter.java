package org.evwatch.extractor.ner;

import java.util.List;
import java.util.Set;

import org.evwatch.extractor.vocab.Term;
import org.evwatch.extractor.vocab.TermKind;

/**
 * Which vocabulary names may fire on their own. Large vocabularies carry names that are ordinary words ("MET",
 * "SET", "Impact"), lab abbreviations ("PCR", "CT") or generic nouns ("protein"); these cost far more precision than
 * they bring. The curated core vocabulary and names learned from annotated corpora are trusted as written.
 */
final class TermFilter {

    /** Result of the check. */
    enum Verdict {
        KEEP, NEEDS_CONTEXT, DROP
    }

    /** Normalised names (see {@link Tokenizer}) never matched from a standard vocabulary. */
    private static final Set<String> GENERIC = Set.copyOf(List.of("a", "an", "the", "as", "at", "be", "by", "can", "do",
            "for",
            "has", "he", "if", "in", "is", "it", "me", "my", "no", "not", "of", "on", "or", "so", "to", "up", "us",
            "we", "was", "all", "and", "any", "are", "but", "cell", "cells", "gene", "protein", "disease", "syndrome",
            "disorder", "drug", "agent", "compound", "chemical", "control", "normal", "large", "small", "long", "short",
            "high", "low", "via", "per", "one", "two", "set", "act", "aim", "age", "arm", "ear", "eye", "face", "hand",
            "head", "leg", "lung", "skin", "bone", "liver", "heart", "brain", "kidney", "blood", "tissue", "organ",
            "body", "air", "light", "injury",
            "positive", "negative", "level", "role",
            "type", "group", "time", "rate", "case", "study", "model", "factor", "signal", "target", "effect",
            "response", "activity", "function", "medium", "culture", "result", "treatment", "therapy", "patient",
            "human", "animal", "rat", "mouse", "dog", "man", "men", "woman", "child", "can", "ion",
            "base", "solution", "ph", "enzyme", "antibody",
            "antigen", "ligand", "inhibitor", "receptor", "peptide", "rna", "dna", "mrna", "complex", "member",
            "family", "subunit", "domain", "chain", "form", "impact", "plasma", "serum", "cancer",
            "tumor", "neoplasm", "carcinoma", "behavior", "behaviour", "vesicle", "particle", "exosome", "virus",
            "bacteria", "bacterium", "strain", "mercury",
            "anxiety",
            "sign",
            "symptom", "fisher", "spot", "death", "tumorigenesis", "genetic heterogeneity", "included", "placebo",
            "lead", "water", "acid", "salt", "tablet", "suspension", "ester",
            "emergency", "body weight", "recurrence", "relapse", "disease progression", "adrenergic", "cholinergic",
            "anesthetic", "local anesthetic", "analgesic", "convulsant", "antioxidant", "immunosuppressant",
            "immunosuppressive agent", "collagen", "interferon", "thrombin", "free radical", "progression", "solvent",
            "vehicle", "diet", "food", "complication", "risk", "chronic", "acute", "marker", "biomarker"));

    /** Upper-case abbreviations that gene symbols and aliases collide with in biomedical prose. */
    private static final Set<String> ABBREVIATIONS = Set.copyOf(List.of("DNA", "RNA", "PCR", "CT", "MRI", "PET", "HR",
            "OR",
            "CI", "SD", "SE", "SEM", "II", "III", "IV", "VI", "ROS", "ATP", "ADP", "AMP", "BMI", "ICU", "USA", "UK",
            "WHO", "FDA", "NO", "CO", "MS", "AD", "PD", "HD", "ALS", "AIDS", "HIV", "ER", "PR", "IP", "IV", "IM",
            "SC", "GI", "CNS", "ECG", "EEG", "EM", "TEM", "NTA", "EV", "EVS", "MV", "MVS", "UC", "SEC", "PS",
            "PEG", "LPS", "PBS", "BSA", "FBS", "RT", "QPCR", "ELISA", "WB", "IHC", "IF", "KO", "WT", "OE", "SI",
            "NC", "CTRL", "AUC", "ROC", "OS", "DFS", "PFS", "RFS", "HCC", "CRC", "NSCLC", "SCLC", "GC", "PCA",
            "AML", "CLL", "CML", "ALL", "MM", "RCC", "TNBC", "PDAC", "GBM", "OSCC", "HNSCC", "ESCC", "NPC",
            "LUAD", "LUSC", "MSC", "MSCS", "CAF", "CAFS", "DC", "DCS", "NK", "TAM", "TAMS", "MDSC", "CSC",
            "CTC", "CTCS", "EMT", "MET", "ECM", "TME", "LNCRNA", "CIRCRNA", "MIRNA", "NCRNA", "SNP", "CNV",
            "NGS", "SEQ", "MS/MS", "LC", "HPLC", "GFP", "RFP", "LUC", "CAT", "SET", "CAN", "MAX", "MIN", "TAT",
            "PIN", "CAP", "CELL", "CELLS", "IMPACT", "COPD", "FAST", "SHE", "HE", "HIS", "ARM", "LOW", "HIGH",
            "TOP", "END", "AIM", "CAMP", "SPR", "AFM", "DLS", "TFF", "ACE", "ANOVA", "MRNA", "CDNA", "SIRNA",
            "SHRNA", "BP", "KB", "MB", "KDA", "NM", "UM", "MM", "ML", "MG", "KG", "ND", "NA", "NS", "HPV",
            "EBV", "HBV", "HCV", "CMV", "TB", "RA", "SLE", "MI", "CHD", "CVD", "CKD", "AKI", "DM", "T2D"));

    /** Tokens near a short gene name that say a gene or protein is meant. */
    static final Set<String> GENE_CUES = Set.copyOf(List.of("gene", "protein", "expression", "expressed", "express",
            "mir",
            "mrna", "mutation", "mutated", "mutant", "receptor", "kinase", "level", "knockdown", "knockout",
            "overexpression", "overexpressed", "silencing", "silenced", "promoter", "transcript", "transcription",
            "antibody", "phosphorylation", "phosphorylated", "signaling", "signalling", "pathway", "ligand",
            "inhibitor", "inhibition", "variant", "polymorphism", "allele", "encoding", "encoded", "sirna", "shrna",
            "upregulated", "downregulated", "upregulation", "downregulation", "deficient", "deletion", "isoform",
            "+", "axis", "target", "targeting", "binding", "bind", "cd", "marker"));

    private TermFilter() {
    }

    static Verdict check(Term term, String normalized, int tokenCount) {
        if (tokenCount == 0 || tokenCount > 14) {
            return Verdict.DROP;
        }
        if (term.kind() == TermKind.CORE) {
            return Verdict.KEEP;
        }
        if (term.kind() == TermKind.LEARNED) {
            // Annotators marked it as written; whether it is worth matching is the learned precision filter's call.
            return term.text().chars().anyMatch(Character::isLetter) ? Verdict.KEEP : Verdict.DROP;
        }
        String text = term.text();
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetter(text.charAt(i))) {
                letters++;
            }
        }
        boolean gene = term.kind() == TermKind.GENE_SYMBOL || term.kind() == TermKind.GENE_ALIAS;
        if (letters == 0 || text.length() < 2 || GENERIC.contains(normalized) || letters <= 2 && !gene) {
            return Verdict.DROP;
        }
        if (gene || term.caseSensitive()) {
            if (ABBREVIATIONS.contains(text.toUpperCase(java.util.Locale.ROOT))) {
                return Verdict.DROP;
            }
        }
        if (gene) {
            int limit = term.kind() == TermKind.GENE_SYMBOL ? 2 : 3;
            if (text.length() <= limit || text.chars().noneMatch(Character::isUpperCase)) {
                return term.kind() == TermKind.GENE_ALIAS && text.length() <= 2
                        ? Verdict.DROP
                        : Verdict.NEEDS_CONTEXT;
            }
            return Verdict.KEEP;
        }
        if (!term.caseSensitive() && letters <= 2) {
            return Verdict.DROP;
        }
        return Verdict.KEEP;
    }
}
