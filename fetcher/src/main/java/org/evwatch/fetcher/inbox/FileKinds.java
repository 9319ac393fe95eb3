package org.evwatch.fetcher.inbox;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Tells from a file's first bytes that it is clearly not UTF-8 text, and says what it looks like instead, so that the
 * reason beside a rejected file names the mistake (a PDF dropped by hand, a UTF-16 export) rather than the first
 * character a parser choked on. Which text format a file holds is told afterwards, from its text
 * ({@link org.evwatch.events.ContentSniffer}).
 */
final class FileKinds {

    /** How many leading bytes are enough to recognise any of the kinds below. */
    static final int SNIFF_BYTES = 512;

    private record Magic(byte[] prefix, String kind) {
    }

    private static final List<Magic> BINARY = List.of(magic("%PDF-", "a PDF document"),
            magic("\u0089PNG\r\n", "a PNG image"), magic("\u00FF\u00D8\u00FF", "a JPEG image"),
            magic("GIF8", "a GIF image"), magic("PK\u0003\u0004", "a ZIP archive (or an Office document)"),
            magic("\u001F\u008B", "a gzip-compressed file (gunzip it first)"),
            magic("BZh", "a bzip2-compressed file (bunzip2 it first)"),
            magic("\u00FE\u00FF", "UTF-16 text (big-endian, with a byte order mark)"),
            magic("\u00FF\u00FE", "UTF-16 text (little-endian, with a byte order mark)"),
            magic("\u0000<\u0000", "UTF-16 text (big-endian, without a byte order mark)"),
            magic("<\u0000", "UTF-16 text (little-endian, without a byte order mark)"));

    private FileKinds() {
    }

    /** Why a file starting with {@code head} is not UTF-8 text, or empty when it may be. */
    static Optional<String> notText(byte[] head, int length) {
        for (Magic m : BINARY) {
            if (startsWith(head, length, m.prefix())) {
                return Optional.of(m.kind());
            }
        }
        int start = skipBomAndSpace(head, length);
        if (start == length) {
            return Optional.of(length == 0 ? "empty" : "nothing but white space");
        }
        for (int i = 0; i < length; i++) {
            if (head[i] == 0) {
                return Optional.of("binary data (a NUL byte at offset " + i + ")");
            }
        }
        return Optional.empty();
    }

    /** The first line of {@code text}, at most 40 characters, for a reason that shows what the file starts with. */
    static String preview(String text) {
        byte[] head = text.substring(0, Math.min(text.length(), 200)).getBytes(StandardCharsets.UTF_8);
        int start = skipBomAndSpace(head, head.length);
        return preview(head, start, head.length);
    }

    private static int skipBomAndSpace(byte[] head, int length) {
        int i = startsWith(head, length, new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}) ? 3 : 0;
        while (i < length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
            i++;
        }
        return i;
    }

    private static String preview(byte[] head, int start, int length) {
        int end = Math.min(start + 40, length);
        String text = new String(head, start, end - start, StandardCharsets.UTF_8);
        String line = text.lines().findFirst().orElse("").strip().replaceAll("\\p{Cntrl}", "?");
        return end < length || line.length() < text.strip().length() ? line + "..." : line;
    }

    private static boolean startsWith(byte[] head, int length, byte[] prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (head[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static Magic magic(String latin1, String kind) {
        return new Magic(latin1.getBytes(StandardCharsets.ISO_8859_1), kind);
    }
}
