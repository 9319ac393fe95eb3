package org.evwatch.testing.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;

/**
 * Requests no HTTP client would send, as bytes: what the server's HTTP decoder itself refuses before any route runs.
 * Each case is complete (ends its headers with an empty line), so the server never waits for more.
 */
public final class MalformedWire {

    /**
     * A named malformed request and the status the decoder's refusal carries, or {@link #ANY_CLIENT_ERROR} for a
     * request the decoder lets through (an HTTP/9.9 request line reads as a request; the routes then answer it).
     */
    public record Case(String name, byte[] bytes, int status) {
    }

    public static final int ANY_CLIENT_ERROR = -1;

    /** Longer than the services' 64 KiB request-line limit. */
    public static final int OVERLONG_LINE = 70_000;
    /** Larger than the services' header-size limit. */
    public static final int OVERSIZED_HEADER = 40_000;

    /**
     * Versions to put on a request line. Not among them: another protocol name of the form {@code NAME/1.1}, which
     * the decoder takes as a version and Vert.x echoes on its status line, so that the answer is not an HTTP status
     * line a client could read.
     */
    private static final List<String> VERSIONS = List.of("HTTP/9.9", "HTTP/1.1.1", "HTTP/1", "HTTP/a.b",
            "HTTP/1.1 extra", "", "HTTP/\u00e9.1", "SPDY/3");

    private MalformedWire() {
    }

    /** The fixed cases, one per way a request can be unreadable. */
    public static List<Case> cases() {
        return List.of(
                new Case("a raw space in the target", line("GET /api/v1/papers/a b HTTP/1.1"), 400),
                new Case("a NUL byte in the target", line("GET /a\u0000b HTTP/1.1"), 400),
                new Case("a control byte in the target", line("GET /a\u0001b HTTP/1.1"), 400),
                new Case("an unknown HTTP version", line("GET / HTTP/9.9"), ANY_CLIENT_ERROR),
                new Case("no HTTP version (HTTP/0.9)", line("GET /"), 400),
                new Case("a protocol that is not HTTP", line("GET / SPDY/3"), 400),
                new Case("a method with a bracket", line("GE(T / HTTP/1.1"), 400),
                new Case("two spaces between method and target", line("GET  / HTTP/1.1"), ANY_CLIENT_ERROR),
                new Case("a header line without a colon", request("GET / HTTP/1.1", "Host: x", "NoColonHere"), 400),
                new Case("a space before a header's colon", request("GET / HTTP/1.1", "Host: x", "Bad Name : v"), 400),
                new Case("a bad Content-Length", request("POST / HTTP/1.1", "Host: x", "Content-Length: ten"), 400),
                new Case("two different Content-Lengths",
                        request("POST / HTTP/1.1", "Host: x", "Content-Length: 1", "Content-Length: 2"), 400),
                new Case("a request line past the limit", line("GET /" + "x".repeat(OVERLONG_LINE) + " HTTP/1.1"), 414),
                new Case("headers past the limit",
                        request("GET / HTTP/1.1", "Host: x", "X-Pad: " + "p".repeat(OVERSIZED_HEADER)), 431));
    }

    /** A malformed request made from {@code random}: a request line with raw bytes, or an odd version. */
    public static Case generated(Random random) {
        if (random.nextBoolean()) {
            StringBuilder target = new StringBuilder("/api/");
            for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
                int b = random.nextInt(3) == 0 ? random.nextInt(0x20) : 0x80 + random.nextInt(0x80);
                target.append("x").append((char) (b == '\r' || b == '\n' ? ' ' : b));
            }
            return new Case("raw bytes in the target", line("GET " + target + " HTTP/1.1"), ANY_CLIENT_ERROR);
        }
        String version = VERSIONS.get(random.nextInt(VERSIONS.size()));
        return new Case("version '" + version + "'", line(("GET /api/v1/papers " + version).trim()),
                ANY_CLIENT_ERROR);
    }

    /** The body of a chunked request whose chunk size is not hexadecimal. */
    public static byte[] badChunk() {
        return bytes("POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                + "\r\nZZ\r\n{}\r\n0\r\n\r\n");
    }

    private static byte[] line(String requestLine) {
        return request(requestLine, "Host: x");
    }

    private static byte[] request(String requestLine, String... headers) {
        StringBuilder out = new StringBuilder(requestLine).append("\r\n");
        for (String header : headers) {
            out.append(header).append("\r\n");
        }
        return bytes(out.append("Connection: close\r\n\r\n").toString());
    }

    /** Characters below 256 as single bytes, so that raw bytes reach the wire unchanged. */
    private static byte[] bytes(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (char c : text.toCharArray()) {
            out.write(c);
        }
        return out.toByteArray();
    }
}
