package org.evwatch.fetcher.imports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.evwatch.events.PaperFetched;
import org.evwatch.fetcher.inbox.ImportEntry;

/**
 * What became of one entry of an import.
 *
 * @param position 1-based, in file order
 * @param entry how a person finds the entry in the file
 * @param outcome ACCEPTED, MERGED or REJECTED; null while the entry is still to be handled
 * @param source the source the record was sent as ({@code import}, {@code pubmed}, {@code crossref}…)
 * @param recordId the record's id on {@code papers.fetched}
 * @param detail for MERGED what it merged with, for REJECTED why
 */
@Schema(description = "What became of one entry of an import")
public record ImportOutcome(
        @Schema(description = "1-based position in the file", example = "3") int position,
        @Schema(description = "Where the entry is in the file", example = "entry smith2020 (line 40)") String entry,
        @Schema(description = "ACCEPTED (sent as a new record), MERGED (a record this fetcher had sent before, or"
                + " repeated in the file), REJECTED (with the reason); absent while pending") Outcome outcome,
        @Schema(description = "The source the record was sent as", example = "import") String source,
        @Schema(description = "The record id on papers.fetched", example = "ris:doi:10.1002/jev2.12345") String recordId,
        @Schema(description = "For MERGED what it merged with, for REJECTED why") String detail) {

    public enum Outcome {
        ACCEPTED, MERGED, REJECTED
    }

    static ImportOutcome accepted(ImportEntry e, PaperFetched r) {
        return new ImportOutcome(e.position(), e.label(), Outcome.ACCEPTED, r.source(), r.sourceRecordId(), null);
    }

    static ImportOutcome merged(ImportEntry e, PaperFetched r, String detail) {
        return new ImportOutcome(e.position(), e.label(), Outcome.MERGED, r.source(), r.sourceRecordId(), detail);
    }

    static ImportOutcome rejected(ImportEntry e, String reason) {
        return new ImportOutcome(e.position(), e.label(), Outcome.REJECTED, null, null, reason);
    }
}
