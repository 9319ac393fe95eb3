package org.evwatch.extractor.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.evwatch.events.Paper;
import org.evwatch.events.Summary;

/**
 * What a generated page shows of a paper, field by field; the same fields of the paper a reader made of the page are
 * compared with it. Authors are compared as the page writes them: a page that shows "Given Family" only gives the
 * name to read back, one with separate given and family names (or affiliations) gives those.
 */
final class Shown {

    /** How a page shows its authors, and so how they are compared. */
    enum Names {
        /** "Mikael J. Pittet": the displayed name. */
        DISPLAYED(a -> a.displayName()),
        /** Given and family name apart ("Pittet, Mikael J."). */
        SPLIT(a -> a.given() + " | " + a.family()),
        /** Given and family name apart, with each affiliation. */
        SPLIT_WITH_AFFILIATIONS(a -> a.given() + " | " + a.family() + " | " + String.join("; ", a.affiliations()));

        final Function<Paper.Author, String> view;

        Names(Function<Paper.Author, String> view) {
            this.view = view;
        }
    }

    String title;
    List<String> authors = new ArrayList<>();
    String journal;
    String volume;
    String issue;
    String pages;
    String articleNumber;
    String doi;
    String pmid;
    String pmcid;
    String published;
    String received;
    String accepted;
    List<Paper.AbstractSection> abstractSections = new ArrayList<>();
    List<String> keywords = new ArrayList<>();
    List<String> publicationTypes = new ArrayList<>();
    String language;
    String url;
    /** A summary page's own TL;DR, contribution and key findings. */
    Summary.FromSource sourceSummary;

    /** The fields of a paper a reader read, its authors seen as {@code names} shows them. */
    static Shown of(Paper p, Names names) {
        Shown s = new Shown();
        s.title = p.title();
        s.authors = p.authors().stream().map(names.view).toList();
        s.journal = p.journal().title();
        s.volume = p.journal().volume();
        s.issue = p.journal().issue();
        s.pages = p.journal().pages();
        s.articleNumber = p.journal().articleNumber();
        s.doi = p.ids().doi();
        s.pmid = p.ids().pmid();
        s.pmcid = p.ids().pmcid();
        s.published = p.dates().published();
        s.received = p.dates().received();
        s.accepted = p.dates().accepted();
        s.abstractSections = p.abstractSections();
        s.keywords = p.keywords();
        s.publicationTypes = p.publicationTypes();
        s.language = p.language();
        s.url = p.url();
        return s;
    }

    /** A page of a paper: its text, what it shows and how it shows the authors. */
    record Page(String text, Shown shown, Names names) {
    }
}
