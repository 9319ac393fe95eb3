package org.evwatch.fetcher.inbox;

import org.evwatch.events.IdentifierList;

/**
 * One entry of a file to import, in file order: a record ready to send, an identifier to look up at its source, or
 * an entry that cannot become a record, with why. Exactly one of {@code record}, {@code lookup} and {@code rejection}
 * is set.
 *
 * @param position 1-based, in file order
 * @param label how a person finds the entry in the file: "record 3 (line 40)", "entry smith2020 (line 12)",
 *        "line 7: 10.1000/xyz"
 */
public record ImportEntry(int position, String label, InboxRecord record, IdentifierList.Item lookup,
        String rejection) {

    static ImportEntry ready(int position, String label, InboxRecord record) {
        return new ImportEntry(position, label, record, null, null);
    }

    static ImportEntry lookup(int position, IdentifierList.Item item) {
        return new ImportEntry(position, "line " + item.line() + ": " + item.text(), null, item, null);
    }

    static ImportEntry rejected(int position, String label, String reason) {
        return new ImportEntry(position, label, null, null, reason);
    }
}
