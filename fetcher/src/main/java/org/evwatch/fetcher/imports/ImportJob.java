package org.evwatch.fetcher.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An import and what became of each entry of its file so far. */
@Schema(description = "An import and what became of each entry of its file so far")
public record ImportJob(
        @Schema(description = "Job id") UUID id,
        @Schema(description = "Who started it: the id of the gateway's API key") String owner,
        @Schema(description = "The uploaded file's name, when it had one") String fileName,
        @Schema(description = "The format read", example = "application/x-research-info-systems") String contentType,
        @Schema(description = "RUNNING until every entry has its outcome, then DONE; FAILED when it could not finish"
                + " (the error says why; entries done before keep their outcome)") State state,
        @Schema(description = "Why the job failed") String error,
        Instant createdAt,
        Instant finishedAt,
        @Schema(description = "Entries per outcome") Counts counts,
        @Schema(description = "Every entry of the file, in file order") List<ImportOutcome> records) {

    public enum State {
        RUNNING, DONE, FAILED
    }

    /** How many entries had each outcome; {@code pending} are not handled yet. */
    public record Counts(int total, int accepted, int merged, int rejected, int pending) {
    }

    /** The same job with its counts filled in from its records. */
    ImportJob counted() {
        int[] n = new int[4];
        for (ImportOutcome o : records) {
            n[o.outcome() == null ? 3 : o.outcome().ordinal()]++;
        }
        return new ImportJob(id, owner, fileName, contentType, state, error, createdAt, finishedAt,
                new Counts(records.size(), n[0], n[1], n[2], n[3]), records);
    }
}
