package org.evwatch.common.library;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MedlineLibraryTest {

    private static final String TWO = """
            PMID- 38123456
            OWN - NLM
            TI  - Exosomal PD-L1 from melanoma cells suppresses T cells in the draining
                  lymph node.
            FAU - Okafor, Chidinma A
            AD  - Department of Oncology, University of Lagos, Lagos, Nigeria.

            PMID- 38123457
            TI  - Apoptotic bodies of glioblastoma.
            """;

    @Test
    void recordsRunFromTheirPmidLineToABlankLineAndIndentedLinesContinueAValue() {
        MedlineLibrary.Library library = MedlineLibrary.read(TWO.replace("\n", "\r\n"));
        assertThat(library.failures()).isEmpty();
        assertThat(library.entries()).extracting(MedlineLibrary.Entry::pmid).containsExactly("38123456", "38123457");
        MedlineLibrary.Entry first = library.entries().get(0);
        assertThat(first.first("TI")).isEqualTo("Exosomal PD-L1 from melanoma cells suppresses T cells in the "
                + "draining lymph node.");
        assertThat(first.first("FAU")).isEqualTo("Okafor, Chidinma A");
        assertThat(first.tags()).extracting(TagLine::tag).containsExactly("PMID", "OWN", "TI", "FAU",
                "AD");
        assertThat(first.line()).isEqualTo(1);
        assertThat(first.text()).startsWith("PMID- 38123456").endsWith("Nigeria.\r\n");
        assertThat(library.entries().get(1).line()).isEqualTo(8);
        assertThat(library.entries().get(1).text()).isEqualTo("PMID- 38123457\r\nTI  - Apoptotic bodies of "
                + "glioblastoma.\r\n");
    }

    @Test
    void aRecordWithoutItsPmidOrWithAStrayLineFailsAloneAndTheOthersAreRead() {
        String file = "TI  - No PMID before me.\n\nPMID- 1\nTI  - Fine.\n\nPMID- 2\nTI  - Broken\nnot a tag\n\n"
                + "PMID- 3\nTI  - Also fine.";
        MedlineLibrary.Library library = MedlineLibrary.read(file);
        assertThat(library.entries()).extracting(MedlineLibrary.Entry::pmid).containsExactly("1", "3");
        assertThat(library.failures()).extracting(MedlineLibrary.Failure::line).containsExactly(1, 6);
        assertThat(library.failures().get(0).reason()).contains("'PMID- '");
        assertThat(library.failures().get(1).reason()).contains("'not a tag'");
    }

    @Test
    void anEmptyFileHasNoRecord() {
        assertThat(MedlineLibrary.read("\n\n").entries()).isEmpty();
        assertThat(MedlineLibrary.read("").failures()).isEmpty();
    }
}
