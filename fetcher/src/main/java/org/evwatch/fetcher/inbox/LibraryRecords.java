package org.evwatch.fetcher.inbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.evwatch.common.library.BibtexLibrary;
import org.evwatch.common.library.MedlineLibrary;
import org.evwatch.common.library.RisLibrary;
import org.evwatch.events.ContentTypes;
import org.evwatch.events.IdentifierList;
import org.evwatch.fetcher.split.JsonRecords;
import org.evwatch.fetcher.split.MalformedResponseException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reference-manager libraries (RIS, BibTeX, CSL-JSON, PubMed's MEDLINE) and identifier lists, entry by entry: each
 * readable entry with a title becomes one record with its own id ({@code ris:doi:…}, {@code bibtex:pmid:…},
 * {@code csl:sha256:…}, {@code medline:pmid:…}), and an
 * entry that cannot be read or has no title is rejected alone, with its line and why, while the others go on.
 */
final class LibraryRecords {

    private LibraryRecords() {
    }

    static List<ImportEntry> split(String text, String type) throws UnreadableFileException,
            MalformedResponseException {
        List<ImportEntry> entries = switch (type) {
            case ContentTypes.RIS -> ris(text);
            case ContentTypes.MEDLINE -> medline(text);
            case ContentTypes.BIBTEX -> bibtex(text);
            case ContentTypes.CSL_JSON -> csl(text);
            default -> identifiers(text);
        };
        if (entries.isEmpty()) {
            throw new UnreadableFileException(InboxFiles.NOT_A_PAPER + "no entry in the " + switch (type) {
                case ContentTypes.RIS -> "RIS file (a record runs from 'TY  - ' to 'ER  - ')";
                case ContentTypes.MEDLINE -> "MEDLINE file (a record starts with a 'PMID- ' line)";
                case ContentTypes.BIBTEX -> "BibTeX file (an entry is @type{key, field = {value}, ...})";
                case ContentTypes.CSL_JSON -> "CSL-JSON file";
                default -> "identifier list";
            });
        }
        return entries;
    }

    private static List<ImportEntry> ris(String text) {
        RisLibrary.Library library = RisLibrary.read(text);
        List<Positioned> all = new ArrayList<>();
        for (RisLibrary.Entry e : library.entries()) {
            String label = "record at line " + e.line();
            String title = e.first("TI", "T1", "CT");
            all.add(new Positioned(e.line(), title == null
                    ? ImportEntry.rejected(0, label, "the record has no title (TI or T1)")
                    : ImportEntry.ready(0, label, new InboxRecord(RecordIds.of("ris", e.text(), RecordIds.doi(e
                            .first("DO")), RecordIds.pmid(pmid(e))), ContentTypes.RIS, e.text()))));
        }
        for (RisLibrary.Failure f : library.failures()) {
            all.add(new Positioned(f.line(), ImportEntry.rejected(0, "record at line " + f.line(), f.reason())));
        }
        return numbered(all);
    }

    /** PubMed's MEDLINE export ({@code .nbib}): each record has its PMID, so its id is {@code medline:pmid:…}. */
    private static List<ImportEntry> medline(String text) {
        MedlineLibrary.Library library = MedlineLibrary.read(text);
        List<Positioned> all = new ArrayList<>();
        for (MedlineLibrary.Entry e : library.entries()) {
            String label = "record PMID " + e.pmid() + " (line " + e.line() + ")";
            all.add(new Positioned(e.line(), e.first("TI", "BTI") == null
                    ? ImportEntry.rejected(0, label, "the record has no title (TI or BTI)")
                    : ImportEntry.ready(0, label, new InboxRecord(RecordIds.of("medline", e.text(),
                            RecordIds.pmid(e.pmid())), ContentTypes.MEDLINE, e.text()))));
        }
        for (MedlineLibrary.Failure f : library.failures()) {
            all.add(new Positioned(f.line(), ImportEntry.rejected(0, "record at line " + f.line(), f.reason())));
        }
        return numbered(all);
    }

    /** The PMID a RIS record states in a field of its own (PubMed's exports, this product's own). */
    private static String pmid(RisLibrary.Entry e) {
        String an = e.first("PM", "AN");
        return an == null ? null : an.replaceFirst("(?i)^PMID:?\\s*", "");
    }

    private static List<ImportEntry> bibtex(String text) {
        BibtexLibrary.Library library = BibtexLibrary.read(text);
        List<Positioned> all = new ArrayList<>();
        for (BibtexLibrary.Entry e : library.entries()) {
            String label = "entry " + e.key() + " (line " + e.line() + ")";
            String payload = library.macros().isEmpty() ? e.text() : library.macros() + "\n" + e.text();
            all.add(new Positioned(e.line(), e.field("title") == null
                    ? ImportEntry.rejected(0, label, "the entry has no title field")
                    : ImportEntry.ready(0, label, new InboxRecord(RecordIds.of("bibtex", payload, RecordIds.doi(e
                            .field("doi")), RecordIds.pmid(e.field("pmid"))), ContentTypes.BIBTEX, payload))));
        }
        for (BibtexLibrary.Failure f : library.failures()) {
            String label = "entry " + (f.key() == null ? "" : f.key() + " ") + "(line " + f.line() + ")";
            all.add(new Positioned(f.line(), ImportEntry.rejected(0, label, f.reason())));
        }
        return numbered(all);
    }

    /** A CSL-JSON array (Zotero's export), or one item object. */
    private static List<ImportEntry> csl(String text) throws MalformedResponseException {
        JsonRecords.Split split = JsonRecords.split(text);
        List<ImportEntry> entries = new ArrayList<>();
        for (int i = 0; i < split.items().size(); i++) {
            JsonNode item = split.items().get(i);
            String label = "item " + (i + 1);
            String raw = split.raw().get(i);
            if (!item.isObject()) {
                entries.add(ImportEntry.rejected(i + 1, label, "the item is " + item.getNodeType().name()
                        .toLowerCase(java.util.Locale.ROOT) + ", not an object"));
            } else if (!item.path("title").isTextual() || item.path("title").asText().isBlank()) {
                entries.add(ImportEntry.rejected(i + 1, label, "the item has no title"));
            } else {
                entries.add(ImportEntry.ready(i + 1, label, new InboxRecord(RecordIds.of("csl", raw, RecordIds.doi(
                        item.path("DOI").asText(null)), RecordIds.pmid(item.path("PMID").asText(null))),
                        ContentTypes.CSL_JSON, raw)));
            }
        }
        return entries;
    }

    private static List<ImportEntry> identifiers(String text) {
        List<ImportEntry> entries = new ArrayList<>();
        for (IdentifierList.Item item : IdentifierList.parse(text)) {
            int position = entries.size() + 1;
            entries.add(item.valid()
                    ? ImportEntry.lookup(position, item)
                    : ImportEntry.rejected(position, "line " + item.line() + ": " + item.text(), "not a DOI, PMID,"
                            + " PMCID or http(s) URL"));
        }
        return entries;
    }

    /** Readable and unreadable entries back in file order, numbered from 1. */
    private static List<ImportEntry> numbered(List<Positioned> all) {
        all.sort(Comparator.comparingInt(Positioned::line));
        List<ImportEntry> out = new ArrayList<>(all.size());
        for (Positioned p : all) {
            ImportEntry e = p.entry();
            out.add(new ImportEntry(out.size() + 1, e.label(), e.record(), e.lookup(), e.rejection()));
        }
        return out;
    }

    private record Positioned(int line, ImportEntry entry) {
    }
}
