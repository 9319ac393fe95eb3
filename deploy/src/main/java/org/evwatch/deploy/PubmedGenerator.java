package org.evwatch.deploy;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes PubMed efetch XML ({@code PubmedArticleSet}) of generated papers on extracellular vesicles in cancer, for
 * load, benchmark and fault-injection runs of the local runtime. Each paper has its own PMID and DOI (so none merge),
 * a title and a structured abstract composed from the cancers, vesicle types, cargo, biofluids, methods and markers
 * real papers name, three to eight authors, a journal, dates, publication types and MeSH headings. The same seed
 * gives the same papers.
 *
 * <p>
 * Command line: {@code PubmedGenerator <folder> <papers> [papers-per-file] [first-pmid]}; files are written whole
 * (a temporary name, then a rename), so a watched inbox never reads half a file.
 */
public final class PubmedGenerator {

    private static final String[] CANCERS = {"pancreatic ductal adenocarcinoma", "glioblastoma",
            "triple-negative breast cancer", "colorectal cancer", "hepatocellular carcinoma",
            "non-small cell lung cancer",
            "prostate cancer", "ovarian cancer", "melanoma", "gastric cancer", "bladder cancer", "multiple myeloma",
            "acute myeloid leukemia", "oral squamous cell carcinoma", "renal cell carcinoma", "osteosarcoma"};
    private static final String[] VESICLES = {"exosomes", "small extracellular vesicles", "microvesicles",
            "large oncosomes", "tumour-derived extracellular vesicles", "apoptotic bodies", "plasma exosomes"};
    private static final String[] CARGO = {"miR-21-5p", "miR-1246", "miR-155", "PD-L1", "KRAS mRNA", "circRNA",
            "lncRNA H19", "EGFRvIII", "glypican-1", "HSP70", "integrin alpha6beta4", "MALAT1", "survivin", "TGF-beta1"};
    private static final String[] FLUIDS = {"plasma", "serum", "urine", "saliva", "cerebrospinal fluid",
            "ascites", "bronchoalveolar lavage fluid", "conditioned medium"};
    private static final String[] METHODS = {"differential ultracentrifugation", "size-exclusion chromatography",
            "density gradient ultracentrifugation", "polymer-based precipitation", "immunoaffinity capture",
            "tangential flow filtration", "asymmetric flow field-flow fractionation"};
    private static final String[] MARKERS = {"CD63", "CD9", "CD81", "TSG101", "ALIX", "syntenin-1", "flotillin-1"};
    private static final String[] ROLES = {"promotes metastasis of", "confers chemoresistance in",
            "suppresses T cell immunity in", "predicts early recurrence of", "reprograms fibroblasts in",
            "drives angiogenesis in", "is a diagnostic biomarker for", "remodels the pre-metastatic niche in"};
    private static final String[] MODELS = {"a mouse xenograft model", "patient-derived organoids",
            "an orthotopic mouse model", "a prospective cohort", "a zebrafish xenograft model", "3D spheroids"};
    private static final String[] FAMILIES = {"Lindqvist", "Moreau", "Tanaka", "Abara", "Okafor", "Fernández-Ruiz",
            "Novak", "Chen", "Kowalski", "Haddad", "Silva", "Müller", "Ivanova", "Nakamura", "O'Brien", "Singh",
            "García", "Rossi", "Dubois", "Kim"};
    private static final String[] GIVEN = {"Hanna", "Julien P", "Rei", "Chinedu", "Miriam", "Lucía", "Petra", "Wei",
            "Tomasz", "Layla", "Ana", "Jonas", "Olga", "Haruto", "Siobhan", "Arjun", "Mateo", "Giulia", "Claire",
            "Min-ji"};
    private static final String[][] JOURNALS = {{"Journal of extracellular vesicles", "2001-3078"},
            {"Molecular cancer", "1476-4598"}, {"Cancer research", "0008-5472"}, {"Nature communications", "2041-1723"},
            {"Journal of hematology & oncology", "1756-8722"}, {"Theranostics", "1838-7640"},
            {"Extracellular vesicle", "2773-0417"}};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov", "Dec"};

    private final SplittableRandom random;

    public PubmedGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: PubmedGenerator <folder> <papers> [papers-per-file] [first-pmid]");
            System.exit(2);
        }
        int papers = Integer.parseInt(args[1]);
        int perFile = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        long firstPmid = args.length > 3 ? Long.parseLong(args[3]) : 90_000_000L;
        List<Path> files = new PubmedGenerator(42).writeFiles(Path.of(args[0]), papers, perFile, firstPmid);
        System.out.println("wrote " + papers + " papers in " + files.size() + " files to " + args[0]);
    }

    /** Writes {@code papers} papers with PMIDs from {@code firstPmid} on, {@code perFile} to a file. */
    public List<Path> writeFiles(Path folder, int papers, int perFile, long firstPmid) throws IOException {
        Files.createDirectories(folder);
        List<Path> files = new ArrayList<>();
        for (int start = 0; start < papers; start += perFile) {
            int count = Math.min(perFile, papers - start);
            String name = String.format("generated-%d-%d.xml", firstPmid + start, firstPmid + start + count - 1);
            Path tmp = folder.resolve(name + ".part");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                writeSet(out, firstPmid + start, count);
            }
            files.add(Files.move(tmp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE));
        }
        return files;
    }

    /** One {@code PubmedArticleSet} of {@code count} papers, PMIDs from {@code firstPmid} on. */
    public void writeSet(Writer out, long firstPmid, int count) throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE PubmedArticleSet PUBLIC "
                + "\"-//NLM//DTD PubMedArticle, 1st January 2025//EN\" "
                + "\"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd\">\n<PubmedArticleSet>\n");
        for (int i = 0; i < count; i++) {
            out.write(article(firstPmid + i));
        }
        out.write("</PubmedArticleSet>\n");
    }

    /** One {@code PubmedArticle}, published in a month of 2015 to 2026. */
    public String article(long pmid) {
        return article(pmid, null);
    }

    /**
     * One {@code PubmedArticle} published and entered into PubMed on {@code day}, as an E-utilities server would
     * return it for a search over that entry date.
     */
    public String article(long pmid, LocalDate day) {
        String cancer = pick(CANCERS);
        String vesicles = pick(VESICLES);
        String cargo = pick(CARGO);
        int year = day == null ? 2015 + random.nextInt(12) : day.getYear();
        int month = day == null ? 1 + random.nextInt(12) : day.getMonthValue();
        String[] journal = JOURNALS[random.nextInt(JOURNALS.length)];
        StringBuilder x = new StringBuilder(4096);
        x.append("<PubmedArticle><MedlineCitation Status=\"MEDLINE\" Owner=\"NLM\">");
        x.append("<PMID Version=\"1\">").append(pmid).append("</PMID>");
        x.append("<Article PubModel=\"Electronic\"><Journal><ISSN IssnType=\"Electronic\">").append(journal[1])
                .append("</ISSN><JournalIssue CitedMedium=\"Internet\"><Volume>").append(year - 2005)
                .append("</Volume><Issue>").append(1 + random.nextInt(12)).append("</Issue><PubDate><Year>")
                .append(year).append("</Year><Month>").append(MONTHS[month - 1]).append("</Month></PubDate>")
                .append("</JournalIssue><Title>").append(escape(journal[0])).append("</Title></Journal>");
        x.append("<ArticleTitle>").append(escape(title(cancer, vesicles, cargo, pmid))).append("</ArticleTitle>");
        x.append("<ELocationID EIdType=\"doi\" ValidYN=\"Y\">10.5555/evwatch.generated.").append(pmid)
                .append("</ELocationID>");
        x.append("<Abstract>").append(abstractText(cancer, vesicles, cargo)).append("</Abstract>");
        x.append(authors()).append("<Language>eng</Language><PublicationTypeList>")
                .append("<PublicationType UI=\"D016428\">Journal Article</PublicationType></PublicationTypeList>")
                .append("</Article>");
        x.append("<MeshHeadingList><MeshHeading><DescriptorName UI=\"D006801\" MajorTopicYN=\"N\">Humans")
                .append("</DescriptorName></MeshHeading><MeshHeading><DescriptorName UI=\"D000067128\" ")
                .append("MajorTopicYN=\"Y\">Extracellular Vesicles</DescriptorName></MeshHeading></MeshHeadingList>");
        x.append("</MedlineCitation><PubmedData><History><PubMedPubDate PubStatus=\"pubmed\"><Year>").append(year)
                .append("</Year><Month>").append(month).append("</Month><Day>")
                .append(day == null ? 1 + random.nextInt(28) : day.getDayOfMonth())
                .append("</Day></PubMedPubDate></History><PublicationStatus>epublish</PublicationStatus>")
                .append("<ArticleIdList><ArticleId IdType=\"pubmed\">").append(pmid).append("</ArticleId>")
                .append("<ArticleId IdType=\"doi\">10.5555/evwatch.generated.").append(pmid)
                .append("</ArticleId></ArticleIdList></PubmedData></PubmedArticle>\n");
        return x.toString();
    }

    private String title(String cancer, String vesicles, String cargo, long pmid) {
        // The PMID's digits make every title distinct, as real titles nearly always are.
        return capitalise(vesicles) + " carrying " + cargo + " " + pick(ROLES) + " " + cancer + " in "
                + pick(MODELS) + " (cohort " + pmid % 100_000 + ")";
    }

    private String abstractText(String cancer, String vesicles, String cargo) {
        String fluid = pick(FLUIDS);
        String method = pick(METHODS);
        String marker = pick(MARKERS);
        int patients = 20 + random.nextInt(400);
        String auc = String.format("0.%02d", 60 + random.nextInt(39));
        return section("BACKGROUND", "Extracellular vesicles shuttle proteins and RNAs between tumour cells and "
                + "their microenvironment, but the role of " + vesicles + " carrying " + cargo + " in " + cancer
                + " is unclear.")
                + section("METHODS", capitalise(vesicles) + " were isolated from " + fluid + " of " + patients
                        + " patients with " + cancer + " and from matched controls by " + method + ", characterised"
                        + " by nanoparticle tracking analysis and immunoblotting for " + marker + ", and their "
                        + cargo + " content was measured.")
                + section("RESULTS", "Vesicles had a modal diameter of " + (80 + random.nextInt(120))
                        + " nm and were positive for " + marker + ". " + capitalise(cargo) + " was enriched "
                        + String.format("%.1f", 1.5 + random.nextDouble() * 6) + "-fold in " + vesicles
                        + " from patients and distinguished them from controls with an AUC of " + auc + ".")
                + section("CONCLUSIONS", capitalise(cargo) + " in " + fluid + " " + vesicles
                        + " is a candidate biomarker and therapeutic target in " + cancer + ".");
    }

    private static String section(String label, String text) {
        return "<AbstractText Label=\"" + label + "\" NlmCategory=\"" + label + "\">" + escape(text)
                + "</AbstractText>";
    }

    private String authors() {
        StringBuilder x = new StringBuilder("<AuthorList CompleteYN=\"Y\">");
        int n = 3 + random.nextInt(6);
        for (int i = 0; i < n; i++) {
            int f = random.nextInt(FAMILIES.length);
            x.append("<Author ValidYN=\"Y\"><LastName>").append(escape(FAMILIES[f])).append("</LastName><ForeName>")
                    .append(escape(GIVEN[random.nextInt(GIVEN.length)])).append("</ForeName>")
                    .append("<AffiliationInfo><Affiliation>Department of Molecular Oncology, Eastvale University, "
                            + "Toronto, Canada.</Affiliation></AffiliationInfo></Author>");
        }
        return x.append("</AuthorList>").toString();
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
