package org.evwatch.indexer.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.evwatch.events.EntityType;
import org.evwatch.events.Paper;
import org.evwatch.events.PaperIndexed;
import org.evwatch.events.Summary;

/**
 * Generated papers that look like the EV-in-cancer literature to a search engine: titles of 8–16 words and
 * abstracts of 150–260 words drawn from a Zipf-distributed vocabulary of the field, 2–8 entities per paper from a
 * skewed pool, journals, years, sources and relevance labels with realistic skew. Paper {@code i} is a pure
 * function of (seed, i), so the Lucene and PostgreSQL sides see exactly the same data without holding it all.
 */
final class PaperGenerator {

    private static final String[] EV_PHRASES = {"exosomes", "exosome", "extracellular vesicles",
            "small extracellular vesicles", "exosomal", "microvesicles", "tumour-derived exosomes", "EVs",
            "large oncosomes", "apoptotic bodies"};
    private static final String[] CANCER = {"cancer", "tumour", "carcinoma", "metastasis", "glioblastoma",
            "melanoma", "leukaemia", "adenocarcinoma", "neoplasm", "lymphoma"};
    private static final String[] ORGANS = {"breast", "lung", "colorectal", "pancreatic", "prostate", "ovarian",
            "gastric", "hepatocellular", "bladder", "renal", "cervical", "oral"};
    private static final String[] WORDS = ("cells patients expression analysis results study protein levels role "
            + "associated increased plasma serum samples secretion uptake cargo markers biomarker diagnosis "
            + "prognosis therapy resistance chemotherapy immunotherapy signalling pathway regulation migration "
            + "invasion proliferation apoptosis angiogenesis microenvironment fibroblasts macrophages "
            + "T-cells immune response inflammation hypoxia sequencing proteomics lipidomics RNA microRNA "
            + "miR-21 miR-155 PD-L1 CD63 CD9 CD81 TSG101 Alix flotillin HSP70 isolation ultracentrifugation "
            + "size-exclusion chromatography nanoparticle tracking analysis electron microscopy western blot "
            + "liquid biopsy circulating plasma-derived urine saliva cerebrospinal fluid cohort mouse model "
            + "xenograft in vitro in vivo significantly higher lower compared controls validation "
            + "sensitivity specificity detection early-stage late-stage survival recurrence treatment response "
            + "delivery drug nanocarrier engineered loading targeting stem progenitor mesenchymal endothelial "
            + "epithelial transition EMT transfer horizontal communication intercellular niche pre-metastatic "
            + "organotropism integrins glycosylation surface proteins membrane lipid raft biogenesis ESCRT "
            + "tetraspanin release secretion rate heterogeneity subpopulations single-vesicle flow cytometry")
            .split(" ");
    private static final String[] FILLER = ("we the of and in to a with for that was were by from this these "
            + "our on as is are be which have has been not but also into between using").split(" ");
    private static final String[] SOURCES = {"pubmed", "europepmc", "crossref", "biorxiv", "feed", "page"};
    private static final double[] SOURCE_WEIGHTS = {0.45, 0.25, 0.15, 0.06, 0.06, 0.03};
    private static final String[] PUBTYPES = {"Journal Article", "Review", "Preprint", "Letter", "Editorial",
            "Clinical Trial"};
    private static final double[] PUBTYPE_WEIGHTS = {0.70, 0.17, 0.07, 0.03, 0.02, 0.01};
    private static final EntityType[] ENTITY_TYPES = EntityType.values();

    private final long seed;
    private final ZipfSampler words = new ZipfSampler(WORDS.length, 1.05);
    private final ZipfSampler entities = new ZipfSampler(4_000, 1.1);
    private final ZipfSampler journals = new ZipfSampler(800, 1.0);

    PaperGenerator(long seed) {
        this.seed = seed;
    }

    PaperIndexed paper(long i) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + i);
        boolean evPaper = r.nextDouble() < 0.35;
        boolean cancerPaper = r.nextDouble() < 0.6;
        String organ = ORGANS[r.nextInt(ORGANS.length)];

        StringBuilder title = new StringBuilder();
        if (evPaper) {
            title.append(cap(EV_PHRASES[r.nextInt(EV_PHRASES.length)])).append(' ');
        }
        int titleWords = 6 + r.nextInt(9);
        for (int w = 0; w < titleWords; w++) {
            title.append(w % 3 == 1 ? FILLER[r.nextInt(FILLER.length)] : WORDS[words.sample(r)]).append(' ');
        }
        if (cancerPaper) {
            title.append("in ").append(organ).append(' ').append(CANCER[r.nextInt(CANCER.length)]);
        }
        String abstractText = abstractText(r, evPaper, cancerPaper, organ);

        int year = 2000 + Math.min(25, (int) Math.floor(Math.sqrt(r.nextDouble()) * 26));
        String date = String.format("%d-%02d-%02d", year, 1 + r.nextInt(12), 1 + r.nextInt(28));
        String doi = "10." + (1000 + r.nextInt(9000)) + "/bench." + i;
        Paper paper = new Paper(new Paper.Identifiers(doi, Long.toString(10_000_000L + i), null, null, null),
                title.toString().trim(), List.of(new Paper.AbstractSection(null, abstractText)),
                List.of(new Paper.Author("A.", "Author" + r.nextInt(50_000), null, null, List.of()),
                        new Paper.Author("B.", "Author" + r.nextInt(50_000), null, null, List.of())),
                new Paper.Journal("Journal " + journals.sample(r), null, null, null, null, null, null, null, null),
                new Paper.PaperDates(null, null, date, null), List.of(pick(r, PUBTYPES, PUBTYPE_WEIGHTS)),
                List.of(WORDS[words.sample(r)], organ), List.of(), null, "eng", null, List.of());

        Map<String, PaperIndexed.EntityCount> ents = new LinkedHashMap<>();
        if (evPaper) {
            ents.put("EV:subtype/exosome", new PaperIndexed.EntityCount(EntityType.EV_SUBTYPE, "EV:subtype/exosome",
                    "exosome", 1 + r.nextInt(6)));
        }
        int n = 2 + r.nextInt(7);
        for (int k = 0; k < n; k++) {
            int e = entities.sample(r);
            EntityType type = ENTITY_TYPES[e % ENTITY_TYPES.length];
            String id = type.name() + ":" + e;
            ents.putIfAbsent(id, new PaperIndexed.EntityCount(type, id, "entity " + e, 1 + r.nextInt(4)));
        }
        Summary.Relevance.Label label = evPaper && cancerPaper
                ? Summary.Relevance.Label.RELEVANT
                : evPaper || cancerPaper ? Summary.Relevance.Label.BORDERLINE : Summary.Relevance.Label.OFF_TOPIC;
        Summary summary = new Summary(abstractText.substring(0, Math.min(160, abstractText.length())), List.of(),
                new Summary.Relevance(label, r.nextDouble()));
        String source = pick(r, SOURCES, SOURCE_WEIGHTS);
        List<String> sources = r.nextDouble() < 0.3
                ? List.of(source, "crossref").stream().distinct().toList()
                : List.of(source);
        return new PaperIndexed(1, "bench-" + i, PaperIndexed.Change.CREATED, 1, Instant.EPOCH, paper,
                List.copyOf(ents.values()), summary, sources);
    }

    private String abstractText(SplittableRandom r, boolean ev, boolean cancer, String organ) {
        StringBuilder sb = new StringBuilder();
        int sentences = 7 + r.nextInt(5);
        for (int s = 0; s < sentences; s++) {
            int len = 14 + r.nextInt(12);
            for (int w = 0; w < len; w++) {
                String word;
                double x = r.nextDouble();
                if (ev && x < 0.05) {
                    word = EV_PHRASES[r.nextInt(EV_PHRASES.length)];
                } else if (cancer && x < 0.09) {
                    word = x < 0.07 ? CANCER[r.nextInt(CANCER.length)] : organ;
                } else if (x < 0.45) {
                    word = FILLER[r.nextInt(FILLER.length)];
                } else {
                    word = WORDS[words.sample(r)];
                }
                sb.append(w == 0 ? cap(word) : word).append(w == len - 1 ? ". " : " ");
            }
        }
        return sb.toString().trim();
    }

    private static String pick(SplittableRandom r, String[] values, double[] weights) {
        double x = r.nextDouble();
        for (int i = 0; i < values.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Samples ranks 0..n-1 with probability proportional to 1/(rank+1)^s, by inverse CDF. */
    static final class ZipfSampler {
        private final double[] cdf;

        ZipfSampler(int n, double s) {
            cdf = new double[n];
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += 1.0 / Math.pow(k + 1, s);
                cdf[k] = sum;
            }
            for (int k = 0; k < n; k++) {
                cdf[k] /= sum;
            }
        }

        int sample(SplittableRandom r) {
            int i = java.util.Arrays.binarySearch(cdf, r.nextDouble());
            return Math.min(cdf.length - 1, i >= 0 ? i : -i - 1);
        }
    }

    static List<String> sampleTitles(PaperGenerator g, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(g.paper(i).paper().title());
        }
        return out;
    }
}
