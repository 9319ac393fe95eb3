package org.evwatch.gateway.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A fake of the indexer's internal API with fixed data (the papers under {@code src/test/resources/papers}), so the
 * gateway's contract tests run without the indexer service. It implements the documented shapes, paging by cursor,
 * the id forms of paper look-up and problem answers; it does not search for real. The last search query string is
 * readable at {@code /_last-search} so tests can check what the gateway forwarded.
 */
public class FakeIndexer implements QuarkusTestResourceLifecycleManager {

    public static final List<String> PAPERS = List.of("exosome-pdac", "glioma-ev-mirna", "preprint-minimal");
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private final List<ObjectNode> papers = new ArrayList<>();
    private volatile String lastSearch = "";

    @Override
    public Map<String, String> start() {
        try {
            for (String name : PAPERS) {
                papers.add((ObjectNode) JSON.readTree(Fixtures.bytes("/papers/" + name + ".json")));
            }
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/internal/v1/", this::handle);
        server.createContext("/_last-search", ex -> send(ex, 200, "text/plain", lastSearch.getBytes()));
        server.start();
        return Map.of("quarkus.rest-client.indexer.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath().substring("/internal/v1".length());
        Map<String, List<String>> query = query(ex.getRequestURI().getRawQuery());
        String method = ex.getRequestMethod();
        if (path.equals("/search") && method.equals("GET")) {
            lastSearch = ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery();
            search(ex, query);
        } else if (path.startsWith("/papers/")) {
            String id = URLDecoder.decode(path.substring("/papers/".length()), StandardCharsets.UTF_8);
            ObjectNode paper = papers.stream().filter(p -> hasId(p, id)).findFirst().orElse(null);
            if (paper == null) {
                problem(ex, 404, "Not found", "No paper " + id, null);
            } else {
                json(ex, 200, paper);
            }
        } else if (path.equals("/entities")) {
            entities(ex, query);
        } else if (path.startsWith("/entities/")) {
            String id = URLDecoder.decode(path.substring("/entities/".length()), StandardCharsets.UTF_8);
            ObjectNode e = entities().stream().filter(n -> n.get("id").asText().equals(id)).findFirst().orElse(null);
            if (e == null) {
                problem(ex, 404, "Not found", "No entity " + id, null);
            } else {
                json(ex, 200, e);
            }
        } else if (path.equals("/stats")) {
            ObjectNode stats = JSON.createObjectNode().put("papers", papers.size());
            stats.putObject("papersPerYear").put("2015", 1).put("2023", 1).put("2024", 1);
            stats.set("topEntities", JSON.valueToTree(entities()));
            json(ex, 200, stats);
        } else if (path.equals("/admin/reindex")) {
            json(ex, method.equals("POST") ? 202 : 200, JSON.createObjectNode()
                    .put("state", method.equals("POST") ? "running" : "idle"));
        } else {
            problem(ex, 404, "Not found", "No route " + path, null);
        }
    }

    private void search(HttpExchange ex, Map<String, List<String>> query) throws IOException {
        String cursor = first(query, "cursor");
        if ("bad".equals(cursor)) {
            problem(ex, 400, "Bad request", "The cursor is not valid.", null);
            return;
        }
        String q = Objects.requireNonNullElse(first(query, "q"), "").toLowerCase(Locale.ROOT);
        List<ObjectNode> matching = papers.stream()
                .filter(p -> q.isEmpty() || Stream.of(q.split("\\s+")).filter(w -> w.matches("[a-z0-9-]+"))
                        .allMatch(w -> p.toString().toLowerCase(Locale.ROOT).contains(w)))
                .toList();
        int size = first(query, "size") == null ? 20 : Integer.parseInt(first(query, "size"));
        int offset = cursor == null ? 0 : Integer.parseInt(cursor);
        ObjectNode body = JSON.createObjectNode().put("total", matching.size());
        ArrayNode hits = body.putArray("hits");
        for (ObjectNode p : matching.subList(Math.min(offset, matching.size()),
                Math.min(offset + size, matching.size()))) {
            hits.add(hit(p));
        }
        ObjectNode facets = body.putObject("facets");
        facets.putArray("entityType").add(facet("DISEASE", "Disease", 2)).add(facet("MIRNA", "miRNA", 2));
        facets.putArray("year").add(facet("2023", "2023", 1)).add(facet("2015", "2015", 1));
        facets.putArray("relevance").add(facet("RELEVANT", "Relevant", 2));
        facets.putArray("entity").add(facet("MESH:D010190", "Pancreatic Neoplasms", 1));
        int next = offset + size;
        if (next < matching.size()) {
            body.put("nextCursor", Integer.toString(next));
        } else {
            body.putNull("nextCursor");
        }
        json(ex, 200, body);
    }

    private static ObjectNode hit(ObjectNode p) {
        ObjectNode h = JSON.createObjectNode();
        h.put("id", p.get("id").asText()).put("score", 1.5).put("title", p.get("title").asText());
        h.set("ids", p.get("ids"));
        ArrayNode authors = h.putArray("authors");
        p.get("authors").forEach(a -> authors.add(a.hasNonNull("family")
                ? (a.hasNonNull("given") ? a.get("given").asText() + " " : "") + a.get("family").asText()
                : a.path("collectiveName").asText()));
        h.put("journal", p.path("journal").path("title").asText(null));
        h.put("published", p.path("dates").path("published").asText(null));
        h.put("year", p.path("year").asInt(0) == 0 ? null : p.get("year").asInt());
        h.set("publicationTypes", p.get("publicationTypes"));
        h.put("tldr", p.path("summary").path("tldr").asText(null));
        h.put("relevance", p.path("summary").path("relevance").path("label").asText(null));
        ArrayNode entities = h.putArray("entities");
        p.path("entities").forEach(e -> entities.addObject().put("type", e.get("type").asText())
                .put("id", e.get("id").asText()).put("name", e.get("name").asText())
                .put("mentions", e.path("mentions").size()));
        String title = p.get("title").asText();
        h.putObject("highlights").put("title", title.replaceFirst("(?i)(exosomes|vesicles?)", "<mark>$1</mark>"));
        return h;
    }

    private void entities(HttpExchange ex, Map<String, List<String>> query) throws IOException {
        String prefix = Objects.requireNonNullElse(first(query, "prefix"), "").toLowerCase(Locale.ROOT);
        String type = first(query, "type");
        int limit = first(query, "limit") == null ? 20 : Integer.parseInt(first(query, "limit"));
        ArrayNode out = JSON.createArrayNode();
        entities().stream().filter(e -> e.get("name").asText().toLowerCase(Locale.ROOT).startsWith(prefix))
                .filter(e -> type == null || e.get("type").asText().equals(type)).limit(limit).forEach(out::add);
        json(ex, 200, out);
    }

    private static List<ObjectNode> entities() {
        return List.of(entity("MIMAT0000076", "MIRNA", "miRBase", "hsa-miR-21-5p", 2),
                entity("MESH:D010190", "DISEASE", "MESH", "Pancreatic Neoplasms", 1),
                entity("MESH:D005909", "DISEASE", "MESH", "Glioblastoma", 1),
                entity("EV:subtype/exosome", "EV_SUBTYPE", "EV", "exosome", 1));
    }

    private static ObjectNode entity(String id, String type, String ns, String name, int papers) {
        return JSON.createObjectNode().put("id", id).put("type", type).put("namespace", ns).put("name", name)
                .put("papers", papers);
    }

    private static ObjectNode facet(String value, String label, int count) {
        return JSON.createObjectNode().put("value", value).put("label", label).put("count", count);
    }

    private static boolean hasId(ObjectNode p, String id) {
        var ids = p.get("ids");
        String doi = ids.path("doi").asText(null);
        String pmid = ids.path("pmid").asText(null);
        String pmcid = ids.path("pmcid").asText(null);
        return id.equals(p.get("id").asText()) || doi != null && (id.equals(doi) || id.equals("doi:" + doi))
                || pmid != null && (id.equals(pmid) || id.equals("pmid:" + pmid))
                || pmcid != null && (id.equals(pmcid) || id.equals("pmcid:" + pmcid));
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static void problem(HttpExchange ex, int status, String title, String detail, Integer position)
            throws IOException {
        ObjectNode p = JSON.createObjectNode().put("type", "about:blank").put("title", title).put("status", status)
                .put("detail", detail);
        if (position != null) {
            p.put("position", position);
        }
        send(ex, status, "application/problem+json", JSON.writeValueAsBytes(p));
    }

    private static void json(HttpExchange ex, int status, Object body) throws IOException {
        send(ex, status, "application/json", JSON.writeValueAsBytes(body));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }
}
