package org.evwatch.indexer.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.evwatch.events.PaperIndexed;
import org.postgresql.PGConnection;

/**
 * The generated papers in PostgreSQL with full-text search (tsvector + GIN, ranked with ts_rank), searched as a
 * PostgreSQL-backed service would search them: ranked page, highlighted titles, count and facets.
 */
final class PostgresFts {

    private PostgresFts() {
    }

    static void load(DataSource ds, PaperGenerator generator, long papers) throws SQLException, IOException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE papers (id text PRIMARY KEY, title text, abstract text, extra text, year int, "
                    + "published date, journal text, pubtype text, relevance text, sources text[], "
                    + "entity_ids text[], entity_types text[], "
                    + "tsv tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english', title), 'A') || "
                    + "setweight(to_tsvector('english', abstract), 'B') || "
                    + "setweight(to_tsvector('english', extra), 'C')) STORED)");
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder chunk = new StringBuilder();
            for (long i = 0; i < papers; i++) {
                PaperIndexed p = generator.paper(i);
                var paper = p.paper();
                String extra = String.join(" ", paper.keywords()) + " "
                        + p.entities().stream().map(PaperIndexed.EntityCount::name).collect(Collectors.joining(" "))
                        + " " + p.summary().tldr();
                chunk.append(tsv(p.paperId())).append('\t').append(tsv(paper.title())).append('\t')
                        .append(tsv(paper.abstractText())).append('\t').append(tsv(extra)).append('\t')
                        .append(paper.dates().year()).append('\t').append(paper.dates().published()).append('\t')
                        .append(tsv(paper.journal().title())).append('\t')
                        .append(tsv(paper.publicationTypes().get(0))).append('\t')
                        .append(p.summary().relevance().label().name()).append('\t')
                        .append(array(p.sources())).append('\t')
                        .append(array(p.entities().stream().map(PaperIndexed.EntityCount::id).toList())).append('\t')
                        .append(array(p.entities().stream().map(e -> e.type().name()).distinct().toList()))
                        .append('\n');
                if ((i + 1) % 20_000 == 0 || i == papers - 1) {
                    copy.copyIn("COPY papers (id, title, abstract, extra, year, published, journal, pubtype, "
                            + "relevance, sources, entity_ids, entity_types) FROM STDIN",
                            new StringReader(chunk.toString()));
                    chunk.setLength(0);
                    if ((i + 1) % 100_000 == 0) {
                        System.out.println("  loaded into PostgreSQL " + (i + 1));
                    }
                }
            }
            s.execute("CREATE INDEX papers_tsv ON papers USING gin (tsv)");
            s.execute("ANALYZE papers");
        }
    }

    /** One search request as a PostgreSQL-backed service would serve it: ranked page, count and facets. */
    static long search(DataSource ds, String q) throws SQLException {
        String top = "SELECT id, ts_rank(tsv, query) AS rank, "
                + "ts_headline('english', title, query, 'StartSel=<mark>, StopSel=</mark>') "
                + "FROM papers, websearch_to_tsquery('english', ?) query WHERE tsv @@ query "
                + "ORDER BY rank DESC, id LIMIT 20";
        String facets = "WITH m AS MATERIALIZED (SELECT year, journal, pubtype, relevance, sources, entity_ids, "
                + "entity_types FROM papers WHERE tsv @@ websearch_to_tsquery('english', ?)) "
                + "SELECT 'total', NULL, count(*) FROM m "
                + "UNION ALL (SELECT 'year', year::text, count(*) FROM m GROUP BY year) "
                + "UNION ALL (SELECT 'journal', journal, count(*) FROM m GROUP BY journal ORDER BY 3 DESC LIMIT 20) "
                + "UNION ALL (SELECT 'pubType', pubtype, count(*) FROM m GROUP BY pubtype) "
                + "UNION ALL (SELECT 'relevance', relevance, count(*) FROM m GROUP BY relevance) "
                + "UNION ALL (SELECT 'source', s, count(*) FROM m, unnest(sources) s GROUP BY s) "
                + "UNION ALL (SELECT 'entityType', t, count(*) FROM m, unnest(entity_types) t GROUP BY t) "
                + "UNION ALL (SELECT 'entity', e, count(*) FROM m, unnest(entity_ids) e GROUP BY e "
                + "ORDER BY 3 DESC LIMIT 20)";
        long total = 0;
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(top)) {
                ps.setString(1, q);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(1);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(facets)) {
                ps.setString(1, q);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if ("total".equals(rs.getString(1))) {
                            total = rs.getLong(3);
                        }
                    }
                }
            }
        }
        return total;
    }

    private static String tsv(String s) {
        if (s == null) {
            return "\\N";
        }
        return s.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ").replace("\r", " ");
    }

    private static String array(List<String> values) {
        return values.stream().map(v -> "\"" + v.replace("\\", "\\\\\\\\").replace("\"", "\\\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }
}
