package org.evwatch.gateway.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.evwatch.gateway.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

class BibtexWriterTest {

    private final BibtexWriter writer = new BibtexWriter();

    @Test
    void writesAnArticleWithEscapedValuesAndBalancedBraces() {
        String bib = writer.write(Fixtures.paper("exosome-pdac"));
        assertThat(bib).startsWith("@article{melo2015glypican,\n");
        assertThat(bib).contains("title = {Glypican-1 \\& CD63+ exosomes in 5\\% of pancreatic cancer\\_patients:"
                + " a \\{liquid\\} biopsy}");
        assertThat(bib).contains("author = {Melo, Sonia A and Kalluri, Raghu and {EV-TRACK Consortium}}");
        assertThat(bib).contains("journal = {Nature}", "year = {2015}", "month = jul", "pages = {177--182}",
                "doi = {10.1038/s41586-024-00001-x}", "pmid = {38000001}");
        assertBalanced(bib);
    }

    @Test
    void makesKeysUniqueWithinOneFile() {
        var paper = Fixtures.paper("exosome-pdac");
        String bib = writer.write(List.of(paper, paper, Fixtures.paper("preprint-minimal")));
        Matcher m = Pattern.compile("^@(\\w+)\\{([^,]+),", Pattern.MULTILINE).matcher(bib);
        List<String> keys = m.results().map(r -> r.group(1) + ":" + r.group(2)).toList();
        assertThat(keys).containsExactly("article:melo2015glypican", "article:melo2015glypicana",
                "misc:mullernunez2024small");
    }

    private static void assertBalanced(String bib) {
        int depth = 0;
        for (int i = 0; i < bib.length(); i++) {
            char c = bib.charAt(i);
            boolean escaped = i > 0 && bib.charAt(i - 1) == '\\';
            if (c == '{' && !escaped) {
                depth++;
            } else if (c == '}' && !escaped) {
                depth--;
            }
            assertThat(depth).as("brace depth at %d", i).isGreaterThanOrEqualTo(0);
        }
        assertThat(depth).isZero();
    }
}
