package org.evwatch.testing.openapi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The response statuses an OpenAPI document promises for each operation, and the operation a request reaches: the
 * contract a test holds the server's real answers to.
 */
public final class DocumentedStatuses {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /** One operation: its method, its path template, its id and the statuses it documents. */
    public record Operation(String method, String template, String operationId, Set<Integer> statuses,
            Pattern path, Pattern spanning) {

        /** Whether the document promises this status here (or a {@code default} response). */
        public boolean documents(int status) {
            return statuses.contains(status) || statuses.contains(-1);
        }

        /** {@code operationId status} for each documented status. */
        public List<String> pairs() {
            return statuses.stream().map(s -> operationId + " " + s).toList();
        }
    }

    private final List<Operation> operations;

    private DocumentedStatuses(List<Operation> operations) {
        this.operations = operations;
    }

    /** The operations of an OpenAPI 3 document in its JSON form. */
    public static DocumentedStatuses of(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                Set<Integer> statuses = new TreeSet<>();
                op.getValue().path("responses").fieldNames().forEachRemaining(
                        code -> statuses.add(code.equals("default") ? -1 : Integer.parseInt(code)));
                operations.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        op.getValue().path("operationId").asText(path.getKey()), Set.copyOf(statuses),
                        pattern(path.getKey(), false), pattern(path.getKey(), true)));
            }
        }
        // Literal paths before templated ones: /papers/stats is not /papers/{id}.
        operations.sort(Comparator.comparingInt((Operation o) -> -literalLength(o.template())));
        return new DocumentedStatuses(List.copyOf(operations));
    }

    /** Every operation of the document. */
    public List<Operation> operations() {
        return operations;
    }

    /** Every {@code operationId status} the document promises. */
    public Set<String> pairs() {
        Set<String> pairs = new TreeSet<>();
        operations.forEach(o -> pairs.addAll(o.pairs()));
        return pairs;
    }

    /**
     * The operation a request with this method and path (query string allowed) reaches, if the document has it. A
     * parameter is one path segment; only where no template of any method matches so does the last parameter of a
     * template span several (paper ids such as {@code doi:10.1038/x} carry slashes). A path the document has under
     * other methods only reaches no operation: the HTTP layer answers it (405). Matrix parameters ({@code ;name=value}
     * in a segment) are not part of the path the server routes, so they are dropped first, as the server does; so are
     * dot segments ({@code a/b/..} is {@code a/}, also written {@code %2e%2e}). A path that is a template's but for a
     * trailing slash reaches that template's operations, as the server routes it.
     */
    public Optional<Operation> match(String method, String pathAndQuery) {
        String path = withoutDotSegments(pathAndQuery.replaceFirst("[?#].*$", "").replaceAll(";[^/]*", ""));
        List<Operation> strict = strictly(path);
        if (strict.isEmpty() && path.length() > 1 && path.endsWith("/")) {
            // The server routes a trailing slash to the path without it, before any parameter spans it.
            strict = strictly(path.substring(0, path.length() - 1));
        }
        List<Operation> candidates = strict.isEmpty()
                ? operations.stream().filter(o -> o.spanning().matcher(path).matches()).toList()
                : strict;
        return candidates.stream().filter(o -> o.method().equalsIgnoreCase(method)).findFirst();
    }

    private List<Operation> strictly(String path) {
        return operations.stream().filter(o -> o.path().matcher(path).matches()).toList();
    }

    /**
     * A template's path as a pattern; when {@code spanning}, a last parameter may span several segments. A parameter
     * followed by more of the path may be empty.
     */
    static Pattern pattern(String template, boolean spanning) {
        StringBuilder regex = new StringBuilder();
        String[] parts = template.split("\\{[^}]+}", -1);
        for (int i = 0; i < parts.length; i++) {
            regex.append(Pattern.quote(parts[i]));
            if (i < parts.length - 1) {
                boolean last = i == parts.length - 2 && parts[parts.length - 1].isEmpty();
                // An empty segment within the path (a//b) is routed with an empty parameter, as the server does.
                regex.append(!last ? "[^/]*" : spanning ? ".+" : "[^/]+");
            }
        }
        return Pattern.compile(regex.toString());
    }

    /** The path with its {@code .} and {@code ..} segments resolved (RFC 3986, section 5.2.4). */
    static String withoutDotSegments(String path) {
        String[] segments = path.replaceAll("(?i)%2e", ".").split("/", -1);
        Deque<String> kept = new ArrayDeque<>();
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.equals(".") || segment.equals("..")) {
                if (segment.equals("..") && kept.size() > 1) {
                    kept.removeLast();
                }
                if (last) {
                    kept.addLast("");
                }
            } else {
                kept.addLast(segment);
            }
        }
        return String.join("/", kept);
    }

    private static int literalLength(String template) {
        return template.replaceAll("\\{[^}]+}", "").length();
    }
}
