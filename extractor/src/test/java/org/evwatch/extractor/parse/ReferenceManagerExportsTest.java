package org.evwatch.extractor.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.evwatch.events.ContentSniffer;
import org.evwatch.events.ContentTypes;
import org.evwatch.events.Paper;
import org.junit.jupiter.api.Test;

/**
 * Library files written the way the programs write them, field for field: Zotero's RIS (UTF-8 with a byte order
 * mark, CRLF line ends, {@code ER} followed by spaces) beside an EndNote-style record ({@code A1}, {@code Y1},
 * {@code JO}, {@code N2}, a DOI as a link); PubMed's {@code .nbib} with wrapped values, investigators and typed ids;
 * BibTeX from Zotero (LaTeX-escaped names, month macros) and from publishers' "cite" buttons (quoted values,
 * {@code @string}, {@code @comment}, {@code and others}, "Given Family" names, a DOI written as a link, a
 * {@code day} field); CSL-JSON from Zotero (string years in {@code date-parts}, {@code literal} names, PMID and PMCID
 * fields) and from other writers ({@code raw} dates, {@code container-title} lists, lower-case {@code doi}, name
 * particles).
 */
class ReferenceManagerExportsTest {

    private static final String ZOTERO_RIS = """
            TY  - JOUR
            TI  - Plasma extracellular vesicle PD-L1 predicts response to pembrolizumab in non-small cell lung cancer
            AU  - Hernández-Ruiz, José Luis
            AU  - O'Brien, Siobhán
            AU  - van der Berg, Pieter
            T2  - Journal for ImmunoTherapy of Cancer
            AB  - Background: Tissue PD-L1 misses patients who respond. Methods: We measured PD-L1 on plasma vesicles of 112 patients before treatment. Results: High vesicular PD-L1 predicted response (AUC 0.81). Conclusions: A blood test may select patients.
            DA  - 2023/05/17/
            PY  - 2023
            DO  - 10.1136/JITC-2022-006123
            DP  - PubMed
            ET  - 2023/05/17
            VL  - 11
            IS  - 5
            SP  - e006123
            J2  - J Immunother Cancer
            LA  - eng
            SN  - 2051-1426
            UR  - https://jitc.bmj.com/content/11/5/e006123
            L1  - https://jitc.bmj.com/content/jitc/11/5/e006123.full.pdf
            Y2  - 2024/03/01/10:22:41
            KW  - Extracellular Vesicles
            KW  - B7-H1 Antigen
            KW  - Liquid biopsy
            ER  -\s\s

            TY  - JOUR
            T1  - Exosomal miR-1246 and miR-4644 in the saliva of patients with pancreatic cancer
            A1  - Machida, Tomohiro
            A1  - Tomofuji, Takaaki
            A1  - Maruyama, Takayuki
            Y1  - 2016///
            JO  - Oncology Reports
            JF  - Oncology reports
            VL  - 36
            IS  - 4
            SP  - 2375
            EP  - 2381
            N2  - Saliva of 12 patients and 13 controls was collected.
            the exosomal miRNAs were extracted with a kit.
            DO  - https://doi.org/10.3892/or.2016.5021
            UR  - https://www.spandidos-publications.com/10.3892/or.2016.5021
            ER  -\s
            """;

    private static final String PUBMED_NBIB = """
            PMID- 36542123
            OWN - NLM
            STAT- MEDLINE
            DCOM- 20230120
            LR  - 20230215
            IS  - 1476-4598 (Electronic)
            IS  - 1476-4598 (Linking)
            VI  - 21
            IP  - 1
            DP  - 2022 Dec 21
            TI  - Exosomal circRNA-0001739 promotes lymph node metastasis of cervical cancer by
                  sponging miR-139-5p.
            PG  - 228
            LID - 228
            LID - 10.1186/s12943-022-01702-9 [doi]
            AB  - BACKGROUND: Lymph node metastasis decides the prognosis of cervical cancer.
                  METHODS: Exosomes were isolated from the serum of 86 patients and profiled by
                  RNA sequencing. RESULTS: circRNA-0001739 was enriched in the exosomes of patients
                  with nodal disease. CONCLUSIONS: Exosomal circRNA-0001739 is a candidate marker.
            CI  - (c) 2022. The Author(s).
            FAU - Zhang, Xiao-Ling
            AU  - Zhang XL
            AUID- ORCID: https://orcid.org/0000-0001-5109-3700
            AD  - Department of Gynecology, Sun Yat-sen University Cancer Center, Guangzhou,
                  China.
            FAU - Nguyễn, Thị Minh
            AU  - Nguyễn TM
            AD  - Hanoi Medical University, Hanoi, Vietnam.
            FAU - Al-Khatib, Omar
            AU  - Al-Khatib O
            CN  - Cervical Cancer Exosome Study Group
            LA  - eng
            PT  - Journal Article
            PT  - Research Support, Non-U.S. Gov't
            DEP - 20221221
            PL  - England
            TA  - Mol Cancer
            JT  - Molecular cancer
            JID - 101147698
            RN  - 0 (RNA, Circular)
            SB  - IM
            MH  - Female
            MH  - Humans
            MH  - *Exosomes/genetics/metabolism
            MH  - Lymphatic Metastasis/pathology
            MH  - *Uterine Cervical Neoplasms/genetics/pathology
            PMC - PMC9770123
            OTO - NOTNLM
            OT  - Cervical cancer
            OT  - Exosome
            OT  - circRNA
            COIS- The authors declare no competing interests.
            FIR - Okonkwo, Adaeze
            IR  - Okonkwo A
            IRAD- Lagos University Teaching Hospital, Lagos, Nigeria.
            EDAT- 2022/12/22 06:00
            MHDA- 2023/01/21 06:00
            PHST- 2022/08/30 00:00 [received]
            PHST- 2022/12/06 00:00 [accepted]
            AID - 10.1186/s12943-022-01702-9 [doi]
            AID - 10.1186/s12943-022-01702-9 [pii]
            PST - epublish
            SO  - Mol Cancer. 2022 Dec 21;21(1):228. doi: 10.1186/s12943-022-01702-9.

            PMID- 31099123
            OWN - NLM
            STAT- In-Data-Review
            IS  - 1573-7217 (Electronic)
            IS  - 0167-6806 (Linking)
            VI  - 176
            IP  - 2
            DP  - 2019 Jul-Aug
            TI  - [Extracellular vesicles in breast cancer: a review].
            PG  - 255-264
            LID - 10.1007/s10549-019-05265-x [doi]
            AB  - PURPOSE: To review extracellular vesicles in breast cancer. DATA SOURCES: PubMed
                  and Embase to 2018. STUDY SELECTION: 112 studies. CLINICAL TRIAL NUMBER: none.
                  CONCLUSIONS: Vesicles are promising markers.
            FAU - Dubois, Anne-Claire
            AU  - Dubois AC
            LA  - fre
            PT  - English Abstract
            PT  - Journal Article
            PT  - Review
            TA  - Breast Cancer Res Treat
            JT  - Breast cancer research and treatment
            SO  - Breast Cancer Res Treat. 2019 Jul-Aug;176(2):255-264.
            """;

    private static final String ZOTERO_BIBTEX = """

            @article{hernandez-ruiz_plasma_2023,
            	title = {Plasma extracellular vesicle {PD}-{L1} predicts response to pembrolizumab in non-small cell lung cancer},
            	volume = {11},
            	copyright = {© Author(s) (or their employer(s)) 2023. Re-use permitted under CC BY-NC.},
            	issn = {2051-1426},
            	url = {https://jitc.bmj.com/content/11/5/e006123},
            	doi = {10.1136/jitc-2022-006123},
            	abstract = {Tissue {PD}-{L1} misses patients who respond; 35\\% of them had high vesicular {PD}-{L1}.},
            	language = {en},
            	number = {5},
            	urldate = {2024-03-01},
            	journal = {Journal for ImmunoTherapy of Cancer},
            	author = {Hern{\\'a}ndez-Ruiz, Jos{\\'e} Luis and O'Brien, Siobh{\\'a}n and van der Berg, Pieter and Gon{\\c c}alves, Jo{\\~a}o and M{\\o}ller, S{\\o}ren},
            	month = may,
            	year = {2023},
            	note = {Publisher: BMJ Specialist Journals
            Section: Immunotherapy biomarkers},
            	keywords = {Extracellular Vesicles, Liquid biopsy, {PD}-{L1}},
            	pages = {e006123},
            }

            @article{okonkwo_vesicles_2022,
            	title = {Vesicles {\\textless}200 nm carry {Ca}$^{\\textrm{2+}}$ and {CO}$_{\\textrm{2}}$ sensors},
            	volume = {39},
            	issn = {1535-6108},
            	url = {https://doi.org/10.1016/j.ccell.2021.07.004},
            	doi = {10.1016/j.ccell.2021.07.004},
            	abstract = {Uptake rose {\\textasciitilde}3-fold (p {\\textless} 0.05) in {\\textit{KRAS}}-mutant cells.},
            	langid = {english},
            	number = {8},
            	journaltitle = {Cancer Cell},
            	shortjournal = {Cancer Cell},
            	author = {Okonkwo, Adaeze and Ferreira, Marta R.},
            	date = {2022-08-09},
            	pmid = {34511234},
            	keywords = {Exosomes, {KRAS}},
            	pages = {1102--1114},
            }
            """;

    private static final String PUBLISHER_BIBTEX = """
            % exported from a journal's "Cite this article" box
            @string{molcan = "Molecular Cancer"}
            @comment{The next entry is how Springer Nature writes it.}

            @Article{Lee2021,
            author="Lee, Min-jung
            and Park, Ji Ho
            and others",
            title="Exosomal {miR-21} drives {\\textit{in vivo}} chemoresistance of gastric cancer",
            journal=molcan,
            year="2021",
            month="Mar",
            day="12",
            volume="20",
            number="1",
            pages="45",
            abstract="Vesicles from resistant cells made sensitive cells resistant.",
            issn="1476-4598",
            doi="10.1186/s12943-021-01337-2",
            url="https://doi.org/10.1186/s12943-021-01337-2"
            }

            @article{MARTIN2022215432,
            title = {Circulating exosomes as a liquid biopsy for pancreatic cancer: {A} prospective study},
            journal = {Cancer Letters},
            volume = {531},
            pages = {215432},
            year = {2022},
            month = feb,
            issn = {0304-3835},
            doi = {https://doi.org/10.1016/j.canlet.2021.215432},
            url = {https://www.sciencedirect.com/science/article/pii/S0304383521005498},
            author = {Laura Martín and {\\'E}ric Dupont and Zo{\\"e} Q. Smith and {Pancreatic Cancer Consortium}},
            keywords = {Exosomes; Liquid biopsy; Pancreatic cancer},
            abstract = {Exosomal {GPC1} separated cancer from pancreatitis.}
            }

            @ARTICLE(9412345,
              author = {Smith, Jr., John and {\\v{S}}koda, Ji{\\v r}{\\'\\i}},
              journal = {IEEE Transactions on Biomedical Engineering},
              title = {Counting Extracellular Vesicles with a Nanopore Sensor},
              year = {2021},
              volume = {68},
              number = {5},
              pages = {1510-1519},
              doi = {10.1109/TBME.2020.3034\\_567},
              month = {5},
            )
            """;

    private static final String ZOTERO_CSL = """
            [
            	{
            		"id": "http://zotero.org/users/1234567/items/ABCD2345",
            		"type": "article-journal",
            		"abstract": "Tissue PD-L1 misses patients who respond.",
            		"container-title": "Journal for ImmunoTherapy of Cancer",
            		"DOI": "10.1136/jitc-2022-006123",
            		"ISSN": "2051-1426",
            		"issue": "5",
            		"journalAbbreviation": "J Immunother Cancer",
            		"language": "en",
            		"page": "e006123",
            		"PMCID": "PMC10201234",
            		"PMID": "37198123",
            		"source": "PubMed",
            		"title": "Plasma extracellular vesicle <i>PD-L1</i> predicts response to pembrolizumab",
            		"URL": "https://jitc.bmj.com/content/11/5/e006123",
            		"volume": "11",
            		"author": [
            			{"family": "Hernández-Ruiz", "given": "José Luis"},
            			{"family": "O'Brien", "given": "Siobhán"},
            			{"literal": "Lung Cancer Biomarker Consortium"}
            		],
            		"accessed": {"date-parts": [["2024", 3, 1]]},
            		"issued": {"date-parts": [["2023", 5, 17]]}
            	},
            	{
            		"id": "machida2016",
            		"type": "article-journal",
            		"title": "Exosomal miR-1246 and miR-4644 in the saliva of patients with pancreatic cancer",
            		"container-title": ["Oncology Reports"],
            		"container-title-short": ["Oncol Rep"],
            		"doi": "10.3892/OR.2016.5021",
            		"page": "2375–2381",
            		"author": [
            			{"family": "Berg", "given": "Pieter", "non-dropping-particle": "van der"},
            			{"family": "Machida", "given": "Tomohiro"}
            		],
            		"issued": {"raw": "2016-10"},
            		"keyword": "saliva, exosomes, pancreatic cancer"
            	},
            	{
            		"id": "season",
            		"type": "article-journal",
            		"title": "Vesicles of the seasons",
            		"container-title": "Vesicle Letters",
            		"ISSN": "0304-3835, 1872-7980",
            		"issued": {"date-parts": [[2021]], "season": 2}
            	}
            ]
            """;

    private final Parsers parsers = Parsers.standard();

    @Test
    void zoteroRisWithByteOrderMarkAndCrlfBesideAnEndnoteStyleRecord() throws Exception {
        List<Paper> papers = sniffedAndRead("\uFEFF" + ZOTERO_RIS.replace("\n", "\r\n"), ContentTypes.RIS, 2);

        Paper zotero = papers.get(0);
        assertThat(zotero.title()).isEqualTo("Plasma extracellular vesicle PD-L1 predicts response to pembrolizumab"
                + " in non-small cell lung cancer");
        assertThat(zotero.ids()).isEqualTo(new Paper.Identifiers("10.1136/jitc-2022-006123", null, null, null,
                null));
        assertThat(zotero.authors()).extracting(Paper.Author::given, Paper.Author::family).containsExactly(
                tuple("José Luis", "Hernández-Ruiz"), tuple("Siobhán", "O'Brien"), tuple("Pieter", "van der Berg"));
        assertThat(zotero.journal()).isEqualTo(new Paper.Journal("Journal for ImmunoTherapy of Cancer",
                "J Immunother Cancer", "2051-1426", null, "11", "5", "e006123", null, null));
        assertThat(zotero.dates().published()).isEqualTo("2023-05-17");
        assertThat(zotero.abstractSections()).extracting(Paper.AbstractSection::label).containsExactly("Background",
                "Methods", "Results", "Conclusions");
        assertThat(zotero.abstractSections().get(3).text()).isEqualTo("A blood test may select patients.");
        assertThat(zotero.keywords()).containsExactly("Extracellular Vesicles", "B7-H1 Antigen", "Liquid biopsy");
        assertThat(zotero.language()).isEqualTo("en");
        assertThat(zotero.url()).isEqualTo("https://jitc.bmj.com/content/11/5/e006123");
        assertThat(zotero.publicationTypes()).containsExactly("research-article");

        Paper endnote = papers.get(1);
        assertThat(endnote.title()).isEqualTo("Exosomal miR-1246 and miR-4644 in the saliva of patients with"
                + " pancreatic cancer");
        assertThat(endnote.ids().doi()).isEqualTo("10.3892/or.2016.5021");
        assertThat(endnote.authors()).extracting(Paper.Author::family).containsExactly("Machida", "Tomofuji",
                "Maruyama");
        assertThat(endnote.journal()).isEqualTo(new Paper.Journal("Oncology Reports", null, null, null, "36", "4",
                "2375-2381", null, null));
        assertThat(endnote.dates().published()).isEqualTo("2016");
        assertThat(endnote.abstractText()).isEqualTo("Saliva of 12 patients and 13 controls was collected. the"
                + " exosomal miRNAs were extracted with a kit.");
    }

    @Test
    void pubmedNbibWithWrappedValuesInvestigatorsAndTypedIds() throws Exception {
        List<Paper> papers = sniffedAndRead("\uFEFF" + PUBMED_NBIB.replace("\n", "\r\n"), ContentTypes.MEDLINE, 2);

        Paper p = papers.get(0);
        assertThat(p.ids()).isEqualTo(new Paper.Identifiers("10.1186/s12943-022-01702-9", "36542123", "PMC9770123",
                null, null));
        assertThat(p.title()).isEqualTo("Exosomal circRNA-0001739 promotes lymph node metastasis of cervical cancer"
                + " by sponging miR-139-5p.");
        assertThat(p.abstractSections()).extracting(Paper.AbstractSection::label, Paper.AbstractSection::text)
                .containsExactly(tuple("BACKGROUND", "Lymph node metastasis decides the prognosis of cervical"
                        + " cancer."), tuple("METHODS",
                                "Exosomes were isolated from the serum of 86 patients and"
                                        + " profiled by RNA sequencing."),
                        tuple("RESULTS", "circRNA-0001739 was enriched in the exosomes of patients with nodal"
                                + " disease."),
                        tuple("CONCLUSIONS", "Exosomal circRNA-0001739 is a candidate marker."));
        assertThat(p.authors()).containsExactly(
                new Paper.Author("Xiao-Ling", "Zhang", null, "0000-0001-5109-3700", List.of(
                        "Department of Gynecology, Sun Yat-sen University Cancer Center, Guangzhou, China.")),
                new Paper.Author("Thị Minh", "Nguyễn", null, null, List.of("Hanoi Medical University, Hanoi,"
                        + " Vietnam.")),
                new Paper.Author("Omar", "Al-Khatib", null, null, List.of()),
                new Paper.Author(null, null, "Cervical Cancer Exosome Study Group", null, List.of()));
        assertThat(p.journal()).isEqualTo(new Paper.Journal("Molecular cancer", "Mol Cancer", null, "1476-4598",
                "21", "1", "228", null, null));
        assertThat(p.dates().published()).isEqualTo("2022-12-21");
        assertThat(p.keywords()).containsExactly("Cervical cancer", "Exosome", "circRNA");
        assertThat(p.meshHeadings()).extracting(Paper.MeshHeading::name, Paper.MeshHeading::major).containsExactly(
                tuple("Female", false), tuple("Humans", false), tuple("Exosomes", true),
                tuple("Lymphatic Metastasis", false), tuple("Uterine Cervical Neoplasms", true));
        assertThat(p.publicationTypes()).containsExactly("research-article", "research-support");
        assertThat(p.language()).isEqualTo("en");

        Paper review = papers.get(1);
        assertThat(review.ids()).isEqualTo(new Paper.Identifiers("10.1007/s10549-019-05265-x", "31099123", null,
                null, null));
        assertThat(review.journal()).isEqualTo(new Paper.Journal("Breast cancer research and treatment",
                "Breast Cancer Res Treat", null, "1573-7217", "176", "2", "255-264", null, null));
        assertThat(review.dates().published()).isEqualTo("2019-07");
        assertThat(review.abstractSections()).extracting(Paper.AbstractSection::label, Paper.AbstractSection::text)
                .containsExactly(tuple("PURPOSE", "To review extracellular vesicles in breast cancer."),
                        tuple("DATA SOURCES", "PubMed and Embase to 2018."), tuple("STUDY SELECTION", "112 studies."),
                        tuple("CLINICAL TRIAL NUMBER", "none."),
                        tuple("CONCLUSIONS", "Vesicles are promising markers."));
        assertThat(review.language()).isEqualTo("fr");
        assertThat(review.publicationTypes()).contains("review");
    }

    @Test
    void zoteroBibtexAndBiblatexDecodeTheirEscapes() throws Exception {
        List<Paper> papers = sniffedAndRead("\uFEFF" + ZOTERO_BIBTEX, ContentTypes.BIBTEX, 2);
        Paper p = papers.get(0);

        assertThat(p.title()).isEqualTo("Plasma extracellular vesicle PD-L1 predicts response to pembrolizumab in"
                + " non-small cell lung cancer");
        assertThat(p.ids()).isEqualTo(new Paper.Identifiers("10.1136/jitc-2022-006123", null, null, null, null));
        assertThat(p.authors()).extracting(Paper.Author::given, Paper.Author::family).containsExactly(
                tuple("José Luis", "Hernández-Ruiz"), tuple("Siobhán", "O'Brien"), tuple("Pieter", "van der Berg"),
                tuple("João", "Gonçalves"), tuple("Søren", "Møller"));
        assertThat(p.journal()).isEqualTo(new Paper.Journal("Journal for ImmunoTherapy of Cancer", null,
                "2051-1426", null, "11", "5", "e006123", null, null));
        assertThat(p.dates().published()).isEqualTo("2023-05");
        assertThat(p.abstractText()).isEqualTo("Tissue PD-L1 misses patients who respond; 35% of them had high"
                + " vesicular PD-L1.");
        assertThat(p.keywords()).containsExactly("Extracellular Vesicles", "Liquid biopsy", "PD-L1");
        assertThat(p.language()).isEqualTo("en");
        assertThat(p.url()).isEqualTo("https://jitc.bmj.com/content/11/5/e006123");

        Paper biblatex = papers.get(1);
        assertThat(biblatex.title()).isEqualTo("Vesicles <200 nm carry Ca2+ and CO2 sensors");
        assertThat(biblatex.abstractText()).isEqualTo("Uptake rose ~3-fold (p < 0.05) in KRAS-mutant cells.");
        assertThat(biblatex.ids()).isEqualTo(new Paper.Identifiers("10.1016/j.ccell.2021.07.004", "34511234", null,
                null, null));
        assertThat(biblatex.journal()).isEqualTo(new Paper.Journal("Cancer Cell", "Cancer Cell", "1535-6108", null,
                "39", "8", "1102-1114", null, null));
        assertThat(biblatex.dates().published()).isEqualTo("2022-08-09");
        assertThat(biblatex.language()).isEqualTo("en");
        assertThat(biblatex.keywords()).containsExactly("Exosomes", "KRAS");
    }

    @Test
    void publisherBibtexWithQuotesMacrosOthersAndDoiLinks() throws Exception {
        List<Paper> papers = parsers.parseAll(ContentTypes.BIBTEX, PUBLISHER_BIBTEX);
        assertThat(papers).hasSize(3);

        Paper springer = papers.get(0);
        assertThat(springer.title()).isEqualTo("Exosomal miR-21 drives in vivo chemoresistance of gastric cancer");
        assertThat(springer.ids().doi()).isEqualTo("10.1186/s12943-021-01337-2");
        assertThat(springer.authors()).extracting(Paper.Author::given, Paper.Author::family).containsExactly(
                tuple("Min-jung", "Lee"), tuple("Ji Ho", "Park"));
        assertThat(springer.journal()).isEqualTo(new Paper.Journal("Molecular Cancer", null, "1476-4598", null, "20",
                "1", "45", null, null));
        assertThat(springer.dates().published()).isEqualTo("2021-03-12");
        assertThat(springer.abstractText()).isEqualTo("Vesicles from resistant cells made sensitive cells"
                + " resistant.");

        Paper elsevier = papers.get(1);
        assertThat(elsevier.title()).isEqualTo("Circulating exosomes as a liquid biopsy for pancreatic cancer: A"
                + " prospective study");
        assertThat(elsevier.ids().doi()).isEqualTo("10.1016/j.canlet.2021.215432");
        assertThat(elsevier.authors()).extracting(Paper.Author::given, Paper.Author::family,
                Paper.Author::collectiveName).containsExactly(tuple("Laura", "Martín", null),
                        tuple("Éric", "Dupont", null), tuple("Zoë Q.", "Smith", null),
                        tuple(null, null, "Pancreatic Cancer Consortium"));
        assertThat(elsevier.journal().title()).isEqualTo("Cancer Letters");
        assertThat(elsevier.journal().pages()).isEqualTo("215432");
        assertThat(elsevier.dates().published()).isEqualTo("2022-02");
        assertThat(elsevier.keywords()).containsExactly("Exosomes", "Liquid biopsy", "Pancreatic cancer");
        assertThat(elsevier.abstractText()).isEqualTo("Exosomal GPC1 separated cancer from pancreatitis.");
        assertThat(elsevier.url()).isEqualTo("https://www.sciencedirect.com/science/article/pii/S0304383521005498");

        Paper ieee = papers.get(2);
        assertThat(ieee.authors()).extracting(Paper.Author::given, Paper.Author::family).containsExactly(
                tuple("John", "Smith"), tuple("Jiří", "Škoda"));
        assertThat(ieee.ids().doi()).isEqualTo("10.1109/tbme.2020.3034_567");
        assertThat(ieee.dates().published()).isEqualTo("2021-05");
        assertThat(ieee.journal().pages()).isEqualTo("1510-1519");
    }

    @Test
    void cslJsonFromZoteroAndOtherWriters() throws Exception {
        List<Paper> papers = sniffedAndRead(ZOTERO_CSL, ContentTypes.CSL_JSON, 3);

        Paper zotero = papers.get(0);
        assertThat(zotero.title()).isEqualTo("Plasma extracellular vesicle PD-L1 predicts response to"
                + " pembrolizumab");
        assertThat(zotero.ids()).isEqualTo(new Paper.Identifiers("10.1136/jitc-2022-006123", "37198123",
                "PMC10201234", null, null));
        assertThat(zotero.authors()).extracting(Paper.Author::given, Paper.Author::family,
                Paper.Author::collectiveName).containsExactly(tuple("José Luis", "Hernández-Ruiz", null),
                        tuple("Siobhán", "O'Brien", null), tuple(null, null, "Lung Cancer Biomarker Consortium"));
        assertThat(zotero.journal()).isEqualTo(new Paper.Journal("Journal for ImmunoTherapy of Cancer",
                "J Immunother Cancer", "2051-1426", null, "11", "5", "e006123", null, null));
        assertThat(zotero.dates().published()).isEqualTo("2023-05-17");
        assertThat(zotero.language()).isEqualTo("en");

        Paper other = papers.get(1);
        assertThat(other.ids().doi()).isEqualTo("10.3892/or.2016.5021");
        assertThat(other.journal().title()).isEqualTo("Oncology Reports");
        assertThat(other.journal().isoAbbreviation()).isEqualTo("Oncol Rep");
        assertThat(other.journal().pages()).isEqualTo("2375-2381");
        assertThat(other.authors()).extracting(Paper.Author::given, Paper.Author::family).containsExactly(
                tuple("Pieter", "van der Berg"), tuple("Tomohiro", "Machida"));
        assertThat(other.dates().published()).isEqualTo("2016-10");
        assertThat(other.keywords()).containsExactly("saliva", "exosomes", "pancreatic cancer");

        assertThat(papers.get(2).dates().published()).isEqualTo("2021");
        assertThat(papers.get(2).journal().issn()).isEqualTo("0304-3835");
        // a file saved by a Windows editor starts with a byte order mark
        sniffedAndRead("\uFEFF" + ZOTERO_CSL, ContentTypes.CSL_JSON, 3);
    }

    /** A file as the inbox gets it, without a content type: sniffed as {@code type}, then read to its records. */
    private List<Paper> sniffedAndRead(String file, String type, int records) throws ParseException {
        assertThat(ContentSniffer.sniff(file)).isEqualTo(type);
        List<Paper> papers = parsers.parseAll(null, file);
        assertThat(papers).hasSize(records);
        return papers;
    }
}
