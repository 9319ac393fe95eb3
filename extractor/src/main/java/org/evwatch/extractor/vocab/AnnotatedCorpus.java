package org.evwatch.extractor.vocab;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.evwatch.events.EntityType;

/**
 * A corpus annotated by people (BC5CDR, NCBI-disease, BioRED in PubTator format; LINNAEUS as tags plus texts),
 * read into our types and id namespaces so that recognition can learn the annotators' names and conventions from
 * it. Ids are written without namespace in PubTator ({@code D009369}): MeSH ones get {@code MESH:}, numeric ones
 * {@code NCBIGene:} (genes) or {@code NCBITaxon:} (species); {@code OMIM:} and Cellosaurus ids are kept; composite
 * ids ({@code D1|D2}, {@code D1+D2}, {@code 1,2}) are split; {@code -1} means not normalised. LINNAEUS ids
 * {@code species:ncbi:9606} become {@code NCBITaxon:9606}; {@code species:ncbi:0}, a species without an NCBI id, is
 * a mention without an id, as {@code -1} is.
 *
 * @param source where it was read from
 * @param documents its documents, in file order
 */
public record AnnotatedCorpus(String source, List<AnnotatedDocument> documents) {

    public AnnotatedCorpus {
        documents = List.copyOf(documents);
    }

    /** The types this corpus annotates: only these can be learned from it, as present or as absent. */
    public Set<EntityType> types() {
        Set<EntityType> out = EnumSet.noneOf(EntityType.class);
        documents.forEach(d -> d.annotations().forEach(a -> out.add(a.type())));
        return out;
    }

    /** The documents whose id is listed (a train split). */
    public AnnotatedCorpus only(Collection<String> ids) {
        Set<String> keep = Set.copyOf(ids);
        return new AnnotatedCorpus(source, documents.stream().filter(d -> keep.contains(d.id())).toList());
    }

    /**
     * Reads a corpus by its shape: a folder with a {@code txt/} folder is LINNAEUS (tags from its first
     * {@code tags*.tsv}), any other file is PubTator.
     */
    public static AnnotatedCorpus read(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            if (!Files.isDirectory(path.resolve("txt"))) {
                throw new VocabularyFormatException(path, 0, "a folder corpus needs txt/ (LINNAEUS layout)");
            }
            return linnaeus(path, tagsOf(path));
        }
        return pubtator(path);
    }

    /** The tag file of a LINNAEUS folder: its first {@code tags*.tsv} by name. */
    public static Path tagsOf(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().startsWith("tags")).sorted().findFirst()
                    .orElseThrow(() -> new VocabularyFormatException(folder, 0, "no tags*.tsv in the folder"));
        }
    }

    /** PubTator: {@code PMID|t|title}, {@code PMID|a|abstract}, mention lines; relation lines are ignored. */
    public static AnnotatedCorpus pubtator(Path file) throws IOException {
        List<AnnotatedDocument> docs = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            String id = null;
            String title = null;
            String abs = null;
            List<Annotation> annotations = new ArrayList<>();
            long n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    if (id != null) {
                        docs.add(new AnnotatedDocument(id, title, abs, null, annotations));
                    }
                    id = null;
                    title = null;
                    abs = null;
                    annotations = new ArrayList<>();
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
                if (f.length == 4 || f.length == 5 && !isNumber(f[1])) {
                    continue; // relation line
                }
                if (f.length < 5 || !isNumber(f[1]) || !isNumber(f[2]) || id == null) {
                    throw new VocabularyFormatException(file, n, "not a PubTator title, abstract or mention line");
                }
                EntityType type = pubtatorType(f[4]);
                if (type != null) {
                    annotations.add(new Annotation(Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[3], type,
                            f.length > 5 ? pubtatorIds(f[5], type) : List.of()));
                }
            }
            if (id != null) {
                docs.add(new AnnotatedDocument(id, title, abs, null, annotations));
            }
        }
        return new AnnotatedCorpus(file.toString(), docs);
    }

    /**
     * LINNAEUS: {@code txt/<doc>.txt} and a tag file ({@code species:ncbi:TAXID, doc, start, end, text, code}).
     * Documents without tags are included: they say where species names are not annotated.
     */
    public static AnnotatedCorpus linnaeus(Path dir, Path tags) throws IOException {
        Map<String, List<Annotation>> byDoc = new LinkedHashMap<>();
        long n = 0;
        for (String line : Files.readAllLines(tags, StandardCharsets.UTF_8)) {
            n++;
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length < 5 || !f[0].startsWith("species:ncbi:") || !isNumber(f[2]) || !isNumber(f[3])) {
                throw new VocabularyFormatException(tags, n, "not a LINNAEUS tag line");
            }
            // Taxon 0 marks a species NCBI Taxonomy has no id for ("mules"): a mention without an id, like PubTator's -1.
            String taxon = f[0].substring("species:ncbi:".length());
            byDoc.computeIfAbsent(f[1], k -> new ArrayList<>()).add(new Annotation(Integer.parseInt(f[2]),
                    Integer.parseInt(f[3]), f[4], EntityType.SPECIES,
                    taxon.equals("0") ? List.of() : List.of("NCBITaxon:" + taxon)));
        }
        List<AnnotatedDocument> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("txt"))) {
            for (Path p : files.filter(x -> x.toString().endsWith(".txt")).sorted().toList()) {
                String id = p.getFileName().toString().replaceFirst("\\.txt$", "");
                docs.add(new AnnotatedDocument(id, null, null, Files.readString(p, StandardCharsets.UTF_8),
                        byDoc.getOrDefault(id, List.of())));
            }
        }
        return new AnnotatedCorpus(dir.toString(), docs);
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }

    /**
     * The PubTator type names of BC5CDR, NCBI-disease and BioRED, and {@code CellType} as the evaluation writes it;
     * others (variants) are not read.
     */
    static EntityType pubtatorType(String t) {
        return switch (t) {
            case "Chemical", "ChemicalEntity" -> EntityType.CHEMICAL;
            case "Disease", "SpecificDisease", "DiseaseClass", "Modifier", "CompositeMention",
                    "DiseaseOrPhenotypicFeature" ->
                EntityType.DISEASE;
            case "GeneOrGeneProduct", "Gene" -> EntityType.GENE;
            case "OrganismTaxon", "Species" -> EntityType.SPECIES;
            case "CellLine" -> EntityType.CELL_LINE;
            case "CellType" -> EntityType.CELL_TYPE;
            default -> null;
        };
    }

    static List<String> pubtatorIds(String field, EntityType type) {
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
                out.add((type == EntityType.SPECIES ? "NCBITaxon:" : "NCBIGene:") + id);
            } else {
                out.add(id);
            }
        }
        return List.copyOf(out);
    }
}
