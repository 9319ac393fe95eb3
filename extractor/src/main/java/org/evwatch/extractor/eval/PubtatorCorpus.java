package org.evwatch.extractor.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads PubTator files (BC5CDR, NCBI-disease, BioRED): {@code PMID|t|title}, {@code PMID|a|abstract}, then
 * {@code PMID<TAB>start<TAB>end<TAB>text<TAB>type<TAB>ids}; relation lines (four columns) are ignored. Ids are
 * written without namespace in these corpora ({@code D009369}, {@code C538288}); MeSH ones get {@code MESH:}, gene
 * ones {@code NCBIGene:}, taxa {@code NCBITaxon:}. Composite ids ({@code D1|D2}, {@code D1+D2}, {@code 1,2}) are
 * split; {@code -1} means not normalised.
 */
public final class PubtatorCorpus {

    private PubtatorCorpus() {
    }

    public static List<Document> read(Path file) throws IOException {
        List<Document> docs = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            String id = null;
            String title = null;
            String abs = null;
            List<GoldMention> gold = new ArrayList<>();
            long n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    if (id != null) {
                        docs.add(new Document(id, title, abs, null, gold));
                    }
                    id = null;
                    title = null;
                    abs = null;
                    gold = new ArrayList<>();
                    continue;
                }
                int bar = line.indexOf('|');
                int tab = line.indexOf('\t');
                if (bar > 0 && (tab < 0 || bar < tab) && line.length() > bar + 2 && line.charAt(bar + 2) == '|') {
                    id = line.substring(0, bar);
                    String value = line.substring(bar + 3);
                    if (line.charAt(bar + 1) == 't') {
                        title = value;
                    } else {
                        abs = value;
                    }
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length == 4 || f.length == 5 && !f[1].chars().allMatch(Character::isDigit)) {
                    continue; // relation line
                }
                if (f.length < 5) {
                    throw new IOException(file + ":" + n + ": not a PubTator mention line");
                }
                EvalType type = type(f[4]);
                if (type == null) {
                    continue;
                }
                gold.add(new GoldMention(Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[3], type,
                        f.length > 5 ? ids(f[5], type) : Set.of()));
            }
            if (id != null) {
                docs.add(new Document(id, title, abs, null, gold));
            }
        }
        return docs;
    }

    static EvalType type(String t) {
        return switch (t) {
            case "Chemical", "ChemicalEntity" -> EvalType.CHEMICAL;
            case "Disease", "SpecificDisease", "DiseaseClass", "Modifier", "CompositeMention",
                    "DiseaseOrPhenotypicFeature" ->
                EvalType.DISEASE;
            case "GeneOrGeneProduct", "Gene" -> EvalType.GENE;
            case "OrganismTaxon", "Species" -> EvalType.SPECIES;
            case "CellLine" -> EvalType.CELL_LINE;
            default -> null;
        };
    }

    static Set<String> ids(String field, EvalType type) {
        Set<String> out = new LinkedHashSet<>();
        for (String raw : field.split("[|+,;]")) {
            String id = raw.strip();
            if (id.isEmpty() || id.equals("-1") || id.equals("-")) {
                continue;
            }
            if (id.startsWith("MESH:") || id.startsWith("OMIM:") || id.startsWith("CVCL_")) {
                out.add(id);
            } else if (id.matches("[DC]\\d+")) {
                out.add("MESH:" + id);
            } else if (id.matches("\\d+")) {
                out.add((type == EvalType.SPECIES ? "NCBITaxon:" : "NCBIGene:") + id);
            } else {
                out.add(id);
            }
        }
        return out;
    }
}
