package org.evwatch.gateway.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.evwatch.events.Paper;
import org.evwatch.events.PaperIndexed;
import org.evwatch.query.QuerySyntaxException;

/**
 * The saved queries and papers of {@link PercolatorBenchmark}: queries in five shapes (two words, a phrase, an OR group
 * with an entity filter, a field query with an exclusion, a word with a year range), a third of them with
 * entity-type and relevance filters; papers are a fixture paper with ten random words as title.
 * <p>
 * The benchmark's vocabulary has 20 words, so most queries are repeated many times over and about a third of them
 * match each paper. The wide vocabulary draws from 5,000 words instead, so that nearly every query is distinct and
 * a paper matches few of them, as with subscribers who each follow their own topic.
 */
record PercolatorWorkload(String[] words, String[] entities) {

    static final String[] BENCHMARK_WORDS = {"exosome", "vesicle", "glioma", "pancreatic", "breast", "biomarker",
            "mirna", "plasma", "serum", "tumour", "metastasis", "proteomic", "liquid", "biopsy", "microglia",
            "immunotherapy", "hypoxia", "cargo", "uptake", "secretion"};
    static final String[] BENCHMARK_ENTITIES = {"MESH:D010190", "MESH:D005909", "NCBIGene:2817", "NCBIGene:7157",
            "MIMAT0000076", "EV:subtype/exosome"};

    /** The benchmark's workload: 20 words, 6 entity ids. */
    static PercolatorWorkload benchmark() {
        return new PercolatorWorkload(BENCHMARK_WORDS, BENCHMARK_ENTITIES);
    }

    /** The same shapes over 5,000 made-up words and 1,000 entity ids (a few of them the fixture paper's). */
    static PercolatorWorkload wide() {
        Random r = new Random(7);
        String[] words = new String[5_000];
        for (int i = 0; i < words.length; i++) {
            words[i] = i < BENCHMARK_WORDS.length ? BENCHMARK_WORDS[i] : madeUpWord(r);
        }
        String[] entities = new String[1_000];
        for (int i = 0; i < entities.length; i++) {
            entities[i] = i < BENCHMARK_ENTITIES.length ? BENCHMARK_ENTITIES[i] : "MESH:D" + (100_000 + i);
        }
        return new PercolatorWorkload(words, entities);
    }

    private static String madeUpWord(Random r) {
        String consonants = "bcdfghklmnprstvz";
        String vowels = "aeiou";
        StringBuilder w = new StringBuilder();
        for (int s = 0; s < 3 + r.nextInt(2); s++) {
            w.append(consonants.charAt(r.nextInt(consonants.length()))).append(vowels.charAt(r.nextInt(5)));
        }
        return w.append(consonants.charAt(r.nextInt(consonants.length()))).toString();
    }

    /** {@code count} saved queries with ids {@code s0, s1, ...}. */
    List<Percolator.Compiled> queries(Random random, int count) throws QuerySyntaxException {
        List<Percolator.Compiled> queries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            queries.add(Percolator.Compiled.of("s" + i, query(random, i), filters(i)));
        }
        return queries;
    }

    /** The query text of the {@code i}-th saved query. */
    String query(Random r, int i) {
        String a = words[r.nextInt(words.length)];
        String b = words[r.nextInt(words.length)];
        return switch (i % 5) {
            case 0 -> a + " " + b;
            case 1 -> "\"" + a + " " + b + "\"";
            case 2 -> "(" + a + " OR " + b + ") AND entity:\"" + entities[r.nextInt(entities.length)] + "\"";
            case 3 -> "title:" + a + " -" + b;
            default -> a + " AND year:[2010 TO 2026]";
        };
    }

    static SearchFilters filters(int i) {
        return i % 3 == 0
                ? new SearchFilters(null, List.of("DISEASE"), null, null, null, null, null, List.of("RELEVANT"))
                : SearchFilters.NONE;
    }

    /** The base paper with ten random words of the vocabulary as title and id {@code bench-i}. */
    PaperIndexed paper(PaperIndexed base, Random r, int i) {
        Paper p = base.paper();
        StringBuilder title = new StringBuilder();
        for (int w = 0; w < 10; w++) {
            title.append(words[r.nextInt(words.length)]).append(' ');
        }
        Paper paper = new Paper(p.ids(), title.toString().trim(), p.abstractSections(), p.authors(), p.journal(),
                p.dates(), p.publicationTypes(), p.keywords(), p.meshHeadings(), p.license(), p.language(), p.url(),
                p.body());
        return new PaperIndexed(base.schemaVersion(), "bench-" + i, base.change(), 1, base.indexedAt(), paper,
                base.entities(), base.summary(), base.sources());
    }
}
