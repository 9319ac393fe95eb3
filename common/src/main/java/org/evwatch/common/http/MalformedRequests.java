package org.evwatch.common.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * The answer to a request the HTTP decoder could not read at all: a request line with a raw space or a byte that is
 * not allowed, a version that is not HTTP/1.x, a header line without a colon, a request line or headers past the
 * server's limits. No route sees such a request; it gets a problem saying what was wrong (400, or 414 and 431 for the
 * limits), and the connection is closed after it, since the decoder cannot find where the next request would start.
 */
public final class MalformedRequests {

    private static final Pattern BYTES = Pattern.compile("(\\d+) bytes");
    private static final int MAX_REASON_CHARS = 200;

    private MalformedRequests() {
    }

    /** Answers {@code request}, whose decoding failed, with a problem. */
    public static void answer(HttpServerRequest request) {
        RequestChecks.Refusal refusal = describe(request.decoderResult());
        HttpServerResponse response = request.response();
        if (response.headWritten()) {
            return;
        }
        response.setStatusCode(refusal.status()).putHeader("Content-Type", HttpProblem.MEDIA_TYPE)
                .putHeader("Connection", "close").end(HttpProblem.json(refusal.status(), refusal.detail(), null));
    }

    /** The status and detail for a decoding failure. */
    static RequestChecks.Refusal describe(DecoderResult result) {
        Throwable cause = result == null ? null : result.cause();
        if (cause instanceof TooLongHttpLineException) {
            return new RequestChecks.Refusal(414, "The request line is longer than the " + limit(cause)
                    + " this server reads; send a shorter request target.");
        }
        if (cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException) {
            return new RequestChecks.Refusal(431, "The request headers are larger than the " + limit(cause)
                    + " this server reads; send fewer or shorter headers.");
        }
        return new RequestChecks.Refusal(400, "The request is not valid HTTP/1.1 and could not be read"
                + reason(cause) + ". A request is a line 'METHOD target HTTP/1.1' with single spaces and a "
                + "percent-encoded target, then 'Name: value' header lines, then an empty line.");
    }

    private static String limit(Throwable cause) {
        Matcher m = BYTES.matcher(String.valueOf(cause.getMessage()));
        return m.find() ? m.group(1) + " bytes" : "limit";
    }

    /** The decoder's own words, which name the part at fault; control characters and long echoes are cut. */
    private static String reason(Throwable cause) {
        if (cause == null || cause.getMessage() == null || cause.getMessage().isBlank()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (char c : cause.getMessage().toCharArray()) {
            out.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        String text = out.length() > MAX_REASON_CHARS ? out.substring(0, MAX_REASON_CHARS) + "..." : out.toString();
        return " (" + text + ")";
    }
}
