package org.evwatch.indexer.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Rows for one multi-row statement: each column travels as one array parameter that PostgreSQL unnests back into
 * rows, so that a whole batch of rows for a table is a single statement whatever its size.
 * <p>
 * Cells are sent as text in each column's SQL element type ({@code text}, {@code int4}, {@code int8}, {@code bool},
 * {@code float8}, {@code timestamptz}, {@code date}); instants and dates in ISO form, which PostgreSQL reads without
 * regard to the session's time zone.
 */
public final class RowBatch {

    private final String table;
    private final List<String> names = new ArrayList<>();
    private final List<String> types = new ArrayList<>();
    private final List<List<String>> columns = new ArrayList<>();
    private int size;

    private RowBatch(String table) {
        this.table = table;
    }

    /** An empty batch of rows for {@code table}; declare its columns with {@link #column}. */
    public static RowBatch into(String table) {
        return new RowBatch(table);
    }

    public RowBatch column(String name, String sqlType) {
        names.add(name);
        types.add(sqlType);
        columns.add(new ArrayList<>());
        return this;
    }

    /** Adds one row, its cells in the order the columns were declared. */
    public RowBatch row(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException(table + ": " + cells.length + " cells for " + columns.size()
                    + " columns");
        }
        for (int i = 0; i < cells.length; i++) {
            columns.get(i).add(cells[i] == null ? null : cells[i].toString());
        }
        size++;
        return this;
    }

    public int size() {
        return size;
    }

    /**
     * {@code insert into <table> (<columns>) select * from unnest(<arrays>) <tail>}, where {@code tail} is e.g. an
     * {@code on conflict} clause. Does nothing when the batch is empty.
     */
    public int insert(Connection connection, String tail) throws SQLException {
        return execute(connection, "insert into " + table + " (" + String.join(", ", names)
                + ") select * from unnest(%s) " + tail);
    }

    /**
     * {@code on conflict (<key>) do update set c = excluded.c, ...} for every column but the key's and the
     * {@code unchanged} ones.
     */
    public String onConflictUpdate(String key, String... unchanged) {
        List<String> keep = new ArrayList<>(List.of(key.split(",\\s*")));
        keep.addAll(List.of(unchanged));
        return "on conflict (" + key + ") do update set " + names.stream().filter(n -> !keep.contains(n))
                .map(n -> n + " = excluded." + n).collect(Collectors.joining(", "));
    }

    /**
     * Runs {@code sql} with {@code %s} replaced by the column arrays, in declaration order (e.g. an update joined to
     * {@code unnest(%s) as m(a, b)}). Does nothing when the batch is empty.
     */
    public int execute(Connection connection, String sql) throws SQLException {
        if (size == 0) {
            return 0;
        }
        String arrays = types.stream().map(t -> "?::" + t + "[]").collect(Collectors.joining(", "));
        try (PreparedStatement statement = connection.prepareStatement(sql.formatted(arrays))) {
            for (int i = 0; i < columns.size(); i++) {
                Array array = connection.createArrayOf(types.get(i), columns.get(i).toArray(String[]::new));
                statement.setArray(i + 1, array);
            }
            return statement.executeUpdate();
        }
    }

    /** {@code delete from <table> where <column> = any(<values>)}: one statement for any number of values. */
    public static int deleteWhereAny(Connection connection, String table, String column, Collection<String> values)
            throws SQLException {
        if (values.isEmpty()) {
            return 0;
        }
        try (PreparedStatement statement = connection
                .prepareStatement("delete from " + table + " where " + column + " = any(?::text[])")) {
            statement.setArray(1, connection.createArrayOf("text", values.toArray(String[]::new)));
            return statement.executeUpdate();
        }
    }
}
