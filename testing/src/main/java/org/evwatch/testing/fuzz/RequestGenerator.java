package org.evwatch.testing.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates hostile requests from a seed, so that a failure reproduces with the same seed: bad and dangerous
 * percent-encodings, NUL and other control characters, unicode, very long paths and query strings, every method,
 * odd Content-Type and Accept headers, and JSON bodies of the wrong shape (wrong types, deep nesting, huge strings,
 * truncated), and now and then a request the HTTP decoder cannot read at all ({@link MalformedWire}). Paths come
 * from the service's own routes, with {@code {}} standing for a generated segment, so most requests reach real
 * resources rather than the 404 route.
 */
public final class RequestGenerator {

    /** The largest request target generated, below the request-line limit (only {@link MalformedWire} goes past). */
    public static final int MAX_TARGET = 60_000;

    private static final List<String> METHODS = List.of("GET", "GET", "GET", "GET", "POST", "POST", "PUT", "DELETE",
            "PATCH", "HEAD", "OPTIONS", "TRACE", "FROB");
    private static final List<String> HOSTILE = List.of("%00", "%", "%2", "%zz", "%%", "%3Bls", ";ls", "..",
            "%2e%2e", "%2F", "%5C", "%C3%28", "%E2%82", "%FF", "%C0%AF", "%F0%9F%98%80", "%E2%80%AE", "%7F",
            "%1B%5B31m",
            "%0A", "%0D%0A", "%09", "%27%20OR%201%3D1--", "%22%3E%3Cscript%3E", "*", "~", "%2B", "+", "a+b", "%20",
            "MESH:D010190", "MESH%3AD010190", "doi:10.1038%2Fnature14581", "p-000042", "-1", "0",
            "99999999999999999999", "null", "NaN", "%7B%7D", "%5B%5D", "%EF%BF%BF", "%ED%A0%80", "%C2%85", "\u00e9",
            "caf%C3%A9", "%E4%B8%AD%E6%96%87", "BOGUS", "relevant", "DISEASE", "off-topic", "2024-01-01", "2024-13-45");
    private static final List<String> ACCEPT = List.of("*/*", "application/json", "application/problem+json",
            "text/html", "application/xml", "image/png", "text/event-stream", "application/x-research-info-systems",
            "nonsense", "a/b/c", "*/*;q=0", "");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
            "application/json; charset=latin1", "text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "nonsense", "application/problem+json", "");

    private final Random random;
    private final List<String> paths;
    private final List<String> parameters;
    private final List<String> sampleBodies;
    private final Map<String, String> credentials;
    private int index;

    /**
     * @param paths the service's routes, {@code {}} for a generated segment
     * @param parameters query parameter names the routes read
     * @param sampleBodies well-formed JSON bodies the routes accept, mutated into bad ones
     * @param credentials headers sent with about half the requests (an API key), or empty
     */
    public RequestGenerator(long seed, List<String> paths, List<String> parameters, List<String> sampleBodies,
            Map<String, String> credentials) {
        this.random = new Random(seed);
        this.paths = paths;
        this.parameters = parameters;
        this.sampleBodies = sampleBodies;
        this.credentials = credentials;
    }

    public FuzzRequest next() {
        if (random.nextInt(12) == 0) {
            // A request the HTTP decoder itself refuses: a malformed request line or header, or one past the limits.
            MalformedWire.Case malformed = random.nextBoolean()
                    ? pick(MalformedWire.cases())
                    : MalformedWire.generated(random);
            return FuzzRequest.raw(index++, malformed.name(), malformed.bytes());
        }
        String method = pick(METHODS);
        String target = path() + query();
        if (target.length() > MAX_TARGET) {
            target = target.substring(0, MAX_TARGET);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (random.nextBoolean()) {
            headers.putAll(credentials);
        }
        if (random.nextInt(3) > 0) {
            headers.put("Accept", pick(ACCEPT));
        }
        byte[] body = null;
        if (!method.equals("GET") && !method.equals("HEAD") && random.nextInt(4) > 0) {
            body = body();
            if (random.nextInt(5) > 0) {
                headers.put("Content-Type", pick(CONTENT_TYPES));
            }
        }
        return new FuzzRequest(index++, method, target, headers, body);
    }

    private String path() {
        String template = pick(paths);
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int at = template.indexOf("{}"); at >= 0; at = template.indexOf("{}", from)) {
            out.append(template, from, at).append(segment());
            from = at + 2;
        }
        out.append(template.substring(from));
        if (random.nextInt(20) == 0) {
            out.append('/').append(segment());
        }
        return out.toString();
    }

    private String segment() {
        return switch (random.nextInt(10)) {
            case 0 -> "x".repeat(1 + random.nextInt(random.nextBoolean() ? 300 : MAX_TARGET));
            case 1 -> pick(HOSTILE) + pick(HOSTILE);
            case 2 -> randomBytes(1 + random.nextInt(20));
            case 3 -> Integer.toString(random.nextInt(1000));
            default -> pick(HOSTILE);
        };
    }

    private String query() {
        if (random.nextInt(3) == 0) {
            return "";
        }
        StringBuilder out = new StringBuilder("?");
        int n = 1 + random.nextInt(random.nextInt(10) == 0 ? 200 : 5);
        for (int i = 0; i < n; i++) {
            out.append(i == 0 ? "" : "&").append(random.nextInt(12) == 0 ? segment() : pick(parameters));
            if (random.nextInt(10) > 0) {
                out.append('=').append(segment());
            }
        }
        return out.toString();
    }

    /** Percent-encoded random bytes, sometimes raw: any byte value, valid UTF-8 or not. */
    private String randomBytes(int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int b = random.nextInt(256);
            boolean raw = b > 0x20 && b != 0x7f && b != '?' && b != '#' && random.nextInt(4) == 0;
            out.append(raw ? String.valueOf((char) b) : String.format("%%%02X", b));
        }
        return out.toString();
    }

    private byte[] body() {
        String json = switch (random.nextInt(9)) {
            case 0 -> "";
            case 1 -> "[".repeat(1 + random.nextInt(5000));
            case 2 -> "{\"a\":".repeat(1 + random.nextInt(3000)) + "1" + "}".repeat(random.nextInt(3000));
            case 3 -> truncated(sample());
            case 4 -> "\"" + "x".repeat(random.nextInt(200_000)) + "\"";
            case 5 -> randomBytes(1 + random.nextInt(100));
            case 6 -> pick(List.of("null", "1", "true", "[]", "{}", "\"text\"", "1e999999", "-0", "{\"\":{}}"));
            default -> mutated(sample());
        };
        return json.getBytes(random.nextInt(10) == 0 ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8);
    }

    private String sample() {
        return sampleBodies.isEmpty() ? "{\"name\":\"x\"}" : pick(sampleBodies);
    }

    private String truncated(String json) {
        return json.substring(0, random.nextInt(Math.max(1, json.length())));
    }

    /** The sample with one JSON value replaced by a value of a wrong type or a hostile string. */
    private String mutated(String json) {
        List<String> values = List.of("null", "1", "-1", "1.5", "true", "[]", "{}", "[null]", "[1,2]", "[\"BOGUS\"]",
                "\"BOGUS\"", "\"a\\u0000b\"", "\"\\u001b[31m\"", "\"\\ud800\"", "\"" + "y".repeat(70_000) + "\"",
                "\"\"", "\"   \"", "[\"" + "z".repeat(400) + "\"]", "\"2024-13-45\"",
                "{\"url\":\"file:///etc/passwd\"}",
                "\"exosome AND (\"", "[" + "\"MESH:D010190\",".repeat(60) + "\"x\"]");
        int colon = nthColon(json, random.nextInt(8));
        if (colon < 0) {
            return json;
        }
        int end = valueEnd(json, colon + 1);
        return json.substring(0, colon + 1) + pick(values) + json.substring(end);
    }

    private int nthColon(String json, int n) {
        int at = -1;
        for (int i = 0; i <= n; i++) {
            int next = json.indexOf("\":", at + 1);
            if (next < 0) {
                return at < 0 ? -1 : at;
            }
            at = next + 1;
        }
        return at;
    }

    /** Where the JSON value starting at {@code from} ends: the next ',' or closing bracket at its own depth. */
    private static int valueEnd(String json, int from) {
        int depth = 0;
        boolean inString = false;
        for (int i = from; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                inString = c != '"' || json.charAt(i - 1) == '\\';
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if ((c == '}' || c == ']' || c == ',') && depth == 0) {
                return i;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return json.length();
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
