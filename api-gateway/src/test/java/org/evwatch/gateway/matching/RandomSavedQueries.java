package org.evwatch.gateway.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.evwatch.events.EntityType;
import org.evwatch.events.Paper;
import org.evwatch.events.PaperIndexed;
import org.evwatch.events.Summary;

/**
 * Random saved queries in every form the query syntax accepts (words, phrases, every field, keyword and entity
 * fields, year values and ranges, AND / OR / NOT / minus / plus, groups, field groups, prefixes and wildcards,
 * empty queries) with random search filters, and random papers over the same words, ids and labels, so that many
 * queries match some papers and the matchers can be compared case by case.
 */
final class RandomSavedQueries {

    static final String[] WORDS = {"exosome", "exosomes", "Exosomal", "vesicle", "vesicles", "extracellular",
            "cancer", "cancers", "pancreatic", "glioma", "tumour", "tumor", "biomarker", "plasma", "serum", "miR-21",
            "GPC1", "CD63", "lipid-bilayer", "the", "of", "and", "in", "detection", "early", "café", "naïve",
            "Kalluri", "Melo", "nature", "2015", "p53", "cell's", "neoplasms", "uptake", "cargo"};
    static final String[] PREFIXES = {"exo*", "pancrea*", "tum?r", "vesic*", "mi*", "canc*r", "ex?some*", "glio*",
            "ka*", "neo*", "ca*", "CD6?", "bio*"};
    static final String[][] ENTITIES = {{"DISEASE", "MESH:D010190", "Pancreatic Neoplasms"},
            {"DISEASE", "MESH:D005909", "Glioblastoma"}, {"GENE", "NCBIGene:2817", "GPC1"},
            {"GENE", "NCBIGene:7157", "TP53"}, {"MIRNA", "MIMAT0000076", "hsa-miR-21-5p"},
            {"EV_SUBTYPE", "EV:subtype/exosome", "exosome"}, {"EV_MARKER", "NCBIGene:967", "CD63"}};
    static final String[] TYPES = {"gene", "DISEASE", "mirna", "ev-subtype", "EV_MARKER", "cell_type"};
    static final String[] DOIS = {"10.1038/nature14581", "10.1101/2024.01.01.123456", "10.1016/j.cell.2020.01.001"};
    static final String[] PMIDS = {"26106858", "31000001"};
    static final String[] PMCIDS = {"PMC4504920", "pmc7000001"};
    static final String[] SOURCES = {"pubmed", "biorxiv", "europepmc"};
    static final String[] PUBTYPES = {"Journal Article", "Review", "Preprint"};
    static final String[] RELEVANCE = {"relevant", "BORDERLINE", "off-topic"};
    static final String[] JOURNALS = {"Nature", "Cell", "Journal of Extracellular Vesicles"};
    static final String[] AUTHORS = {"Kalluri", "Melo", "Théry", "Witwer"};
    static final String[] TEXT_FIELDS = {"title", "abstract", "keyword", "tldr", "author", "journal"};

    private final Random r;

    RandomSavedQueries(long seed) {
        this.r = new Random(seed);
    }

    /** A query text; most parse, some are refused as the syntax refuses them. */
    String query() {
        return r.nextInt(40) == 0 ? "" : expression(0);
    }

    private String expression(int depth) {
        int parts = 1 + r.nextInt(depth == 0 ? 4 : 3);
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            if (i > 0) {
                q.append(pick(" ", " ", " AND ", " OR ", " OR ", " NOT ", " -", " +"));
            } else if (r.nextInt(8) == 0) {
                q.append(pick("NOT ", "-", "+"));
            }
            q.append(operand(depth));
        }
        return q.toString();
    }

    private String operand(int depth) {
        int kind = r.nextInt(depth >= 3 ? 8 : 10);
        return switch (kind) {
            case 0, 1, 2 -> word();
            case 3 -> phrase();
            case 4 -> pick(TEXT_FIELDS) + ":" + (r.nextBoolean() ? word() : phrase());
            case 5 -> keywordField();
            case 6 -> year();
            case 7 -> pick(PREFIXES);
            case 8 -> "(" + expression(depth + 1) + ")";
            default -> pick(TEXT_FIELDS) + ":(" + word() + pick(" OR ", " ", " AND ") + word() + ")";
        };
    }

    private String word() {
        return r.nextInt(6) == 0 ? pick(PREFIXES) : pick(WORDS);
    }

    private String phrase() {
        StringBuilder p = new StringBuilder("\"");
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            p.append(i > 0 ? " " : "").append(pick(WORDS));
        }
        return p.append('"').toString();
    }

    private String keywordField() {
        return switch (r.nextInt(9)) {
            case 0 -> "entity:\"" + pick(ENTITIES)[1] + "\"";
            case 1 -> "entity:" + pick("mesh:d01*", "NCBIGene:2*", "EV:sub*", "MESH:D010190");
            case 2 -> "type:" + pick(TYPES);
            case 3 -> "doi:" + pick(DOIS);
            case 4 -> "pmid:" + pick(PMIDS);
            case 5 -> "pmcid:" + pick(PMCIDS);
            case 6 -> "source:" + pick(SOURCES);
            case 7 -> "pubtype:\"" + pick(PUBTYPES) + "\"";
            default -> "relevance:" + pick(RELEVANCE);
        };
    }

    private String year() {
        int from = 2010 + r.nextInt(12);
        return switch (r.nextInt(5)) {
            case 0 -> "year:" + from;
            case 1 -> "year:[" + from + " TO " + (from + r.nextInt(6)) + "]";
            case 2 -> "year:{" + from + " TO " + (from + r.nextInt(6)) + "}";
            case 3 -> "year:[* TO " + from + "]";
            default -> "year:[" + from + " TO *}";
        };
    }

    /** Random filters: usually none, otherwise a few of them with values that exist and values that do not. */
    SearchFilters filters() {
        if (r.nextInt(3) > 0) {
            return SearchFilters.NONE;
        }
        LocalDate from = r.nextInt(4) == 0 ? LocalDate.of(2012 + r.nextInt(10), 1 + r.nextInt(12), 1) : null;
        LocalDate to = r.nextInt(4) == 0 ? LocalDate.of(2016 + r.nextInt(10), 1 + r.nextInt(12), 28) : null;
        return new SearchFilters(some(entityIds()), some(EntityType.values().length, TYPES), from, to,
                some(JOURNALS.length, JOURNALS), some(PUBTYPES.length, PUBTYPES),
                some(SOURCES.length, SOURCES), some(RELEVANCE.length, RELEVANCE));
    }

    private static String[] entityIds() {
        String[] ids = new String[ENTITIES.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = ENTITIES[i][1];
        }
        return ids;
    }

    private List<String> some(String[] values) {
        return some(values.length, values);
    }

    private List<String> some(int bound, String[] values) {
        if (r.nextInt(4) > 0) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i <= r.nextInt(Math.min(bound, 3)); i++) {
            out.add(pick(values));
        }
        return out;
    }

    /** A random paper over the same words, entities, ids and labels as the queries. */
    PaperIndexed paper(int i) {
        Paper.Identifiers ids = new Paper.Identifiers(maybe(DOIS), maybe(PMIDS), maybe(PMCIDS), maybe(DOIS), null);
        List<Paper.AbstractSection> sections = new ArrayList<>();
        for (int s = 0; s < r.nextInt(3); s++) {
            sections.add(new Paper.AbstractSection(null, words(10 + r.nextInt(30))));
        }
        List<Paper.Author> authors = new ArrayList<>();
        for (int a = 0; a < r.nextInt(3); a++) {
            authors.add(new Paper.Author(pick("Sonia A", "Raghu", "Clotilde"), pick(AUTHORS), null, null, List.of()));
        }
        String journal = maybe(JOURNALS);
        Paper paper = new Paper(ids, words(4 + r.nextInt(10)), sections, authors,
                new Paper.Journal(journal, journal, null, null, null, null, null, null, null), dates(),
                some(PUBTYPES), r.nextBoolean() ? List.of(words(2)) : List.of(),
                r.nextBoolean() ? List.of(new Paper.MeshHeading("D010190", "Pancreatic Neoplasms", true)) : List.of(),
                null, "eng", null, List.of());
        return new PaperIndexed(PaperIndexed.SCHEMA_VERSION, "p-" + i, PaperIndexed.Change.CREATED, 1,
                Instant.parse("2026-11-22T09:00:00Z"), paper, entities(), summary(), some(SOURCES));
    }

    private Paper.PaperDates dates() {
        int year = 2010 + r.nextInt(15);
        return switch (r.nextInt(5)) {
            case 0 -> new Paper.PaperDates(null, null, year + "-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(10), null);
            case 1 -> new Paper.PaperDates(null, null, year + "-1" + r.nextInt(3), null);
            case 2 -> new Paper.PaperDates(null, null, Integer.toString(year), null);
            case 3 -> new Paper.PaperDates(null, year + "-05-01", null, year + "-04-02");
            default -> Paper.PaperDates.NONE;
        };
    }

    private List<PaperIndexed.EntityCount> entities() {
        List<PaperIndexed.EntityCount> out = new ArrayList<>();
        for (String[] e : ENTITIES) {
            if (r.nextInt(3) == 0) {
                out.add(new PaperIndexed.EntityCount(EntityType.valueOf(e[0]), e[1], e[2], 1 + r.nextInt(3)));
            }
        }
        return out;
    }

    private Summary summary() {
        Summary.Relevance relevance = r.nextInt(4) == 0
                ? null
                : new Summary.Relevance(
                        Summary.Relevance.Label.values()[r.nextInt(3)], r.nextDouble());
        return new Summary(r.nextBoolean() ? words(6) : null, List.of(), relevance);
    }

    private String words(int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append(i > 0 ? pick(" ", " ", " ", ", ", ". ") : "").append(pick(WORDS));
        }
        return text.toString();
    }

    private String maybe(String[] values) {
        return r.nextBoolean() ? pick(values) : null;
    }

    @SafeVarargs
    private <T> T pick(T... values) {
        return values[r.nextInt(values.length)];
    }
}
