package org.evwatch.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;

import org.evwatch.events.IdentifierList.Item;
import org.evwatch.events.IdentifierList.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Identifier lists as people paste them: every way of writing a DOI, PMID, PMCID or URL, and the junk between. */
class IdentifierListTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "10.1002/jev2.12345 | 10.1002/jev2.12345",
            "10.1002/JEV2.12345 | 10.1002/jev2.12345",
            "doi:10.1002/jev2.12345 | 10.1002/jev2.12345",
            "DOI: 10.1002/jev2.12345 | 10.1002/jev2.12345",
            "https://doi.org/10.1002/jev2.12345 | 10.1002/jev2.12345",
            "http://dx.doi.org/10.1016/j.cell.2019.01.001 | 10.1016/j.cell.2019.01.001",
            "HTTPS://DOI.ORG/10.1038/nature14581 | 10.1038/nature14581",
            "10.1002/(SICI)1097-0258(19980815/30)17:15/16<1661::AID-SIM968>3.0.CO;2-2"
                    + " | 10.1002/(sici)1097-0258(19980815/30)17:15/16<1661::aid-sim968>3.0.co;2-2",
            "10.1002/jev2.12345. | 10.1002/jev2.12345"})
    void everyFormOfADoiIsTheDoiInLowerCase(String written, String doi) {
        assertThat(IdentifierList.parse(written)).containsExactly(new Item(1, written.replaceFirst("[.]$", "")
                .replaceFirst("^DOI: ", "DOI:"), Kind.DOI, doi));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "34511234 | PMID | 34511234",
            "PMID: 34511234 | PMID | 34511234",
            "pmid:34511234 | PMID | 34511234",
            "https://pubmed.ncbi.nlm.nih.gov/34511234/ | PMID | 34511234",
            "https://pubmed.ncbi.nlm.nih.gov/34511234/?from_term=exosome | PMID | 34511234",
            "http://www.ncbi.nlm.nih.gov/pubmed/34511234 | PMID | 34511234",
            "https://europepmc.org/article/MED/34511234 | PMID | 34511234",
            "https://europepmc.org/abstract/MED/34511234#abstract | PMID | 34511234",
            "PMC8512345 | PMCID | PMC8512345",
            "pmc8512345 | PMCID | PMC8512345",
            "PMCID: PMC8512345 | PMCID | PMC8512345",
            "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC8512345/ | PMCID | PMC8512345",
            "https://pmc.ncbi.nlm.nih.gov/articles/PMC8512345/ | PMCID | PMC8512345",
            "https://europepmc.org/article/PMC/PMC8512345 | PMCID | PMC8512345",
            "https://www.nature.com/articles/s41586-020-2077-3 | URL | https://www.nature.com/articles/s41586-020-2077-3",
            "http://example.org | URL | http://example.org"})
    void pmidsPmcidsAndTheUrlsThatNameThemAreReadAsThoseIds(String written, Kind kind, String value) {
        List<Item> items = IdentifierList.parse(written);
        assertThat(items).hasSize(1);
        assertThat(items.get(0).kind()).isEqualTo(kind);
        assertThat(items.get(0).value()).isEqualTo(value);
        assertThat(items.get(0).valid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-id", "10.12/too.short.a.prefix", "10.1002", "1234567890", "PMC", "PMC12a",
            "ftp://example.org/list.txt", "www.nature.com/articles/x", "PMID:",
            "https://", "(34511234)", "pmid=34511234"})
    void junkIsKeptAsAnItemWithoutKind(String junk) {
        List<Item> items = IdentifierList.parse(junk);
        assertThat(items).hasSize(1);
        assertThat(items.get(0).valid()).as(junk).isFalse();
        assertThat(items.get(0).value()).isNull();
        assertThat(items.get(0).text()).isEqualTo(junk);
    }

    @Test
    void aListIsReadLineByLineWithCommentsBlankLinesAndCommaRunsAndEachItemKeepsItsLine() {
        String list = "# papers for the glioma review\r\n"
                + "38000001, 38000002,38000003\r\n"
                + "\r\n"
                + "PMID: 38000099   doi:10.1016/j.ev.2024.01.002;\r\n"
                + "   # a comment after spaces\r\n"
                + "https://doi.org/10.9999/nobody.knows\n"
                + "PMC7000001 not-an-id\r"
                + "https://www.nature.com/articles/s41586-020-2077-3,\n";
        assertThat(IdentifierList.parse(list)).extracting(Item::line, Item::text, Item::kind, Item::value)
                .containsExactly(
                        tuple(2, "38000001", Kind.PMID, "38000001"),
                        tuple(2, "38000002", Kind.PMID, "38000002"),
                        tuple(2, "38000003", Kind.PMID, "38000003"),
                        tuple(4, "PMID:38000099", Kind.PMID, "38000099"),
                        tuple(4, "doi:10.1016/j.ev.2024.01.002", Kind.DOI, "10.1016/j.ev.2024.01.002"),
                        tuple(6, "https://doi.org/10.9999/nobody.knows", Kind.DOI, "10.9999/nobody.knows"),
                        tuple(7, "PMC7000001", Kind.PMCID, "PMC7000001"),
                        tuple(7, "not-an-id", null, null),
                        tuple(8, "https://www.nature.com/articles/s41586-020-2077-3", Kind.URL,
                                "https://www.nature.com/articles/s41586-020-2077-3"));
    }

    @Test
    void aUrlWithCommasInsideIsKeptWhole() {
        assertThat(IdentifierList.parse("https://example.org/search?ids=38000001,38000002, 38000003"))
                .extracting(Item::kind, Item::value).containsExactly(
                        tuple(Kind.URL, "https://example.org/search?ids=38000001,38000002"),
                        tuple(Kind.PMID, "38000003"));
    }

    @Test
    void anEmptyTextOrOneOfCommentsHasNoItems() {
        assertThat(IdentifierList.parse("")).isEmpty();
        assertThat(IdentifierList.parse("\n\n  \n")).isEmpty();
        assertThat(IdentifierList.parse("# to read\n#10.1002/jev2.12345\n")).isEmpty();
    }
}
