package org.evwatch.common.library;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a RIS file (as Zotero, EndNote, Mendeley, journals and PubMed tools write it) into its records, each from its
 * {@code TY  - } line to its {@code ER  - } line, with its tags in order. A line that is no tag continues the value
 * before it (some writers wrap long abstracts). A record that does not start with {@code TY} or does not end with
 * {@code ER} is a {@link Failure} of its own and the records after it are still read: the fetcher splits a file with
 * it so that a bad record is rejected alone, and the extractor reads one record with it.
 */
public final class RisLibrary {

    /** One record: its type ({@code JOUR}), its tags in order, its exact text and first line. */
    public record Entry(String type, List<TagLine> tags, String text, int line) implements TaggedRecord {
    }

    /** A record that could not be read, at its 1-based first line, with why. */
    public record Failure(int line, String reason) {
    }

    public record Library(List<Entry> entries, List<Failure> failures) {
    }

    private static final Pattern TAG = Pattern.compile("^([A-Z][A-Z0-9]) {1,2}-(?: (.*))?$");

    private final List<Entry> entries = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();
    private List<TagLine> tags;
    private int startLine;
    private int startOffset;
    private boolean typed;

    private RisLibrary() {
    }

    public static Library read(String text) {
        RisLibrary reader = new RisLibrary();
        reader.readAll(text);
        return new Library(List.copyOf(reader.entries), List.copyOf(reader.failures));
    }

    private void readAll(String text) {
        TagLine.eachLine(text, (line, lineNo, offset, next) -> {
            Matcher m = TAG.matcher(line);
            if (m.matches()) {
                tag(m.group(1), m.group(2) == null ? "" : m.group(2), text, lineNo, offset, next);
            } else if (tags != null && !line.isBlank()) {
                TagLine.continueLast(tags, line);
            }
        });
        if (tags != null) {
            failures.add(new Failure(startLine, "the record is not closed with an 'ER  - ' line (the file may be cut"
                    + " short)"));
        }
    }

    private void tag(String name, String value, String text, int lineNo, int offset, int next) {
        if (name.equals("TY")) {
            if (tags != null) {
                failures.add(new Failure(startLine, "the record has no 'ER  - ' line before the next record at line "
                        + lineNo));
            }
            open(lineNo, offset, true);
        } else if (tags == null) {
            if (name.equals("ER")) {
                return;
            }
            open(lineNo, offset, false);
        }
        if (name.equals("ER")) {
            if (typed) {
                String type = tags.get(0).value().strip();
                entries.add(new Entry(type, List.copyOf(tags), text.substring(startOffset, Math.min(next,
                        text.length())), startLine));
            } else {
                failures.add(new Failure(startLine, "the record does not start with a 'TY  - ' line"));
            }
            tags = null;
            return;
        }
        tags.add(new TagLine(name, value));
    }

    private void open(int lineNo, int offset, boolean withType) {
        tags = new ArrayList<>();
        startLine = lineNo;
        startOffset = offset;
        typed = withType;
    }
}
