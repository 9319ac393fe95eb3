package org.evwatch.gateway.api;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.evwatch.gateway.export.ExportFormat;
import org.evwatch.indexer.api.PaperView;
import org.evwatch.gateway.problem.ProblemException;

/** Chooses an export format from {@code format=} or the Accept header, and writes the answer. */
final class Exports {

    private Exports() {
    }

    /** The requested export format; empty for the default JSON; 400 for an unknown {@code format}. */
    static Optional<ExportFormat> requested(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            if (format.equalsIgnoreCase("json")) {
                return Optional.empty();
            }
            return Optional.of(ExportFormat.fromParam(format).orElseThrow(() -> ProblemException.badRequest(
                    "'format' is one of json, ris, bibtex, csl.")));
        }
        return ExportFormat.fromAccept(headers.getHeaderString(HttpHeaders.ACCEPT));
    }

    static Response write(ExportFormat format, List<PaperView> papers, String fileName) {
        String body = format.writer().write(papers);
        return Response.ok(body)
                .type(format.mediaType() + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "." + format.extension() + "\"")
                .build();
    }
}
