package org.evwatch.extractor.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the LINNAEUS species corpus: a folder with {@code txt/<doc>.txt} and a tag file ({@code tags*.tsv}:
 * {@code species:ncbi:TAXID, doc, start, end, text, code}, offsets into the text). Documents without tags are
 * included (they count for precision).
 */
public final class LinnaeusCorpus {

    private LinnaeusCorpus() {
    }

    public static List<Document> read(Path dir, Path tags) throws IOException {
        Map<String, List<GoldMention>> gold = new LinkedHashMap<>();
        long n = 0;
        for (String line : Files.readAllLines(tags, StandardCharsets.UTF_8)) {
            n++;
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length < 5 || !f[0].startsWith("species:ncbi:")) {
                throw new IOException(tags + ":" + n + ": not a LINNAEUS tag line");
            }
            String taxon = "NCBITaxon:" + f[0].substring("species:ncbi:".length());
            gold.computeIfAbsent(f[1], k -> new ArrayList<>()).add(new GoldMention(Integer.parseInt(f[2]),
                    Integer.parseInt(f[3]), f[4], EvalType.SPECIES, Set.of(taxon)));
        }
        List<Document> docs = new ArrayList<>();
        try (var files = Files.list(dir.resolve("txt"))) {
            for (Path p : files.filter(x -> x.toString().endsWith(".txt")).sorted().toList()) {
                String id = p.getFileName().toString().replaceFirst("\\.txt$", "");
                docs.add(new Document(id, null, null, Files.readString(p, StandardCharsets.UTF_8),
                        gold.getOrDefault(id, List.of())));
            }
        }
        return docs;
    }
}
