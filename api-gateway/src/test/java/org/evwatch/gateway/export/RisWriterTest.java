package org.evwatch.gateway.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.evwatch.gateway.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

class RisWriterTest {

    private final RisWriter writer = new RisWriter();

    /** Splits RIS into records of [tag, value] pairs the way an importer reads it. */
    private static List<List<String[]>> parse(String ris) {
        List<List<String[]>> records = new ArrayList<>();
        List<String[]> current = null;
        for (String line : ris.split("\r\n")) {
            assertThat(line).matches("[A-Z][A-Z0-9]  - .*");
            String tag = line.substring(0, 2);
            String value = line.substring(6);
            if (tag.equals("TY")) {
                current = new ArrayList<>();
            }
            assertThat(current).as("a record starts with TY").isNotNull();
            current.add(new String[]{tag, value});
            if (tag.equals("ER")) {
                records.add(current);
                current = null;
            }
        }
        assertThat(current).as("the last record is closed by ER").isNull();
        return records;
    }

    private static List<String> values(List<String[]> record, String tag) {
        return record.stream().filter(f -> f[0].equals(tag)).map(f -> f[1]).toList();
    }

    @Test
    void writesAJournalArticleWithEveryField() {
        String ris = writer.write(Fixtures.paper("exosome-pdac"));
        assertThat(ris).endsWith("ER  - \r\n");
        List<String[]> rec = parse(ris).get(0);
        assertThat(values(rec, "TY")).containsExactly("JOUR");
        assertThat(values(rec, "AU")).containsExactly("Melo, Sonia A", "Kalluri, Raghu", "EV-TRACK Consortium");
        assertThat(values(rec, "PY")).containsExactly("2015");
        assertThat(values(rec, "DA")).containsExactly("2015/07/09/");
        assertThat(values(rec, "T2")).containsExactly("Nature");
        assertThat(values(rec, "SP")).containsExactly("177");
        assertThat(values(rec, "EP")).as("MEDLINE short page range expanded").containsExactly("182");
        assertThat(values(rec, "DO")).containsExactly("10.1038/s41586-024-00001-x");
        assertThat(values(rec, "AN")).containsExactly("PMID:38000001");
        assertThat(values(rec, "KW")).containsExactly("exosomes", "liquid biopsy", "Pancreatic Neoplasms");
        assertThat(values(rec, "AB")).singleElement().asString()
                .as("the two abstract sections on one line")
                .isEqualTo("Exosomes carry tumour cargo such as miR-21. GPC1+ exosomes identified pancreatic"
                        + " ductal adenocarcinoma in plasma.");
    }

    @Test
    void writesAPreprintAsUnpublishedAndSkipsMissingFields() {
        List<List<String[]>> records = parse(writer.write(
                List.of(Fixtures.paper("exosome-pdac"), Fixtures.paper("preprint-minimal"))));
        assertThat(records).hasSize(2);
        List<String[]> pre = records.get(1);
        assertThat(values(pre, "TY")).containsExactly("UNPB");
        assertThat(values(pre, "DA")).containsExactly("2024/01//");
        assertThat(values(pre, "AB")).isEmpty();
        assertThat(values(pre, "VL")).isEmpty();
        assertThat(values(pre, "AU")).containsExactly("Müller-Ñúñez, Ana");
    }
}
