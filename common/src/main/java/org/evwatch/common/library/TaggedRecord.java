package org.evwatch.common.library;

import java.util.List;

/** A record written as tag lines (RIS, MEDLINE), read by tag name. */
public interface TaggedRecord {

    /** The record's tag lines, in order. */
    List<TagLine> tags();

    /** The first non-blank value of the first of the tags that has one. */
    default String first(String... names) {
        return TagLine.first(tags(), names);
    }

    /** Every non-blank value of the tags, in record order. */
    default List<String> all(String... names) {
        return TagLine.all(tags(), names);
    }
}
