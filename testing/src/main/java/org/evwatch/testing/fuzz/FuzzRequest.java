package org.evwatch.testing.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One generated request, written to the socket as it is: the request target is not parsed or re-encoded, so malformed
 * percent-encodings and raw bytes reach the server unchanged. A request with {@code wire} bytes is sent exactly as
 * those bytes (a request line or headers no HTTP client would write); the other fields then only describe it.
 */
public record FuzzRequest(int index, String method, String target, Map<String, String> headers, byte[] body,
        byte[] wire) {

    public FuzzRequest(int index, String method, String target, Map<String, String> headers, byte[] body) {
        this(index, method, target, headers, body, null);
    }

    /** A request sent as {@code wire}, byte for byte; {@code what} says what is wrong with it. */
    public static FuzzRequest raw(int index, String what, byte[] wire) {
        return new FuzzRequest(index, "RAW", what, Map.of(), null, wire);
    }

    /** The request as it goes on the wire. */
    public byte[] bytes(String host) {
        if (wire != null) {
            return wire;
        }
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append("\r\nConnection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[start.length + (body == null ? 0 : body.length)];
        System.arraycopy(start, 0, out, 0, start.length);
        if (body != null) {
            System.arraycopy(body, 0, out, start.length, body.length);
        }
        return out;
    }

    /** A readable account for a failure message, long parts cut. */
    @Override
    public String toString() {
        if (wire != null) {
            return "#" + index + " raw (" + target + "): " + cut(new String(wire, StandardCharsets.ISO_8859_1), 300);
        }
        String shownBody = body == null ? "(none)" : cut(new String(body, StandardCharsets.UTF_8), 300);
        return "#" + index + " " + method + " " + cut(target, 300) + " headers=" + headers + " body=" + shownBody;
    }

    static String cut(String s, int max) {
        String visible = s.chars().mapToObj(c -> c < 0x20 || c == 0x7f
                ? String.format("\\x%02x", c)
                : String.valueOf((char) c)).reduce(new StringBuilder(), StringBuilder::append, StringBuilder::append)
                .toString();
        return visible.length() <= max
                ? visible
                : visible.substring(0, max) + "...(" + visible.length() + " characters)";
    }
}
