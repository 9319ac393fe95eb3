package org.evwatch.query;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.evwatch.events.Paper;
import org.evwatch.events.PaperIndexed;
import org.evwatch.events.Summary;

/** Turns a catalog paper into the Lucene fields that search, filters, facets, sorting and highlighting use. */
public final class PaperDocuments {

    /** Text indexed with offsets in the postings, so the highlighter need not re-analyse the stored text. */
    private static final FieldType STORED_TEXT_WITH_OFFSETS = new FieldType(TextField.TYPE_STORED);

    static {
        STORED_TEXT_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        STORED_TEXT_WITH_OFFSETS.freeze();
    }

    /**
     * The version of the fields {@link #toDocument} writes. An index written with another version lacks some of them
     * (2: the entity facet carries the entity's type; 3: the full text is searchable) and is rebuilt from the catalog.
     */
    public static final int LAYOUT = 3;

    /** Sort value of a paper without a known date: it sorts last when newest come first. */
    public static final long NO_DATE = Long.MIN_VALUE;

    private PaperDocuments() {
    }

    /** The Lucene fields of a paper, for an IndexWriter or a MemoryIndex. */
    public static Document toDocument(PaperIndexed indexed) {
        Paper paper = indexed.paper();
        Document doc = new Document();
        doc.add(new StringField(PaperFields.ID, indexed.paperId(), Field.Store.YES));
        doc.add(new SortedDocValuesField(PaperFields.ID, new BytesRef(indexed.paperId())));
        addFullText(doc, indexed);
        addJournal(doc, paper.journal());
        addEntities(doc, indexed.entities());
        addIds(doc, paper.ids());
        addSourcesTypesRelevance(doc, indexed);
        addDates(doc, paper.dates());
        return doc;
    }

    /** Title, abstract, full text, keywords and MeSH names, TL;DR and authors: what the text query ranks. */
    private static void addFullText(Document doc, PaperIndexed indexed) {
        Paper paper = indexed.paper();
        doc.add(new Field(PaperFields.TITLE, paper.title() == null ? "" : paper.title(), STORED_TEXT_WITH_OFFSETS));
        String abstractText = paper.abstractText();
        if (!abstractText.isBlank()) {
            doc.add(new Field(PaperFields.ABSTRACT, abstractText, STORED_TEXT_WITH_OFFSETS));
        }
        for (Paper.BodySection section : paper.body()) {
            addText(doc, PaperFields.BODY, section.title());
            addText(doc, PaperFields.BODY, section.text());
        }
        for (String keyword : paper.keywords()) {
            addText(doc, PaperFields.KEYWORD, keyword);
        }
        for (Paper.MeshHeading mesh : paper.meshHeadings()) {
            addText(doc, PaperFields.KEYWORD, mesh.name());
        }
        addSummary(doc, indexed.summary());
        for (Paper.Author author : paper.authors()) {
            addText(doc, PaperFields.AUTHOR, author.displayName());
            if (author.collectiveName() != null && author.family() != null) {
                addText(doc, PaperFields.AUTHOR, author.collectiveName());
            }
        }
    }

    /** The journal as text, as an exact filter value and as a facet value. */
    private static void addJournal(Document doc, Paper.Journal journal) {
        addText(doc, PaperFields.JOURNAL, journal.title());
        addText(doc, PaperFields.JOURNAL, journal.isoAbbreviation());
        if (journal.title() != null && !journal.title().isBlank()) {
            String title = journal.title().trim();
            doc.add(new StringField(PaperFields.JOURNAL_EXACT, title, Field.Store.NO));
            doc.add(new SortedSetDocValuesField(PaperFields.FACET_JOURNAL, new BytesRef(title)));
        }
    }

    /** Entity names as text; each entity id and each entity type once, as filter and facet values. */
    private static void addEntities(Document doc, List<PaperIndexed.EntityCount> entities) {
        Set<String> types = new LinkedHashSet<>();
        Set<String> entityIds = new LinkedHashSet<>();
        for (PaperIndexed.EntityCount entity : entities) {
            addText(doc, PaperFields.ENTITY_NAME, entity.name());
            if (entity.id() != null && entityIds.add(entity.id())) {
                addKeyword(doc, PaperFields.ENTITY, entity.id());
                doc.add(new SortedSetDocValuesField(PaperFields.FACET_ENTITY,
                        new BytesRef(PaperFields.entityFacetValue(entity.id(),
                                entity.type() == null ? null : entity.type().name(), entity.name()))));
            }
            if (entity.type() != null && types.add(entity.type().name())) {
                addKeyword(doc, PaperFields.TYPE, entity.type().name());
                doc.add(new SortedSetDocValuesField(PaperFields.FACET_ENTITY_TYPE, new BytesRef(entity.type().name())));
            }
        }
    }

    /** Every DOI of the paper once, its PMID and PMCID. */
    private static void addIds(Document doc, Paper.Identifiers ids) {
        Set<String> dois = new LinkedHashSet<>();
        for (String doi : new String[]{ids.doi(), ids.preprintDoi(), ids.publishedDoi()}) {
            if (doi != null && dois.add(PaperFilters.normalise(PaperFields.DOI, doi))) {
                addKeyword(doc, PaperFields.DOI, doi);
            }
        }
        addKeyword(doc, PaperFields.PMID, ids.pmid());
        addKeyword(doc, PaperFields.PMCID, ids.pmcid());
    }

    /** Sources, publication types and the relevance label, as filter and facet values. */
    private static void addSourcesTypesRelevance(Document doc, PaperIndexed indexed) {
        Set<String> sources = new LinkedHashSet<>(indexed.sources());
        for (String source : sources) {
            addKeyword(doc, PaperFields.SOURCE, source);
            doc.add(new SortedSetDocValuesField(PaperFields.FACET_SOURCE,
                    new BytesRef(PaperFilters.normalise(PaperFields.SOURCE, source))));
        }
        Set<String> pubTypes = new LinkedHashSet<>(indexed.paper().publicationTypes());
        for (String pubType : pubTypes) {
            if (pubType != null && !pubType.isBlank()) {
                addKeyword(doc, PaperFields.PUBTYPE, pubType);
                doc.add(new SortedSetDocValuesField(PaperFields.FACET_PUBTYPE, new BytesRef(pubType.trim())));
            }
        }
        if (indexed.summary().relevance() != null && indexed.summary().relevance().label() != null) {
            String label = indexed.summary().relevance().label().name();
            addKeyword(doc, PaperFields.RELEVANCE, label);
            doc.add(new SortedSetDocValuesField(PaperFields.FACET_RELEVANCE, new BytesRef(label)));
        }
    }

    /** The year (filter, stored, facet) and the published day (date ranges, and the date sort). */
    private static void addDates(Document doc, Paper.PaperDates dates) {
        Integer year = dates.year();
        if (year != null) {
            doc.add(new IntPoint(PaperFields.YEAR, year));
            doc.add(new StoredField(PaperFields.YEAR, year));
            doc.add(new SortedSetDocValuesField(PaperFields.FACET_YEAR, new BytesRef(Integer.toString(year))));
        }
        LocalDate published = publishedDate(dates);
        long sortDay = published == null ? NO_DATE : published.toEpochDay();
        // Every paper has the point, an undated one at NO_DATE, which no date range reaches: Lucene refuses a field
        // that has a point in some documents and only doc values in others.
        doc.add(new LongPoint(PaperFields.PUBLISHED, sortDay));
        doc.add(new NumericDocValuesField(PaperFields.PUBLISHED, sortDay));
    }

    /**
     * The date a paper counts as published: the published date, else the electronic one, else the accepted one. A
     * partial date counts from its first day ({@code 2024-05} is 1 May 2024).
     */
    public static LocalDate publishedDate(Paper.PaperDates dates) {
        for (String d : new String[]{dates.published(), dates.epub(), dates.accepted()}) {
            LocalDate parsed = parsePartial(d);
            if (parsed != null) {
                return parsed;
            }
        }
        return null;
    }

    /** An ISO date, possibly partial ({@code 2024}, {@code 2024-05}, {@code 2024-05-12}); null when it is not one. */
    public static LocalDate parsePartial(String date) {
        if (date == null) {
            return null;
        }
        String d = date.trim();
        try {
            if (d.length() >= 10) {
                return LocalDate.parse(d.substring(0, 10));
            }
            if (d.length() == 7) {
                return LocalDate.parse(d + "-01");
            }
            if (d.length() == 4) {
                return LocalDate.parse(d + "-01-01");
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }

    /** The extractor's TL;DR and, when the source wrote its own summary, that summary's words too. */
    private static void addSummary(Document doc, Summary summary) {
        addText(doc, PaperFields.TLDR, summary.tldr());
        Summary.FromSource given = summary.fromSource();
        if (given != null) {
            addText(doc, PaperFields.TLDR, given.tldr());
            addText(doc, PaperFields.TLDR, given.contribution());
            given.keyFindings().forEach(f -> addText(doc, PaperFields.TLDR, f));
        }
    }

    private static void addText(Document doc, String field, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new TextField(field, value, Field.Store.NO));
        }
    }

    private static void addKeyword(Document doc, String field, String value) {
        String normalised = PaperFilters.normalise(field, value);
        if (normalised != null) {
            doc.add(new StringField(field, normalised, Field.Store.NO));
        }
    }
}
