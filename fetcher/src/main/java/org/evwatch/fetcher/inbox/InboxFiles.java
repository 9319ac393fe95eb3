package org.evwatch.fetcher.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads an inbox file as UTF-8 text, refusing early and cheaply what can never become records: a file over the size
 * limit is refused from its size alone, one that is plainly not text (a PDF, an image, an archive, UTF-16) from its
 * first bytes, and one with bytes that are not UTF-8 while it is decoded, chunk by chunk, so the raw bytes are never
 * held whole beside the text.
 */
public final class InboxFiles {

    private static final int CHUNK = 64 * 1024;
    /** How every reason for a file that holds no paper starts. */
    static final String NOT_A_PAPER = "not a paper file: ";
    /** What the inbox reads, said after a reason so that the person who dropped the file knows what would do. */
    static final String READS = "the inbox reads PubMed, JATS, Europe PMC, Crossref, bioRxiv and feed records, HTML pages,"
            + " text or Markdown page captures, RIS, BibTeX, CSL-JSON and MEDLINE (.nbib) libraries and lists of DOIs,"
            + " PMIDs, PMCIDs"
            + " and URLs, in UTF-8";

    private InboxFiles() {
    }

    /** The file's text; {@link UnreadableFileException} with a one-line reason when it is not UTF-8 text. */
    static String readText(Path file, long maxBytes) throws UnreadableFileException, IOException {
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new UnreadableFileException("the file is " + megabytes(size) + ", over the inbox limit of "
                    + megabytes(maxBytes) + " (evwatch.fetcher.inbox.max-file-size); split it into smaller files");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return readText(in, size);
        }
    }

    /**
     * The text of {@code size} bytes from {@code in}: refused when it is plainly not text (a PDF, an image, an archive
     * of any kind, which is never unpacked, UTF-16) or not UTF-8.
     */
    public static String readText(InputStream in, long size) throws UnreadableFileException, IOException {
        byte[] head = in.readNBytes(FileKinds.SNIFF_BYTES);
        var kind = FileKinds.notText(head, head.length);
        if (kind.isPresent()) {
            throw new UnreadableFileException(NOT_A_PAPER + "the file is " + kind.get() + "; " + READS, true);
        }
        return decode(head, in, size);
    }

    private static String decode(byte[] head, InputStream rest, long size) throws IOException, UnreadableFileException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        StringBuilder text = new StringBuilder((int) Math.min(size, Integer.MAX_VALUE - 8));
        ByteBuffer bytes = ByteBuffer.allocate(CHUNK + 8);
        CharBuffer chars = CharBuffer.allocate(CHUNK + 8);
        bytes.put(head).flip();
        long decoded = 0;
        byte[] chunk = new byte[CHUNK];
        boolean end = false;
        while (true) {
            CoderResult result = decoder.decode(bytes, chars, end);
            if (result.isError()) {
                long offset = decoded + bytes.position();
                throw new UnreadableFileException("not UTF-8 text: byte 0x" + String.format(Locale.ROOT, "%02X",
                        bytes.get(bytes.position()) & 0xFF) + " at offset " + offset
                        + " is not valid UTF-8 (Latin-1 or another encoding?); the inbox reads UTF-8 only");
            }
            text.append(chars.flip());
            chars.clear();
            if (end) {
                return text.toString();
            }
            decoded += bytes.position();
            bytes.compact();
            int n = rest.read(chunk, 0, Math.min(chunk.length, bytes.remaining()));
            end = n < 0;
            bytes.put(chunk, 0, Math.max(n, 0)).flip();
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
