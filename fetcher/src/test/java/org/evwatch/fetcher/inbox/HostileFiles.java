package org.evwatch.fetcher.inbox;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Files no inbox should ever turn into records, each with a pattern its rejection reason must contain. Those that
 * look like PubMed XML carry PMIDs starting with {@link #PMID_PREFIX}, so a test can tell that none of them was sent.
 */
final class HostileFiles {

    static final String PMID_PREFIX = "9910004";
    static final String BIG = "h-big.xml";

    private HostileFiles() {
    }

    /**
     * Writes every hostile file into {@code inbox} (each appears whole, by an atomic move) and returns file name to
     * expected reason pattern. The 50 MB file is written in {@code scratch} first, never in the repository.
     */
    static Map<String, String> write(Path inbox, Path scratch) throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        put(inbox, expected, "h-bomb.xml", bytes(laughs("<lolz>&lol9;</lolz>")), "XML refused: the DOCTYPE declares");
        put(inbox, expected, "h-bomb-attribute.xml", bytes(laughs("<lolz a=\"&lol9;\"/>")),
                "XML refused: .*billion laughs");
        put(inbox, expected, "h-xxe.xml", bytes("""
                <?xml version="1.0"?>
                <!DOCTYPE PubmedArticleSet [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
                """ + articleSet(PMID_PREFIX + "1", "&xxe;")), "XML refused: the DOCTYPE declares");
        put(inbox, expected, "h-empty.xml", new byte[0], "not a paper file: the file is empty;");
        put(inbox, expected, "h-latin1.xml", ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
                + articleSet(PMID_PREFIX + "2", "Exosomes in M\u00fcller glia")).getBytes(StandardCharsets.ISO_8859_1),
                "not UTF-8 text: byte 0xFC at offset \\d+");
        put(inbox, expected, "h-utf16.xml", articleSet(PMID_PREFIX + "3", "Exosomes").getBytes(
                StandardCharsets.UTF_16LE), "UTF-16 text \\(little-endian, without a byte order mark\\)");
        put(inbox, expected, "h-random.bin", random(), "binary data \\(a NUL byte at offset \\d+\\)");
        put(inbox, expected, "h-paper.pdf", bytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"),
                "not a paper file: the file is a PDF document");
        put(inbox, expected, "h-figure.png", new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0,
                13, 'I', 'H', 'D', 'R'}, "a PNG image");
        put(inbox, expected, "h-notes.txt", bytes("Papers to read:\n- exosomes in PDAC\n"),
                "a text of \\d+ characters starting \"Papers to read:\\.\\.\\.\" is too short");
        put(inbox, expected, "h-data.json", bytes("{\"pmid\": \"" + PMID_PREFIX + "4\"}"),
                "the file is JSON, but neither a Europe PMC, Crossref nor bioRxiv record");
        put(inbox, expected, "h-page.html", bytes("<html><body>exosomes</body></html>"),
                "an HTML page without a title");
        expected.put(BIG, "the file is 50\\.0 MB, over the inbox limit of 32\\.0 MB");
        Path big = scratch.resolve(BIG);
        writeBig(big, 50L * 1024 * 1024);
        Files.move(big, inbox.resolve(BIG));
        return expected;
    }

    private static void put(Path inbox, Map<String, String> expected, String name, byte[] content, String reason)
            throws IOException {
        Path tmp = inbox.resolve("." + name);
        Files.write(tmp, content);
        Files.move(tmp, inbox.resolve(name));
        expected.put(name, reason);
    }

    /** Billion laughs: ten entities, each ten of the one before, used as {@code use} says. */
    private static String laughs(String use) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            sb.append(" <!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">\n");
        }
        return sb.append("]>\n").append(use).append('\n').toString();
    }

    private static String articleSet(String pmid, String title) {
        return """
                <PubmedArticleSet><PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM">
                <PMID Version="1">%s</PMID><Article><ArticleTitle>%s</ArticleTitle></Article>
                </MedlineCitation></PubmedArticle></PubmedArticleSet>
                """.formatted(pmid, title);
    }

    /** Seeded, so the file is the same on every run; its first bytes hold a NUL. */
    private static byte[] random() {
        byte[] b = new byte[4096];
        new Random(15).nextBytes(b);
        b[7] = 0;
        b[0] = 0x13;
        return b;
    }

    /** A PubMed file of the given size, well formed, so only its size can refuse it. */
    private static void writeBig(Path file, long size) {
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] head = bytes("<PubmedArticleSet>\n");
            byte[] tail = bytes("</PubmedArticleSet>\n");
            out.write(head);
            long written = head.length;
            int n = 0;
            while (written + tail.length < size) {
                byte[] article = bytes(articleSet(PMID_PREFIX + "5" + n++, "Exosome " + n)
                        .replace("<PubmedArticleSet>", "").replace("</PubmedArticleSet>", ""));
                if (written + tail.length + article.length > size) {
                    article = bytes(" ".repeat((int) (size - tail.length - written)));
                }
                out.write(article);
                written += article.length;
            }
            out.write(tail);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
