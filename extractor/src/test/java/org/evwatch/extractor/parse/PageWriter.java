package org.evwatch.extractor.parse;

import static org.evwatch.extractor.parse.RealRecords.displayTitle;
import static org.evwatch.extractor.parse.RealRecords.isReview;
import static org.evwatch.extractor.parse.RealRecords.locator;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.evwatch.events.Paper;
import org.evwatch.events.Summary;

/**
 * Writes a paper as the captured text of each page layout the product reads, in the layout of the seeds with the
 * variations real pages have: a research-portal "Research output" page, a publisher's (MDPI style) article page and
 * a markdown summary page. Field order, optional fields, navigation and widgets vary with the random source; what
 * the page ends up showing is recorded beside it.
 */
final class PageWriter {

    private static final String[] CITATION_WIDGETS = {" Citations (Scopus)", " Scopus citations"};

    private PageWriter() {
    }

    /** A research-portal page (Pure): title, author line, breadcrumb, abstract, glued label/value lines, bullets. */
    static Shown.Page researchPortal(Paper p, Random r) {
        Shown s = new Shown();
        s.title = displayTitle(p);
        StringBuilder page = new StringBuilder(s.title).append("\n\n");
        if (r.nextInt(4) > 0) {
            s.authors = displayNames(p);
            page.append(String.join(", ", s.authors)).append("\n\n");
        }
        // the capture glues the breadcrumb's parts, unless the portal writes its separators as text
        String separator = r.nextBoolean() ? "" : " › ";
        page.append("Research output: Contribution to journal").append(separator)
                .append(isReview(p) ? "Review Article" : "Article").append(separator)
                .append(r.nextBoolean() ? "Research" + separator + "peer-review" : "peer-review").append("\n\n");
        s.publicationTypes = List.of(isReview(p) ? "review" : "research-article");
        if (r.nextBoolean()) {
            page.append(r.nextInt(400)).append(CITATION_WIDGETS[r.nextInt(2)]).append("\n\n\n");
        }
        s.abstractSections = unlabelled(p);
        s.abstractSections.forEach(a -> page.append(a.text()).append("\n\n"));
        page.append(String.join("\n", portalFields(p, s, r))).append("\n\n");
        if (!p.keywords().isEmpty() && r.nextInt(3) > 0) {
            s.keywords = p.keywords();
            p.keywords().forEach(k -> page.append("  • ").append(k).append('\n'));
            page.append('\n');
        }
        if (r.nextBoolean()) {
            page.append("ASJC Scopus subject areas\n\n  • Oncology\n  • Cancer Research\n\n");
        }
        if (r.nextBoolean()) {
            page.append("Dive into the research topics of '").append(s.title)
                    .append("'. Together they form a unique fingerprint.\n\n");
        }
        return new Shown.Page(page.append("Cite this").toString(), s, Shown.Names.DISPLAYED);
    }

    /** The label/value lines of a portal page, glued as the capture glues them, in a shuffled order. */
    private static List<String> portalFields(Paper p, Shown s, Random r) {
        List<String> fields = new ArrayList<>();
        s.language = p.language() == null ? "en" : p.language();
        fields.add("Original language" + RealRecords.languageName(p) + (r.nextBoolean() ? "" : " (US)"));
        String locator = locator(p);
        if (locator != null && locator.contains("-")) {
            s.pages = locator;
            fields.add("Pages (from-to)" + locator);
        } else if (locator != null) {
            s.articleNumber = locator;
            fields.add("Article number" + locator);
        }
        s.journal = p.journal().title();
        s.volume = p.journal().volume();
        fields.add("Journal" + s.journal);
        fields.add("Volume" + s.volume);
        if (p.journal().issue() != null) {
            s.issue = p.journal().issue();
            fields.add("Issue number" + s.issue);
        }
        s.published = p.dates().published();
        fields.add((r.nextBoolean() ? "Publication status" : "State") + "Published - " + dateWords(s.published,
                TextStyle.SHORT, r));
        if (r.nextBoolean()) {
            s.doi = p.ids().doi();
            fields.add("DOIs" + (r.nextBoolean() ? "https://doi.org/" : "") + s.doi);
        }
        if (r.nextBoolean()) {
            fields.add("Externally publishedYes");
        }
        Collections.shuffle(fields, r);
        return fields;
    }

    /** A publisher's article page as MDPI shows one, between its neighbours in the journal. */
    static Shown.Page publisherPage(Paper p, Paper previous, Paper next, Random r) {
        Shown s = new Shown();
        s.title = displayTitle(p);
        s.authors = displayNames(p);
        s.publicationTypes = List.of(isReview(p) ? "review" : "research-article");
        StringBuilder page = new StringBuilder("Next Article in Journal\n").append(displayTitle(next))
                .append("\nPrevious Article in Journal\n").append(displayTitle(previous)).append("\n \n \n");
        if (r.nextBoolean()) {
            page.append("Font Type:\nArial Georgia Verdana\nFont Size:\nAa Aa Aa\nLine Spacing:\nColumn Width:\n"
                    + "Background:\n");
        }
        if (r.nextInt(4) == 0) {
            page.append("This is an early access version, the complete PDF, HTML, and XML versions will be available"
                    + " soon.\n");
        }
        page.append(isReview(p) ? "Review" : "Article").append("\n\n").append(s.title).append("\n\n");
        p.authors().stream().flatMap(a -> a.affiliations().stream()).distinct()
                .forEach(aff -> page.append(aff).append('\n'));
        if (r.nextBoolean()) {
            page.append("*\nAuthor to whom correspondence should be addressed.\n");
        }
        String citation = publisherCitation(p, s, r);
        page.append(citation).append('\n').append(history(p, s, r)).append("\nAbstract\n\n");
        s.abstractSections = unlabelled(p);
        s.abstractSections.forEach(a -> page.append(a.text()).append("\n\n"));
        if (!p.keywords().isEmpty()) {
            s.keywords = p.keywords();
            String list = String.join("; ", p.keywords());
            page.append("Keywords: ").append(list).append(r.nextBoolean() ? " " + list : "").append("\n\n");
        }
        if (r.nextBoolean()) {
            page.append("1. Introduction\n\nThe body of the article starts here.\n\n");
        }
        page.append("Share and Cite\n\nMDPI and ACS Style\n\n").append(acs(p)).append("\n\nChicago/Turabian Style\n\n")
                .append(chicago(p, s)).append("\n\nNote that from the first issue of 2016, this journal uses article"
                        + " numbers instead of page numbers.\n\nArticle Metrics\n\nBack to TopTop");
        return new Shown.Page(page.toString(), s, Shown.Names.DISPLAYED);
    }

    /** "Cells 2025, 14(22), 1750; https://doi.org/10.3390/cells14221750", the issue left out when there is none. */
    private static String publisherCitation(Paper p, Shown s, Random r) {
        s.journal = p.journal().isoAbbreviation() != null && r.nextBoolean()
                ? p.journal().isoAbbreviation()
                : p.journal().title();
        s.volume = p.journal().volume();
        s.issue = p.journal().issue();
        String locator = locator(p);
        if (locator != null && locator.contains("-")) {
            s.pages = locator;
        } else {
            s.articleNumber = locator;
        }
        s.doi = p.ids().doi();
        s.published = year(p);
        return s.journal + " " + s.published + ", " + s.volume + (s.issue == null ? "" : "(" + s.issue + ")")
                + (locator == null ? "" : ", " + locator) + "; https://doi.org/" + s.doi
                + (r.nextInt(4) == 0 ? " (registering DOI)" : "");
    }

    /**
     * The submission history: MDPI's "Submission received: … / Revised: … / Accepted: … / Published: …", the
     * "Received: …; Accepted: …; Published: …" of other publishers, or only the publication date.
     */
    private static String history(Paper p, Shown s, Random r) {
        String published = p.dates().published();
        if (published.length() < 10 || r.nextInt(5) == 0) {
            return "";
        }
        s.published = published;
        String separator = r.nextBoolean() ? " / " : "; ";
        List<String> parts = new ArrayList<>();
        if (p.dates().received() != null && p.dates().received().length() == 10) {
            s.received = p.dates().received();
            parts.add((separator.equals(" / ") ? "Submission received: " : "Received: ") + dateWords(s.received,
                    TextStyle.FULL, r));
        }
        if (p.dates().accepted() != null && p.dates().accepted().length() == 10) {
            s.accepted = p.dates().accepted();
            parts.add("Accepted: " + dateWords(s.accepted, TextStyle.FULL, r));
        }
        parts.add("Published: " + dateWords(published, TextStyle.FULL, r));
        return String.join(separator, parts) + "\n";
    }

    /** "Saad, S.H.; Kashanchi, A. Title. Cells 2025, 14, 1750. https://doi.org/…" */
    private static String acs(Paper p) {
        List<String> names = p.authors().stream().map(a -> a.family() + ", " + initials(a.given())).toList();
        return String.join("; ", names) + " " + displayTitle(p) + ". " + p.journal().title() + " " + year(p) + ", "
                + p.journal().volume() + ". https://doi.org/" + p.ids().doi();
    }

    /** 'Saad, Sara H., Alex Kashanchi, and Elena V. Batrakova. 2025. "Title" Cells 14, no. 22: 1750. https://…' */
    private static String chicago(Paper p, Shown s) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < p.authors().size(); i++) {
            Paper.Author a = p.authors().get(i);
            names.add(i == 0 ? a.family() + ", " + a.given() : a.given() + " " + a.family());
        }
        String list = names.size() == 1
                ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + ", and " + names.get(names.size() - 1);
        String locator = locator(p);
        return list + (list.endsWith(".") ? "" : ".") + " " + year(p) + ". \"" + s.title + "\" " + s.journal + " "
                + s.volume + (s.issue == null ? "" : ", no. " + s.issue) + (locator == null ? "" : ": " + locator)
                + ". https://doi.org/" + s.doi;
    }

    /** A markdown summary page: heading, authors, the "source · DOI · journal · date" line, sections, source URL. */
    static Shown.Page summaryPage(Paper p, Random r) {
        Shown s = new Shown();
        s.title = displayTitle(p);
        s.authors = displayNames(p);
        s.doi = p.ids().doi();
        s.journal = p.journal().title();
        s.published = p.dates().published();
        StringBuilder page = new StringBuilder(r.nextInt(4) == 0 ? "\n\n" : "").append("# ").append(s.title)
                .append("\n\n**Authors:** ").append(String.join(", ", s.authors)).append("\n\n");
        if (r.nextInt(4) > 0) {
            page.append(List.of("PMC", "PubMed", "Europe PMC").get(r.nextInt(3))).append(" · DOI: ").append(s.doi)
                    .append(" · ").append(s.journal).append(" · ").append(s.published).append("\n\n");
        } else {
            // the fields as bold lines instead of the one summary line
            s.pmid = p.ids().pmid();
            page.append("**DOI:** ").append(s.doi).append("\n**Journal:** ").append(s.journal)
                    .append("\n**Published:** ").append(dateWords(s.published, TextStyle.FULL, r))
                    .append(s.pmid == null ? "" : "\n**PMID:** " + s.pmid).append("\n\n");
        }
        s.abstractSections = unlabelled(p);
        List<String> sections = summarySections(p, s, r);
        StringBuilder abstractSection = new StringBuilder("## Abstract\n\n");
        s.abstractSections.forEach(a -> abstractSection.append(a.text()).append("\n\n"));
        sections.add(r.nextInt(sections.size() + 1), abstractSection.toString());
        sections.forEach(section -> page.append(section));
        if (p.ids().pmcid() != null) {
            s.pmcid = p.ids().pmcid();
            s.url = "https://tomesphere.com/paper/" + s.pmcid;
            page.append("---\nSource: ").append(s.url);
        }
        return new Shown.Page(page.toString(), s, Shown.Names.DISPLAYED);
    }

    /** Any other page: a title line, the journal, a labelled DOI, an "Abstract" heading, then the body. */
    static Shown.Page genericPage(Paper p, Random r) {
        Shown s = new Shown();
        s.title = displayTitle(p);
        s.doi = p.ids().doi();
        s.abstractSections = p.abstractSections();
        StringBuilder page = new StringBuilder(s.title).append("\n\n")
                .append(p.journal().title()).append(", ").append(year(p)).append("\n")
                .append(r.nextBoolean() ? "doi: " : "https://doi.org/").append(s.doi).append("\n\n")
                .append(r.nextBoolean() ? "Abstract\n" : "Abstract:\n");
        // a structured abstract runs on in one paragraph, each section after its label: "BACKGROUND: …"
        page.append(String.join(" ", p.abstractSections().stream()
                .map(a -> a.label() == null ? a.text() : a.label() + ": " + a.text()).toList())).append("\n\n");
        page.append(r.nextBoolean() ? "Introduction\n" : "References\n").append("Not part of the abstract.\n");
        return new Shown.Page(page.toString(), s, Shown.Names.DISPLAYED);
    }

    /**
     * The summary's own sections, some of them, in any order: TL;DR, contribution and key findings (taken from the
     * abstract's sentences), entity lists, and the pointers to the full text, figures and references.
     */
    private static List<String> summarySections(Paper p, Shown s, Random r) {
        List<String> sentences = List.of(String.join(" ", p.abstractSections().stream()
                .map(Paper.AbstractSection::text).toList()).split("(?<=\\.) (?=\\p{Lu})"));
        String tldr = r.nextInt(4) > 0 ? sentences.get(0) : null;
        String contribution = r.nextBoolean() ? "The paper appeared in " + p.journal().title() + "." : null;
        List<String> findings = r.nextBoolean() ? sentences.subList(0, Math.min(3, sentences.size())) : List.of();
        String link = "https://tomesphere.com/paper/" + (p.ids().pmcid() == null ? p.ids().doi() : p.ids().pmcid())
                + "/full.md";
        List<String> sections = new ArrayList<>();
        if (tldr != null) {
            sections.add("## TL;DR\n\n" + tldr + "\n\n");
        }
        if (contribution != null) {
            sections.add("## Contribution\n\n" + contribution + "\n\n");
        }
        if (!findings.isEmpty()) {
            sections.add("## Key findings\n\n- " + String.join("\n- ", findings) + "\n\n");
        }
        Summary.FromSource given = new Summary.FromSource(tldr, contribution, findings);
        s.sourceSummary = given.isEmpty() ? null : given;
        List<String> others = new ArrayList<>(List.of(
                "## Full-text entities\n\n- **Species:** Homo sapiens (human, species) [taxon 9606]\n\n",
                "## Full text\n\n_Full body text omitted from this summary view._ Fetch the complete paper as"
                        + " Markdown: " + link + "\n\n",
                "## References\n\n" + (20 + r.nextInt(200)) + " references — full list in the complete paper: "
                        + link + "\n\n"));
        sections.addAll(others.subList(0, others.size() - r.nextInt(3)));
        Collections.shuffle(sections, r);
        return sections;
    }

    /** Each author as "Given Family". */
    static List<String> displayNames(Paper p) {
        return p.authors().stream().map(Paper.Author::displayName).toList();
    }

    /** The abstract's paragraphs as a page shows them: the text of each section, without its label. */
    static List<Paper.AbstractSection> unlabelled(Paper p) {
        return p.abstractSections().stream().map(a -> new Paper.AbstractSection(null, a.text())).toList();
    }

    /** "2013-05-15" as "15 May 2013" or "May 15 2013"; "2022-12" as "Dec 2022"; a year as itself. */
    static String dateWords(String iso, TextStyle style, Random r) {
        String[] parts = iso.split("-");
        if (parts.length == 1) {
            return iso;
        }
        String month = Month.of(Integer.parseInt(parts[1])).getDisplayName(style, Locale.ENGLISH);
        if (parts.length == 2) {
            return month + " " + parts[0];
        }
        int day = Integer.parseInt(parts[2]);
        return r.nextBoolean() ? day + " " + month + " " + parts[0] : month + " " + day + " " + parts[0];
    }

    private static String year(Paper p) {
        return p.dates().published().substring(0, 4);
    }

    private static String initials(String given) {
        StringBuilder out = new StringBuilder();
        for (String part : given.split("[\\s.]+")) {
            if (!part.isEmpty()) {
                out.append(part.charAt(0)).append('.');
            }
        }
        return out.toString();
    }
}
