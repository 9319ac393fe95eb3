package org.evwatch.extractor.parse;

import java.util.ArrayList;
import java.util.List;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.Paper;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * PubMed efetch XML: a {@code <PubmedArticle>}, a {@code <PubmedArticleSet>} of them, or the MEDLINE baseline's
 * {@code <MedlineCitation>}/{@code <MedlineCitationSet>}.
 */
final class PubmedXmlParser implements PaperParser {

    static final String FORMAT = "PubMed XML";

    @Override
    public List<String> contentTypes() {
        return List.of(ContentTypes.PUBMED_XML);
    }

    @Override
    public List<Paper> parseAll(String payload) throws ParseException {
        Document doc = Xml.parse(payload, FORMAT);
        Element root = doc.getDocumentElement();
        List<Element[]> records = new ArrayList<>();
        switch (Xml.name(root)) {
            case "PubmedArticleSet" -> {
                for (Element article : Xml.children(root, "PubmedArticle")) {
                    records.add(new Element[]{Xml.child(article, "MedlineCitation"), Xml.child(article, "PubmedData")});
                }
            }
            case "PubmedArticle" -> records.add(
                    new Element[]{Xml.child(root, "MedlineCitation"), Xml.child(root, "PubmedData")});
            case "MedlineCitationSet" -> {
                for (Element citation : Xml.children(root, "MedlineCitation")) {
                    records.add(new Element[]{citation, null});
                }
            }
            case "MedlineCitation" -> records.add(new Element[]{root, null});
            default -> throw new ParseException(FORMAT + ": root element <" + Xml.name(root)
                    + "> is not PubmedArticleSet, PubmedArticle or MedlineCitation");
        }
        if (records.isEmpty()) {
            throw new ParseException(FORMAT + ": <" + Xml.name(root) + "> holds no article");
        }
        return Records.each(records, "article", r -> paper(r[0], r[1]));
    }

    private static Paper paper(Element citation, Element pubmedData) throws ParseException {
        if (citation == null) {
            throw new ParseException(FORMAT + ": missing MedlineCitation");
        }
        PaperDraft d = new PaperDraft();
        d.pmid(Xml.text(citation, "PMID"));
        Element article = Xml.child(citation, "Article");
        if (article == null) {
            throw new ParseException(FORMAT + ": PMID " + d.pmid + ": missing Article");
        }
        d.title(Xml.text(article, "ArticleTitle"));
        d.title(Xml.text(article, "VernacularTitle"));
        Element pii = ids(d, article, pubmedData);
        abstractAndAuthors(d, article);
        journal(d, article, pii);
        dates(d, article, pubmedData);
        subjects(d, citation, article);
        d.language = Xml.text(article, "Language");
        if (d.pmid != null) {
            d.url = "https://pubmed.ncbi.nlm.nih.gov/" + d.pmid + "/";
        }
        return d.build(FORMAT + (d.pmid == null ? "" : " (PMID " + d.pmid + ")"));
    }

    /** DOI, PMCID and PMID from the article id list and the ELocationIDs; returns the pii location, if any. */
    private static Element ids(PaperDraft d, Element article, Element pubmedData) {
        for (Element id : Xml.children(Xml.child(pubmedData, "ArticleIdList"), "ArticleId")) {
            switch (String.valueOf(Xml.attr(id, "IdType"))) {
                case "doi" -> d.doi(Xml.text(id));
                case "pmc" -> d.pmcid(Xml.text(id));
                case "pubmed" -> d.pmid(Xml.text(id));
                default -> {
                }
            }
        }
        Element pii = null;
        for (Element loc : Xml.children(article, "ELocationID")) {
            if ("doi".equals(Xml.attr(loc, "EIdType"))) {
                d.doi(Xml.text(loc));
            } else if ("pii".equals(Xml.attr(loc, "EIdType"))) {
                pii = loc;
            }
        }
        return pii;
    }

    private static void abstractAndAuthors(PaperDraft d, Element article) {
        for (Element section : Xml.children(Xml.child(article, "Abstract"), "AbstractText")) {
            d.abstractSection(Texts.firstNonBlank(Xml.attr(section, "Label"), Xml.attr(section, "NlmCategory")),
                    Xml.text(section));
        }
        for (Element author : Xml.children(Xml.child(article, "AuthorList"), "Author")) {
            String orcid = null;
            for (Element ident : Xml.children(author, "Identifier")) {
                if ("ORCID".equalsIgnoreCase(Xml.attr(ident, "Source"))) {
                    orcid = Xml.text(ident);
                }
            }
            List<String> affiliations = new ArrayList<>();
            for (Element info : Xml.children(author, "AffiliationInfo")) {
                affiliations.add(Xml.text(info, "Affiliation"));
            }
            d.author(Texts.firstNonBlank(Xml.text(author, "ForeName"), Xml.text(author, "Initials")),
                    Xml.text(author, "LastName"), Xml.text(author, "CollectiveName"), orcid, affiliations);
        }
    }

    private static void journal(PaperDraft d, Element article, Element pii) {
        Element journal = Xml.child(article, "Journal");
        d.journalTitle = Xml.text(journal, "Title");
        d.isoAbbreviation = Xml.text(journal, "ISOAbbreviation");
        for (Element issn : Xml.children(journal, "ISSN")) {
            if ("Electronic".equals(Xml.attr(issn, "IssnType"))) {
                d.eissn = Xml.text(issn);
            } else {
                d.issn = Xml.text(issn);
            }
        }
        Element issue = Xml.child(journal, "JournalIssue");
        d.volume = Xml.text(issue, "Volume");
        d.issue = Xml.text(issue, "Issue");
        Element pagination = Xml.child(article, "Pagination");
        d.pages = Xml.text(pagination, "MedlinePgn");
        if (d.pages == null && Xml.text(pagination, "StartPage") != null) {
            String end = Xml.text(pagination, "EndPage");
            d.pages = Xml.text(pagination, "StartPage") + (end == null ? "" : "-" + end);
        }
        if (d.pages == null && pii != null) {
            // electronic-only journals give no pages; their pii is the article number (e.g. "e0033693")
            d.articleNumber = Xml.text(pii);
        }
    }

    /** The issue's date, the electronic article date, and the received/accepted/epub dates of the history. */
    private static void dates(PaperDraft d, Element article, Element pubmedData) {
        Element pubDate = Xml.child(Xml.child(Xml.child(article, "Journal"), "JournalIssue"), "PubDate");
        d.published = Dates.of(Xml.text(pubDate, "Year"), Texts.firstNonBlank(Xml.text(pubDate, "Month"),
                Xml.text(pubDate, "Season")), Xml.text(pubDate, "Day"));
        if (d.published == null) {
            d.published = Dates.parse(Xml.text(pubDate, "MedlineDate"));
        }
        for (Element date : Xml.children(article, "ArticleDate")) {
            if ("Electronic".equalsIgnoreCase(String.valueOf(Xml.attr(date, "DateType")))) {
                d.epub = date(date);
            }
        }
        for (Element date : Xml.children(Xml.child(pubmedData, "History"), "PubMedPubDate")) {
            switch (String.valueOf(Xml.attr(date, "PubStatus"))) {
                case "received" -> d.received = date(date);
                case "accepted" -> d.accepted = date(date);
                case "epublish", "aheadofprint" -> d.epub = PaperDraft.first(d.epub, date(date));
                default -> {
                }
            }
        }
    }

    /** Publication types, author keywords and MeSH headings (major when the descriptor or a qualifier is). */
    private static void subjects(PaperDraft d, Element citation, Element article) {
        for (Element type : Xml.children(Xml.child(article, "PublicationTypeList"), "PublicationType")) {
            d.publicationType(Xml.text(type));
        }
        for (Element list : Xml.children(citation, "KeywordList")) {
            for (Element keyword : Xml.children(list, "Keyword")) {
                d.keyword(Xml.text(keyword));
            }
        }
        for (Element heading : Xml.children(Xml.child(citation, "MeshHeadingList"), "MeshHeading")) {
            Element descriptor = Xml.child(heading, "DescriptorName");
            boolean major = "Y".equals(Xml.attr(descriptor, "MajorTopicYN"));
            for (Element qualifier : Xml.children(heading, "QualifierName")) {
                major |= "Y".equals(Xml.attr(qualifier, "MajorTopicYN"));
            }
            String name = Xml.text(descriptor);
            if (name != null) {
                d.meshHeadings.add(new Paper.MeshHeading(Xml.attr(descriptor, "UI"), name, major));
            }
        }
    }

    private static String date(Element e) {
        return Dates.of(Xml.text(e, "Year"), Xml.text(e, "Month"), Xml.text(e, "Day"));
    }
}
