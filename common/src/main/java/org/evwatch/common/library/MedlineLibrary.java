package org.evwatch.common.library;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a MEDLINE file (PubMed's "Save as PubMed format" and "Send to citation manager" {@code .nbib} export) into its
 * records. A record is a run of tag lines ({@code TI  - Title}: the tag left-justified in four columns, a dash and a
 * space) from its {@code PMID- } line to the next blank line; a line indented by six spaces continues the value
 * before it. A run of tag lines that does not start with {@code PMID} is a {@link Failure} of its own and the records
 * after it are still read: the fetcher splits a file with it so that a bad record is rejected alone, and the extractor
 * reads one record with it.
 */
public final class MedlineLibrary {

    /** One record: its PMID, its tags in order, its exact text and first line. */
    public record Entry(String pmid, List<TagLine> tags, String text, int line) implements TaggedRecord {
    }

    /** A record that could not be read, at its 1-based first line, with why. */
    public record Failure(int line, String reason) {
    }

    public record Library(List<Entry> entries, List<Failure> failures) {
    }

    private static final Pattern TAG = Pattern.compile("^([A-Z][A-Z0-9]{1,3}) {0,3}- ?(.*)$");
    private static final Pattern CONTINUATION = Pattern.compile("^ {2,}\\S.*$");
    private static final Pattern PMID = Pattern.compile("\\d{1,9}");

    private final List<Entry> entries = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();
    private List<TagLine> tags;
    private int startLine;
    private int startOffset;

    private MedlineLibrary() {
    }

    public static Library read(String text) {
        MedlineLibrary reader = new MedlineLibrary();
        reader.readAll(text);
        return new Library(List.copyOf(reader.entries), List.copyOf(reader.failures));
    }

    private void readAll(String text) {
        TagLine.eachLine(text, (line, lineNo, offset, next) -> {
            if (line.isBlank()) {
                close(text, offset);
            } else if (tags != null && CONTINUATION.matcher(line).matches()) {
                TagLine.continueLast(tags, line);
            } else {
                if (tags == null) {
                    tags = new ArrayList<>();
                    startLine = lineNo;
                    startOffset = offset;
                }
                Matcher m = TAG.matcher(line);
                tags.add(m.matches() ? new TagLine(m.group(1), m.group(2).strip()) : new TagLine("", line.strip()));
            }
        });
        close(text, text.length());
    }

    /** Ends the record being read at {@code end}, if one is. */
    private void close(String text, int end) {
        if (tags == null) {
            return;
        }
        TagLine first = tags.get(0);
        TagLine stray = tags.stream().filter(t -> t.tag().isEmpty()).findFirst().orElse(null);
        if (!first.tag().equals("PMID") || !PMID.matcher(first.value()).matches()) {
            failures.add(new Failure(startLine, "the record does not start with a 'PMID- ' line holding a PMID"));
        } else if (stray != null) {
            failures.add(new Failure(startLine, "a line of the record is neither a tag ('TI  - ...') nor the "
                    + "continuation of one (six spaces): '" + abbreviate(stray.value()) + "'"));
        } else {
            entries.add(new Entry(first.value(), List.copyOf(tags), text.substring(startOffset, end), startLine));
        }
        tags = null;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
