package org.evwatch.common.http;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

/**
 * What every service refuses before routing: request targets too long to be a real request, percent-encodings that do
 * not decode to UTF-8, control characters (a NUL reaches PostgreSQL as an error, not as text), and bodies that do not
 * say what they are. Checking here, once, means no resource and no database sees such input.
 */
public final class RequestChecks {

    /** Longer request targets are refused; legitimate searches with every filter stay far below. */
    public static final int MAX_TARGET_CHARS = 8192;

    /** Why a request is refused. */
    public record Refusal(int status, String detail) {
    }

    private RequestChecks() {
    }

    /**
     * The refusal of a request, or empty when it may go on.
     *
     * @param target the raw request target, as on the request line
     * @param header the request's headers by name
     */
    public static Optional<Refusal> check(String method, String target, Function<String, String> header) {
        if (target.length() > MAX_TARGET_CHARS) {
            return refuse(414, "The request target has " + target.length() + " characters; at most "
                    + MAX_TARGET_CHARS + " are accepted.");
        }
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        Optional<Refusal> refusal = checkPart("the path", path, false);
        if (refusal.isEmpty() && q >= 0) {
            refusal = checkQuery(target.substring(q + 1));
        }
        if (refusal.isEmpty()) {
            refusal = checkSyntax(target);
        }
        return refusal.isPresent() ? refusal : checkBody(method, header);
    }

    private static Optional<Refusal> checkQuery(String query) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            Optional<Refusal> refusal = checkPart("a query parameter name", rawName, true);
            if (refusal.isPresent()) {
                return refusal;
            }
            String name = decode(rawName, true);
            refusal = checkPart("query parameter '" + name + "'", eq < 0 ? "" : pair.substring(eq + 1), true);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    private static Optional<Refusal> checkPart(String what, String raw, boolean form) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c > 0x7e || c < 0x21) {
                return refuse(400, capital(what) + " has a raw character "
                        + codePoint(c) + "; percent-encode it as UTF-8.");
            }
        }
        String decoded = decode(raw, form);
        if (decoded == null) {
            return refuse(400, capital(what) + " has a malformed percent-encoding; '%' must be followed by two hex "
                    + "digits and the bytes must be UTF-8.");
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (Character.isISOControl(c)) {
                return refuse(400, capital(what) + " contains the control character " + codePoint(c) + ".");
            }
        }
        return Optional.empty();
    }

    /** The check the HTTP layer would make itself: a target that is no URI cannot be routed safely. */
    private static Optional<Refusal> checkSyntax(String target) {
        try {
            new URI(target);
            return Optional.empty();
        } catch (URISyntaxException e) {
            return refuse(400, "The request target is not a valid URI: " + e.getReason() + " at index " + e.getIndex()
                    + "; percent-encode reserved characters.");
        }
    }

    private static Optional<Refusal> checkBody(String method, Function<String, String> header) {
        if (!method.equals("POST") && !method.equals("PUT") && !method.equals("PATCH")) {
            return Optional.empty();
        }
        String length = header.apply("Content-Length");
        boolean hasBody = header.apply("Transfer-Encoding") != null
                || (length != null && !length.trim().equals("0"));
        String type = header.apply("Content-Type");
        if (hasBody && (type == null || type.isBlank())) {
            return refuse(415, "The body has no Content-Type; declare what it is (application/json for JSON).");
        }
        return Optional.empty();
    }

    /** The percent-decoded text, or null when the encoding is malformed or the bytes are not UTF-8. */
    static String decode(String raw, boolean form) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                        || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    return null;
                }
                bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else {
                bytes.write(form && c == '+' ? ' ' : c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }

    private static Optional<Refusal> refuse(int status, String detail) {
        return Optional.of(new Refusal(status, detail));
    }
}
