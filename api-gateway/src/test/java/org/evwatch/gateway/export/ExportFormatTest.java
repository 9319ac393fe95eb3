package org.evwatch.gateway.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExportFormatTest {

    @Test
    void picksTheFormatFromAnAcceptHeader() {
        assertThat(ExportFormat.fromAccept("application/x-research-info-systems")).contains(ExportFormat.RIS);
        assertThat(ExportFormat.fromAccept("application/json, application/x-bibtex;q=0.9"))
                .contains(ExportFormat.BIBTEX);
        assertThat(ExportFormat.fromAccept(
                "application/x-bibtex;q=0.5, application/vnd.citationstyles.csl+json;q=0.8"))
                .contains(ExportFormat.CSL);
        assertThat(ExportFormat.fromAccept("*/*")).isEmpty();
        assertThat(ExportFormat.fromAccept("application/json")).isEmpty();
        assertThat(ExportFormat.fromAccept(null)).isEmpty();
    }

    @Test
    void picksTheFormatFromAParameter() {
        assertThat(ExportFormat.fromParam("RIS")).contains(ExportFormat.RIS);
        assertThat(ExportFormat.fromParam("bib")).contains(ExportFormat.BIBTEX);
        assertThat(ExportFormat.fromParam("csl")).contains(ExportFormat.CSL);
        assertThat(ExportFormat.fromParam("endnote")).isEmpty();
    }
}
