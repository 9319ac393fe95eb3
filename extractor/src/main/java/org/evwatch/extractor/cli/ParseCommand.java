package org.evwatch.extractor.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.evwatch.events.Paper;
import org.evwatch.events.serde.EventJson;
import org.evwatch.extractor.parse.ParseException;
import org.evwatch.extractor.parse.Parsers;

/**
 * Parses files of any supported format and prints each canonical paper as one JSON line, so that an operator can
 * see what the extractor makes of a record, or why it rejects it.
 *
 * <pre>ParseCommand [--type CONTENT_TYPE] FILE...</pre>
 *
 * A file that cannot be parsed gets one error line on stderr; the others are still printed; the exit code is 1
 * when any file failed, 2 on bad usage.
 */
public final class ParseCommand {

    private static final Pattern XML_ENCODING = Pattern.compile("^<\\?xml[^>]*encoding=[\"']([\\w.:-]+)[\"']");
    private static final Pattern HTML_CHARSET = Pattern.compile("<meta[^>]+charset=[\"']?([\\w.:-]+)",
            Pattern.CASE_INSENSITIVE);

    private final Parsers parsers;

    public ParseCommand(Parsers parsers) {
        this.parsers = parsers;
    }

    public static void main(String[] args) {
        System.exit(new ParseCommand(Parsers.standard()).run(args, System.out, System.err));
    }

    /** The command's work, with its streams given, so that tests run it in-process. Returns the exit code. */
    public int run(String[] args, PrintStream out, PrintStream err) {
        String type = null;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--type") || args[i].equals("-t")) {
                if (i + 1 >= args.length) {
                    err.println("error: --type needs a content type, e.g. --type application/vnd.pubmed+xml");
                    return 2;
                }
                type = args[++i];
            } else if (args[i].equals("--help") || args[i].equals("-h")) {
                out.println("usage: ParseCommand [--type CONTENT_TYPE] FILE...");
                out.println("Prints one canonical paper per line as JSON; the type is sniffed when not given.");
                return 0;
            } else {
                files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            err.println("usage: ParseCommand [--type CONTENT_TYPE] FILE...");
            return 2;
        }
        int failed = 0;
        for (Path file : files) {
            try {
                for (Paper paper : parsers.parseAll(type, read(file))) {
                    out.println(EventJson.writeString(paper));
                }
            } catch (ParseException e) {
                err.println(file + ": " + e.getMessage());
                failed++;
            } catch (IOException e) {
                err.println(file + ": cannot read file: " + e);
                failed++;
            }
        }
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    /**
     * The file as text in the charset it declares (XML declaration, HTML meta), else UTF-8; bytes that are not
     * valid in that charset are an error rather than silently replaced characters. A .gz file is unpacked.
     */
    static String read(Path file) throws IOException, ParseException {
        byte[] bytes = Files.readAllBytes(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
                bytes = in.readAllBytes();
            }
        }
        Charset charset = declaredCharset(bytes);
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int at = firstBadByte(bytes, charset);
            int line = 1;
            for (int i = 0; i < at; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new ParseException(String.format(Locale.ROOT,
                    "not valid %s text: byte 0x%02X at offset %d (line %d) cannot be decoded;"
                            + " the file's bytes are in another encoding than the one declared or assumed",
                    charset.name(), bytes[at] & 0xFF, at, line));
        }
    }

    private static Charset declaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1);
        Matcher m = XML_ENCODING.matcher(head.startsWith("\u00EF\u00BB\u00BF") ? head.substring(3) : head);
        if (!m.find()) {
            m = HTML_CHARSET.matcher(head);
            if (!m.find()) {
                return StandardCharsets.UTF_8;
            }
        }
        try {
            return Charset.forName(m.group(1).toUpperCase(Locale.ROOT));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static int firstBadByte(byte[] bytes, Charset charset) {
        var decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : 0;
    }
}
