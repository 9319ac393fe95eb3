package org.evwatch.extractor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.Paper;
import org.evwatch.events.serde.EventJson;
import org.evwatch.extractor.parse.Parsers;
import org.evwatch.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new ParseCommand(Parsers.standard()).run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<Paper> printed() throws IOException {
        return out.toString(StandardCharsets.UTF_8).lines()
                .map(l -> EventJson.read(l.getBytes(StandardCharsets.UTF_8), Paper.class)).toList();
    }

    private Path fixture(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/parse/" + name)) {
            Path p = dir.resolve(name);
            Files.write(p, in.readAllBytes());
            return p;
        }
    }

    @Test
    void printsOnePaperPerLineForFilesOfAnyFormat() throws Exception {
        Path pubmed = SharedData.file("data/api-samples/pubmed-eutils/biopython_pubmed4.xml");
        Path seed = SharedData.file("seeds/002_d6eaca9d8982dbe7.txt");
        Path feed = fixture("feed-entry-atom.xml");

        int code = run(pubmed.toString(), seed.toString(), feed.toString());

        assertThat(code).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        List<Paper> papers = printed();
        assertThat(papers).extracting(p -> p.ids().doi()).containsExactly("10.1136/gutjnl-2016-312510",
                "10.3390/cancers18030537", "10.1186/s12943-024-01999-9");
        assertThat(papers.get(0).abstractSections()).hasSize(4);
    }

    @Test
    void aBadFileIsReportedOnStderrAndTheOthersStillPrint() throws Exception {
        Path truncated = fixture("pubmed-truncated.xml");
        Path good = fixture("html-highwire.html");
        Path noTitle = fixture("biorxiv-no-title.json");

        int code = run(truncated.toString(), good.toString(), noTitle.toString());

        assertThat(code).isEqualTo(1);
        assertThat(printed()).singleElement().extracting(p -> p.ids().doi()).isEqualTo("10.1002/jev2.12310");
        List<String> errors = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).startsWith(truncated + ": PubMed XML: malformed XML at line");
        assertThat(errors.get(1)).isEqualTo(noTitle + ": bioRxiv JSON (10.1101/2024.01.01.000001): missing title");
    }

    @Test
    void declaredTypeOverridesSniffing() throws Exception {
        Path md = fixture("markdown-generic.md");
        assertThat(run("--type", ContentTypes.MARKDOWN, md.toString())).isZero();
        Paper p = printed().get(0);
        assertThat(p.title()).isEqualTo("Small extracellular vesicles in ovarian cancer ascites");
        assertThat(p.ids().doi()).isEqualTo("10.1016/j.ygyno.2021.01.001");
        assertThat(p.abstractSections()).extracting(Paper.AbstractSection::label)
                .containsExactly("Background", "Methods", "Results", "Conclusions");

        out.reset();
        assertThat(run("--type", ContentTypes.PUBMED_XML, md.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("PubMed XML: malformed XML at line 1");
    }

    @Test
    void latin1BytesUnderAUtf8DeclarationAreAnEncodingError() throws Exception {
        Path wrong = fixture("pubmed-latin1-declared-utf8.xml");
        Path right = fixture("pubmed-latin1-declared.xml");

        int code = run(wrong.toString(), right.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith(wrong + ": not valid UTF-8 text")
                .contains("byte 0xF1 at offset 129 (line 2)");
        // the same bytes with an honest ISO-8859-1 declaration are read correctly
        assertThat(printed()).singleElement().satisfies(p -> {
            assertThat(p.title()).isEqualTo("Vesículas extracelulares en el cáncer de mama");
            assertThat(p.journal().title()).isEqualTo("Revista Española de Oncología");
        });
    }

    @Test
    void binaryGarbageAndMissingFilesFailClearly() throws Exception {
        Path garbage = fixture("garbage.bin");
        Path missing = dir.resolve("nope.xml");

        assertThat(run(garbage.toString(), missing.toString())).isEqualTo(1);
        List<String> errors = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(errors.get(0)).startsWith(garbage + ": not valid UTF-8 text");
        assertThat(errors.get(1)).startsWith(missing + ": cannot read file");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("--type")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: ParseCommand");
    }
}
