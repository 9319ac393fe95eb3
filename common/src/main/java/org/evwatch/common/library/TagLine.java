package org.evwatch.common.library;

import java.util.ArrayList;
import java.util.List;

/** One tag line of a tagged library format (RIS, MEDLINE): the tag and its value, continuation lines joined. */
public record TagLine(String tag, String value) {

    /** The first non-blank value of the first of the tags that has one. */
    public static String first(List<TagLine> tags, String... names) {
        for (String name : names) {
            for (TagLine t : tags) {
                if (t.tag().equals(name) && !t.value().isBlank()) {
                    return t.value().strip();
                }
            }
        }
        return null;
    }

    /** Every non-blank value of the tags, in record order. */
    public static List<String> all(List<TagLine> tags, String... names) {
        List<String> out = new ArrayList<>();
        for (TagLine t : tags) {
            for (String name : names) {
                if (t.tag().equals(name) && !t.value().isBlank()) {
                    out.add(t.value().strip());
                }
            }
        }
        return out;
    }

    /** What a reader does with each line of a library file. */
    @FunctionalInterface
    public interface LineVisitor {

        /** One line, without its line break; its 1-based number, its start offset and the offset after its break. */
        void line(String line, int number, int offset, int next);
    }

    /** Each line of {@code text}, without its line break, carriage return or byte-order mark, then an empty last. */
    public static void eachLine(String text, LineVisitor visitor) {
        int offset = 0;
        int number = 0;
        while (offset <= text.length()) {
            int end = text.indexOf('\n', offset);
            int next = end < 0 ? text.length() + 1 : end + 1;
            String line = text.substring(offset, end < 0 ? text.length() : end).replace("\r", "")
                    .replace("\uFEFF", "");
            visitor.line(line, ++number, offset, next);
            offset = next;
        }
    }

    /** Adds a continuation line (a wrapped value) to the value of the last tag. */
    public static void continueLast(List<TagLine> tags, String line) {
        TagLine last = tags.remove(tags.size() - 1);
        tags.add(new TagLine(last.tag(), last.value() + " " + line.strip()));
    }
}
