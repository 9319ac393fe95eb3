package org.evwatch.fetcher.inbox;

/**
 * One paper cut out of an inbox file, ready to be sent as a {@link org.evwatch.events.PaperFetched}.
 *
 * @param id the record id: derived from the paper's identifiers where the file has them (a PMID, a DOI, a PMCID),
 *        else from a hash of the record's content, so the same paper dropped again is recognised
 * @param contentType the format of {@code payload}, one of {@link org.evwatch.events.ContentTypes}
 * @param payload the record as it stands in the file
 */
public record InboxRecord(String id, String contentType, String payload) {
}
