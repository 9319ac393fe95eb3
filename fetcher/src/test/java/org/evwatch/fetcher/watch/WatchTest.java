package org.evwatch.fetcher.watch;

import static org.assertj.core.api.Assertions.assertThat;

import org.evwatch.fetcher.source.DateWindow;
import org.evwatch.fetcher.source.EuropePmcSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

class WatchTest {

    private final WatchMatcher evCancer = new WatchMatcher(Watch.evCancer());

    @Test
    void matchesVesicleTermsTogetherWithCancerTerms() {
        assertThat(evCancer.matches("Exosomal miR-21 in pancreatic cancer")).isTrue();
        assertThat(evCancer.matches("Tumour-derived extracellular-vesicles and T cells")).isTrue();
        assertThat(evCancer.matches("Large oncosomes shed by metastatic cells")).isTrue();
        assertThat(evCancer.matches("Microvesicles in NEOPLASTIC disease")).isTrue();
    }

    @Test
    void needsBothHalves() {
        assertThat(evCancer.matches("Exosomes in neuronal signalling")).isFalse();
        assertThat(evCancer.matches("Breast cancer screening uptake")).isFalse();
        assertThat(evCancer.matches("Cancer vesicle")).isFalse();
        assertThat(evCancer.matches(null)).isFalse();
    }

    @Test
    void rendersEachQueryLanguage() {
        Watch w = Watch.evCancer();
        assertThat(WatchQueries.pubmed(w)).startsWith("(exosom*[tiab] OR \"extracellular vesicle*\"[tiab]")
                .contains(") AND (cancer*[tiab] OR ");
        assertThat(EuropePmcSource.query(w, new DateWindow(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 2))))
                .contains("TITLE_ABS:\"extracellular vesicle\" OR TITLE_ABS:\"extracellular vesicles\"")
                .endsWith("AND (FIRST_PDATE:[2025-01-01 TO 2025-01-02])");
        assertThat(WatchQueries.crossref(w)).isEqualTo("exosom extracellular vesicle microvesicle ectosom oncosom");
    }
}
