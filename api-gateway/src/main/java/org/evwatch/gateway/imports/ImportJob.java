package org.evwatch.gateway.imports;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An import as the fetcher, which runs it, reports it. */
@Schema(name = "ImportJob", description = "An import and what became of each entry of its file so far")
public record ImportJob(
        @Schema(description = "Job id") String id,
        @Schema(description = "The id of the API key that started it") String owner,
        @Schema(description = "The uploaded file's name, when it had one") String fileName,
        @Schema(description = "The format read", example = "application/x-research-info-systems") String contentType,
        @Schema(description = "RUNNING until every entry has its outcome, then DONE; FAILED when it could not"
                + " finish (see error; entries done before keep their outcome)", enumeration = {
                        "RUNNING", "DONE",
                        "FAILED"}) String state,
        @Schema(description = "Why the job failed") String error,
        Instant createdAt,
        Instant finishedAt,
        @Schema(description = "Entries per outcome") Counts counts,
        @Schema(description = "Every entry of the file, in file order") List<Entry> records){

    @Schema(name = "ImportCounts", description = "How many entries had each outcome; pending ones are not handled yet")
    public record Counts(int total, int accepted, int merged, int rejected, int pending) {
    }

    @Schema(name = "ImportEntry", description = "What became of one entry of the file")
    public record Entry(
            @Schema(description = "1-based position in the file", example = "3") int position,
            @Schema(description = "Where the entry is in the file", example = "entry smith2020 (line 40)") String entry,
            @Schema(description = "ACCEPTED: sent as a new record. MERGED: a record sent before (by polling or an"
                    + " earlier import; an update is sent when it changed) or repeated in the file; the catalog merges"
                    + " it into the paper it has. REJECTED: not imported, see detail. Absent while pending.", enumeration = {
                            "ACCEPTED", "MERGED", "REJECTED"}) String outcome,
            @Schema(description = "The source it was sent as: import, or the source an identifier was looked up"
                    + " at", example = "pubmed") String source,
            @Schema(description = "The record id", example = "ris:doi:10.1002/jev2.12345") String recordId,
            @Schema(description = "For MERGED what it merged with, for REJECTED why") String detail){
    }
}
